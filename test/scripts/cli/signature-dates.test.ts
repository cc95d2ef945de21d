import { describe, expect, it } from "vitest";
import { runCli, readRepoFile, signatoryFiles } from "../../helpers/cli.ts";
import { copyFixtureRepo } from "../../helpers/run.ts";

// runCli's today is 2024-03-09; bea signed alpha-letter on 2020-01-19.
const ALPHA = "content/letters/alpha-letter/index.md";

describe("undersigned withdraw: the date", () => {
  it.each([
    ["2030-06-01", 'error: Invalid --date: 2030-06-01, a day still to come. Expected the day the signature was withdrawn, such as 2024-03-09 (today, the default).\n'],
    ["2020-01-18", 'error: Invalid --date: 2020-01-18, before "Bea Person" signed on 2020-01-19 (signatories/alpha-letter/bea.yaml). Expected the day the signature was withdrawn, on or after 2020-01-19.\n'],
  ])("refuses --date %s and changes nothing", async (date, message) => {
    const root = await copyFixtureRepo("site");
    const original = await readRepoFile(root, ALPHA);
    const result = await runCli(root, ["withdraw", "alpha-letter", "bea", "--date", date]);
    expect(result.stderr).toBe(message);
    expect(result.code).toBe(2);
    expect(await readRepoFile(root, ALPHA)).toBe(original);
    expect(await signatoryFiles(root, "alpha-letter")).toContain("bea.yaml");
  });

  it("keeps the letter's withdrawals in date order", async () => {
    const root = await copyFixtureRepo("site");
    const original = await readRepoFile(root, ALPHA);
    for (const [slug, date] of [["adam", "2024-03-01"], ["zeta", "2022-05-05"], ["bea", "2024-03-01"], ["quoted", "2020-01-19"]] as const) {
      expect((await runCli(root, ["withdraw", "alpha-letter", slug, "--date", date])).code).toBe(0);
    }
    expect(await readRepoFile(root, ALPHA)).toBe(original.replace("status: open\n", "status: open\nwithdrawals:\n  - date: 2020-01-19\n  - date: 2022-05-05\n  - date: 2024-03-01\n    count: 2\n"));
  });
});

describe("undersigned verify: the date", () => {
  it.each([
    ["2031-01-01", 'error: Invalid --date: 2031-01-01, a day still to come. Expected the day the signature was checked, such as 2024-03-09 (today, the default).\n'],
    ["2020-01-18", 'error: Invalid --date: 2020-01-18, before "Bea Person" signed on 2020-01-19 (signatories/alpha-letter/bea.yaml). Expected the day the signature was checked, on or after 2020-01-19.\n'],
  ])("refuses --date %s and changes nothing", async (date, message) => {
    const root = await copyFixtureRepo("site");
    const original = await readRepoFile(root, "signatories/alpha-letter/bea.yaml");
    const result = await runCli(root, ["verify", "alpha-letter", "bea", "--method", "email", "--by", "octocat", "--date", date]);
    expect(result.stderr).toBe(message);
    expect(result.code).toBe(2);
    expect(await readRepoFile(root, "signatories/alpha-letter/bea.yaml")).toBe(original);
  });

  it("accepts the day of the signature", async () => {
    const root = await copyFixtureRepo("site");
    expect((await runCli(root, ["verify", "alpha-letter", "bea", "--method", "email", "--by", "octocat", "--date", "2020-01-19"])).code).toBe(0);
  });
});
