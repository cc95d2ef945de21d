import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadRepository } from "../../scripts/lib/load-repository.ts";
import { formatProblem } from "../../scripts/lib/problem.ts";
import { copyFixtureRepo, fixture } from "../helpers/run.ts";

describe("loadRepository with translations", () => {
  it("gives each letter its translations, by language tag", async () => {
    const repo = await loadRepository(fixture("repos", "life"));
    expect(repo.problems).toEqual([]);
    const letter = repo.letters.find((l) => l.slug === "open-data");
    expect(letter?.translations?.map((t) => [t.lang, t.file, t.title])).toEqual([
      ["ar", "content/letters/open-data/ar.md", "افتحوا بيانات الميزانية"],
      ["es", "content/letters/open-data/es.md", "Abran los datos del presupuesto"],
    ]);
  });

  it("refuses badly named, same-language and misdeclared translations, and warns about a language without interface strings", async () => {
    const root = await copyFixtureRepo("life");
    const dir = join(root, "content", "letters", "open-data");
    await writeFile(join(dir, "Spanish.md"), "---\nlang: es\n---\n");
    await writeFile(join(dir, "en-GB.md"), "---\nlang: en-GB\ntitle: Open the budget data\nsummary: Same words.\n---\nDear Minister,\n");
    await writeFile(join(dir, "fr.md"), "---\nlang: en\ntitle: Ouvrez les données\nsummary: Résumé.\n---\nMadame,\n");
    await writeFile(join(dir, "de.md"), "---\nlang: de\ntitle: Öffnet die Haushaltsdaten\nsummary: Zusammenfassung.\n---\nSehr geehrte Frau Ministerin,\n");
    await mkdir(join(dir, "pt.md"));
    expect((await loadRepository(root)).problems.map((p) => formatProblem(p))).toEqual([
      "content/letters/open-data/Spanish.md: this file name is not accepted: a letter folder holds index.md and translations named after their language, such as es.md or pt-BR.md; rename or delete it",
      "content/letters/open-data/de.md: warning: there are no interface strings for de, so this page's headings and buttons are in English; add i18n/de.yaml",
      `content/letters/open-data/fr.md:2:7: "lang" is en but the file is named fr.md; a translation is named after its language, so rename the file to en.md or correct "lang"`,
      "content/letters/open-data/pt.md: a folder is not accepted; a translation must be a regular file",
    ]);
  });

  it("refuses a translation into the letter's own language", async () => {
    const root = await copyFixtureRepo("life");
    await writeFile(join(root, "content", "letters", "past-letter", "en.md"), "---\nlang: en\ntitle: Again\nsummary: Again.\n---\nText\n");
    expect((await loadRepository(root)).problems.map((p) => formatProblem(p))).toEqual([
      `content/letters/past-letter/en.md:1:1: this translation is in en, the language of index.md; translate the letter into another language, or change "lang" in index.md`,
    ]);
  });

  it("refuses a second translation into the same language written in other letter case, naming both files", async () => {
    const root = await copyFixtureRepo("life");
    const dir = join(root, "content", "letters", "open-data");
    await writeFile(join(dir, "es-ES.md"), "---\nlang: es-ES\ntitle: Abran los datos\nsummary: Resumen.\n---\nSeñora Ministra:\n");
    await writeFile(join(dir, "es-es.md"), "---\nlang: es-es\ntitle: Abran los datos\nsummary: Resumen.\n---\nSeñora Ministra:\n");
    const repo = await loadRepository(root);
    expect(repo.problems.map((p) => formatProblem(p))).toEqual([
      `content/letters/open-data/es-es.md:1:1: this translation is in es-es, the same language as es-ES.md (letter case does not matter in a language tag, and some computers cannot hold both files); delete one of the two files`,
    ]);
    expect(repo.letters.find((l) => l.slug === "open-data")?.translations?.map((t) => t.file)).toEqual([
      "content/letters/open-data/ar.md",
      "content/letters/open-data/es.md",
      "content/letters/open-data/es-ES.md",
    ]);
  });
});
