import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fixtureGitRepo, git, pullRequestBranch } from "../helpers/git-repo.ts";
import { copyFixtureRepo, fixture, runScript } from "../helpers/run.ts";

const broken = ["--root", fixture("repos", "broken")];

describe("npm run validate", () => {
  it("passes the example content and says what it checked", async () => {
    const result = await runScript("validate", []);
    expect(result).toEqual({ code: 0, stdout: "", stderr: "Checked 1 letter and 31 signatories: no errors.\n" });
  });

  it("prints every problem as file:line:column: message, then exits 1", async () => {
    const result = await runScript("validate", broken);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe(
      [
        'signatories/alpha-letter/acme.yaml:3:10: "country" must be a two-letter ISO 3166-1 code such as KE or BR (got "Kenya")',
        'signatories/no-such-letter/lost.yaml:1:1: the folder "no-such-letter" does not match any letter; move this file into signatories/<letter>/ for one of: alpha-letter',
        "",
      ].join("\n"),
    );
    expect(result.stderr).toBe("\n2 errors. Each line above names the file, line and column, what is wrong and how to fix it.\n");
  });

  it("prints GitHub Actions annotations with --format github", async () => {
    const result = await runScript("validate", [...broken, "--format", "github"]);
    expect(result.code).toBe(1);
    expect(result.stdout.split("\n")[0]).toBe(
      '::error file=signatories/alpha-letter/acme.yaml,line=3,col=10::"country" must be a two-letter ISO 3166-1 code such as KE or BR (got "Kenya")',
    );
  });

  it("checks only the given files", async () => {
    const good = await runScript("validate", [...broken, fixture("repos", "broken", "signatories", "alpha-letter", "good-org.yaml")]);
    expect(good).toEqual({ code: 0, stdout: "", stderr: "Checked 1 file: no errors.\n" });
    const bad = await runScript("validate", [...broken, fixture("repos", "broken", "signatories", "alpha-letter", "acme.yaml")]);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toBe('signatories/alpha-letter/acme.yaml:3:10: "country" must be a two-letter ISO 3166-1 code such as KE or BR (got "Kenya")\n');
  });

  // A mistyped path used to pass as "Checked 1 file: no errors".
  it.each([
    ["a file that does not exist", "signatories/alpha-letter/nobody.yaml", "signatories/alpha-letter/nobody.yaml: there is no such file; check the path, such as signatories/<letter>/<name>.yaml from the repository's root"],
    ["a folder", "signatories/alpha-letter", "signatories/alpha-letter: this is a folder; name the files in it, or run npm run validate without a file to check them all"],
    ["a file outside the repository", "../outside.yaml", "../outside.yaml: this is outside the repository; name a file inside it, or give its folder with --root"],
  ])("fails when it is given %s", async (_, path, line) => {
    const result = await runScript("validate", [...broken, join(fixture("repos", "broken"), path)]);
    expect(result).toEqual({ code: 1, stdout: `${line}\n`, stderr: "\n1 error. Each line above names the file, what is wrong and how to fix it.\n" });
  });

  it("says the line and column only where the lines above give them", async () => {
    const alpha = join(fixture("repos", "broken"), "signatories", "alpha-letter");
    const result = await runScript("validate", [...broken, join(alpha, "acme.yaml"), join(alpha, "nobody.yaml")]);
    expect(result.stderr).toBe("\n2 errors. Each line above names the file (and the line and column where it has them), what is wrong and how to fix it.\n");
  });

  // npm runs every script from the package's folder, and says in INIT_CWD where it was started.
  it("finds a file named from the folder npm was started in", async () => {
    const alpha = join(fixture("repos", "broken"), "signatories", "alpha-letter");
    expect(await runScript("validate", [...broken, "good-org.yaml"], { env: { INIT_CWD: alpha } })).toEqual({ code: 0, stdout: "", stderr: "Checked 1 file: no errors.\n" });
    const bad = await runScript("validate", [...broken, "acme.yaml"], { env: { INIT_CWD: alpha } });
    expect(bad.stdout).toBe('signatories/alpha-letter/acme.yaml:3:10: "country" must be a two-letter ISO 3166-1 code such as KE or BR (got "Kenya")\n');
  });

  it("warns about a given file that nothing checks", async () => {
    const root = await copyFixtureRepo("broken");
    await writeFile(join(root, "notes.txt"), "A note.\n");
    const result = await runScript("validate", ["--root", root, join(root, "notes.txt")]);
    expect(result).toEqual({
      code: 0,
      stdout: "notes.txt: warning: nothing checks this file: npm run validate checks settings.yaml, content/letters/, signatories/, i18n/\n",
      stderr: "Checked 1 file: no errors, 1 warning.\n",
    });
  });

  it("checks settings.yaml when it is given", async () => {
    const root = await copyFixtureRepo("broken");
    await writeFile(join(root, "settings.yaml"), "name: 5\nlang: en\nrepository: example/letters\nbranch: main\nbase_url: https://example.github.io\n");
    const result = await runScript("validate", ["--root", root, join(root, "settings.yaml")]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('settings.yaml:1:7: "name" must be text (got 5); put it in quotes: name: "5"\n');
  });

  it("exits 0 on warnings alone and prints them", async () => {
    const result = await runScript("validate", ["--root", fixture("repos", "warnings-only")]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      'signatories/alpha/jane-doe-brazil.yaml:1:7: warning: "Jane Doe" has the same name as signatories/alpha/jane-doe.yaml, but a different country or affiliation; if they are the same signatory, delete one of the two files\n',
    );
    expect(result.stderr).toBe("Checked 1 letter and 2 signatories: no errors, 1 warning.\n");
  });

  it("refuses an unknown format", async () => {
    const result = await runScript("validate", ["--format", "xml"]);
    expect(result).toEqual({ code: 2, stdout: "", stderr: "Invalid value for --format: xml. Expected one of: text, github.\n" });
  });

  it("with --new-since, reports a duplicate on the file added since then, even when it is dated first", async () => {
    const repo = await fixtureGitRepo("site");
    const A = "signatories/alpha-letter";
    pullRequestBranch(repo, "backdated", [{ write: `${A}/zz-zeta.yaml`, text: "name: Zeta Organisation\ntype: organisation\nscope: global\nsigned: 2019-06-01\n" }]);
    git(repo, "switch", "--quiet", "backdated");
    const SAME = "(names are compared ignoring case, accents, punctuation and look-alike letters); delete this file";
    const [plain, since] = await Promise.all([runScript("validate", ["--root", repo]), runScript("validate", ["--root", repo, "--new-since", "main"])]);
    expect(plain.stdout).toBe(`${A}/zeta.yaml:1:7: "Zeta Organisation" has already signed this letter in ${A}/zz-zeta.yaml ${SAME}\n`);
    expect(since.stdout).toBe(`${A}/zz-zeta.yaml:1:7: "Zeta Organisation" has already signed this letter in ${A}/zeta.yaml ${SAME}\n`);
    expect(since.code).toBe(1);
    expect(await runScript("validate", ["--root", repo, "--new-since", "no-such-branch"])).toMatchObject({
      code: 2,
      stderr: 'validate --new-since: "no-such-branch" is not a commit in this repository; fetch it first (actions/checkout needs fetch-depth: 0)\n',
    });
  });
});
