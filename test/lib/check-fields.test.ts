import { describe, expect, it } from "vitest";
import { isRealDate, unwrapCurlyQuotes } from "../../scripts/lib/check-fields.ts";
import { formatProblem } from "../../scripts/lib/problem.ts";

describe("isRealDate", () => {
  it.each([
    ["2014-10-09", true],
    ["2024-02-29", true],
    ["2000-02-29", true],
    ["1900-02-29", false],
    ["2023-02-29", false],
    ["2014-04-31", false],
    ["2014-12-31", true],
    ["2014-00-10", false],
    ["2014-10-00", false],
  ])("%s is a real date: %s", (value, expected) => {
    expect(isRealDate(value)).toBe(expected);
  });
});

describe("unwrapCurlyQuotes", () => {
  it("reports each value between curly quotes on its line and keeps the text between them", () => {
    const text = "name: \u201CAcme\u201D\nverified:\n  by: \u2018bob\u2019\n";
    const data = { name: "\u201CAcme\u201D", verified: { by: "\u2018bob\u2019" }, tags: ["\u00ABx\u00BB"] };
    const problems = unwrapCurlyQuotes({ file: "signatories/a/acme.yaml", text, lineOffset: 0 }, data).map((p) => formatProblem(p));
    expect(problems.slice(0, 2)).toEqual([
      'signatories/a/acme.yaml:1:7: "name" is written between curly quotes, which YAML keeps as part of the text; replace them with straight quotes: name: "Acme" (or delete them)',
      'signatories/a/acme.yaml:3:7: "verified", "by" is written between curly quotes, which YAML keeps as part of the text; replace them with straight quotes: by: "bob" (or delete them)',
    ]);
    expect(problems[2]).toContain('"tags", entry 1 is written between curly quotes, which YAML keeps as part of the text; replace them with straight quotes: - "x" (or delete them)');
    expect(data).toEqual({ name: "Acme", verified: { by: "bob" }, tags: ["x"] });
  });
});
