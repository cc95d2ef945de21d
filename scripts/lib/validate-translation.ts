import { problemAt, schemaProblems, tidyAndCheckStrings } from "./check-fields.ts";
import { sortProblems } from "./problem.ts";
import { readSchema, validateAgainst } from "./schemas.ts";
import type { LetterTranslation, Problem, TranslationFrontMatter } from "./types.ts";
import { parseFrontMatter } from "./validate-letter.ts";

/** The result of checking one translation file on its own. */
export interface TranslationCheck {
  translation?: LetterTranslation;
  problems: Problem[];
}

const TRANSLATION_FIELDS = Object.keys(readSchema("translation").properties as object);

/** Letter fields that every language shares: they are set once, in index.md. */
export const SHARED_FIELDS = ["date", "status", "closes", "tags", "revisions", "updates", "withdrawals"] as const;

/**
 * Checks one translation file, `content/letters/<slug>/<lang>.md`: YAML front matter against the
 * translation schema (the letter's own field definitions), and a `lang` that matches the file name.
 * Shared facts (dates, status, closing, revisions, updates, withdrawals) are refused with a message
 * pointing to index.md, so that languages can never disagree about them.
 * @example checkTranslationText("content/letters/x/es.md", "---\nlang: es\ntitle: …\nsummary: …\n---\nEstimado…")
 */
export function checkTranslationText(file: string, text: string): TranslationCheck {
  const parsed = parseFrontMatter(file, text, "translation", "lang, title, summary");
  if ("problems" in parsed) return { problems: parsed.problems };
  const { source, data } = parsed;
  const problems = tidyAndCheckStrings(source, data);
  for (const field of SHARED_FIELDS) {
    if (!(field in data)) continue;
    problems.push(problemAt(source, [field], "key", `"${field}" is shared by every language of the letter and is set in index.md only; delete this line from the translation`));
    delete data[field];
  }
  problems.push(...schemaProblems(source, validateAgainst("translation", data), data, TRANSLATION_FIELDS));
  const expected = file.split("/").at(-1)!.replace(/\.md$/, "");
  if (typeof data.lang === "string" && data.lang !== expected && problems.length === 0) {
    problems.push(problemAt(source, ["lang"], "value", `"lang" is ${data.lang} but the file is named ${expected}.md; a translation is named after its language, so rename the file to ${data.lang}.md or correct "lang"`));
  }
  if (problems.length > 0) return { problems: sortProblems(problems) };
  const slug = file.split("/")[2]!;
  return { translation: { ...(data as unknown as TranslationFrontMatter), slug, file, body: parsed.body }, problems };
}
