import matter from "gray-matter";
import { problemAt, schemaProblems, tidyAndCheckStrings, isRealDate, type YamlSource } from "./check-fields.ts";
import { parseYaml, YamlInputError } from "./parse-yaml.ts";
import { DATE_PATTERN } from "./limits.ts";
import { problem } from "./problem.ts";
import { readSchema, validateAgainst } from "./schemas.ts";
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
 * Checks one letter file: YAML front matter only (gray-matter gets our parser, and JavaScript or
 * JSON front matter is refused, never run), the letter schema and real dates. `file` is the
 * repository-relative path `content/letters/<slug>/index.md`.
 * @example checkLetterText("content/letters/x/index.md", "---\ntitle: …\n---\nDear …")
 */
export function checkLetterText(file: string, text: string): LetterCheck {
  if (!/^---[^\n]*\r?\n/.test(text)) {
    return { problems: [problem("error", file, "the letter must start with front matter: a line with ---, the fields (title, date, to, from, summary, status), and another line with ---", 1, 1)] };
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
      return { problems: [problem("error", file, "front matter must be YAML; remove the language name after the opening --- (JavaScript front matter is never run)", 1, 4)] };
    }
    throw error;
  }
  if (parsed.language !== "yaml") {
    return { problems: [problem("error", file, "front matter must be YAML; remove the language name after the opening --- (JavaScript front matter is never run)", 1, 4)] };
  }
  const source: YamlSource = { file, text: parsed.matter.replace(/^\r?\n/, ""), lineOffset: 1 };
  const data: unknown = parsed.data;
  if (data === null || typeof data !== "object" || Array.isArray(data)) {
    return { problems: [problem("error", file, "the front matter must be a list of fields such as title: …", 2, 1)] };
  }
  const problems = tidyAndCheckStrings(source, data);
  problems.push(...schemaProblems(source, validateAgainst("letter", data), data, LETTER_FIELDS));
  const fields = data as Partial<LetterFrontMatter>;
  for (const key of ["date", "closes"] as const) {
    const value = fields[key];
    if (typeof value === "string" && DATE_PATTERN.test(value) && !isRealDate(value)) {
      problems.push(problemAt(source, [key], "value", `"${key}" is not a real date (got "${value}"); check the month and day`));
    }
  }
  if (problems.length > 0) return { problems };
  const slug = file.split("/")[2]!;
  return { letter: { ...(data as LetterFrontMatter), slug, file, body: parsed.content }, problems };
}
