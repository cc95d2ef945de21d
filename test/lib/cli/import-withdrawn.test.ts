import { readdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli, signatoryFiles } from "../../helpers/cli.ts";
import { fixtureGitRepo, git } from "../../helpers/git-repo.ts";
import { copyFixtureRepo, fixture } from "../../helpers/run.ts";

const CSV = fixture("csv", "withdrawn-rows.csv");
const ADDED = ['  row 2: "José Núñez" → signatories/alpha-letter/jose-nunez.yaml', '  row 3: "Open Data Lab" → signatories/alpha-letter/open-data-lab.yaml'];

/**
 * Imports the file (committing the import in a git repository), withdraws José Núñez (committing
 * the withdrawal when asked), and returns the output of the same import run again.
 */
async function importWithdrawImport(root: string, commits: { import: boolean; withdrawal: boolean }) {
  const first = await runCli(root, ["import", "alpha-letter", CSV]);
  expect(first.stdout).toContain(["Added (2):", ...ADDED].join("\n"));
  if (commits.import) {
    git(root, "add", "-A");
    git(root, "commit", "--quiet", "-m", "import");
  }
  const withdrawn = await runCli(root, ["withdraw", "alpha-letter", "jose-nunez"]);
  expect(withdrawn.code).toBe(0);
  if (commits.withdrawal) git(root, "commit", "--quiet", "-am", "withdraw");
  return runCli(root, ["import", "alpha-letter", CSV]);
}

describe("undersigned import after a withdrawal", () => {
  it("skips a row that matches a signatory deleted from the letter in a commit, and says how to add them anyway", async () => {
    const root = await fixtureGitRepo("site");
    const again = await importWithdrawImport(root, { import: true, withdrawal: true });
    const commit = git(root, "rev-parse", "--short=7", "HEAD").trim();
    const date = git(root, "log", "-1", "--format=%cs").trim();
    expect(again.stdout.split("\n").slice(2)).toEqual([
      "Already signed, not added (1):",
      '  row 3: "Open Data Lab" duplicates signatories/alpha-letter/open-data-lab.yaml',
      "Withdrawn from this letter earlier, not added (1):",
      `  row 2: "José Núñez" was signatories/alpha-letter/jose-nunez.yaml, deleted in commit ${commit} on ${date}`,
      '  If one of them has really signed again, add them by hand: undersigned sign alpha-letter --name "…"',
      "2 rows: 0 to add, 1 already signed, 1 withdrawn, 0 invalid, 0 blank.",
      "Wrote 0 files.",
      "",
    ]);
    expect(again.code).toBe(0);
    expect(await signatoryFiles(root, "alpha-letter")).not.toContain("jose-nunez.yaml");
  });

  it("skips it too when the withdrawal is not yet committed", async () => {
    const root = await fixtureGitRepo("site");
    const again = await importWithdrawImport(root, { import: true, withdrawal: false });
    expect(again.stdout).toContain('Withdrawn from this letter earlier, not added (1):\n  row 2: "José Núñez" was signatories/alpha-letter/jose-nunez.yaml, deleted and not yet committed\n');
    expect(again.stdout).not.toContain("Added");
  });

  it("adds a person of the same name whom the validator tells apart (another affiliation)", async () => {
    const root = await fixtureGitRepo("site");
    await importWithdrawImport(root, { import: true, withdrawal: true });
    const other = join(root, "other.csv");
    await writeFile(other, "Name,Country,Type,Affiliation\nJosé Núñez,MX,individual,ITAM\n");
    const result = await runCli(root, ["import", "alpha-letter", other]);
    expect(result.stdout).toContain('Added (1):\n  row 2: "José Núñez" → signatories/alpha-letter/jose-nunez.yaml\n');
  });

  it("does not look for deleted files on a letter that records no withdrawal", async () => {
    const root = await fixtureGitRepo("site");
    await runCli(root, ["import", "alpha-letter", CSV]);
    git(root, "add", "-A");
    git(root, "commit", "--quiet", "-m", "import");
    git(root, "rm", "--quiet", "signatories/alpha-letter/jose-nunez.yaml");
    git(root, "commit", "--quiet", "-m", "delete without recording a withdrawal");
    const again = await runCli(root, ["import", "alpha-letter", CSV]);
    expect(again.stdout).toContain(["Added (1):", ADDED[0]].join("\n"));
    expect(again.stdout).not.toContain("Withdrawn");
  });

  it("imports as before, without a word, in a folder that is not a git repository", async () => {
    const root = await copyFixtureRepo("site");
    const again = await importWithdrawImport(root, { import: false, withdrawal: false });
    expect(again.stdout).toContain(["Added (1):", ADDED[0]].join("\n"));
    expect(again.stdout).not.toContain("Withdrawn");
    expect(again.stderr).toBe("");
    expect(await readdir(join(root, "signatories", "alpha-letter"))).toContain("jose-nunez.yaml");
  });
});
