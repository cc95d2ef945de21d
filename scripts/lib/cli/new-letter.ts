import { existsSync } from "node:fs";
import { join } from "node:path";
import { stringify } from "yaml";
import { LETTERS_DIR } from "../load-repository.ts";
import { MAX_SLUG_LENGTH, SLUG_PATTERN } from "../limits.ts";
import { tidyText } from "../normalise.ts";
import { formatProblem } from "../problem.ts";
import { slugify } from "../slug.ts";
import type { Addressee, LetterFrontMatter } from "../types.ts";
import { checkLetterText } from "../validate-letter.ts";
import { CliError } from "./cli-error.ts";
import { assertDate } from "./close.ts";
import { line, type Outcome } from "./outcome.ts";
import type { Workspace } from "./workspace.ts";

/** What `undersigned new-letter` needs. */
export interface NewLetterInput {
  title: string | undefined;
  slug?: string | undefined;
  lang?: string | undefined;
  /** Addressees as "Name; Role; Organisation" (role and organisation optional). */
  to: readonly string[];
  cc?: readonly string[];
  from?: string | undefined;
  summary: string | undefined;
  date?: string | undefined;
  closes?: string | undefined;
}

/** The line that introduces the signers when none is given. */
export const DEFAULT_FROM = "the undersigned organisations and individuals";

const BODY = "\nDear …,\n\nWrite the letter here, in Markdown. Footnotes work like this.[^1]\n\n[^1]: A source for the claim.\n";

/**
 * Reads an addressee written as "Name; Role; Organisation".
 * @example parseAddressee("Jane Doe; Director; Example Agency") // { name: "Jane Doe", role: "Director", organisation: "Example Agency" }
 */
export function parseAddressee(text: string): Addressee {
  const [name = "", role, organisation] = text.split(";").map((part) => tidyText(part));
  const addressee: Addressee = { name };
  if (role) addressee.role = role;
  if (organisation) addressee.organisation = organisation;
  return addressee;
}

/**
 * Writes the skeleton of a new letter, `content/letters/<slug>/index.md`, from the answers, checked
 * by the real letter validator before it is proposed. The slug defaults to one made from the title.
 * @throws {CliError} when an answer is missing or invalid, or the letter already exists.
 * @example newLetter(ws, { title: "Open the ITU", to: ["Dr. X; Secretary-General; ITU"], summary: "…" }, "2024-03-05")
 */
export function newLetter(ws: Workspace, input: NewLetterInput, today: string): Outcome {
  const title = tidyText(input.title ?? "");
  const summary = tidyText(input.summary ?? "");
  const missing = [title === "" && "--title", input.to.length === 0 && "--to", summary === "" && "--summary"].filter((m) => m !== false);
  if (missing.length > 0) throw new CliError("usage", `Missing ${missing.join(", ")}. Expected a title, at least one addressee (--to "Name; Role; Organisation") and a one-sentence summary.`);
  const slug = input.slug ?? slugify(title);
  if (!SLUG_PATTERN.test(slug) || slug.length > MAX_SLUG_LENGTH) {
    throw new CliError("usage", `Invalid slug: "${slug}". Expected lowercase letters a-z, digits and single hyphens, at most ${MAX_SLUG_LENGTH} characters; give one with --slug.`);
  }
  const file = `${LETTERS_DIR}/${slug}/index.md`;
  if (existsSync(join(ws.root, LETTERS_DIR, slug))) throw new CliError("duplicate", `${LETTERS_DIR}/${slug}/ already exists. Expected a new slug; choose another with --slug.`);
  const front: LetterFrontMatter = {
    title,
    date: assertDate("--date", input.date ?? today),
    to: input.to.map(parseAddressee),
    from: tidyText(input.from ?? "") || DEFAULT_FROM,
    summary,
    lang: input.lang ?? ws.settings.lang,
    status: "open",
  };
  if (input.cc !== undefined && input.cc.length > 0) front.cc = input.cc.map(parseAddressee);
  if (input.closes !== undefined) front.closes = assertDate("--closes", input.closes);
  if (front.closes !== undefined && front.closes < front.date) {
    throw new CliError("usage", `Invalid --closes: ${front.closes}, before the letter's date, ${front.date}. Expected the last day signatures are accepted, on or after the letter's date (--date, today by default).`);
  }
  const ordered = { title: front.title, date: front.date, to: front.to, cc: front.cc, from: front.from, summary: front.summary, lang: front.lang, status: front.status, closes: front.closes };
  const text = `---\n${stringify(ordered, { lineWidth: 0 })}---\n${BODY}`;
  const check = checkLetterText(file, text);
  if (check.letter === undefined) throw new CliError("invalid", `The letter would not pass validation, so ${file} was not written:`, check.problems.map((p) => formatProblem(p)));
  return {
    changes: [{ kind: "create", file, text }],
    lines: [line("success", `Created "${title}": ${file}`), line("plain", `Next: write the letter's text in ${file}, then add signatures with: undersigned sign ${slug}`)],
  };
}
