import { problemAt, schemaProblems, tidyAndCheckStrings, isRealDate, unwrapCurlyQuotes, type YamlSource } from "./check-fields.ts";
import { parseYaml, YamlInputError } from "./parse-yaml.ts";
import { DATE_PATTERN } from "./limits.ts";
import { problem } from "./problem.ts";
import { checkUrl } from "./safe-url.ts";
import { readSchema, validateAgainst } from "./schemas.ts";
import { latestSigningDay, utcDay } from "./today.ts";
import type { Problem, Signatory, SignatoryFields } from "./types.ts";
import { findEmailAddress } from "./unsafe-characters.ts";

/** The result of checking one signatory file on its own: its data when valid, and every problem. */
export interface SignatoryCheck {
  signatory?: Signatory;
  /**
   * The fields as read and tidied, when the file reads as fields but has problems: for the checks that
   * judge what was written even so (check-pr reports every problem of a file in one run).
   */
  fields?: Record<string, unknown>;
  problems: Problem[];
}

const SIGNATORY_FIELDS = Object.keys(readSchema("signatory").properties as object);
/** An "@" written as a YAML escape, the only way one can reach a value without being in the file's text. */
const ESCAPED_AT = /\\(?:x40|u0040|U00000040)/i;

/**
 * Checks one signatory file's text: no e-mail address anywhere, safe YAML, the schema, clean
 * characters, a safe https link and a real date, not after `latestSigningDay()`. Cross-file rules (duplicates, closed letters) are
 * separate. `file` is the repository-relative path `signatories/<letter>/<slug>.yaml`.
 * @example checkSignatoryText("signatories/x/acme.yaml", "name: ACME\n…")
 */
export function checkSignatoryText(file: string, text: string): SignatoryCheck {
  const source: YamlSource = { file, text, lineOffset: 0 };
  const problems: Problem[] = [];
  const email = findEmailAddress(text);
  if (email !== undefined) {
    const line = text.slice(0, email).split("\n").length;
    const column = email - text.lastIndexOf("\n", email - 1);
    problems.push(problem("error", file, "an e-mail address is not allowed anywhere in this file (spammers harvest addresses from public repositories); delete it", line, column));
  }
  let data: unknown;
  try {
    data = parseYaml(text);
  } catch (error) {
    if (error instanceof YamlInputError) return { problems: [...problems, problem("error", file, error.message, error.line, error.column)] };
    throw error;
  }
  const bulleted = Array.isArray(data) && data.length > 0 && data.every(isRecord) ? bulletedFieldsProblem(file, text) : undefined;
  if (bulleted !== undefined) return { problems: [...problems, bulleted] };
  if (data === null || typeof data !== "object" || Array.isArray(data)) {
    return { problems: [...problems, problem("error", file, "the file must be a list of fields, one per line, such as name: Example Organisation", 1, 1)] };
  }
  // An address written with escapes ("jo\u0040acme.org") is one once read.
  if (email === undefined && ESCAPED_AT.test(text)) problems.push(...escapedEmailProblems(source, data));
  problems.push(...tidyAndCheckStrings(source, data));
  problems.push(...unwrapCurlyQuotes(source, data));
  problems.push(...schemaProblems(source, validateAgainst("signatory", data), data, SIGNATORY_FIELDS));
  const fields = data as Partial<SignatoryFields>;
  if (typeof fields.url === "string" && fields.url.startsWith("https://")) {
    const reason = checkUrl(fields.url);
    if (reason !== undefined) problems.push(problemAt(source, ["url"], "value", `"url" ${reason}`));
  }
  // A typo, most likely; left in, it would also stop the letter from being closed on time.
  const signedWrong = dateProblem(fields.signed, "the day you signed");
  if (signedWrong !== undefined) problems.push(problemAt(source, ["signed"], "value", `"signed" ${signedWrong}`));
  const verifiedOn = isRecord(fields.verified) ? fields.verified.date : undefined;
  // A check cannot come before what it checks, nor after today: either date would then be wrong.
  const verifiedWrong =
    dateProblem(verifiedOn, "the day the signature was checked") ??
    (typeof verifiedOn === "string" && DATE_PATTERN.test(verifiedOn) && typeof fields.signed === "string" && signedWrong === undefined && DATE_PATTERN.test(fields.signed) && verifiedOn < fields.signed
      ? `is ${verifiedOn}, before the signature itself (signed: ${fields.signed}); write the day the signature was checked, on or after ${fields.signed}`
      : undefined);
  if (verifiedWrong !== undefined) problems.push(problemAt(source, ["verified", "date"], "value", `"verified", "date" ${verifiedWrong}`));
  if (problems.length > 0) return { problems, fields: data as Record<string, unknown> };
  const parts = file.split("/");
  const signatory: Signatory = {
    ...(data as SignatoryFields),
    slug: parts[2]!.replace(/\.yaml$/, ""),
    letter: parts[1]!,
    file,
  };
  return { signatory, problems };
}

/** Fields written as a bulleted list (`- name: ACME`), as people write lists elsewhere: located on the first bullet. */
function bulletedFieldsProblem(file: string, text: string): Problem | undefined {
  const lines = text.replace(/^\uFEFF/, "").split("\n");
  const index = lines.findIndex((line) => /^[ \t]*-[ \t]/.test(line));
  if (index === -1) return undefined;
  const first = lines[index]!.replace(/^[ \t]*-[ \t]+/, "").replace(/\r$/, "").trimEnd();
  return problem(
    "error",
    file,
    `this line starts with "- ", which makes the file a list instead of fields; remove the "- " at the start of each line, so that this one reads ${first}`,
    index + 1,
    1,
  );
}

function escapedEmailProblems(source: YamlSource, value: unknown, path: string[] = []): Problem[] {
  if (typeof value === "string") {
    return findEmailAddress(value) === undefined ? [] : [problemAt(source, path, "value", `"${path.join(".")}" holds an e-mail address once its escapes are read; an e-mail address is not allowed anywhere in this file (spammers harvest addresses from public repositories) — delete it`)];
  }
  if (value === null || typeof value !== "object") return [];
  const problems: Problem[] = [];
  for (const key in value) problems.push(...escapedEmailProblems(source, (value as Record<string, unknown>)[key], [...path, key]));
  return problems;
}

/**
 * What is wrong with a date the schema accepted as YYYY-MM-DD: not a day in the calendar, or later
 * than `latestSigningDay()`; `meant` says which day to write instead. Undefined when it is fine, or
 * when the schema already reports it.
 */
function dateProblem(value: unknown, meant: string): string | undefined {
  if (typeof value !== "string" || !DATE_PATTERN.test(value)) return undefined;
  if (!isRealDate(value)) return `is not a real date (got "${value}"); check the month and day`;
  if (value > latestSigningDay()) return `is ${value}, a day still to come; write ${meant}, such as ${utcDay()}`;
  return undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}
