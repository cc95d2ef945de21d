import { cp, readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { signatoryFileFromIssue } from "../../scripts/lib/issue-to-signatory.ts";
import { formatProblem } from "../../scripts/lib/problem.ts";
import { checkSignatoryText } from "../../scripts/lib/validate-signatory.ts";
import { signIssueBody, SIGN_FORM_PATH } from "../helpers/issue-body.ts";
import { copyFixtureRepo } from "../helpers/run.ts";

const TODAY = "2026-02-01";
const A = "signatories/alpha-letter";
const acme = { letter: "alpha-letter", name: "Acme Foundation", type: "organisation", place: "Kenya", url: "acme.example.org" };
let root: string;

async function convert(answers: Record<string, string>, options: { ticked?: boolean; author?: string; body?: string } = {}) {
  const bodyFile = join(root, "issue-body.md");
  await writeFile(bodyFile, options.body ?? signIssueBody(answers, options.ticked ?? true));
  const result = await signatoryFileFromIssue(root, bodyFile, { author: options.author ?? "octocat", today: TODAY });
  return { ...result, messages: result.problems.map((p) => formatProblem(p).replace(bodyFile, "BODY")) };
}

const files = async () => (await readdir(join(root, A))).sort();

beforeEach(async () => {
  root = await copyFixtureRepo("site");
  await cp(SIGN_FORM_PATH, join(root, ".github", "ISSUE_TEMPLATE", "sign.yml"), { recursive: true });
});

describe("signatoryFileFromIssue, on bodies written from the sign form itself", () => {
  it("writes the signatory file, with a country name turned into its code and https added", async () => {
    const result = await convert(acme);
    expect(result.messages).toEqual([]);
    expect(result.file).toBe(`${A}/acme-foundation.yaml`);
    expect(await readFile(join(root, A, "acme-foundation.yaml"), "utf8")).toBe(
      "name: Acme Foundation\ntype: organisation\ncountry: KE\nurl: https://acme.example.org\ngithub: octocat\nsigned: 2026-02-01\n",
    );
  });

  it("keeps every character of a hostile-looking name by quoting it, and the validator reads it back the same", async () => {
    const name = 'Acme: "Best" #1 — @everyone `x`';
    const result = await convert({ ...acme, name, url: "" });
    expect(result.messages).toEqual([]);
    const text = await readFile(join(root, result.file!), "utf8");
    expect(text.split("\n")[0]).toBe(`name: ${JSON.stringify(name)}`);
    expect(checkSignatoryText(result.file!, text).signatory?.name).toBe(name);
  });

  it("accepts a scope word, a lower-case code and the letter's web address", async () => {
    const scoped = await convert({ ...acme, letter: "https://example.github.io/fixture-site/letters/alpha-letter/", place: "Global", url: "" });
    expect(scoped.yaml).toBe("name: Acme Foundation\ntype: organisation\nscope: global\ngithub: octocat\nsigned: 2026-02-01\n");
    const coded = await convert({ ...acme, name: "Other Org", place: "br", url: "" });
    expect(coded.yaml).toContain("country: BR\n");
  });

  it.each([
    ["USA", "US"],
    ["UK", "GB"],
    ["Brasil", "BR"],
    ["Ivory Coast", "CI"],
    ["Kenia", "KE"],
    ["Côte d'Ivoire", "CI"],
    ["The Netherlands", "NL"],
    ["Bosnia and Herzegovina", "BA"],
  ])("reads the country %s as %s, as undersigned sign does", async (place, code) => {
    const result = await convert({ ...acme, name: `Org from ${place}`, place, url: "" });
    expect(result.messages).toEqual([]);
    expect(result.yaml).toContain(`country: ${code}\n`);
  });

  it("fails with the validator's own message, removes the file and returns the YAML", async () => {
    const result = await convert({ ...acme, url: "http://acme.example.org" });
    const yaml = "name: Acme Foundation\ntype: organisation\ncountry: KE\nurl: http://acme.example.org\ngithub: octocat\nsigned: 2026-02-01\n";
    expect(result.yaml).toBe(yaml);
    expect(result.messages).toEqual(checkSignatoryText(`${A}/acme-foundation.yaml`, yaml).problems.map((p) => formatProblem(p)));
    expect(result.messages).toEqual([`${A}/acme-foundation.yaml:4:6: "url" must start with https:// (got "http://acme.example.org")`]);
    expect(await files()).not.toContain("acme-foundation.yaml");
  });

  it("says a country answer it cannot read was not recognised, that a name or a code both work, and still reports the other answers", async () => {
    const result = await convert({ ...acme, place: "Atlantis", url: "http://acme.example.org" });
    expect(result.yaml).toBe("name: Acme Foundation\ntype: organisation\ncountry: Atlantis\nurl: http://acme.example.org\ngithub: octocat\nsigned: 2026-02-01\n");
    expect(result.messages).toEqual([
      'BODY: the answer to "Country or scope" is "Atlantis", which is not a country name we recognise; write the country\'s name (such as Kenya) or its two-letter code (such as KE) — either works — or global, international or regional if you work across countries',
      `${A}/acme-foundation.yaml:4:6: "url" must start with https:// (got "http://acme.example.org")`,
    ]);
    expect(await files()).not.toContain("acme-foundation.yaml");
  });

  it("keeps an affiliation given for an organisation, so the validator explains it instead of it vanishing", async () => {
    const result = await convert({ ...acme, affiliation: "Some University", url: "" });
    expect(result.yaml).toContain("affiliation: Some University\n");
    expect(result.messages.length).toBeGreaterThan(0);
    expect(result.messages.every((m) => m.startsWith(`${A}/acme-foundation.yaml:`))).toBe(true);
  });

  it("refuses a duplicate, naming the existing file, and picks a free slug first", async () => {
    const result = await convert({ ...acme, name: "zeta organisation", place: "global", url: "" });
    expect(result.file).toBe(`${A}/zeta-organisation.yaml`);
    expect(result.messages).toEqual([
      `${A}/zeta-organisation.yaml:1:7: "zeta organisation" has already signed this letter in ${A}/zeta.yaml (names are compared ignoring case, accents, punctuation and look-alike letters); delete this file`,
    ]);
    const twin = await convert({ ...acme, name: "Zeta", place: "DE", url: "" });
    expect(twin.file).toBe(`${A}/zeta-2.yaml`);
    expect(twin.messages).toEqual([]);
    expect(await files()).toContain("zeta.yaml");
  });

  it("names a signatory whose name has no Latin letters after its author", async () => {
    const result = await convert({ ...acme, name: "Кенийская сеть", url: "" });
    expect(result.file).toBe(`${A}/octocat.yaml`);
  });

  it("refuses a closed letter, an unknown letter and a path in the letter field", async () => {
    expect((await convert({ ...acme, letter: "beta-letter", url: "" })).messages).toEqual([
      'signatories/beta-letter/acme-foundation.yaml:5:9: "signed" is 2026-02-01, after this letter closed on 2019-05-31; signatures are no longer accepted',
    ]);
    for (const letter of ["no-such-letter", "../../etc"]) {
      const result = await convert({ ...acme, letter });
      expect(result.messages).toEqual([`BODY: there is no letter called "${letter}"; write the short name from the letter's web address, one of: alpha-letter`]);
      expect(result.file).toBeUndefined();
    }
  });

  it("refuses an issue whose consent box is not ticked", async () => {
    const result = await convert(acme, { ticked: false });
    expect(result.messages).toEqual(['BODY: the "Consent" box is not ticked; your name is published only with your agreement — edit the issue and tick the box']);
    expect(await files()).not.toContain("acme-foundation.yaml");
  });

  it("refuses a body edited out of the form's shape instead of guessing", async () => {
    const body = signIssueBody(acme).replace("### Website", "### Homepage").replace("Acme Foundation", "Acme\nFoundation");
    const result = await convert(acme, { body: `Hello!\n\n${body}` });
    expect(result.messages).toEqual([
      'BODY: the answer to "Website" is missing; open a new issue from the form, which asks every question',
      "BODY:1:1: there is text before the first question of the form; move it under one of the form's headings or delete it",
      'BODY:7:1: the answer to "Name" must be one line; join its lines',
      'BODY:20:1: the heading "### Homepage" is not part of the form; write your answers under the form\'s own headings (Letter, Name, Signing as, Country or scope, Website, Affiliation, Role, Consent)',
    ]);
  });
});
