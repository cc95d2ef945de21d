import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseYaml } from "./parse-yaml.ts";

/** Interface strings of one language, by key. */
export type Strings = Readonly<Record<string, string>>;

/** The language every other one falls back to. */
export const FALLBACK_LANG = "en";

/** The folder holding one `<lang>.yaml` file of interface strings per language. */
export const I18N_DIR = fileURLToPath(new URL("../../i18n/", import.meta.url));
const cache = new Map<string, Strings>();
const pluralRules = new Map<string, Intl.PluralRules>();
const numberFormats = new Map<string, Intl.NumberFormat>();

/**
 * Lists the interface languages shipped in `i18n/`.
 * @example availableLanguages() // ["en", …]
 */
export function availableLanguages(): string[] {
  return readdirSync(I18N_DIR)
    .filter((name) => name.endsWith(".yaml"))
    .map((name) => name.slice(0, -5))
    .sort();
}

/**
 * Loads the strings of a language (`i18n/<lang>.yaml`), or of its base language (`pt` for `pt-BR`),
 * or nothing when neither exists.
 * @example stringsFor("en").signed_as_of // "Signed (as of {date})"
 */
export function stringsFor(lang: string): Strings {
  const cached = cache.get(lang);
  if (cached !== undefined) return cached;
  const available = availableLanguages();
  const file = [lang, lang.split("-")[0]!].find((candidate) => available.includes(candidate));
  const strings = file === undefined ? {} : (parseYaml(readFileSync(`${I18N_DIR}${file}.yaml`, "utf8")) as Strings);
  cache.set(lang, strings);
  return strings;
}

/**
 * Translates a key into a language, filling `{name}` placeholders; falls back to English, then to
 * the key itself so a missing string is visible instead of blank. A `count` parameter picks the
 * plural form (`key_one`, `key_other`, … by Intl.PluralRules).
 * @example translate("en", "signature_count", { count: 2 }) // "2 signatories"
 */
export function translate(lang: string, key: string, params: Record<string, string | number> = {}): string {
  const pluralKey = typeof params.count === "number" ? `${key}_${perLanguage(pluralRules, lang, () => new Intl.PluralRules(lang)).select(params.count)}` : undefined;
  const own = stringsFor(lang);
  const fallback = stringsFor(FALLBACK_LANG);
  const template =
    (pluralKey && own[pluralKey]) ?? own[key] ?? (pluralKey && fallback[pluralKey]) ?? fallback[key] ?? (pluralKey && fallback[`${key}_other`]) ?? key;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === "number" ? formatNumber(value, lang) : value;
  });
}

/**
 * Formats a number as a language writes it.
 * @example formatNumber(100000, "fr") // "100 000" (with a narrow no-break space)
 */
export function formatNumber(value: number, lang: string): string {
  return perLanguage(numberFormats, lang, () => new Intl.NumberFormat(lang)).format(value);
}

/**
 * The object kept in `store` for a language, made on first use: an Intl formatter costs more to make
 * than to use, and pages use them thousands of times.
 * @example perLanguage(dateFormats, "fr", () => new Intl.DateTimeFormat("fr")).format(date)
 */
export function perLanguage<T>(store: Map<string, T>, lang: string, make: () => T): T {
  let value = store.get(lang);
  if (value === undefined) {
    value = make();
    store.set(lang, value);
  }
  return value;
}
