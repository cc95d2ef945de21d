import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { copyFixtureRepo, PROJECT_ROOT, runNode, tempDir, type RunResult } from "../helpers/run.ts";

function undersigned(...args: string[]): Promise<RunResult> {
  return runNode([join(PROJECT_ROOT, "bin", "undersigned.js"), ...args]);
}

function undersignedIn(cwd: string, ...args: string[]): Promise<RunResult> {
  return runNode([join(PROJECT_ROOT, "bin", "undersigned.js"), ...args], { cwd });
}

describe("bin/undersigned.js (npx undersigned)", () => {
  it("runs the CLI with the arguments it was given", async () => {
    const help = await undersigned("--help");
    expect(help.code).toBe(0);
    expect(help.stdout.split("\n")[0]).toBe("Usage: undersigned <command> [arguments] [options]");
    const unknown = await undersigned("nosuch");
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("error: Unknown command: nosuch. Expected one of: new-letter, sign, import, verify, export, stats, close, withdraw; see undersigned --help.");
  });

  it("works on the repository of the folder it is run in, from any folder inside it", async () => {
    const root = await copyFixtureRepo("site");
    const fromRoot = await undersignedIn(root, "stats", "alpha-letter");
    expect(fromRoot.code).toBe(0);
    const fromInside = await undersignedIn(join(root, "signatories", "alpha-letter"), "stats", "alpha-letter");
    expect([fromInside.code, fromInside.stdout]).toEqual([0, fromRoot.stdout]);
  });

  it("says so when the folder is in no repository", async () => {
    const outside = await tempDir("undersigned-outside-");
    const result = await undersignedIn(outside, "stats");
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`error: ${outside} is not inside an Undersigned repository: neither it nor any folder above it holds settings.yaml. Run the command from the repository's folder, or give it with --root <folder>.`);
  });
});
