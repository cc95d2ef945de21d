import { mkdir, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { deletedFiles, GitError } from "../../scripts/lib/git.ts";
import { git } from "../helpers/git-repo.ts";
import { tempDir } from "../helpers/run.ts";

/** A repository whose content sits in `site/`: a.yaml deleted, re-added and deleted again, b.yaml deleted in the working tree only. */
async function history(): Promise<{ repo: string; root: string }> {
  const repo = await tempDir();
  const root = join(repo, "site");
  const folder = join(root, "signatories", "x");
  await mkdir(folder, { recursive: true });
  git(repo, "init", "--quiet", "--initial-branch=main");
  const commit = async (message: string, files: Record<string, string | null>) => {
    for (const [name, text] of Object.entries(files)) await (text === null ? rm(join(folder, name)) : writeFile(join(folder, name), text));
    git(repo, "add", "-A");
    git(repo, "commit", "--quiet", "-m", message);
  };
  await commit("first", { "a.yaml": "name: A\n", "b.yaml": "name: B\n", "c.yaml": "name: C\n" });
  await commit("withdraw a", { "a.yaml": null });
  await commit("sign a again", { "a.yaml": "name: A again\n" });
  await commit("withdraw a again", { "a.yaml": null });
  await rm(join(folder, "b.yaml"));
  return { repo, root };
}

describe("deletedFiles", () => {
  it("gives every deletion from a folder with the content before it, uncommitted first, then newest first, with paths from the given root", async () => {
    const { repo, root } = await history();
    const hashes = git(repo, "log", "--format=%H %cs").trim().split("\n").map((l) => l.split(" "));
    const files = await deletedFiles(root, "signatories/x");
    expect(files.map((f) => ({ ...f, bytes: f.bytes.toString("utf8") }))).toEqual([
      { path: "signatories/x/b.yaml", bytes: "name: B\n" },
      { path: "signatories/x/a.yaml", bytes: "name: A again\n", commit: { hash: hashes[0]![0], date: hashes[0]![1] } },
      { path: "signatories/x/a.yaml", bytes: "name: A\n", commit: { hash: hashes[2]![0], date: hashes[2]![1] } },
    ]);
  });

  it("throws a GitError outside a git repository", async () => {
    await expect(deletedFiles(await tempDir(), "signatories/x")).rejects.toBeInstanceOf(GitError);
  });
});
