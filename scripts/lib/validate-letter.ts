import matter from "gray-matter";
import { problemAt, schemaProblems, tidyAndCheckStrings, isRealDate, type YamlSource } from "./check-fields.ts";
import { parseYaml, YamlInputError } from "./parse-yaml.ts";
import { DATE_PATTERN } from "./limits.ts";
import { problem } from "./problem.ts";
import { readSchema, validateAgainst } from "./schemas.ts";
import type { PathSegment } from "./locate.ts";
import { fieldLabel } from "./schema-messages.ts";
import { latestSigningDay, utcDay } from "./today.ts";
import type { Letter, LetterFrontMatter, Problem } from "./types.ts";

/** The result of checking one letter file on its own. */
export interface LetterCheck {
  letter?: Letter;
  problems: Problem[];
}

const LETTER_FIELDS = Object.keys(readSchema("letter").properties as object);

// Set by the YAML engine below when front matter is not YAML; gray-matter gives no other hook.
class FrontMatterLanguageError extends Error {}

const refuseEngine = (): never => {
  throw new FrontMatterLanguageError();
};

/**
 * Checks one letter file: YAML front matter only (see {@link parseFrontMatter}), the letter schema,
 * real dates, and a closing date for a closed letter. `file` is the
 * repository-relative path `content/letters/<slug>/index.md`.
 * @example checkLetterText("content/letters/x/index.md", "---\ntitle: …\n---\nDear …")
 */
export function checkLetterText(file: string, text: string): LetterCheck {
  const parsed = parseFrontMatter(file, text, "letter", "title, date, to, from, summary, status");
  if ("problems" in parsed) return { problems: parsed.problems };
  const { source, data } = parsed;
  const problems = tidyAndCheckStrings(source, data);
  problems.push(...schemaProblems(source, validateAgainst("letter", data), data, LETTER_FIELDS));
  const fields = data as Partial<LetterFrontMatter>;
  for (const path of datePaths(fields)) {
    const value = valueAt(fields, path);
    if (typeof value === "string" && DATE_PATTERN.test(value) && !isRealDate(value)) {
      problems.push(problemAt(source, path, "value", `${fieldLabel(path)} is not a real date (got "${value}"); check the month and day`));
    }
  }
  if (problems.length === 0) problems.push(...dateOrderProblems(source, fields as LetterFrontMatter));
  if (problems.length > 0) return { problems };
  const slug = file.split("/")[2]!;
  return { letter: { ...(data as unknown as LetterFrontMatter), slug, file, body: parsed.body }, problems };
}

/** The front matter of a letter or translation, parsed and located, and the Markdown body below it. */
export interface ParsedFrontMatter {
  source: YamlSource;
  data: Record<string, unknown>;
  body: string;
}

/**
 * Splits a Markdown file into YAML front matter and body. gray-matter gets our YAML parser, and
 * JavaScript or JSON front matter is refused, never run. `what` and `fields` name the kind of file
 * and its fields for the message shown when there is no front matter at all.
 * @example parseFrontMatter("content/letters/x/es.md", "---\nlang: es\n---\nEstimado…", "translation", "lang, title, summary")
 */
export function parseFrontMatter(file: string, text: string, what: string, fields: string): ParsedFrontMatter | { problems: Problem[] } {
  if (!/^---[^\n]*\r?\n/.test(text)) {
    return { problems: [problem("error", file, `the ${what} must start with front matter: a line with ---, the fields (${fields}), and another line with ---`, 1, 1)] };
  }
  // gray-matter would read the whole letter as front matter, and YAML would then blame its first line.
  if (!text.includes(CLOSING_DELIMITER, 3)) {
    return { problems: [problem("error", file, "the front matter has no closing --- line; add one after the last field, before the letter's text", 1, 1)] };
  }
  let parsed: matter.GrayMatterFile<string>;
  try {
    parsed = matter(text, {
      language: "yaml",
      engines: { yaml: (s: string) => parseYaml(s) as object, js: refuseEngine, javascript: refuseEngine, json: refuseEngine, toml: refuseEngine, coffee: refuseEngine },
    });
  } catch (error) {
    if (error instanceof YamlInputError) return { problems: [problem("error", file, error.message, error.line, error.column)] };
    if (error instanceof FrontMatterLanguageError || (error instanceof Error && /engine/.test(error.message))) {
      return { problems: [problem("error", file, NOT_YAML, 1, 4)] };
    }
    throw error;
  }
  if (parsed.language !== "yaml") return { problems: [problem("error", file, NOT_YAML, 1, 4)] };
  const data: unknown = parsed.data;
  if (data === null || typeof data !== "object" || Array.isArray(data)) {
    return { problems: [problem("error", file, "the front matter must be a list of fields such as title: …", 2, 1)] };
  }
  return { source: { file, text: parsed.matter.replace(/^\r?\n/, ""), lineOffset: 1 }, data: data as Record<string, unknown>, body: parsed.content };
}

// Rules between a valid letter's dates. A day "still to come" is after tomorrow (UTC), as for a
// signature: where it already is tomorrow, that day is today.
function dateOrderProblems(source: YamlSource, fields: LetterFrontMatter): Problem[] {
  const problems: Problem[] = [];
  const latest = latestSigningDay();
  if (fields.status === "closed" && fields.closes === undefined) {
    problems.push(problemAt(source, ["status"], "value", `"status" is closed but the letter has no "closes" date; add a line such as closes: 2014-10-31 (the last day signatures were accepted), so that later signatures can be refused`));
  }
  if (fields.closes !== undefined && fields.closes < fields.date) {
    problems.push(problemAt(source, ["closes"], "value", `"closes" is ${fields.closes}, before the letter's "date", ${fields.date}; a letter cannot close before it is dated, so correct "closes" (the last day signatures are accepted) or "date"`));
  } else if (fields.status === "closed" && fields.closes !== undefined && fields.closes > latest) {
    // The page would say "closed" while the rule on signatures still accepts them until that day.
    problems.push(
      problemAt(source, ["closes"], "value", `"closes" is ${fields.closes}, a day still to come, but "status" is closed; to keep accepting signatures until then, write status: open (the letter closes by itself after ${fields.closes}), or to close it now, write closes: ${utcDay()}`),
    );
  }
  (fields.withdrawals ?? []).forEach((w, i) => {
    if (w.date > latest) problems.push(problemAt(source, ["withdrawals", i, "date"], "value", `${fieldLabel(["withdrawals", i, "date"])} is ${w.date}, a day still to come; write the day the signatures were withdrawn, such as ${utcDay()}`));
  });
  return problems;
}

// What gray-matter takes for the end of the front matter: three hyphens at the start of any later line.
const CLOSING_DELIMITER = "\n---";

const NOT_YAML = "front matter must be YAML; remove the language name after the opening --- (JavaScript front matter is never run)";

// Every date in a letter's front matter, including those inside revisions, updates and withdrawals.
function datePaths(fields: Partial<LetterFrontMatter>): PathSegment[][] {
  const paths: PathSegment[][] = [["date"], ["closes"]];
  for (const list of ["revisions", "updates", "withdrawals"] as const) {
    const entries = fields[list];
    if (Array.isArray(entries)) entries.forEach((_, i) => paths.push([list, i, "date"]));
  }
  return paths;
}

function valueAt(data: object, path: readonly PathSegment[]): unknown {
  let node: unknown = data;
  for (const segment of path) node = node !== null && typeof node === "object" ? (node as Record<string | number, unknown>)[segment] : undefined;
  return node;
}
