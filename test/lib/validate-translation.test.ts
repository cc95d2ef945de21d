import { describe, expect, it } from "vitest";
import { formatProblem } from "../../scripts/lib/problem.ts";
import { checkTranslationText } from "../../scripts/lib/validate-translation.ts";

const FILE = "content/letters/x/es.md";
const messages = (text: string, file = FILE) => checkTranslationText(file, text).problems.map((p) => formatProblem(p));

describe("checkTranslationText", () => {
  it("returns the translated words, the language, the slug and the body", () => {
    const { translation, problems } = checkTranslationText(FILE, "---\nlang: es\ntitle: Carta\nsummary: Resumen.\nfrom: un grupo\nto:\n  - name: Sra. Ada\n    role: Ministra\n---\nEstimada ministra:\n");
    expect(problems).toEqual([]);
    expect(translation).toEqual({ lang: "es", title: "Carta", summary: "Resumen.", from: "un grupo", to: [{ name: "Sra. Ada", role: "Ministra" }], slug: "x", file: FILE, body: "Estimada ministra:\n" });
  });

  it("requires the language, the title and the summary", () => {
    expect(messages("---\nfrom: un grupo\n---\nTexto\n")).toEqual([
      `${FILE}:2:1: "lang" is missing; add a line such as lang: es`,
      `${FILE}:2:1: "summary" is missing; add a line such as summary: One or two sentences about the letter.`,
      `${FILE}:2:1: "title" is missing; add a line such as title: Open letter on …`,
    ]);
  });

  it("refuses shared facts, which belong in index.md only", () => {
    expect(messages("---\nlang: es\ntitle: Carta\nsummary: Resumen.\nstatus: closed\nrevisions:\n  - date: 2020-01-01\n    summary: x\n---\n")).toEqual([
      `${FILE}:5:1: "status" is shared by every language of the letter and is set in index.md only; delete this line from the translation`,
      `${FILE}:6:1: "revisions" is shared by every language of the letter and is set in index.md only; delete this line from the translation`,
    ]);
  });

  it("requires the language to match the file name", () => {
    expect(messages("---\nlang: fr\ntitle: Lettre\nsummary: Résumé.\n---\n")).toEqual([
      `${FILE}:2:7: "lang" is fr but the file is named es.md; a translation is named after its language, so rename the file to fr.md or correct "lang"`,
    ]);
  });

  it("checks the translated words with the letter's own rules", () => {
    expect(messages("---\nlang: es\ntitle: ''\nsummary: Resumen.\nsecret: x\n---\n")).toEqual([
      `${FILE}:3:8: "title" must not be empty`,
      `${FILE}:5:1: "secret" is not a known field; delete it or check its spelling (allowed fields: lang, title, summary, from, to, cc)`,
    ]);
  });

  it("refuses a file without front matter, and never runs JavaScript front matter", () => {
    expect(messages("Hola\n")).toEqual([`${FILE}:1:1: the translation must start with front matter: a line with ---, the fields (lang, title, summary), and another line with ---`]);
    expect(messages("---js\n{ lang: 'es' }\n---\n")).toEqual([`${FILE}:1:4: front matter must be YAML; remove the language name after the opening --- (JavaScript front matter is never run)`]);
  });

  it("says that the closing --- line is missing, instead of asking to join the letter's first line to a field", () => {
    expect(messages("---\nlang: es\ntitle: T\nsummary: S.\n\nEstimada Ministra:\n")).toEqual([
      `${FILE}:1:1: the front matter has no closing --- line; add one after the last field, before the letter's text`,
    ]);
  });
});
