import { describe, expect, it } from "vitest";
import { runScript } from "../helpers/run.ts";

// Each command's own tests check what it does; these check that none answers a wrong option with a stack trace.
const COMMANDS: ReadonlyArray<[string, string]> = [
  ["build", "Usage: npm run build -- [--pathprefix=/repo-name/] [--root <content repo>] [--output <dir>] [--quiet]"],
  ["validate", "Usage: npm run validate -- [files…] [--format text|github] [--root <content repo>] [--summary <file>]"],
  ["verify-site", "Usage: npm run verify-site -- [--site _site] [--root <content repo>] [--pathprefix=/repo-name/]"],
  ["check-pr", "Usage: npm run check-pr -- --base <ref> [--head <ref>] [--format text|github] [--root <repo>]"],
  ["issue-to-signatory", "Usage: npm run issue-to-signatory -- --body-file <file> [--author <github-login>] [--root <repo>]"],
  ["bench", "Usage: npm run bench -- [--sizes 1000,10000,100000] [--letters 1] [--runs 1] [--keep] [--pathprefix=/repo-name/]"],
];

describe("every command's arguments", () => {
  it.each(COMMANDS)("npm run %s -- --help prints its usage and exits 0", async (command, usage) => {
    const run = await runScript(command, ["--help"]);
    expect(run).toMatchObject({ code: 0, stderr: "" });
    expect(run.stdout.split("\n")[0]).toBe(usage);
  });

  it.each(COMMANDS)("npm run %s with a mistyped option says which, and exits 2", async (command) => {
    const run = await runScript(command, ["--path-prefix=/x/"]);
    expect(run).toMatchObject({ code: 2, stdout: "" });
    expect(run.stderr).toMatch(new RegExp(`^Unknown option --path-prefix\\. npm run ${command} takes: .+; see npm run ${command} -- --help\\.\\n$`));
  });
});
