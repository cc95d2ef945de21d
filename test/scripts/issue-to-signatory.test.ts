import { cp, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { signIssueBody, SIGN_FORM_PATH } from "../helpers/issue-body.ts";
import { copyFixtureRepo, runScript, type RunResult } from "../helpers/run.ts";

// The conversion itself is tested in process (test/lib/issue-to-signatory.test.ts); this is the
// command's wiring: exit codes, what goes to stdout, and the comment for the issue.
let root: string;
let success: RunResult;
let failure: RunResult;

beforeAll(async () => {
  root = await copyFixtureRepo("site");
  await cp(SIGN_FORM_PATH, join(root, ".github", "ISSUE_TEMPLATE", "sign.yml"));
  const good = { letter: "alpha-letter", name: "Acme ```Foundation```", type: "organisation", place: "KE" };
  await writeFile(join(root, "good.md"), signIssueBody(good));
  await writeFile(join(root, "bad.md"), signIssueBody({ ...good, name: "Other", place: "Kenyaa", url: "http://other.example" }));
  const args = (body: string, comment: string) => ["--root", root, "--body-file", join(root, body), "--author", "octocat", "--signed", "2026-02-01", "--comment-file", join(root, comment)];
  // One after the other: both write into the same repository, as two runs of the workflow never do.
  success = await runScript("issue-to-signatory", args("good.md", "good-comment.md"));
  failure = await runScript("issue-to-signatory", args("bad.md", "bad-comment.md"));
});

describe("npm run issue-to-signatory", () => {
  it("prints the new file's path and writes a comment showing the file in a fence its content cannot close", async () => {
    expect(success).toMatchObject({ code: 0, stdout: "signatories/alpha-letter/acme-foundation.yaml\n", stderr: "" });
    expect(await readFile(join(root, "good-comment.md"), "utf8")).toBe(
      [
        "Thank you! Your answers became the file `signatories/alpha-letter/acme-foundation.yaml`:",
        "",
        "````yaml",
        "name: Acme ```Foundation```",
        "type: organisation",
        "country: KE",
        "github: octocat",
        "signed: 2026-02-01",
        "````",
        "",
        "A maintainer reviews the pull request below and publishes your signature. To change something, edit this issue: the pull request is updated when you save.",
        "",
      ].join("\n"),
    );
  });

  it("exits 1 with the validator's messages, writes nothing and explains in the comment", async () => {
    expect(failure.code).toBe(1);
    expect(failure.stdout).toBe("");
    const country = 'the answer to "Country or scope" is "Kenyaa", which is not a country name we recognise; write the country\'s name (such as Kenya) or its two-letter code (such as KE) — either works — or global, international or regional if you work across countries';
    const url = 'signatories/alpha-letter/other.yaml:4:6: "url" must start with https:// (got "http://other.example")';
    const lines = [country, url];
    const stderrLines = failure.stderr.split("\n").filter((l) => l.startsWith("signatories/") || l.startsWith(join(root, "bad.md")));
    expect(stderrLines).toEqual([`${join(root, "bad.md")}: ${country}`, url]);
    const comment = await readFile(join(root, "bad-comment.md"), "utf8");
    expect(comment).toContain(["Your signature could not be added yet:", "", "```text", ...lines, "```"].join("\n"));
    expect(comment).toContain("country: Kenyaa\n");
    await expect(readFile(join(root, "signatories/alpha-letter/other.yaml"))).rejects.toThrow(/ENOENT/);
  });

  it("says so when the body file does not exist, with exit 2 and no stack trace", async () => {
    const missing = join(root, "no-such-body.md");
    expect(await runScript("issue-to-signatory", ["--root", root, "--body-file", missing])).toEqual({
      code: 2,
      stdout: "",
      stderr: `There is no file ${missing}: --body-file names the issue's body, saved as a file.\n`,
    });
  });
});
