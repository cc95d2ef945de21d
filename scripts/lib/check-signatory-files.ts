import { join } from "node:path";
import { MAX_SIGNATORY_BYTES } from "./limits.ts";
import { problem } from "./problem.ts";
import { readTextFileSync, ReadTextError } from "./read-text.ts";
import { startTypeScriptWorker } from "./typescript-worker.ts";
import type { Problem, Signatory } from "./types.ts";
import { checkSignatoryText } from "./validate-signatory.ts";

/**
 * Below this many files one thread reads them all: a second thread costs about 0.6 s to start (it
 * loads tsx and the validator again), which only pays off for the largest repositories. Checking one
 * new file reads its letter's files, and must stay fast for a letter of 10,000 (docs/performance.md).
 */
export const PARALLEL_CHECK_MIN_FILES = 40_000;

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
 * Reads and checks signatory files (repository-relative paths) in this thread.
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

/**
 * Like {@link checkSignatoryFiles}, with the second half of a long list read and checked by a
 * worker thread on the other core meanwhile. Opening a file is a system call that costs about as
 * much as parsing it, and both halves run at once. Same result, in the same order. `minFiles` is
 * the length from which a worker is used.
 * @example await checkSignatoryFilesInParallel(".", files)
 */
export async function checkSignatoryFilesInParallel(root: string, files: readonly string[], minFiles = PARALLEL_CHECK_MIN_FILES): Promise<SignatoryFilesCheck> {
  if (files.length < minFiles) return checkSignatoryFiles(root, files);
  const half = Math.ceil(files.length / 2);
  const worker = startTypeScriptWorker(new URL("./check-signatory-files-worker.ts", import.meta.url), { root, files: files.slice(half) });
  const second = new Promise<SignatoryFilesCheck>((resolve, reject) => {
    worker.once("message", resolve);
    worker.once("error", reject);
  });
  second.catch(() => undefined);
  try {
    const first = checkSignatoryFiles(root, files.slice(0, half));
    const rest = await second;
    return { valid: first.valid.concat(rest.valid), texts: new Map([...first.texts, ...rest.texts]), problems: first.problems.concat(rest.problems) };
  } finally {
    await worker.terminate();
  }
}
