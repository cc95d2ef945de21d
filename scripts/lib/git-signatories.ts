import { checkSignatoryBytes } from "./check-signatory-files.ts";
import { readFiles } from "./git.ts";
import { groupByLetter, isSignatoryFilePath } from "./load-repository.ts";
import type { Signatory } from "./types.ts";

/**
 * The valid signatories in `folders` (such as `signatories/x`) at commit `rev`, read from git without
 * writing them to disk, by letter: what a signature pull request's changed file is compared with
 * (pr-scope.ts). Each file is checked on its own as the loader checks it, and one the loader would
 * refuse is left out. The cross-file rules are not run among them: a changed file is compared with
 * every one of them, and their own duplicates are not the pull request's to fix.
 * @throws {GitError} when git fails.
 * @example (await signatoriesAt(".", "origin/main", ["signatories/x"])).get("x")?.length
 */
export async function signatoriesAt(root: string, rev: string, folders: readonly string[]): Promise<Map<string, Signatory[]>> {
  const valid: Signatory[] = [];
  await readFiles(root, rev, folders, (file) => {
    if (!isSignatoryFilePath(file.path)) return;
    const { signatory } = checkSignatoryBytes(file.path, file.bytes);
    if (signatory !== undefined) valid.push(signatory);
  });
  return groupByLetter(valid);
}
