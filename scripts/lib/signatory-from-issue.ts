import type { IssueFormValues } from "./issue-form.ts";
import { MAX_SLUG_LENGTH } from "./limits.ts";
import { parseYaml } from "./parse-yaml.ts";
import { parsePlace } from "./place.ts";
import { problem } from "./problem.ts";
import { readSchema } from "./schemas.ts";
import { slugify } from "./slug.ts";
import type { Problem } from "./types.ts";

/** A signature read from a sign issue: the letter asked for and the signatory fields, not yet validated. */
export interface IssueSignature {
  letter: string;
  /** Signatory fields as text, exactly as they will be written (the validator judges them). */
  fields: Record<string, string>;
}

/** Options of {@link signatureFromIssue}. */
export interface IssueSignatureOptions {
  /** GitHub login of the issue's author, recorded as `github:`. */
  author?: string;
  /** The signing date, YYYY-MM-DD. */
  today: string;
  /** Names the issue body in problems. */
  file: string;
}

const schema = readSchema("signatory");
const FIELD_ORDER = Object.keys(schema.properties as object);

/**
 * Turns the answers of the sign issue form into signatory fields. Answers are kept as given (trimmed)
 * so the validator can explain what is wrong with them; only unambiguous conveniences are applied: a
 * country name becomes its code ("Kenya" → KE), a scope word its `scope:`, a bare host gets `https://`.
 * @example signatureFromIssue(values, { today: "2026-05-01", file: "issue.md" }).signature?.fields.country
 */
export function signatureFromIssue(values: IssueFormValues, options: IssueSignatureOptions): { signature?: IssueSignature; problems: Problem[] } {
  const problems: Problem[] = [];
  const answer = (id: string) => values.text.get(id);
  if ((values.ticked.get("consent") ?? []).length === 0) {
    problems.push(problem("error", options.file, 'the "Consent" box is not ticked; your name is published only with your agreement — edit the issue and tick the box'));
  }
  const letter = letterSlugFromAnswer(answer("letter") ?? "");
  if (letter === "") problems.push(problem("error", options.file, 'the answer to "Letter" is empty; write the short name of the letter from its web address, such as itu-pp14-openness'));
  if (problems.length > 0) return { problems };

  const given: Record<string, string | undefined> = {
    name: answer("name"),
    type: answer("type"),
    ...placeFromAnswer(answer("place") ?? ""),
    url: urlFromAnswer(answer("url")),
    affiliation: answer("affiliation"),
    role: answer("role"),
    github: options.author,
    signed: options.today,
  };
  const fields: Record<string, string> = {};
  for (const key of FIELD_ORDER) {
    const value = given[key];
    if (value !== undefined && value !== "") fields[key] = value;
  }
  return { signature: { letter, fields }, problems };
}

/**
 * Accepts a letter's slug or the address of its page.
 * @example letterSlugFromAnswer("https://example.org/letters/itu-pp14-openness/") // "itu-pp14-openness"
 */
export function letterSlugFromAnswer(text: string): string {
  const fromUrl = /\/letters\/([^/?#\s]+)\/?(?:[?#].*)?$/.exec(text.trim());
  return (fromUrl?.[1] ?? text).trim().toLowerCase();
}

/**
 * Reads "Country or scope" as `undersigned sign` does (parsePlace: a scope word, a code, or a
 * country's name in English or another major language, "USA" and "UK" included); anything else is
 * kept as the country so the validator's message quotes it.
 * @example placeFromAnswer("kenya") // { country: "KE" }
 */
export function placeFromAnswer(text: string): { country?: string; scope?: string } {
  return parsePlace(text, "en") ?? { country: text.trim() };
}

function urlFromAnswer(text: string | undefined): string | undefined {
  if (text === undefined || text === "") return text;
  return /^[a-z][a-z0-9+.-]*:/i.test(text) ? text : `https://${text}`;
}

/**
 * Writes signatory fields as YAML, one per line in the schema's order: plain where the text reads
 * back unchanged, double-quoted (JSON escapes, valid YAML) where it would not.
 * @example signatoryYaml({ name: "ACME", type: "organisation" }) // "name: ACME\ntype: organisation\n"
 */
export function signatoryYaml(fields: Readonly<Record<string, string>>): string {
  return Object.entries(fields)
    .map(([key, value]) => `${key}: ${readsBackPlain(key, value) ? value : JSON.stringify(value)}\n`)
    .join("");
}

function readsBackPlain(key: string, value: string): boolean {
  if (value === "" || value !== value.trim() || /[\n"'\\]/.test(value)) return false;
  try {
    const parsed = parseYaml(`${key}: ${value}\n`) as Record<string, unknown>;
    return parsed[key] === value;
  } catch {
    return false;
  }
}

/**
 * Picks a file slug for a new signatory that no file in the letter's folder has: the name's slug,
 * else the author's, else "signatory"; "-2", "-3", … appended while taken.
 * @example chooseSlug("ACME", new Set(["acme"])) // "acme-2"
 */
export function chooseSlug(name: string, taken: ReadonlySet<string>, author?: string): string {
  const base = slugify(name) || slugify(author ?? "") || "signatory";
  if (!taken.has(base)) return base;
  for (let n = 2; ; n += 1) {
    const suffix = `-${n}`;
    const candidate = `${base.slice(0, MAX_SLUG_LENGTH - suffix.length).replace(/-+$/, "")}${suffix}`;
    if (!taken.has(candidate)) return candidate;
  }
}
