import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { FALLBACK_LANG, I18N_DIR, type Strings } from "./i18n.ts";
import { parseYaml } from "./parse-yaml.ts";
import { problem } from "./problem.ts";
import type { Problem } from "./types.ts";

const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

/**
 * Lists the keys a language needs, given the English strings: every plain key, and for each plural
 * key (`x_one`, `x_other` in English) the forms the language's own plural rules use (Arabic needs
 * six, Japanese one).
 * @example requiredKeys({ a: "A", n_one: "{count}", n_other: "{count}" }, "ar") // ["a", "n_few", "n_many", …]
 */
export function requiredKeys(english: Strings, lang: string): string[] {
  const keys = new Set<string>();
  const categories = new Intl.PluralRules(lang).resolvedOptions().pluralCategories;
  for (const key of Object.keys(english)) {
    const base = key.replace(PLURAL_SUFFIX, "");
    if (base !== key && `${base}_other` in english) for (const category of categories) keys.add(`${base}_${category}`);
    else keys.add(key);
  }
  return [...keys];
}

/**
 * Compares one language's strings with English: a missing key is a warning (the page shows the
 * English text there), and so is a key English does not have (probably misspelt, never shown).
 * `file` is the path named in the messages.
 * @example missingStrings("i18n/fr.yaml", "fr", english, french)
 */
export function missingStrings(file: string, lang: string, english: Strings, strings: Strings): Problem[] {
  const required = requiredKeys(english, lang);
  const missing = required
    .filter((key) => typeof strings[key] !== "string" || strings[key] === "")
    .map((key) => problem("warning", file, `the interface string "${key}" is missing, so pages in ${lang} show the English text "${english[key] ?? english[key.replace(PLURAL_SUFFIX, "_other")]}" there; add a line such as ${key}: …`));
  const unknown = Object.keys(strings)
    .filter((key) => !required.includes(key))
    .map((key) => problem("warning", file, `the interface string "${key}" is not used (English has no such key); check its spelling against i18n/${FALLBACK_LANG}.yaml`));
  return [...missing, ...unknown];
}

/**
 * Checks every language file in an i18n folder against the English one. Paths in the messages are
 * `i18n/<lang>.yaml`.
 * @example checkInterfaceStrings() // [] when every language has every string
 */
export function checkInterfaceStrings(dir: string = I18N_DIR): Problem[] {
  const read = (name: string) => parseYaml(readFileSync(join(dir, name), "utf8")) as Strings;
  const english = read(`${FALLBACK_LANG}.yaml`);
  return readdirSync(dir)
    .filter((name) => name.endsWith(".yaml") && name !== `${FALLBACK_LANG}.yaml`)
    .sort()
    .flatMap((name) => missingStrings(`i18n/${name}`, name.slice(0, -5), english, read(name)));
}

/**
 * Warns about a letter or translation in a language that has no interface strings at all: its page
 * is laid out with English headings and buttons.
 * @example languageWithoutStrings("content/letters/x/de.md", "de", ["en", "es"])
 */
export function languageWithoutStrings(file: string, lang: string, available: readonly string[]): Problem[] {
  if (available.includes(lang) || available.includes(lang.split("-")[0]!)) return [];
  return [problem("warning", file, `there are no interface strings for ${lang}, so this page's headings and buttons are in English; add i18n/${lang.split("-")[0]}.yaml`)];
}
