import { describe, expect, it } from "vitest";
import { runCli, readRepoFile } from "../../helpers/cli.ts";
import { copyFixtureRepo } from "../../helpers/run.ts";

// runCli's today is 2024-03-09.
const ALPHA = "content/letters/alpha-letter/index.md";

describe("undersigned close: a closing day still to come", () => {
  it("keeps the letter open and sets only the closing date, saying when it will close", async () => {
    const root = await copyFixtureRepo("site");
    const original = await readRepoFile(root, ALPHA);
    const result = await runCli(root, ["close", "alpha-letter", "--date", "2030-01-01"]);
    expect(result.stdout).toBe('"Alpha letter & friends" will close on 2030-01-01: it stays open until then, and signatures dated after that day will be refused: content/letters/alpha-letter/index.md\n');
    expect(result.code).toBe(0);
    expect(await readRepoFile(root, ALPHA)).toBe(original.replace("status: open\n", "status: open\ncloses: 2030-01-01\n"));
    expect((await runCli(root, ["sign", "alpha-letter", "--name", "Still Welcome", "--type", "organisation", "--country", "KE"])).code).toBe(0);
    const now = await runCli(root, ["close", "alpha-letter"]);
    expect(now.stdout).toBe('Closed "Alpha letter & friends" as of 2024-03-09: content/letters/alpha-letter/index.md\n');
    expect(await readRepoFile(root, ALPHA)).toBe(original.replace("status: open\n", "status: closed\ncloses: 2024-03-09\n"));
  });

  it("refuses a closing day still to come for a letter already closed, saying how to open it again", async () => {
    const root = await copyFixtureRepo("site");
    expect((await runCli(root, ["close", "alpha-letter", "--date", "2020-03-01"])).code).toBe(0);
    const closed = await readRepoFile(root, ALPHA);
    const result = await runCli(root, ["close", "alpha-letter", "--date", "2030-01-01"]);
    expect(result.stderr).toBe(
      'error: Invalid --date: 2030-01-01, a day still to come, but "Alpha letter & friends" is already closed as of 2020-03-01. Expected today or an earlier day; to open the letter again until 2030-01-01, write status: open and closes: 2030-01-01 in content/letters/alpha-letter/index.md.\n',
    );
    expect(result.code).toBe(2);
    expect(await readRepoFile(root, ALPHA)).toBe(closed);
  });
});
