import { beforeAll, describe, expect, it } from "vitest";
import { GitError, readFiles, type GitFile } from "../../scripts/lib/git.ts";
import { fixtureGitRepo, pullRequestBranch } from "../helpers/git-repo.ts";

const A = "signatories/alpha-letter";
let repo: string;

/** What readFiles hands over, copied out of git's output while it is still valid. */
async function read(rev: string, paths: readonly string[]): Promise<{ path: string; text: string }[]> {
  const files: { path: string; text: string }[] = [];
  await readFiles(repo, rev, paths, (file: GitFile) => files.push({ path: file.path, text: file.bytes.toString("utf8") }));
  return files;
}

beforeAll(async () => {
  repo = await fixtureGitRepo("site");
  pullRequestBranch(repo, "shapes", [
    // Larger than one chunk of git's output, so its content arrives in several.
    { write: `${A}/large.yaml`, text: `name: Large Org\n# ${"é".repeat(100_000)}\n` },
    { write: `${A}/empty.yaml`, text: "" },
    { write: `${A}/ünïcode.yaml`, text: "name: Ünïcode\n" },
    { write: `${A}/deeper/nested.yaml`, text: "name: Nested\n" },
    { write: `${A}/script.yaml`, text: "name: Script\n" },
    { chmod: `${A}/script.yaml`, mode: 0o755 },
    { symlink: `${A}/link.yaml`, to: "../../settings.yaml" },
  ]);
});

describe("readFiles", () => {
  it("hands over every regular file under the paths, whole, and leaves links out", async () => {
    const files = await read("shapes", [A]);
    const byPath = new Map(files.map((f) => [f.path, f.text]));
    expect(byPath.has(`${A}/link.yaml`)).toBe(false);
    expect(byPath.get(`${A}/large.yaml`)).toBe(`name: Large Org\n# ${"é".repeat(100_000)}\n`);
    expect(byPath.get(`${A}/empty.yaml`)).toBe("");
    expect(byPath.get(`${A}/ünïcode.yaml`)).toBe("name: Ünïcode\n");
    expect(byPath.get(`${A}/deeper/nested.yaml`)).toBe("name: Nested\n");
    expect(byPath.get(`${A}/script.yaml`)).toBe("name: Script\n");
  });

  it("reads the commit asked for, not the working tree, and nothing for a path the commit lacks", async () => {
    const onMain = await read("main", [A]);
    expect(onMain.some((f) => f.path === `${A}/large.yaml`)).toBe(false);
    expect(onMain.length).toBeGreaterThan(0);
    expect(await read("main", ["signatories/no-such-letter"])).toEqual([]);
    expect(await read("main", [])).toEqual([]);
  });

  it("stops git and passes on what the caller throws", async () => {
    const failure = new Error("stop here");
    await expect(
      readFiles(repo, "shapes", [A], () => {
        throw failure;
      }),
    ).rejects.toBe(failure);
  });

  it("reports a revision git does not know", async () => {
    await expect(read("no-such-branch", [A])).rejects.toThrow(GitError);
  });
});
