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
    ["list-name.yaml", ['1:7: "name" must be text, but it starts with [, which YAML reads as the start of a list; put the whole value in double quotes: name: "[ACME]"']],
    ["empty-name.yaml", ['1:7: "name" must not be empty']],
    ["long-name.yaml", ['1:7: "name" is too long: at most 200 characters (got 201)']],
    ["a-list.yaml", ['1:1: this line starts with "- ", which makes the file a list instead of fields; remove the "- " at the start of each line, so that this one reads name: ACME']],
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

// Mistakes people make in GitHub's web editor, each on one line of the template's four fields.
const TEMPLATE = ["name: ACME", "type: organisation", "country: KE", "signed: 2026-05-01"];
const edited = (line: number, text: string) => `${TEMPLATE.map((original, i) => (i === line - 1 ? text : original)).join("\n")}\n`;
const added = (text: string) => `${[...TEMPLATE, text].join("\n")}\n`;
const FILE = "signatories/itu-pp14-openness/acme.yaml";
const output = (text: string) => checkSignatoryText(FILE, text).problems.map((p) => formatProblem(p));

describe("checkSignatoryText on a line YAML cannot read", () => {
  it.each([
    // A missing colon, or a space too many, is reported on its own line with the corrected line.
    ["no colon on the first line", edited(1, "name ACME"), '1:5: write a colon and a space after "name": name: ACME'],
    ["no space after the colon", edited(1, "name:ACME"), '1:6: write a space after the colon: name: ACME'],
    ["no colon on a middle line", edited(2, "type organisation"), '2:5: write a colon and a space after "type": type: organisation'],
    ["no colon on the last line", edited(4, "signed 2026-05-01"), '4:7: write a colon and a space after "signed": signed: 2026-05-01'],
    [
      "no colon before the template's comment",
      edited(2, "type organisation   # or: individual (a person signing personally)"),
      '2:5: write a colon and a space after "type": type: organisation',
    ],
    ["a space at the start of the first line", edited(1, " name: ACME"), "1:1: remove the space at the start of the line: name: ACME"],
    ["two spaces at the start of a line", edited(3, "  country: KE"), "3:1: remove the 2 spaces at the start of the line: country: KE"],
    [
      "a name continued on a line of its own",
      `name: ACME\nFoundation\n${TEMPLATE.slice(1).join("\n")}\n`,
      "2:1: this line has no colon; if it belongs to the line above, join the two: name: ACME Foundation",
    ],
    // Values YAML cannot read as plain text: the fix is quotes, shown on the corrected line.
    [
      "a colon and a space in the value",
      edited(1, "name: ACME: the foundation"),
      '1:7: this value cannot be read as text because it contains a colon followed by a space; put the whole value in double quotes: name: "ACME: the foundation"',
    ],
    ["a value starting with @", edited(1, "name: @ACME"), '1:7: this value cannot be read as text because it starts with @; put the whole value in double quotes: name: "@ACME"'],
    ["a value starting with a backtick", edited(1, "name: `ACME`"), '1:7: this value cannot be read as text because it starts with `; put the whole value in double quotes: name: "`ACME`"'],
    ["a value starting with a comma", edited(1, "name: ,ACME"), '1:7: this value cannot be read as text because it starts with a comma; put the whole value in double quotes: name: ",ACME"'],
    [
      "a value starting with a dash",
      edited(1, "name: - ACME"),
      '1:7: this value cannot be read as text because it starts with "- ", which YAML reads as a list; put the whole value in double quotes: name: "- ACME"',
    ],
    [
      "a single quote inside single quotes",
      edited(1, "name: 'ACME's foundation'"),
      `1:7: the quotes in this value do not match: a value in single quotes ends at the next '; put the whole value in double quotes instead: name: "ACME's foundation"`,
    ],
    [
      "double quotes inside double quotes",
      edited(1, 'name: "ACME "Foundation""'),
      `1:7: the quotes in this value do not match: a value in double quotes ends at the next "; write each " inside it as \\": name: "ACME \\"Foundation\\"" (or use single quotes outside: name: 'ACME "Foundation"')`,
    ],
    [
      "a quote that is never closed",
      edited(1, 'name: "ACME'),
      '1:7: the quotes in this value do not match: it has an opening " but no closing one; put the whole value in double quotes: name: "ACME"',
    ],
    [
      "a Markdown link as the url",
      added("url: [ACME](https://acme.org)"),
      '5:6: "url" is written as a Markdown link, which YAML cannot read; write the address alone: url: https://acme.org',
    ],
    ["a GitHub username with its @", added("github: @octocat"), '5:9: "github" starts with @, which YAML cannot read; write the username without it: github: octocat'],
    // A YAML symbol at the start of a value: quotes keep the whole value, and the symbol still does nothing.
    [
      "a value starting with %",
      edited(1, "name: %ACME Foundation"),
      '1:7: this value cannot be read as text because it starts with %, which YAML reads as a directive; put the whole value in double quotes: name: "%ACME Foundation"',
    ],
    [
      "a value starting with !",
      edited(1, "name: !ACME Foundation"),
      '1:7: this value cannot be read as text because it starts with !, which YAML reads as a type tag; put the whole value in double quotes: name: "!ACME Foundation"',
    ],
    [
      "a value starting with *",
      edited(1, "name: *ACME"),
      '1:7: this value cannot be read as text because it starts with *, which YAML reads as a reference to another value; put the whole value in double quotes: name: "*ACME"',
    ],
    [
      "a value starting with &",
      edited(1, "name: &ACME"),
      '1:7: this value cannot be read as text because it starts with &, which YAML reads as a label for the value; put the whole value in double quotes: name: "&ACME"',
    ],
    [
      "a value starting with [",
      edited(1, "name: [ACME Foundation"),
      '1:7: this value cannot be read as text because it starts with [, which YAML reads as the start of a list; put the whole value in double quotes: name: "[ACME Foundation"',
    ],
    [
      "a value starting with {",
      edited(1, "name: {ACME Foundation"),
      '1:7: this value cannot be read as text because it starts with {, which YAML reads as the start of a group of fields; put the whole value in double quotes: name: "{ACME Foundation"',
    ],
    [
      "a value in braces",
      edited(1, "name: {ACME}"),
      '1:7: "name" must be text, but it starts with {, which YAML reads as the start of a group of fields; put the whole value in double quotes: name: "{ACME}"',
    ],
    [
      "a value in brackets with a note",
      edited(1, "name: [ACME]   # our short name"),
      '1:7: "name" must be text, but it starts with [, which YAML reads as the start of a list; put the whole value in double quotes: name: "[ACME]"',
    ],
    [
      "template code as the value",
      edited(1, "name: {% raw %}"),
      '1:7: this value cannot be read as text because it starts with {, which YAML reads as the start of a group of fields; put the whole value in double quotes: name: "{% raw %}"',
    ],
    [
      "a % after [ in the value",
      added("role: [%ACME] lead"),
      '5:7: this value cannot be read as text because it starts with [, which YAML reads as the start of a list; put the whole value in double quotes: role: "[%ACME] lead"',
    ],
    [
      "every field written as a bullet",
      TEMPLATE.map((line) => `- ${line}\n`).join(""),
      '1:1: this line starts with "- ", which makes the file a list instead of fields; remove the "- " at the start of each line, so that this one reads name: ACME',
    ],
    [
      "the fields written as bullets after a comment",
      `# Signing\n${TEMPLATE.map((line) => `  - ${line}\n`).join("")}`,
      '2:1: this line starts with "- ", which makes the file a list instead of fields; remove the "- " at the start of each line, so that this one reads name: ACME',
    ],
    ["a date without hyphens", edited(4, "signed: 20260501"), '4:9: "signed" must be a date written YYYY-MM-DD, such as 2014-10-09 (got 20260501); write it with hyphens: signed: 2026-05-01'],
    ["a country written as a number", edited(3, "country: 12"), '3:10: "country" must be a two-letter ISO 3166-1 code such as KE or BR (got 12)'],
    // A name over several lines: a block scalar's line breaks (even its last one) are not the person's doing.
    ["a folded name", `name: >\n  ACME\n  Foundation\n${TEMPLATE.slice(1).join("\n")}\n`, '1:7: "name" is written over several lines; write it on one line: name: ACME Foundation'],
    ["a literal name", `name: |\n  ACME\n  Foundation\n${TEMPLATE.slice(1).join("\n")}\n`, '1:7: "name" is written over several lines; write it on one line: name: ACME Foundation'],
    // " #" starts a comment: text after it would be dropped without a word.
    [
      "a number sign after the name",
      edited(1, "name: ACME #1 foundation"),
      '1:7: "name" stops at "ACME": in YAML, " #" starts a comment, so "#1 foundation" was dropped; put the whole value in double quotes: name: "ACME #1 foundation" (if "#1 foundation" is a note, write a space after the #)',
    ],
    [
      "a hashtag after a tab",
      edited(1, "name: ACME\t#hashtag"),
      '1:7: "name" stops at "ACME": in YAML, " #" starts a comment, so "#hashtag" was dropped; put the whole value in double quotes: name: "ACME #hashtag" (if "#hashtag" is a note, write a space after the #)',
    ],
    [
      "a name that starts with a number sign",
      edited(1, "name: #ACME"),
      '1:7: "name" has no value: in YAML, " #" starts a comment, so "#ACME" was dropped; put the whole value in double quotes: name: "#ACME" (if "#ACME" is a note, write a space after the #)',
    ],
  ])("%s", (_what, text, expected) => {
    expect(output(text)).toEqual([`${FILE}:${expected}`]);
  });

  it.each([
    ["the template's comments", "type: organisation   # or: individual (a person signing personally)\nsigned: 2026-05-01   # today's date, YYYY-MM-DD\n", "organisation"],
    ["an uncommented optional line", "type: individual\naffiliation: Example University   # individuals only, optional\nsigned: 2026-05-01\n", "individual"],
    ["a note right after a quoted value", 'type: "organisation" #note\nsigned: 2026-05-01\n', "organisation"],
    ["a number sign inside a value", "type: organisation\nurl: https://acme.org/#team\nsigned: 2026-05-01\n", "organisation"],
    ["a name over several plain lines", "type: organisation\nsigned: 2026-05-01\n", "organisation"],
  ])("accepts %s", (_what, rest, type) => {
    const text = `name: ACME\n  Foundation\ncountry: KE\n${rest}`;
    expect(checkSignatoryText(FILE, text)).toMatchObject({ problems: [], signatory: { name: "ACME Foundation", type } });
  });

  it("accepts a name folded onto one line", () => {
    const text = `name: >-\n  ACME\n  Foundation\n${TEMPLATE.slice(1).join("\n")}\n`;
    expect(checkSignatoryText(FILE, text)).toMatchObject({ problems: [], signatory: { name: "ACME Foundation" } });
  });
});

// Phones and word processors turn straight quotes into curly ones, which YAML keeps as part of the text.
describe("checkSignatoryText on a value between curly quotes", () => {
  const CURLY = "is written between curly quotes, which YAML keeps as part of the text; replace them with straight quotes";
  it.each([
    ["a name", edited(1, "name: \u201CAcme Foundation\u201D"), `1:7: "name" ${CURLY}: name: "Acme Foundation" (or delete them)`],
    ["a name with a colon", edited(1, "name: \u201CAcme: The Org\u201D"), `1:7: "name" ${CURLY}: name: "Acme: The Org" (or delete them)`],
    ["a name with a number sign", edited(1, "name: \u201CAcme #1\u201D"), `1:7: "name" ${CURLY}: name: "Acme #1" (or delete them)`],
    ["a name with a note after it", edited(1, "name: \u201CAcme\u201D   # our name"), `1:7: "name" ${CURLY}: name: "Acme" (or delete them)`],
    ["a name in single curly quotes", edited(1, "name: \u2018Acme\u2019"), `1:7: "name" ${CURLY}: name: "Acme" (or delete them)`],
    ["a name in German quotes", edited(1, "name: \u201EAcme\u201C"), `1:7: "name" ${CURLY}: name: "Acme" (or delete them)`],
    ["a name in guillemets", edited(1, "name: \u00ABAcme\u00BB"), `1:7: "name" ${CURLY}: name: "Acme" (or delete them)`],
    ["a name in Swedish quotes", edited(1, "name: \u201DAcme\u201D"), `1:7: "name" ${CURLY}: name: "Acme" (or delete them)`],
    ["a name with quotes of its own inside", edited(1, "name: \u201CFundaci\u00F3n \u201CVida\u201D Nueva\u201D"), `1:7: "name" ${CURLY}: name: "Fundaci\u00F3n \u201CVida\u201D Nueva" (or delete them)`],
    ["a curly quote closing a straight one", edited(1, 'name: "Acme\u201D'), `1:7: "name" ${CURLY}: name: "Acme" (or delete them)`],
    ["a country", edited(3, "country: \u201CKE\u201D"), `3:10: "country" ${CURLY}: country: "KE" (or delete them)`],
    ["a date", edited(4, "signed: \u201C2026-05-01\u201D"), `4:9: "signed" ${CURLY}: signed: "2026-05-01" (or delete them)`],
    ["a link", added("url: \u201Chttps://acme.org\u201D"), `5:6: "url" ${CURLY}: url: "https://acme.org" (or delete them)`],
    ["a verifier's login", added("verified:\n  method: email\n  by: \u201Cbob\u201D\n  date: 2026-05-02"), `7:7: "verified", "by" ${CURLY}: by: "bob" (or delete them)`],
  ])("%s", (_what, text, expected) => {
    expect(output(text)).toEqual([`${FILE}:${expected}`]);
  });

  it("judges the text inside the quotes too", () => {
    expect(output(edited(3, "country: \u201CKenya\u201D"))).toEqual([
      `${FILE}:3:10: "country" ${CURLY}: country: "Kenya" (or delete them)`,
      `${FILE}:3:10: "country" must be a two-letter ISO 3166-1 code such as KE or BR (got "Kenya")`,
    ]);
  });

  it.each([
    ["quotes inside a name", "Fundaci\u00F3n \u201CVida\u201D Nueva"],
    ["a name that starts and ends with quoted words", "\u201CVida\u201D y \u201CPaz\u201D"],
    ["an apostrophe", "Writers\u2019 Guild"],
    ["a name that starts with an apostrophe", "\u2019s-Hertogenbosch Friends"],
    ["straight quotes", '"Acme"'],
  ])("accepts %s", (_what, name) => {
    const text = edited(1, `name: ${name}`);
    expect(checkSignatoryText(FILE, text)).toMatchObject({ problems: [] });
  });
});
