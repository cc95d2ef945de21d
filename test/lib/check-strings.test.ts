import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkInterfaceStrings, languageWithoutStrings, missingStrings, requiredKeys } from "../../scripts/lib/check-strings.ts";
import { formatProblem } from "../../scripts/lib/problem.ts";
import { tempDir } from "../helpers/run.ts";

const english = { nav_search: "Search", signature_count_one: "{count} signatory", signature_count_other: "{count} signatories" };

describe("requiredKeys", () => {
  it("asks each language for the plural forms its own rules use", () => {
    expect(requiredKeys(english, "es")).toEqual(["nav_search", "signature_count_many", "signature_count_one", "signature_count_other"]);
    expect(requiredKeys(english, "ar")).toEqual(["nav_search", "signature_count_few", "signature_count_many", "signature_count_one", "signature_count_two", "signature_count_zero", "signature_count_other"]);
    expect(requiredKeys(english, "ja")).toEqual(["nav_search", "signature_count_other"]);
  });
});

describe("missingStrings", () => {
  it("warns about each missing string, naming the file, the key and the English shown instead", () => {
    const problems = missingStrings("i18n/ja.yaml", "ja", english, { nav_serch: "検索" });
    expect(problems.map((p) => formatProblem(p))).toEqual([
      'i18n/ja.yaml: warning: the interface string "nav_search" is missing, so pages in ja show the English text "Search" there; add a line such as nav_search: …',
      'i18n/ja.yaml: warning: the interface string "signature_count_other" is missing, so pages in ja show the English text "{count} signatories" there; add a line such as signature_count_other: …',
      'i18n/ja.yaml: warning: the interface string "nav_serch" is not used (English has no such key); check its spelling against i18n/en.yaml',
    ]);
  });

  it("accepts a complete language", () => {
    expect(missingStrings("i18n/ja.yaml", "ja", english, { nav_search: "検索", signature_count_other: "{count} 人" })).toEqual([]);
  });
});

describe("checkInterfaceStrings", () => {
  it("checks every language file of a folder against en.yaml", async () => {
    const dir = join(await tempDir(), "i18n");
    await mkdir(dir);
    await writeFile(join(dir, "en.yaml"), "nav_search: Search\nnav_letters: Letters\n");
    await writeFile(join(dir, "fr.yaml"), "nav_search: Rechercher\n");
    await writeFile(join(dir, "de.yaml"), "nav_search: Suche\nnav_letters: Briefe\n");
    expect(checkInterfaceStrings(dir).map((p) => formatProblem(p))).toEqual([
      'i18n/fr.yaml: warning: the interface string "nav_letters" is missing, so pages in fr show the English text "Letters" there; add a line such as nav_letters: …',
    ]);
  });
});

describe("languageWithoutStrings", () => {
  it("warns when a page's language has no interface strings at all", () => {
    expect(languageWithoutStrings("content/letters/x/de.md", "de", ["en", "es"]).map((p) => formatProblem(p))).toEqual([
      "content/letters/x/de.md: warning: there are no interface strings for de, so this page's headings and buttons are in English; add i18n/de.yaml",
    ]);
    expect(languageWithoutStrings("content/letters/x/pt-BR.md", "pt-BR", ["en", "pt"])).toEqual([]);
  });
});
