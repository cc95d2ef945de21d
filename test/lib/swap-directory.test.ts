import { spawnSync } from "node:child_process";
import { mkdir, readFile, readdir, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildIntoPlace, stagingPrefix } from "../../scripts/lib/swap-directory.ts";
import { PROJECT_ROOT, tempDir } from "../helpers/run.ts";

describe("buildIntoPlace", () => {
  it("replaces the target only when the work succeeds", async () => {
    const parent = await tempDir();
    const target = join(parent, "site");
    await buildIntoPlace(target, (dir) => writeFile(join(dir, "index.html"), "first"));
    await expect(
      buildIntoPlace(target, async (dir) => {
        await writeFile(join(dir, "index.html"), "half");
        throw new Error("build failed");
      }),
    ).rejects.toThrow("build failed");
    expect(await readFile(join(target, "index.html"), "utf8")).toBe("first");
    await buildIntoPlace(target, (dir) => writeFile(join(dir, "index.html"), "second"));
    expect(await readFile(join(target, "index.html"), "utf8")).toBe("second");
    expect(await readdir(parent)).toEqual(["site"]);
  });

  it("gives the site's folder the mode any new folder gets (not the private 700 of a temporary one)", async () => {
    const parent = await tempDir();
    const sibling = join(parent, "plain");
    await mkdir(sibling);
    const target = join(parent, "site");
    await buildIntoPlace(target, (dir) => writeFile(join(dir, "index.html"), "first"));
    expect((await stat(target)).mode & 0o777).toBe((await stat(sibling)).mode & 0o777);
    expect((await stat(target)).mode & 0o055).not.toBe(0);
  });

  // A build stopped with Ctrl-C leaves its staging folder until the next build removes it.
  it.each([["_site"], ["public"]])("names its staging folders beside %s so that git ignores them", (name) => {
    for (const folder of [`${stagingPrefix(name)}Ab12Cd`, `${stagingPrefix(name)}Ab12Cd-previous`]) {
      const ignored = spawnSync("git", ["check-ignore", "--no-index", "--quiet", `${folder}/`], { cwd: PROJECT_ROOT });
      expect(ignored.status, folder).toBe(0);
    }
  });

  it("removes staging folders left by a killed build, and only those", async () => {
    const parent = await tempDir();
    await mkdir(join(parent, ".site-building-abc123"));
    await mkdir(join(parent, ".other-building-xyz"));
    await buildIntoPlace(join(parent, "site"), (dir) => writeFile(join(dir, "index.html"), "ok"));
    expect((await readdir(parent)).sort()).toEqual([".other-building-xyz", "site"]);
  });
});
