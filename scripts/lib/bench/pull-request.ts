import { execFileSync } from "node:child_process";

/** The branches {@link commitPullRequest} makes: the repository, and a pull request adding one file. */
export const BASE_BRANCH = "main";
export const PULL_REQUEST_BRANCH = "pull-request";

/**
 * Turns a synthetic repository into a git repository for `check-pr`: every file but `newFile` is
 * committed on BASE_BRANCH and packed, as a clone from GitHub would have it, and PULL_REQUEST_BRANCH
 * adds `newFile` (repository-relative), as a signature pull request does. The working tree is left
 * on PULL_REQUEST_BRANCH, so `newFile` stays in place for the other stages. Git's own packing in the
 * background is turned off: it raced the packing here, and would take the cores during a stage.
 * @example commitPullRequest(root, "signatories/letter-1/new-signatory.yaml")
 */
export function commitPullRequest(root: string, newFile: string): void {
  const git = (...args: string[]) => execFileSync("git", ["-C", root, "-c", "user.name=Bench", "-c", "user.email=bench@example.invalid", "-c", "commit.gpgsign=false", ...args], { stdio: "pipe" });
  git("init", "--quiet", `--initial-branch=${BASE_BRANCH}`);
  git("config", "gc.auto", "0");
  git("add", "--all", "--", ".", `:(exclude)${newFile}`);
  git("commit", "--quiet", "-m", "Synthetic signatories");
  git("gc", "--quiet");
  git("switch", "--quiet", "--create", PULL_REQUEST_BRANCH);
  git("add", "--", newFile);
  git("commit", "--quiet", "-m", "Sign the letter");
}
