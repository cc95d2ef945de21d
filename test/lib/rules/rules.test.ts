import { describe, expect, it } from "vitest";
import { loadRepository } from "../../../scripts/lib/load-repository.ts";
import { formatProblem } from "../../../scripts/lib/problem.ts";
import { fixture } from "../../helpers/run.ts";

async function problemsOf(repo: string): Promise<string[]> {
  return (await loadRepository(fixture("repos", repo))).problems.map((p) => formatProblem(p));
}

const SAME = "(names are compared ignoring case, accents, punctuation and look-alike letters); delete this file";

describe("cross-file rules, one fixture repository each", () => {
  it.each([
    [
      "rule-letter-exists",
      ['signatories/ghost/lost.yaml:1:1: the folder "ghost" does not match any letter; move this file into signatories/<letter>/ for one of: alpha'],
    ],
    [
      "rule-signed-before-closing",
      ['signatories/alpha/too-late.yaml:4:9: "signed" is 2020-02-01, after this letter closed on 2020-01-31; signatures are no longer accepted'],
    ],
    [
      "rule-unique-names",
      [
        `signatories/alpha/acme-cyrillic.yaml:1:7: "АСМЕ" has already signed this letter in signatories/alpha/acme.yaml ${SAME}`,
        `signatories/alpha/acme-fullwidth.yaml:1:7: "Ａｃｍｅ" has already signed this letter in signatories/alpha/acme.yaml ${SAME}`,
        'signatories/alpha/acme-person.yaml:1:7: warning: "Acme" has the same name as signatories/alpha/acme.yaml, but a different type; if they are the same signatory, delete one of the two files',
        `signatories/alpha/jane-doe-again.yaml:1:7: "jane  DOE" has already signed this letter in signatories/alpha/jane-doe.yaml ${SAME}`,
        'signatories/alpha/jane-doe-brazil.yaml:1:7: warning: "Jane Doe" has the same name as signatories/alpha/jane-doe.yaml, but a different country or affiliation; if they are the same signatory, delete one of the two files',
      ],
    ],
    [
      "rule-unique-urls",
      [
        'signatories/alpha/second.yaml:4:6: "url" https://www.EXAMPLE.org is already used by signatories/alpha/first.yaml; each signatory has its own website, so this is probably a second signature — delete this file or correct the url',
      ],
    ],
  ])("%s", async (repo, expected) => {
    expect(await problemsOf(repo)).toEqual(expected);
  });

  it("keeps the original and drops only the duplicates from the data", async () => {
    const repo = await loadRepository(fixture("repos", "rule-unique-names"));
    expect(repo.signatories.get("alpha")?.map((s) => s.slug)).toEqual(["acme", "acme-person", "jane-doe", "jane-doe-brazil"]);
  });
});
