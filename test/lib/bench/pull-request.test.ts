import { execFileSync } from "node:child_process";
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BASE_BRANCH, commitPullRequest, PULL_REQUEST_BRANCH } from "../../../scripts/lib/bench/pull-request.ts";
import { tempDir } from "../../helpers/run.ts";

const git = (root: string, ...args: string[]) => execFileSync("git", ["-C", root, ...args], { encoding: "utf8" });

describe("commitPullRequest", () => {
  it("commits the repository on the base branch and the new file on the pull request's, and stays there", async () => {
    const root = await tempDir("undersigned-bench-git-");
    await mkdir(join(root, "signatories", "letter-1"), { recursive: true });
    await writeFile(join(root, "settings.yaml"), "title: Bench\n");
    await writeFile(join(root, "signatories", "letter-1", "acme.yaml"), "name: ACME\n");
    await writeFile(join(root, "signatories", "letter-1", "new-signatory.yaml"), "name: New\n");
    commitPullRequest(root, "signatories/letter-1/new-signatory.yaml");
    expect(git(root, "ls-tree", "-r", "--name-only", BASE_BRANCH).split("\n").filter(Boolean)).toEqual(["settings.yaml", "signatories/letter-1/acme.yaml"]);
    expect(git(root, "diff", "--name-status", `${BASE_BRANCH}...${PULL_REQUEST_BRANCH}`)).toBe("A\tsignatories/letter-1/new-signatory.yaml\n");
    expect(git(root, "branch", "--show-current")).toBe(`${PULL_REQUEST_BRANCH}\n`);
    expect(git(root, "status", "--porcelain")).toBe("");
    expect(git(root, "config", "gc.auto")).toBe("0\n");
    // The base commit, packed: two files, three folders and the commit itself.
    expect(git(root, "count-objects", "-v")).toMatch(/^in-pack: 6$/m);
  });
});
