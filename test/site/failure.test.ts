import { spawn } from "node:child_process";
import { cp, readFile, readdir } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { writeRepository } from "../helpers/signatories.ts";
import { fixture, PROJECT_ROOT, runScript, tempDir } from "../helpers/run.ts";

const PAGE = "letters/alpha-letter/index.html";
let good: string;

/** Leftover staging folders of a build into `out` (hidden, beside it). */
async function stagingFolders(out: string): Promise<string[]> {
  return (await readdir(dirname(out))).filter((name) => name.startsWith(`.${basename(out)}-building-`));
}

/** A folder holding a copy of the last good site, as a deploy would find it. */
async function previousSite(): Promise<string> {
  const parent = await tempDir("undersigned-deploy-");
  const out = join(parent, "_site");
  await cp(good, out, { recursive: true });
  return out;
}

beforeAll(async () => {
  good = await tempDir("undersigned-good-");
  expect((await runScript("build", ["--root", fixture("repos", "site"), "--output", good, "--quiet"])).code).toBe(0);
});

describe("a failing or interrupted build", () => {
  it("a build that fails validation leaves the previous site untouched and no staging folder", async () => {
    const out = await previousSite();
    const result = await runScript("build", ["--root", fixture("repos", "broken"), "--output", out, "--quiet"]);
    expect(result.code).toBe(1);
    expect(await readFile(join(out, PAGE), "utf8")).toBe(await readFile(join(good, PAGE), "utf8"));
    expect(await stagingFolders(out)).toEqual([]);
  });

  it("a build killed while writing leaves the previous site untouched", async () => {
    // Enough signatories that the build spends a while writing, so the kill lands mid-build.
    const root = await tempDir("undersigned-big-");
    const fields = (i: number) => ({ name: `Organisation ${i}`, type: "organisation", scope: "global", signed: "2020-01-02" });
    await writeRepository(root, "big-letter", new Map(Array.from({ length: 3000 }, (_, i) => [`org-${i}`, fields(i)])));
    const out = await previousSite();
    const child = spawn(process.execPath, ["--expose-gc", join(PROJECT_ROOT, "scripts", "run.js"), join(PROJECT_ROOT, "scripts", "build.ts"), "--root", root, "--output", out, "--quiet"], {
      cwd: PROJECT_ROOT,
      detached: true,
      stdio: "ignore",
    });
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on("exit", (_code, signal) => resolve(signal)));
    // Wait until the build has started writing into its staging folder, then kill its whole process group.
    let staging: string[] = [];
    while (staging.length === 0) {
      await new Promise((r) => setTimeout(r, 20));
      staging = await stagingFolders(out);
    }
    process.kill(-child.pid!, "SIGKILL");
    expect(await exited).toBe("SIGKILL");
    expect(await readFile(join(out, PAGE), "utf8")).toBe(await readFile(join(good, PAGE), "utf8"));
    expect(await readdir(join(out, "letters"))).toEqual(["alpha-letter", "beta-letter"]);
    // The killed build could not clean up: its half-written folder stays hidden beside the site, never in it.
    expect((await stagingFolders(out)).length).toBe(1);
  });
});
