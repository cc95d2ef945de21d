import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli, readRepoFile, signatoryFiles } from "../../helpers/cli.ts";
import { copyFixtureRepo, runScript } from "../../helpers/run.ts";

const ALPHA = "content/letters/alpha-letter/index.md";

describe("undersigned new-letter", () => {
  it("writes a letter skeleton that the validator accepts, and refuses to overwrite it", async () => {
    const root = await copyFixtureRepo("site");
    const args = ["new-letter", "--title", "Keep the internet open: now", "--to", "Jane Doe; Director; Example Agency", "--to", "John Roe", "--summary", "We ask the agency to publish its drafts.", "--closes", "2024-12-31"];
    const result = await runCli(root, args);
    expect(result.stdout).toBe('Created "Keep the internet open: now": content/letters/keep-the-internet-open-now/index.md\nNext: write the letter\'s text in content/letters/keep-the-internet-open-now/index.md, then add signatures with: undersigned sign keep-the-internet-open-now\n');
    expect(result.code).toBe(0);
    const text = await readRepoFile(root, "content/letters/keep-the-internet-open-now/index.md");
    expect(text.split("\n---\n")[0]).toBe(
      "---\ntitle: \"Keep the internet open: now\"\ndate: 2024-03-09\nto:\n  - name: Jane Doe\n    role: Director\n    organisation: Example Agency\n  - name: John Roe\nfrom: the undersigned organisations and individuals\nsummary: We ask the agency to publish its drafts.\nlang: en\nstatus: open\ncloses: 2024-12-31",
    );
    expect((await runScript("validate", ["--root", root])).code).toBe(0);
    const again = await runCli(root, args);
    expect(again.stderr).toBe("error: content/letters/keep-the-internet-open-now/ already exists. Expected a new slug; choose another with --slug.\n");
    expect(again.code).toBe(1);
  });
});

describe("undersigned close, withdraw and verify", () => {
  it("closes a letter in its front matter, keeping comments, order and body", async () => {
    const root = await copyFixtureRepo("site");
    const original = await readRepoFile(root, ALPHA);
    await writeFile(join(root, ALPHA), original.replace("lang: en\n", "lang: en # the letter's language\n"));
    const early = await runCli(root, ["close", "alpha-letter", "--date", "2020-01-19"]);
    expect(early.stderr).toBe(
      "error: Closing on 2020-01-19 would not pass validation, so nothing was changed:\n" +
        '  signatories/alpha-letter/adam.yaml: "signed" is 2020-02-01, after this letter closed on 2020-01-19; signatures are no longer accepted\n' +
        '  signatories/alpha-letter/zeta.yaml: "signed" is 2020-01-20, after this letter closed on 2020-01-19; signatures are no longer accepted\n',
    );
    expect(early.code).toBe(1);
    const result = await runCli(root, ["close", "alpha-letter", "--date", "2020-03-01"]);
    expect(result.stdout).toBe('Closed "Alpha letter & friends" as of 2020-03-01: content/letters/alpha-letter/index.md\n');
    expect(await readRepoFile(root, ALPHA)).toBe(original.replace("lang: en\nstatus: open\n", "lang: en # the letter's language\nstatus: closed\ncloses: 2020-03-01\n"));
    const late = await runCli(root, ["sign", "alpha-letter", "--name", "Late Org", "--type", "organisation", "--country", "KE"]);
    expect(late.stderr).toBe(
      "error: The signature would not pass validation, so nothing was changed:\n" +
        '  signatories/alpha-letter/late-org.yaml:4:9: "signed" is 2024-03-09, after this letter closed on 2020-03-01; signatures are no longer accepted\n',
    );
  });

  it("changes only the lines of the fields it edits: a folded summary, spaced comments and the fields after them stay as written", async () => {
    const root = await copyFixtureRepo("site");
    const written = (await readRepoFile(root, ALPHA))
      .replace("summary: The alpha letter, open for signatures.\n", "summary: >-\n  The alpha letter,\n  open for signatures.\n")
      .replace("lang: en\nstatus: open\n", "lang: en      # English\nstatus: open  # until it closes\ntags: [alpha,  test]\n");
    await writeFile(join(root, ALPHA), written);
    expect((await runCli(root, ["close", "alpha-letter", "--date", "2020-03-01"])).code).toBe(0);
    const closed = written.replace("status: open  # until it closes\n", "status: closed # until it closes\ncloses: 2020-03-01\n");
    expect(await readRepoFile(root, ALPHA)).toBe(closed);
    expect((await runCli(root, ["withdraw", "alpha-letter", "bea", "--date", "2020-02-02"])).code).toBe(0);
    expect(await readRepoFile(root, ALPHA)).toBe(closed.replace("tags: [alpha,  test]\n", "tags: [alpha,  test]\nwithdrawals:\n  - date: 2020-02-02\n"));
  });

  it("withdraws a signature: deletes the file and counts it by date, without a name", async () => {
    const root = await copyFixtureRepo("site");
    const original = await readRepoFile(root, ALPHA);
    expect((await runCli(root, ["withdraw", "alpha-letter", "bea"])).stdout).toBe(
      'Withdrew one signature from "Alpha letter & friends": deleted signatories/alpha-letter/bea.yaml and recorded a withdrawal on 2024-03-09 in content/letters/alpha-letter/index.md (no name kept).\n',
    );
    await runCli(root, ["withdraw", "alpha-letter", "adam"]);
    await runCli(root, ["withdraw", "alpha-letter", "zeta", "--date", "2024-03-10"]);
    expect(await signatoryFiles(root, "alpha-letter")).toEqual(["aerzte.yaml", "html-name.yaml", "quoted.yaml"]);
    const text = await readRepoFile(root, ALPHA);
    expect(text).toBe(original.replace("status: open\n", "status: open\nwithdrawals:\n  - date: 2024-03-09\n    count: 2\n  - date: 2024-03-10\n"));
    expect(text).not.toMatch(/bea|adam|zeta/i);
    const missing = await runCli(root, ["withdraw", "alpha-letter", "bea"]);
    expect(missing.stderr).toBe("error: No signatory \"bea\" in signatories/alpha-letter/. Expected a file name without .yaml, such as those listed by: ls signatories/alpha-letter/\n");
  });

  it("records a verification in the signatory's file and checks the method and login", async () => {
    const root = await copyFixtureRepo("site");
    const result = await runCli(root, ["verify", "alpha-letter", "aerzte", "--method", "domain", "--by", "octocat"]);
    expect(result.stdout).toBe('Verified "Ärzte für Menschenrechte" by domain, checked by octocat on 2024-03-09: signatories/alpha-letter/aerzte.yaml\n');
    expect(await readRepoFile(root, "signatories/alpha-letter/aerzte.yaml")).toBe("name: Ärzte für Menschenrechte\ntype: organisation\ncountry: DE\nsigned: 2020-01-17\nverified:\n  method: domain\n  by: octocat\n  date: 2024-03-09\n");
    const method = await runCli(root, ["verify", "alpha-letter", "aerzte", "--method", "phone", "--by", "octocat"]);
    expect(method.stderr).toBe("error: Invalid --method: phone. Expected one of: github, email, domain, maintainer.\n");
    expect(method.code).toBe(2);
    const login = await runCli(root, ["verify", "alpha-letter", "zeta", "--method", "email", "--by", "not a login"]);
    expect(login.stderr).toBe('error: The signatory would not pass validation, so signatories/alpha-letter/zeta.yaml was not written:\n  signatories/alpha-letter/zeta.yaml:8:7: "verified", "by" must be the GitHub login of the maintainer who verified it (letters, digits and single hyphens, without the @) (got "not a login")\n');
    expect(login.code).toBe(1);
  });
});
