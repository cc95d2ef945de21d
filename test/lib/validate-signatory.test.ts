import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { formatProblem } from "../../scripts/lib/problem.ts";
import { checkSignatoryText } from "../../scripts/lib/validate-signatory.ts";
import { fixture } from "../helpers/run.ts";

function check(name: string) {
  const file = `signatories/itu-pp14-openness/${name}`;
  return checkSignatoryText(file, readFileSync(fixture("signatory-files", name), "utf8"));
}

const messages = (name: string) => check(name).problems.map((p) => formatProblem(p));
const at = (name: string, rest: string) => `signatories/itu-pp14-openness/${name}:${rest}`;

describe("checkSignatoryText", () => {
  it("accepts an organisation and returns its fields, slug and letter", () => {
    expect(check("valid-organisation.yaml")).toEqual({
      problems: [],
      signatory: {
        name: "Kenya ICT Action Network (KICTANet)",
        type: "organisation",
        country: "KE",
        url: "https://www.kictanet.or.ke",
        signed: "2014-10-09",
        slug: "valid-organisation",
        letter: "itu-pp14-openness",
        file: "signatories/itu-pp14-openness/valid-organisation.yaml",
      },
    });
  });

  it("accepts an individual and trims the name", () => {
    expect(check("valid-individual.yaml").signatory).toMatchObject({ name: "Izumi Aizu", affiliation: "Institute for InfoSocionomics", role: "Senior Research Fellow" });
  });

  it("stores names in NFC", () => {
    const result = checkSignatoryText("signatories/x/cafe.yaml", "name: Cafe\u0301 Libre\ntype: organisation\nscope: global\nsigned: 2014-10-09\n");
    expect(result.signatory?.name).toBe("Caf\u00e9 Libre");
  });

  it.each([
    ["country-name.yaml", ['3:10: "country" must be a two-letter ISO 3166-1 code such as KE or BR (got "Kenya")']],
    ["no-place.yaml", ['1:1: "country" is missing; add a line such as country: KE (a two-letter ISO 3166-1 code), or scope: global, international or regional']],
    ["both-places.yaml", ['4:1: use either "country" or "scope", not both; delete one of the two lines']],
    [
      "missing-name.yaml",
      [
        '1:1: "name" is missing; add a line such as name: Example Organisation',
        '1:7: "type" must be organisation or individual (got "org")',
        '3:9: "signed" must be a date written YYYY-MM-DD, such as 2014-10-09 (got "9 October 2014")',
      ],
    ],
    ["number-name.yaml", ['1:7: "name" must be text (got 01234); put it in quotes: name: "01234"', '4:9: "signed" is not a real date (got "2014-02-31"); check the month and day']],
    ["email-field.yaml", ['5:1: "email" is not a known field; e-mail addresses must never be put in this public repository; delete this line']],
    ["email-comment.yaml", ["5:23: an e-mail address is not allowed anywhere in this file (spammers harvest addresses from public repositories); delete it"]],
    ["http-url.yaml", ['4:6: "url" must start with https:// (got "http://acme.example")']],
    ["javascript-url.yaml", ['4:6: "url" must start with https:// (got "javascript:alert(1)")']],
    ["credential-url.yaml", ['4:6: "url" must not contain "@" before the host name: it can disguise where the link really goes']],
    [
      "bidi-escaped.yaml",
      ['1:7: "name" contains a hidden text-direction character (U+202E) at character 5, which can make text display in a misleading order; delete it and retype the text around it'],
    ],
    [
      "zero-width.yaml",
      ['1:7: "name" contains an invisible character (U+200B) at character 3, which can hide text or make two names look the same; delete it and retype the text around it'],
    ],
    ["organisation-affiliation.yaml", ['4:1: "affiliation" is only for individuals; delete this line, or change type to individual']],
    ["list-name.yaml", ['1:7: "name" must be text (got a list)']],
    ["empty-name.yaml", ['1:7: "name" must not be empty']],
    ["long-name.yaml", ['1:7: "name" is too long: at most 200 characters (got 201)']],
    ["a-list.yaml", ["1:1: the file must be a list of fields, one per line, such as name: Example Organisation"]],
    [
      "verified-bad.yaml",
      [
        '6:11: "verified", "method" must be github, email, domain or maintainer (got "phone")',
        '7:7: "verified", "by" must be the GitHub login of the maintainer who verified it (letters, digits and single hyphens, without the @) (got "@bob")',
      ],
    ],
  ])("%s", (name, expected) => {
    expect(messages(name)).toEqual(expected.map((rest) => at(name, rest)));
    expect(check(name).signatory).toBeUndefined();
  });
});
