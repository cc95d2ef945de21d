import { beforeAll, describe, expect, it } from "vitest";
import { checkPullRequestInGit, type PullRequestInfo } from "../../scripts/lib/pr-scope.ts";
import { formatProblem } from "../../scripts/lib/problem.ts";
import { signatoryTemplate } from "../../scripts/lib/sign-links.ts";
import { fixtureGitRepo, pullRequestBranch, type Edit } from "../helpers/git-repo.ts";

const A = "signatories/alpha-letter";
const good = (name: string, extra = "") => `name: ${name}\ntype: organisation\ncountry: KE\n${extra}signed: 2026-01-10\n`;
const owned = "name: Owned Org\ntype: organisation\ncountry: BR\ngithub: Octocat\nsigned: 2020-01-05\n";
const VERIFIED = "verified:\n  method: maintainer\n  by: some-maintainer\n  date: 2020-01-06\n";
// For a new signature dated 2026-01-10: a verification is never dated before the signature.
const VERIFIED_NEW = VERIFIED.replace("2020-01-06", "2026-01-11");
const ownedVerified = `name: Verified Org\ntype: organisation\ncountry: BR\ngithub: Octocat\n${VERIFIED}signed: 2020-01-05\n`;
const verifiedPerson = `name: Vera Person\ntype: individual\ncountry: KE\naffiliation: Uni A\nrole: Professor\ngithub: octocat\n${VERIFIED}signed: 2020-01-05\n`;

/** Changes an owner makes to a verified signature that describe someone else, and the fields each alters. */
const IDENTITY_CHANGES: Array<{ branch: string; file: string; text: string; line: number; fields: string }> = [
  { branch: "verified-new-identity", file: "verified-owned.yaml", text: ownedVerified.replace("Verified Org", "Google LLC").replace("organisation", "individual").replace("BR", "US"), line: 5, fields: '"name", "type" and "country"' },
  { branch: "verified-country", file: "verified-owned.yaml", text: ownedVerified.replace("BR", "AR"), line: 5, fields: '"country"' },
  { branch: "verified-scope", file: "verified-owned.yaml", text: ownedVerified.replace("country: BR", "scope: global"), line: 5, fields: '"country" and "scope"' },
  { branch: "verified-url", file: "verified-owned.yaml", text: ownedVerified.replace("github:", "url: https://verified.example.org\ngithub:"), line: 6, fields: '"url"' },
  { branch: "verified-github", file: "verified-owned.yaml", text: ownedVerified.replace("github: Octocat\n", ""), line: 4, fields: '"github"' },
  { branch: "verified-affiliation-role", file: "verified-person.yaml", text: verifiedPerson.replace("Uni A", "Uni B").replace("Professor", "Rector"), line: 7, fields: '"affiliation" and "role"' },
];

/** Every pull request shape the tests open against the fixture site, by branch name. */
const BRANCHES: Record<string, Edit[]> = {
  "one-good-file": [{ write: `${A}/new-org.yaml`, text: good("New Org", "url: https://new-org.example.org\n") }],
  "two-files": [
    { write: `${A}/first.yaml`, text: good("First Org") },
    { write: `${A}/second.yaml`, text: good("Second Org") },
  ],
  symlink: [{ symlink: `${A}/link.yaml`, to: "../../settings.yaml" }],
  "letter-edit": [{ write: "content/letters/alpha-letter/index.md", text: "---\ntitle: Changed\n---\n" }],
  "at-the-top": [{ write: "acme.yaml", text: good("Acme") }],
  "yml-extension": [{ write: `${A}/acme.yml`, text: good("Acme") }],
  "workflow-edit": [
    { write: ".github/workflows/evil.yml", text: "on: push\n" },
    { write: `${A}/sneaky.yaml`, text: good("Sneaky Org") },
  ],
  "closed-letter": [{ write: "signatories/beta-letter/late.yaml", text: good("Late Org") }],
  "closed-backdated": [{ write: "signatories/beta-letter/backdated.yaml", text: good("Backdated Org").replace("2026-01-10", "2019-05-10") }],
  // Sorts before zeta.yaml and spells "Zeta" with a Cyrillic е: still the existing signatory.
  duplicate: [{ write: `${A}/a-zeta.yaml`, text: "name: ZЕTA organisation\ntype: organisation\nscope: global\nsigned: 2026-01-10\n" }],
  // Dated before zeta.yaml (signed 2020-01-20), or on the same day: still the second signature.
  "duplicate-backdated": [{ write: `${A}/zz-zeta.yaml`, text: "name: Zeta Organisation\ntype: organisation\nscope: global\nsigned: 2019-06-01\n" }],
  "duplicate-same-day": [{ write: `${A}/a.yaml`, text: "name: ZETA ORGANISATION\ntype: organisation\nscope: global\nsigned: 2020-01-20\n" }],
  "url-backdated": [{ write: `${A}/other-org.yaml`, text: "name: Other Org\ntype: organisation\ncountry: KE\nurl: https://zeta.example.org\nsigned: 2019-06-01\n" }],
  "mode-change": [{ chmod: `${A}/adam.yaml`, mode: 0o755 }],
  "executable-file": [{ write: `${A}/runme.yaml`, text: good("Run Me") }, { chmod: `${A}/runme.yaml`, mode: 0o755 }],
  "too-large": [{ write: `${A}/big.yaml`, text: good("Big Org", `# ${"x".repeat(9000)}\n`) }],
  impersonation: [{ write: `${A}/someone.yaml`, text: good("Someone Org", "github: someone-else\n") }],
  "own-login": [{ write: `${A}/mine.yaml`, text: good("Mine Org", "github: OCTOCAT\n") }],
  template: [{ write: `${A}/your-name.yaml`, text: "name: Your name or your organisation's name\ntype: organisation\ncountry: XX\nsigned: 2026-01-10\n" }],
  // Every problem at once, though the file fails the schema: the validator's, then what check-pr adds.
  "invalid-and-impersonating": [{ write: `${A}/bob-org.yaml`, text: `name: Bob Org\ntype: organisation\ncountry: ke\ngithub: bob\n${VERIFIED_NEW}signed: 2026-01-10\n` }],
  // A value the validator already explains is not judged again: "@octocat" is the author, written wrongly.
  "malformed-own-login": [{ write: `${A}/mine.yaml`, text: good("Mine Org", 'github: "@octocat"\n') }],
  "example-affiliation-on-organisation": [{ write: `${A}/uni.yaml`, text: good("Uni Org", "affiliation: Example University\n") }],
  "editor-template": [{ write: `${A}/your-name.yaml`, text: signatoryTemplate({ title: "Alpha letter & friends", lang: "en" }, "2026-01-10") }],
  "nested-path": [{ write: `${A}/deeper/org.yaml`, text: good("Deep Org") }],
  "withdraw-own": [{ remove: `${A}/owned.yaml` }],
  "correct-own": [{ write: `${A}/owned.yaml`, text: owned.replace("BR", "AR") }],
  "self-verified": [{ write: `${A}/fake-org.yaml`, text: good("Fake Org", VERIFIED_NEW) }],
  "correct-verified-own": [{ write: `${A}/verified-owned.yaml`, text: ownedVerified.replace("signed: 2020-01-05", "signed: 2020-01-04") }],
  "verified-github-letter-case": [{ write: `${A}/verified-owned.yaml`, text: ownedVerified.replace("Octocat", "octocat") }],
  "verified-new-identity-invalid": [{ write: `${A}/verified-owned.yaml`, text: ownedVerified.replace("Verified Org", "Google LLC").replace("BR", "us") }],
  "verified-new-identity-unverified": [{ write: `${A}/verified-owned.yaml`, text: ownedVerified.replace(VERIFIED, "").replace("Verified Org", "Google LLC").replace("BR", "US") }],
  ...Object.fromEntries(IDENTITY_CHANGES.map((c) => [c.branch, [{ write: `${A}/${c.file}`, text: c.text }]])),
  "reverify-own": [{ write: `${A}/verified-owned.yaml`, text: ownedVerified.replace("by: some-maintainer", "by: octocat") }],
  "delete-other": [{ remove: `${A}/zeta.yaml` }],
};

const TODAY = "2026-02-01";
let repo: string;
const results = new Map<string, Result>();

/** The exit status and printed lines check-pr would produce. */
interface Result {
  code: number;
  stdout: string;
}

async function check(branch: string, pr: Partial<PullRequestInfo> = {}): Promise<Result> {
  const { problems } = await checkPullRequestInGit(repo, "main", branch, { author: "octocat", association: "NONE", labels: [], ...pr }, TODAY);
  return { code: problems.some((p) => p.severity === "error") ? 1 : 0, stdout: problems.map((p) => `${formatProblem(p)}\n`).join("") };
}

function result(branch: string): Result {
  const found = results.get(branch);
  if (found === undefined) throw new Error(`no result for ${branch}`);
  return found;
}

beforeAll(async () => {
  repo = await fixtureGitRepo("site", { [`${A}/owned.yaml`]: owned, [`${A}/verified-owned.yaml`]: ownedVerified, [`${A}/verified-person.yaml`]: verifiedPerson });
  for (const [name, edits] of Object.entries(BRANCHES)) pullRequestBranch(repo, name, edits);
  for (const name of Object.keys(BRANCHES)) results.set(name, await check(name));
});

describe("checkPullRequestInGit on real git repositories, for someone without write access", () => {
  it("passes a pull request that adds one good file", () => {
    expect(result("one-good-file")).toEqual({ code: 0, stdout: "" });
  });

  it("refuses two files, naming both", () => {
    const { code, stdout } = result("two-files");
    expect(code).toBe(1);
    expect(stdout.trim().split("\n")).toEqual([
      `${A}/first.yaml: this pull request changes 2 signature files; a pull request holds exactly one signature — open one pull request per signature`,
      `${A}/second.yaml: this pull request changes 2 signature files; a pull request holds exactly one signature — open one pull request per signature`,
    ]);
  });

  it("refuses a symbolic link", () => {
    expect(result("symlink")).toMatchObject({ code: 1, stdout: `${A}/link.yaml: is a symbolic link; a signature must be a regular file — delete the link and create the file with the signature itself\n` });
  });

  it("refuses an edit to a letter", () => {
    expect(result("letter-edit")).toMatchObject({
      code: 1,
      stdout: 'content/letters/alpha-letter/index.md: a signature pull request may only add one file in signatories/<letter>/; this pull request changes this file — undo this change, or ask a maintainer to label the pull request "maintenance"\n',
    });
  });

  it("refuses a workflow added next to a signature", () => {
    expect(result("workflow-edit")).toMatchObject({
      code: 1,
      stdout: '.github/workflows/evil.yml: a signature pull request may only add one file in signatories/<letter>/; this pull request also adds this file — undo this change, or ask a maintainer to label the pull request "maintenance"\n',
    });
  });

  it("refuses a signature for a closed letter, dated after it closed or backdated", () => {
    expect(result("closed-letter")).toMatchObject({ code: 1, stdout: 'signatories/beta-letter/late.yaml:4:9: "signed" is 2026-01-10, after this letter closed on 2019-05-31; signatures are no longer accepted\n' });
    expect(result("closed-backdated")).toMatchObject({
      code: 1,
      stdout: 'signatories/beta-letter/backdated.yaml: the letter "beta-letter" is closed since 2019-05-31; signatures are no longer accepted, so this file cannot be added\n',
    });
  });

  it("refuses a look-alike duplicate, naming the existing file even when the new one sorts first", () => {
    expect(result("duplicate")).toMatchObject({
      code: 1,
      stdout: `${A}/a-zeta.yaml:1:7: "ZЕTA organisation" has already signed this letter in ${A}/zeta.yaml (names are compared ignoring case, accents, punctuation and look-alike letters); delete this file\n`,
    });
  });

  it("refuses a duplicate dated before the signature already there, or on its day, on the new file", () => {
    expect(result("duplicate-backdated")).toMatchObject({
      code: 1,
      stdout: `${A}/zz-zeta.yaml:1:7: "Zeta Organisation" has already signed this letter in ${A}/zeta.yaml (names are compared ignoring case, accents, punctuation and look-alike letters); delete this file\n`,
    });
    expect(result("duplicate-same-day")).toMatchObject({
      code: 1,
      stdout: `${A}/a.yaml:1:7: "ZETA ORGANISATION" has already signed this letter in ${A}/zeta.yaml (names are compared ignoring case, accents, punctuation and look-alike letters); delete this file\n`,
    });
    expect(result("url-backdated")).toMatchObject({
      code: 1,
      stdout: `${A}/other-org.yaml:4:6: "url" https://zeta.example.org is already used by ${A}/zeta.yaml; each signatory has its own website, so this is probably a second signature — delete this file or correct the url\n`,
    });
  });

  it("refuses a mode change and an executable file", () => {
    expect(result("mode-change")).toMatchObject({ code: 1, stdout: `${A}/adam.yaml: changes the file mode from 100644 to 100755; a signature pull request must not change modes — set it back with git update-index --chmod=-x ${A}/adam.yaml\n` });
    expect(result("executable-file")).toMatchObject({ code: 1, stdout: `${A}/runme.yaml: is marked executable (mode 100755); a signature must be a plain file — run git update-index --chmod=-x ${A}/runme.yaml\n` });
  });

  it("refuses a file over the size cap", () => {
    expect(result("too-large").code).toBe(1);
    expect(result("too-large").stdout).toMatch(/^signatories\/alpha-letter\/big\.yaml: is 9\d\d\d bytes; a signature file is at most 8192 bytes — keep only the signature's fields\n$/);
  });

  it("refuses a github field naming someone else, and accepts the author's own in any case", () => {
    expect(result("impersonation")).toMatchObject({
      code: 1,
      stdout: `${A}/someone.yaml:4:9: "github" is someone-else, but this signature is proposed by octocat; a signature may only name the account that proposes it — delete the github line or propose it from that account\n`,
    });
    expect(result("own-login").code).toBe(0);
  });

  it("refuses the web editor's template left unchanged, with every fix", () => {
    const { code, stdout } = result("template");
    expect(code).toBe(1);
    expect(stdout.trim().split("\n")).toEqual([
      `${A}/your-name.yaml: the file still has the example name your-name.yaml; rename it after yourself or your organisation, such as acme-foundation.yaml`,
      `${A}/your-name.yaml:1:7: "name" is still the example; write your organisation's name or your full name`,
      `${A}/your-name.yaml:3:10: "country" must be a two-letter ISO 3166-1 code such as KE or BR (got "XX")`,
    ]);
    expect(result("editor-template").stdout.trim().split("\n")).toEqual([
      `${A}/your-name.yaml: the file still has the example name your-name.yaml; rename it after yourself or your organisation, such as acme-foundation.yaml`,
      `${A}/your-name.yaml:4:7: "name" is still the example; write your organisation's name or your full name`,
      `${A}/your-name.yaml:6:10: "country" must be a two-letter ISO 3166-1 code such as KE or BR (got "XX")`,
    ]);
  });

  it("reports the github and verified problems of a file that fails the schema in the same run", () => {
    expect(result("invalid-and-impersonating")).toEqual({
      code: 1,
      stdout: [
        `${A}/bob-org.yaml:3:10: "country" must be a two-letter ISO 3166-1 code such as KE or BR (got "ke")`,
        `${A}/bob-org.yaml:4:9: "github" is bob, but this signature is proposed by octocat; a signature may only name the account that proposes it — delete the github line or propose it from that account`,
        `${A}/bob-org.yaml:5:1: "verified" is for maintainers, who add it with npx undersigned verify once they have checked who signed; delete the verified lines`,
        "",
      ].join("\n"),
    });
  });

  it("leaves a value the validator already explains to the validator's message alone", () => {
    expect(result("malformed-own-login")).toEqual({
      code: 1,
      stdout: `${A}/mine.yaml:4:9: "github" must be a GitHub username (letters, digits and single hyphens), without the @ (got "@octocat")\n`,
    });
    expect(result("example-affiliation-on-organisation")).toEqual({
      code: 1,
      stdout: `${A}/uni.yaml:4:1: "affiliation" is only for individuals; delete this line, or change type to individual\n`,
    });
  });

  it("tells where a signature added in the wrong place goes, and how to rename a .yml file", () => {
    expect(result("at-the-top")).toEqual({
      code: 1,
      stdout: "acme.yaml: a signature pull request may only add one file in signatories/<letter>/, and this file is outside it — move it into the letter's folder and name it after the signatory, such as signatories/<letter>/acme-foundation.yaml\n",
    });
    expect(result("yml-extension")).toEqual({ code: 1, stdout: `${A}/acme.yml: a signature file's name ends in .yaml, not .yml — rename it to acme.yaml\n` });
  });

  it("refuses a file in a sub-folder", () => {
    expect(result("nested-path")).toMatchObject({ code: 1, stdout: expect.stringContaining(`${A}/deeper/org.yaml: a signature pull request may only add one file in signatories/<letter>/, named <name>.yaml`) });
  });

  it("refuses a verified mark a maintainer did not give, and keeps one they gave when its owner corrects the signature", () => {
    const refusal = '"verified" is for maintainers, who add it with npx undersigned verify once they have checked who signed; delete the verified lines';
    expect(result("self-verified")).toEqual({ code: 1, stdout: `${A}/fake-org.yaml:4:1: ${refusal}\n` });
    expect(result("reverify-own")).toEqual({ code: 1, stdout: `${A}/verified-owned.yaml:5:1: ${refusal}\n` });
    expect(result("correct-verified-own")).toEqual({ code: 0, stdout: "" });
  });

  it.each(IDENTITY_CHANGES)("refuses a verified mark kept while its owner changes who signed ($branch)", ({ branch, file, line, fields }) => {
    expect(result(branch)).toEqual({
      code: 1,
      stdout: `${A}/${file}:${line}:1: "verified" was given for this signature's earlier details, and this change alters its ${fields}; delete the verified lines so that a maintainer can check the new details and verify them again, or undo those changes\n`,
    });
  });

  it("refuses it too in a file that fails the schema, with the schema's message", () => {
    expect(result("verified-new-identity-invalid")).toEqual({
      code: 1,
      stdout: [
        `${A}/verified-owned.yaml:3:10: "country" must be a two-letter ISO 3166-1 code such as KE or BR (got "us")`,
        `${A}/verified-owned.yaml:5:1: "verified" was given for this signature's earlier details, and this change alters its "name" and "country"; delete the verified lines so that a maintainer can check the new details and verify them again, or undo those changes`,
        "",
      ].join("\n"),
    });
  });

  it("accepts such a change once the verified lines are deleted, and a github login only written in other capitals", () => {
    expect(result("verified-new-identity-unverified")).toEqual({ code: 0, stdout: "" });
    expect(result("verified-github-letter-case")).toEqual({ code: 0, stdout: "" });
  });

  it("lets the account named in github: withdraw or correct its own signature, and nobody else's", () => {
    expect(result("withdraw-own")).toEqual({
      code: 0,
      stdout: `${A}/owned.yaml: warning: withdraws this signature; when merging, a maintainer also records it in content/letters/alpha-letter/index.md, under withdrawals: (a date and a count, never the name), so that the letter's count stays right\n`,
    });
    expect(result("correct-own").code).toBe(0);
    expect(result("delete-other")).toMatchObject({
      code: 1,
      stdout: `${A}/zeta.yaml: deletes a signature, which only the GitHub account named in its "github" field can do by pull request; ask for a withdrawal with the "Withdraw a signature" issue form instead, and a maintainer will handle it\n`,
    });
  });
});

describe("checkPullRequestInGit for maintainers", () => {
  it("does not limit a repository member or a pull request labelled maintenance", async () => {
    expect(await check("letter-edit", { association: "MEMBER" })).toEqual({ code: 0, stdout: "" });
    expect(await check("workflow-edit", { association: "OWNER" })).toEqual({ code: 0, stdout: "" });
    expect(await check("two-files", { labels: ["docs", "maintenance"] })).toEqual({ code: 0, stdout: "" });
    expect((await check("letter-edit", { labels: ["documentation"], association: "CONTRIBUTOR" })).code).toBe(1);
  });

  it("still checks the workflow bot's pull requests, except for the github field it already matched", async () => {
    expect((await check("two-files", { author: "github-actions[bot]" })).code).toBe(1);
    expect(await check("impersonation", { author: "github-actions[bot]" })).toEqual({ code: 0, stdout: "" });
  });
});
