import { spawn } from "node:child_process";

/** A git command failed; `message` says which and what git answered. */
export class GitError extends Error {
  override readonly name = "GitError";
}

/** One changed path between two commits, as `git diff --raw` reports it. */
export interface Change {
  /** A added, M modified, D deleted, T type changed (file ↔ symlink ↔ submodule). */
  status: "A" | "M" | "D" | "T";
  path: string;
  /** Octal git modes: 100644 file, 100755 executable, 120000 symlink, 160000 submodule, 000000 none. */
  oldMode: string;
  newMode: string;
  /** Size in bytes of the new blob, for added, modified and type-changed paths. */
  size?: number;
}

/** Git's modes, named. */
export const GIT_MODE = { file: "100644", executable: "100755", symlink: "120000", submodule: "160000", none: "000000" } as const;

/**
 * Lists what `head` changes since it split from `base` (`git diff base...head`), renames shown as a
 * deletion plus an addition so that nothing can hide in a rename.
 * @throws {GitError} when a revision is unknown or git fails.
 * @example await changedPaths(".", "origin/main", "HEAD")
 */
export async function changedPaths(root: string, base: string, head: string): Promise<Change[]> {
  for (const rev of [base, head]) await git(root, ["rev-parse", "--verify", "--quiet", `${rev}^{commit}`], `"${rev}" is not a commit in this repository; fetch it first (actions/checkout needs fetch-depth: 0)`);
  const raw = (await git(root, ["diff", "--raw", "-z", "--no-renames", "--no-ext-diff", "--no-textconv", `${base}...${head}`])).toString("utf8");
  const parts = raw.split("\0");
  const changes: Change[] = [];
  for (let i = 0; i + 1 < parts.length; i += 2) {
    const [oldMode, newMode, , newBlob, status] = parts[i]!.slice(1).split(" ");
    const change: Change = { status: status as Change["status"], path: parts[i + 1]!, oldMode: oldMode!, newMode: newMode! };
    if (status !== "D" && newMode !== GIT_MODE.submodule) change.size = Number((await git(root, ["cat-file", "-s", newBlob!])).toString("utf8").trim());
    changes.push(change);
  }
  return changes;
}

/**
 * Writes the given paths (folders or files) of a commit's tree into `dest` (which must exist), as
 * they are in git: symbolic links stay links, so the loader reports them instead of following them.
 * Paths missing from the commit are skipped.
 * @example await exportPaths(".", "HEAD", ["content/letters", "signatories"], "/tmp/x")
 */
export async function exportPaths(root: string, rev: string, paths: readonly string[], dest: string): Promise<void> {
  const present = (await git(root, ["ls-tree", "-z", "--name-only", rev, "--", ...paths])).toString("utf8").split("\0").filter(Boolean);
  if (present.length === 0) return;
  const archive = await git(root, ["archive", "--format=tar", rev, "--", ...present]);
  await run("tar", ["-x", "-f", "-", "-C", dest], archive);
}

function git(root: string, args: readonly string[], failure?: string): Promise<Buffer> {
  return run("git", ["-C", root, "-c", "core.quotePath=false", ...args], undefined, failure);
}

function run(command: string, args: readonly string[], input?: Buffer, failure?: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ["pipe", "pipe", "pipe"] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on("data", (chunk: Buffer) => out.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => err.push(chunk));
    child.on("error", (error) => reject(new GitError(`${command} could not be started: ${error.message}`)));
    child.on("close", (code) => {
      if (code === 0) resolve(Buffer.concat(out));
      else reject(new GitError(failure ?? `${command} ${args.join(" ")} failed: ${Buffer.concat(err).toString("utf8").trim()}`));
    });
    child.stdin.end(input);
  });
}
