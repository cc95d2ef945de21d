import { describe, expect, it } from "vitest";
import { runCli } from "../../helpers/cli.ts";
import { copyFixtureRepo } from "../../helpers/run.ts";

// runCli's today is 2024-03-09.
const NEW_LETTER = ["new-letter", "--title", "Keep it open", "--to", "Jane Doe", "--summary", "We ask for open drafts."];

describe("undersigned new-letter: the closing date", () => {
  it("refuses a closing date before the letter's date, and writes nothing", async () => {
    const root = await copyFixtureRepo("site");
    const result = await runCli(root, [...NEW_LETTER, "--date", "2026-05-01", "--closes", "2026-01-01"]);
    expect(result.stderr).toBe("error: Invalid --closes: 2026-01-01, before the letter's date, 2026-05-01. Expected the last day signatures are accepted, on or after the letter's date (--date, today by default).\n");
    expect(result.code).toBe(2);
    const defaulted = await runCli(root, [...NEW_LETTER, "--closes", "2024-03-01"]);
    expect(defaulted.stderr).toBe("error: Invalid --closes: 2024-03-01, before the letter's date, 2024-03-09. Expected the last day signatures are accepted, on or after the letter's date (--date, today by default).\n");
    expect((await runCli(root, [...NEW_LETTER, "--closes", "2024-03-09"])).code).toBe(0);
  });
});
