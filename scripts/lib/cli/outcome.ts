import { mkdir, rm, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";

/** A change a command wants to make to the repository, applied only after every check passed. */
export type Change =
  | { kind: "create"; file: string; text: string }
  | { kind: "update"; file: string; text: string }
  | { kind: "delete"; file: string };

/** How a line of output should look: the entry point colours it on a terminal. */
export type Tone = "plain" | "success" | "warning" | "error" | "muted" | "heading";

/** One line of a command's report. */
export interface Line {
  tone: Tone;
  text: string;
}

/** What a command decided: the changes to make and the report to print. */
export interface Outcome {
  changes: Change[];
  lines: Line[];
  /** Set when the command did its work but must still report a failure (1). */
  exitCode?: number;
}

/**
 * Builds a report line.
 * @example line("success", "Wrote signatories/x/acme.yaml")
 */
export function line(tone: Tone, text: string): Line {
  return { tone, text };
}

/**
 * Applies a command's changes under `root`. New files are created exclusively, so a file that
 * appeared since the command looked is never overwritten.
 * @example await applyChanges(root, outcome.changes)
 */
export async function applyChanges(root: string, changes: readonly Change[]): Promise<void> {
  for (const change of changes) {
    const path = join(root, change.file);
    if (change.kind === "delete") {
      await rm(path);
      continue;
    }
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, change.text, { encoding: "utf8", flag: change.kind === "create" ? "wx" : "w" });
  }
}
