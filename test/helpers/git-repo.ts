import { execFileSync } from "node:child_process";
import { chmodSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { copyFixtureRepo } from "./run.ts";

/** One change a test pull request makes, applied to the working tree before committing. */
export type Edit =
  | { write: string; text: string }
  | { symlink: string; to: string }
  | { chmod: string; mode: number }
  | { remove: string };

/** Runs git in a repository with a fixed identity, returning its output. */
export function git(repo: string, ...args: string[]): string {
  return execFileSync("git", ["-C", repo, "-c", "user.name=Test", "-c", "user.email=test@example.invalid", "-c", "commit.gpgsign=false", ...args], { encoding: "utf8" });
}

/**
 * A real git repository holding a copy of a fixture repository, committed on `main`, plus files of
 * the test's own in the base commit.
 */
export async function fixtureGitRepo(fixture: string, baseFiles: Record<string, string> = {}): Promise<string> {
  const repo = await copyFixtureRepo(fixture);
  for (const [path, text] of Object.entries(baseFiles)) apply(repo, { write: path, text });
  git(repo, "init", "--quiet", "--initial-branch=main");
  git(repo, "add", "-A");
  git(repo, "commit", "--quiet", "-m", "base");
  return repo;
}

/** Creates branch `name` from main with the edits committed, as a pull request's head would be, and returns to main. */
export function pullRequestBranch(repo: string, name: string, edits: readonly Edit[]): string {
  git(repo, "switch", "--quiet", "--create", name, "main");
  for (const edit of edits) apply(repo, edit);
  git(repo, "add", "-A");
  git(repo, "commit", "--quiet", "--allow-empty", "-m", name);
  git(repo, "switch", "--quiet", "main");
  return name;
}

function apply(repo: string, edit: Edit): void {
  if ("write" in edit) {
    mkdirSync(dirname(join(repo, edit.write)), { recursive: true });
    writeFileSync(join(repo, edit.write), edit.text);
  } else if ("symlink" in edit) {
    symlinkSync(edit.to, join(repo, edit.symlink));
  } else if ("chmod" in edit) {
    chmodSync(join(repo, edit.chmod), edit.mode);
  } else {
    rmSync(join(repo, edit.remove));
  }
}
