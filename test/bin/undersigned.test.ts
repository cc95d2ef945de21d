import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PROJECT_ROOT, runNode, type RunResult } from "../helpers/run.ts";

function undersigned(...args: string[]): Promise<RunResult> {
  return runNode([join(PROJECT_ROOT, "bin", "undersigned.js"), ...args]);
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
});
