import { readFile, readdir } from "node:fs/promises";
import { join } from "node:path";
import { runScript, type RunResult } from "./run.ts";

/** A fixed "today" for every CLI test: 2024-03-09 (UTC). */
export const TODAY_EPOCH = "1710000000";

/** Runs `undersigned <args>` as a child process against a repository folder, with a fixed date and no colours. */
export function runCli(root: string, args: readonly string[]): Promise<RunResult> {
  return runScript("cli", [...args, "--root", root], { env: { SOURCE_DATE_EPOCH: TODAY_EPOCH, NO_COLOR: "1" } });
}

/** A file of the repository under test, as text. */
export function readRepoFile(root: string, file: string): Promise<string> {
  return readFile(join(root, file), "utf8");
}

/** The file names in one letter's signatories folder, sorted. */
export async function signatoryFiles(root: string, letter: string): Promise<string[]> {
  return (await readdir(join(root, "signatories", letter))).sort();
}
