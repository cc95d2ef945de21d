import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { formatProblem } from "../../scripts/lib/problem.ts";
import { checkLetterText } from "../../scripts/lib/validate-letter.ts";
import { fixture } from "../helpers/run.ts";

const FILE = "content/letters/x/index.md";
const check = (name: string) => checkLetterText(FILE, readFileSync(fixture("letter-files", name), "utf8"));
const messages = (name: string) => check(name).problems.map((p) => formatProblem(p).replace(`${FILE}:`, ""));

describe("checkLetterText", () => {
  it("returns the front matter, the slug, the default language and the untouched body", () => {
    const { letter, problems } = check("valid.md");
    expect(problems).toEqual([]);
    expect(letter).toMatchObject({ slug: "x", file: FILE, title: "Alpha letter & friends", date: "2020-01-15", lang: "en", status: "open" });
    expect(letter?.to).toEqual([{ name: "Jane Recipient", role: "Director", organisation: "Example Agency" }]);
    expect(letter?.body).toContain("[^1]: The source of the claim.");
  });

  it("never runs JavaScript front matter", () => {
    expect(messages("javascript-front-matter.md")).toEqual(["1:4: front matter must be YAML; remove the language name after the opening --- (JavaScript front matter is never run)"]);
    expect(existsSync("/tmp/pwned")).toBe(false);
  });

  it("keeps template code as plain text", () => {
    const { letter } = check("template-code.md");
    expect(letter?.title).toBe("{{ 7 * 7 }} {% raw %}");
    expect(letter?.body).toBe('{{ 7 * 7 }} {% include "x" %}\n');
  });

  it.each([
    [
      "bad-fields.md",
      [
        '8:1: "author" is not a known field; delete it or check its spelling (allowed fields: title, date, to, cc, from, summary, lang, status, closes, tags, revisions, updates, withdrawals)',
        '3:7: "date" must be a date written YYYY-MM-DD, such as 2014-10-09 (got "2020-13-01")',
        '4:5: "to" must list at least 1 entry',
        '7:9: "status" must be open or closed (got "draft")',
      ],
    ],
    [
      "nested-error.md",
      ['6:5: "to", entry 1, "office" is not a known field; delete it or check its spelling', '10:9: "closes" is not a real date (got "2020-02-30"); check the month and day'],
    ],
    ["no-front-matter.md", ["1:1: the letter must start with front matter: a line with ---, the fields (title, date, to, from, summary, status), and another line with ---"]],
  ])("%s", (name, expected) => {
    expect(messages(name)).toEqual(expected);
    expect(check(name).letter).toBeUndefined();
  });
});

describe("checkLetterText: the end of the front matter", () => {
  it("says that the closing --- line is missing, instead of asking to join the letter's first line to a field", () => {
    const text = "---\ntitle: T\ndate: 2020-01-10\nto:\n  - name: A\nfrom: us\nsummary: S.\nlang: en\nstatus: open\n\nDear Minister,\n\nWe write to you.\n";
    expect(checkLetterText(FILE, text).problems.map((p) => formatProblem(p))).toEqual([
      `${FILE}:1:1: the front matter has no closing --- line; add one after the last field, before the letter's text`,
    ]);
  });
});
