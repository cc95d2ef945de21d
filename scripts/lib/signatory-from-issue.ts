import type { IssueFormValues } from "./issue-form.ts";
import { MAX_SLUG_LENGTH } from "./limits.ts";
import { parseYaml } from "./parse-yaml.ts";
import { parsePlace } from "./place.ts";
import { problem } from "./problem.ts";
import { quoteValue } from "./quote.ts";
import { readSchema } from "./schemas.ts";
import { slugify } from "./slug.ts";
import type { Problem } from "./types.ts";

/** A signature read from a sign issue: the letter asked for and the signatory fields, not yet validated. */
export interface IssueSignature {
  letter: string;
  /** Signatory fields as text, exactly as they will be written (the validator judges them). */
  fields: Record<string, string>;
  /** Fields whose answer could not be read, kept as typed; {@link withAnswerProblems} explains them in the form's words. */
  unread: string[];
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
// What people write in an optional box they have nothing to put in; published, "N/A" would read as
// the person's affiliation and become a link to https://N/A.
const NOTHING_ANSWERS = new Set(["n/a", "na", "none", "no", "-", "—", "–", "nil", "null", "."]);
const FIELD_ORDER = Object.keys(schema.properties as object);

/**
 * Turns the answers of the sign issue form into signatory fields. Answers are kept as given (trimmed)
 * so the validator can explain what is wrong with them; only unambiguous conveniences are applied: an
 * optional answer saying there is nothing ("N/A", "none", "-") is no answer, a country name becomes
 * its code ("Kenya" → KE, read as `undersigned sign` reads it), a scope word its `scope:`, a bare
 * host gets `https://`. A place it cannot read is a problem of the answer, and is kept as the
 * country so the file shows what was typed.
 * @example signatureFromIssue(values, { today: "2026-05-01", file: "issue.md" }).signature?.fields.country
 */
export function signatureFromIssue(values: IssueFormValues, options: IssueSignatureOptions): { signature?: IssueSignature; problems: Problem[] } {
  const problems: Problem[] = [];
  const answer = (id: string) => values.text.get(id);
  const optionalAnswer = (id: string) => {
    const text = answer(id);
    return text !== undefined && NOTHING_ANSWERS.has(text.trim().toLowerCase()) ? undefined : text;
  };
  if ((values.ticked.get("consent") ?? []).length === 0) {
    problems.push(problem("error", options.file, 'the "Consent" box is not ticked; your name is published only with your agreement — edit the issue and tick the box'));
  }
  const letter = letterSlugFromAnswer(answer("letter") ?? "");
  if (letter === "") problems.push(problem("error", options.file, 'the answer to "Letter" is empty; write the short name of the letter from its web address, such as itu-pp14-openness'));
  if (problems.length > 0) return { problems };

  const placeAnswer = answer("place") ?? "";
  const place = parsePlace(placeAnswer, "en");
  const unread: string[] = [];
  if (place === undefined) {
    unread.push("country");
    problems.push(problem("error", options.file, `the answer to "Country or scope" is ${quoteValue(placeAnswer.trim())}, which is not a country name we recognise; write the country's name (such as Kenya) or its two-letter code (such as KE) — either works — or global, international or regional if you work across countries`));
  }
  const given: Record<string, string | undefined> = {
    name: answer("name"),
    type: answer("type"),
    ...(place ?? { country: placeAnswer.trim() }),
    url: urlFromAnswer(optionalAnswer("url")),
    affiliation: optionalAnswer("affiliation"),
    role: optionalAnswer("role"),
    github: options.author,
    signed: options.today,
  };
  const fields: Record<string, string> = {};
  for (const key of FIELD_ORDER) {
    const value = given[key];
    if (value !== undefined && value !== "") fields[key] = value;
  }
  return { signature: { letter, fields, unread }, problems };
}

/**
 * The problems of a sign issue: those of reading its answers, then the validator's for the file made
 * from them, less the validator's on the line of a field whose answer could not be read. The
 * validator speaks of the file (a country must be a code) where the form also takes a name.
 * @example withAnswerProblems(problems, signature, "signatories/x/acme.yaml", await signatureProblems(…))
 */
export function withAnswerProblems(answerProblems: readonly Problem[], signature: IssueSignature, file: string, fileProblems: readonly Problem[]): Problem[] {
  const fields = Object.keys(signature.fields);
  const unreadLines = new Set(signature.unread.map((field) => fields.indexOf(field) + 1));
  return [...answerProblems, ...fileProblems.filter((p) => p.file !== file || p.line === undefined || !unreadLines.has(p.line))];
}

/**
 * Accepts a letter's slug or the address of its page.
 * @example letterSlugFromAnswer("https://example.org/letters/itu-pp14-openness/") // "itu-pp14-openness"
 */
export function letterSlugFromAnswer(text: string): string {
  const fromUrl = /\/letters\/([^/?#\s]+)\/?(?:[?#].*)?$/.exec(text.trim());
  return (fromUrl?.[1] ?? text).trim().toLowerCase();
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
