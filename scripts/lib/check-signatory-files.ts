import { join } from "node:path";
import { MAX_SIGNATORY_BYTES } from "./limits.ts";
import { problem } from "./problem.ts";
import { readTextFileSync, ReadTextError } from "./read-text.ts";
import type { Problem, Signatory } from "./types.ts";
import { checkSignatoryText } from "./validate-signatory.ts";

/** Every signatory file read and checked on its own, in the order given. */
export interface SignatoryFilesCheck {
  valid: Signatory[];
  /** The text of each valid file, for locating problems the cross-file rules find. */
  texts: Map<string, string>;
  problems: Problem[];
}

/**
 * Reads a repository file as strict UTF-8, turning a file that cannot be read as text into a
 * problem (and `undefined`) instead of an exception.
 * @example readChecked(root, "content/letters/x/index.md", MAX_LETTER_BYTES, problems)
 */
export function readChecked(root: string, file: string, maxBytes: number, problems: Problem[]): string | undefined {
  try {
    return readTextFileSync(join(root, file), maxBytes);
  } catch (error) {
    if (error instanceof ReadTextError) {
      problems.push(problem("error", file, error.message, 1, 1));
      return undefined;
    }
    throw error;
  }
}

/**
 * Reads and checks signatory files (repository-relative paths), each on its own.
 * @example checkSignatoryFiles(".", ["signatories/x/acme.yaml"]).valid[0].name
 */
export function checkSignatoryFiles(root: string, files: readonly string[]): SignatoryFilesCheck {
  const result: SignatoryFilesCheck = { valid: [], texts: new Map(), problems: [] };
  for (const file of files) {
    const text = readChecked(root, file, MAX_SIGNATORY_BYTES, result.problems);
    if (text === undefined) continue;
    const check = checkSignatoryText(file, text);
    result.problems.push(...check.problems);
    if (check.signatory) {
      result.valid.push(check.signatory);
      result.texts.set(file, text);
    }
  }
  return result;
}
