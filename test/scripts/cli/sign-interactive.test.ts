import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { TODAY_EPOCH, readRepoFile } from "../../helpers/cli.ts";
import { copyFixtureRepo, PROJECT_ROOT } from "../../helpers/run.ts";
import { execFile } from "node:child_process";

const ENTER = "\r";
const CLEAR_LINE = "\u0015";

function drive(script: readonly string[], args: readonly string[]): Promise<{ code: number; screen: string }> {
  return new Promise((resolve) => {
    execFile(
      "python3",
      [join(PROJECT_ROOT, "test", "helpers", "drive-terminal.py"), script.join("\u001f"), "--", process.execPath, join(PROJECT_ROOT, "scripts", "run.js"), join(PROJECT_ROOT, "scripts", "cli.ts"), ...args],
      { cwd: PROJECT_ROOT, env: { ...process.env, SOURCE_DATE_EPOCH: TODAY_EPOCH, NO_COLOR: "1" } },
      (error, stdout) => resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, screen: stdout }),
    );
  });
}

describe("undersigned sign, on a terminal", () => {
  it("asks each question, finds the country as it is typed, refuses a bad answer with the validator's message, and writes the file", async () => {
    const root = await copyFixtureRepo("site");
    // Pairs: what the terminal shows, then what the person types.
    const script = [
      "Name (the organisation's name, or the person's full name):", `Example Org${ENTER}`,
      "Signing as:", ENTER, // the first choice, an organisation
      "Country (type a name or code", "keny",
      "Kenya (KE)", ENTER,
      "Website (optional, https://…):", `http://example.org${ENTER}`,
      "must start with https://", `${CLEAR_LINE}https://example.org${ENTER}`,
      "Date signed (YYYY-MM-DD):", ENTER, // today, the default
    ];
    const { code, screen } = await drive(script, ["sign", "alpha-letter", "--root", root]);
    expect(screen).toContain('"url" must start with https:// (got "http://example.org")');
    expect(screen).toContain('Added "Example Org" to "Alpha letter & friends": signatories/alpha-letter/example-org.yaml');
    expect(code).toBe(0);
    expect(await readRepoFile(root, "signatories/alpha-letter/example-org.yaml")).toBe("name: Example Org\ntype: organisation\ncountry: KE\nurl: https://example.org\nsigned: 2024-03-09\n");
  });
});
