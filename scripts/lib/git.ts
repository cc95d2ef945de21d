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
  for (const rev of [base, head]) await git(root, ["rev-parse", "--verify", "--quiet", `${rev}^{commit}`], { failure: `"${rev}" is not a commit in this repository; fetch it first (actions/checkout needs fetch-depth: 0)` });
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
  await run("tar", ["-x", "-f", "-", "-C", dest], { input: archive });
}

/** A regular file of a commit, read from git. */
export interface GitFile {
  /** Its path from the repository root. */
  path: string;
  bytes: Buffer;
}

/**
 * Reads the regular files under `paths` at `rev` straight from git's objects, writing nothing to disk,
 * and hands each to `take` as it arrives: two git processes, however many files (exporting and
 * extracting the 10,000 files of one letter took 0.5–1.4 s, and removing them again 0.3–0.5 s), and
 * the caller works on the first files while git reads the next. Links and submodules are left out.
 * `bytes` is only valid during the call.
 * @throws {GitError} when git fails or answers with something other than the files asked for.
 * @example await readFiles(".", "origin/main", ["signatories/x"], (file) => names.push(file.path))
 */
export async function readFiles(root: string, rev: string, paths: readonly string[], take: (file: GitFile) => void): Promise<void> {
  // Without a path, ls-tree would list the whole commit.
  if (paths.length === 0) return;
  const entries = (await git(root, ["ls-tree", "-r", "-z", rev, "--", ...paths])).toString("utf8").split("\0").filter(Boolean);
  const wanted: { oid: string; path: string }[] = [];
  for (const entry of entries) {
    const tab = entry.indexOf("\t");
    const [mode, type, oid] = entry.slice(0, tab).split(" ");
    if (type === "blob" && (mode === GIT_MODE.file || mode === GIT_MODE.executable)) wanted.push({ oid: oid!, path: entry.slice(tab + 1) });
  }
  if (wanted.length === 0) return;
  let pending: Buffer = Buffer.alloc(0);
  let next = 0;
  // Each answer is "<oid> blob <size>\n", the content, and a newline; a chunk can end anywhere in one.
  const answers = (chunk: Buffer) => {
    pending = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
    let at = 0;
    while (next < wanted.length) {
      const end = pending.indexOf(0x0a, at);
      if (end === -1) break;
      const { oid, path } = wanted[next]!;
      const [gotOid, type, size] = pending.subarray(at, end).toString("utf8").split(" ");
      if (gotOid !== oid || type !== "blob") throw new GitError(`git cat-file answered for ${path} with something other than its content`);
      const last = end + 1 + Number(size);
      if (last >= pending.length) break;
      take({ path, bytes: pending.subarray(end + 1, last) });
      at = last + 1;
      next += 1;
    }
    pending = pending.subarray(at);
  };
  await git(root, ["cat-file", "--batch", "--buffer"], { input: Buffer.from(`${wanted.map((w) => w.oid).join("\n")}\n`), take: answers });
  if (next < wanted.length) throw new GitError(`git cat-file stopped before it had given ${wanted[next]!.path}`);
}

/** A file as it was just before it was deleted. */
export interface DeletedFile {
  /** Its path from `root`. */
  path: string;
  /** The commit that deleted it, with its date (YYYY-MM-DD); none for a deletion not yet committed. */
  commit?: { hash: string; date: string };
  bytes: Buffer;
}

/**
 * Every file deleted from `folder` (a path from `root`): in the working tree and not yet committed,
 * then by each commit of the history, newest first, each with its content just before the deletion.
 * Three git processes, however long the history. Renames count as deletions.
 * @throws {GitError} when git is missing, `root` is not in a repository, or git fails.
 * @example (await deletedFiles(".", "signatories/x")).map((f) => f.path)
 */
export async function deletedFiles(root: string, folder: string): Promise<DeletedFile[]> {
  const names = (output: Buffer) => output.toString("utf8").split("\0").map((p) => p.replace(/^\n/, "")).filter((p) => p !== "" && !p.includes("\n"));
  const wanted: { path: string; object: string; commit?: { hash: string; date: string } }[] = [];
  // --relative: paths from `root`, which need not be the top of the repository.
  const uncommitted = await git(root, ["diff", "--diff-filter=D", "--no-renames", "--relative", "--name-only", "-z", "HEAD", "--", folder]);
  for (const path of names(uncommitted)) wanted.push({ path, object: `HEAD:./${path}` });
  const log = await git(root, ["log", "--diff-filter=D", "--no-renames", "--relative", "--name-only", "-z", "--format=%x01%H %cs", "--", folder]);
  for (const entry of log.toString("utf8").split("\x01").slice(1)) {
    const [head = "", ...paths] = entry.split("\0");
    const [hash = "", date = ""] = head.split(" ");
    for (const path of names(Buffer.from(paths.join("\0")))) wanted.push({ path, object: `${hash}^:./${path}`, commit: { hash, date } });
  }
  if (wanted.length === 0) return [];
  const answers = await git(root, ["cat-file", "--batch"], { input: Buffer.from(`${wanted.map((w) => w.object).join("\n")}\n`) });
  const files: DeletedFile[] = [];
  let at = 0;
  for (const { path, commit } of wanted) {
    // Each answer is "<oid> blob <size>\n", the content and a newline, or "<name> missing\n".
    const end = answers.indexOf(0x0a, at);
    if (end === -1) throw new GitError(`git cat-file stopped before it had given ${path}`);
    const [, type, size] = answers.subarray(at, end).toString("utf8").split(" ");
    if (type !== "blob") {
      at = end + 1;
      continue;
    }
    const last = end + 1 + Number(size);
    const file: DeletedFile = { path, bytes: answers.subarray(end + 1, last) };
    if (commit !== undefined) file.commit = commit;
    files.push(file);
    at = last + 1;
  }
  return files;
}

interface RunOptions {
  input?: Buffer;
  /** What to say when the command fails, instead of the command and its error output. */
  failure?: string;
  /** Takes the output chunk by chunk instead of gathering it; what it throws stops the command. */
  take?: (chunk: Buffer) => void;
}

function git(root: string, args: readonly string[], options: RunOptions = {}): Promise<Buffer> {
  return run("git", ["-C", root, "-c", "core.quotePath=false", ...args], options);
}

function run(command: string, args: readonly string[], options: RunOptions = {}): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ["pipe", "pipe", "pipe"] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let failed: unknown;
    child.stdout.on("data", (chunk: Buffer) => {
      if (options.take === undefined) {
        out.push(chunk);
        return;
      }
      if (failed !== undefined) return;
      try {
        options.take(chunk);
      } catch (error) {
        failed = error;
        child.kill();
      }
    });
    child.stderr.on("data", (chunk: Buffer) => err.push(chunk));
    // A command that stops before reading all its input is reported when it closes, not as a broken pipe.
    child.stdin.on("error", () => {});
    child.on("error", (error) => reject(new GitError(`${command} could not be started: ${error.message}`)));
    child.on("close", (code) => {
      if (failed !== undefined) reject(failed);
      else if (code === 0) resolve(Buffer.concat(out));
      else reject(new GitError(options.failure ?? `${command} ${args.join(" ")} failed: ${Buffer.concat(err).toString("utf8").trim()}`));
    });
    child.stdin.end(options.input);
  });
}
