import { describe, expect, it } from "vitest";
import { curlyQuoted, parseYaml, YamlInputError } from "../../scripts/lib/parse-yaml.ts";

function failure(text: string): { message: string; line: number; column: number } {
  try {
    parseYaml(text);
  } catch (error) {
    if (error instanceof YamlInputError) return { message: error.message, line: error.line, column: error.column };
    throw error;
  }
  throw new Error("expected the text to be refused");
}

describe("parseYaml", () => {
  it("keeps YAML 1.1 booleans, dates and leading zeros as the core schema says", () => {
    expect(parseYaml("a: NO\nb: yes\nc: 2014-10-09\nd: 01234\ne: 'x & y!'\n")).toEqual({ a: "NO", b: "yes", c: "2014-10-09", d: 1234, e: "x & y!" });
  });

  it("allows tabs and non-ASCII letters in comments", () => {
    expect(parseYaml("name: Caf\u00E9 # caf\u00E9\t\u00E9\r\n")).toEqual({ name: "Caf\u00E9" });
  });

  it("allows one leading document marker and &, *, ! inside values", () => {
    expect(parseYaml("---\nname: \"AT&T *Labs* !\"\nnote: a & b\n")).toEqual({ name: "AT&T *Labs* !", note: "a & b" });
  });

  it.each([
    ["an empty file", "", "the file is empty; write its fields one per line, such as name: Example Organisation", 1, 1],
    ["only comments", "# nothing\n\n# here\n", "the file is empty; write its fields one per line, such as name: Example Organisation", 1, 1],
    ["an anchor that an alias repeats", "a: &x 1\nb: *x\n", 'anchors such as "&x" are not allowed; write the value out in full', 1, 4],
    ["an alias in a list", "a:\n  - *x\n", 'aliases such as "*x" are not allowed; write the value out in full', 2, 5],
    ["a local tag before a list", "a: !x\n  - 1\n", 'this value cannot be read as text because it starts with !, which YAML reads as a type tag; put the whole value in double quotes: a: "!x"', 1, 4],
    // Nothing repeats these, so they are someone's text that happens to start with a YAML symbol.
    ["an anchor", "a: &x 1\nb: 2\n", 'this value cannot be read as text because it starts with &, which YAML reads as a label for the value; put the whole value in double quotes: a: "&x 1"', 1, 4],
    ["an alias", "a: 1\nb: *x\n", 'this value cannot be read as text because it starts with *, which YAML reads as a reference to another value; put the whole value in double quotes: b: "*x"', 2, 4],
    ["an alias in a list entry", "to:\n  - name: *x # us\n", 'this value cannot be read as text because it starts with *, which YAML reads as a reference to another value; put the whole value in double quotes: - name: "*x"', 2, 11],
    ["a binary tag", "name: !!binary aGk=\n", 'tags such as "!!binary" are not allowed; delete "!!binary" and leave the plain value', 1, 7],
    ["a JavaScript tag", "name: !!js/function 'function(){}'\n", 'tags such as "!!js/function" are not allowed; delete "!!js/function" and leave the plain value', 1, 7],
    ["a %YAML directive", "%YAML 1.2\n---\nname: A\n", "directives such as %YAML are not allowed; delete this line", 1, 1],
    ["a second document", "name: A\n---\nname: B\n", "only one document is allowed per file; delete this --- line and everything after it that belongs to another entry", 2, 1],
    ["a document end marker", "name: A\n...\n", "the end-of-document marker ... is not allowed; delete this line", 2, 1],
    ["a duplicate key", "name: A\ntype: individual\nname: B\n", "this field appears twice; keep only one of them", 3, 1],
    ["tab indentation", "to:\n\t- name: A\n", "tab characters cannot be used for indentation in YAML; use spaces instead", 2, 1],
    ["a raw escape character", "name: A\nrole: Red \u001b[31mB\n", "this line contains a control character (U+001B), which cannot be shown; delete it and retype the text around it", 2, 11],
    ["a raw delete character", "name: A\u007fB\n", "this line contains a control character (U+007F), which cannot be shown; delete it and retype the text around it", 1, 8],
    [
      "a bidi override in a comment",
      "name: A # \u202E evil\n",
      "this comment contains a hidden text-direction character (U+202E) at character 3, which can make text display in a misleading order; delete it and retype the text around it",
      1,
      11,
    ],
    ["a terminal escape in a comment", "# \u001b]0;x\u0007\nname: A\n", "this comment contains a control character (U+001B) at character 3; delete it and retype the text around it", 1, 3],
    ["deep nesting", `name: ${"[".repeat(200)}${"]".repeat(200)}\n`, "the file is nested too deeply to be a signatory or letter; write each field on its own line", 1, 106],
  ])("refuses %s", (_what, text, message, line, column) => {
    expect(failure(text)).toEqual({ message, line, column });
  });

  it.each([
    ["a folded paragraph", "summary: >-\n  One\n  paragraph.\n", { summary: "One paragraph." }],
    ["a block of lines inside a list", "body:\n  - value: |\n      one\n      two\n", { body: [{ value: "one\ntwo\n" }] }],
    ["a # with no space before it", "url: https://acme.org/#team\n", { url: "https://acme.org/#team" }],
    ["a note after a value", "type: organisation   # or: individual\n", { type: "organisation" }],
    ["a # inside a block of lines", "summary: >-\n  Issue #42\n", { summary: "Issue #42" }],
  ])("accepts %s", (_what, text, data) => {
    expect(parseYaml(text)).toEqual(data);
  });

  it.each([
    ["over several lines", "title: Open\nsummary: |\n  One\n  two\n", '"summary" is written over several lines; write it on one line: summary: One two', 2, 10],
    ["a long text over several lines", `summary: >\n  ${"word ".repeat(20)}\n`, '"summary" is written over several lines; write it on one line, after "summary:", without the >', 1, 10],
    ["a dropped hashtag in a list entry", "to:\n  - name: ITU #TheFuture\n", '"name" stops at "ITU": in YAML, " #" starts a comment, so "#TheFuture" was dropped; put the whole value in double quotes: - name: "ITU #TheFuture" (if "#TheFuture" is a note, write a space after the #)', 2, 11],
    ["a value with a colon in a list entry", "to:\n  - name: ITU: the union\n", 'this value cannot be read as text because it contains a colon followed by a space; put the whole value in double quotes: - name: "ITU: the union"', 2, 11],
    ["a field indented one space too far", "verified:\n  method: github\n   by: bob\n", 'remove 1 space at the start of the line, so that "by" lines up with "method" above it', 3, 1],
  ])("explains a value %s", (_what, text, message, line, column) => {
    expect(failure(text)).toEqual({ message, line, column });
  });

  it("refuses a billion-laughs file before expanding anything", () => {
    const lol = ["a: &a [lol,lol,lol,lol,lol,lol,lol,lol,lol]", ...Array.from({ length: 8 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)}]`)].join("\n");
    expect(failure(lol)).toEqual({ message: 'anchors such as "&a" are not allowed; write the value out in full', line: 1, column: 4 });
  });
});

describe("curlyQuoted", () => {
  it.each([
    ["\u201CAcme\u201D", { open: "\u201C", close: "\u201D", inner: "Acme" }],
    ["\u201E Acme \u201C", { open: "\u201E", close: "\u201C", inner: "Acme" }],
    ["\u00ABAcme\u00BB", { open: "\u00AB", close: "\u00BB", inner: "Acme" }],
    ["\u2018Acme\u2019s Friends\u2019", { open: "\u2018", close: "\u2019", inner: "Acme\u2019s Friends" }],
    ['"Acme\u201D', { open: '"', close: "\u201D", inner: "Acme" }],
    ["\u201CFundaci\u00F3n \u201CVida\u201D\u201D", { open: "\u201C", close: "\u201D", inner: "Fundaci\u00F3n \u201CVida\u201D" }],
  ])("finds the quotes around %s", (value, expected) => {
    expect(curlyQuoted(value)).toEqual(expected);
  });

  it.each([["Fundaci\u00F3n \u201CVida\u201D Nueva"], ["\u201CVida\u201D y \u201CPaz\u201D"], ["\u2019s-Hertogenbosch"], ['"Acme"'], ["\u201C"], ["Acme"]])("finds none around %s", (value) => {
    expect(curlyQuoted(value)).toBeUndefined();
  });
});
