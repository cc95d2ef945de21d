import { countryName } from "./format.ts";
import { nameKey } from "./normalise.ts";
import { readSchema } from "./schemas.ts";
import type { Scope } from "./types.ts";

/** Every country code the signatory schema accepts. */
export const COUNTRY_CODES: readonly string[] = (readSchema("signatory").properties as { country: { enum: string[] } }).country.enum;

/** The scopes a signatory may give instead of a country. */
export const SCOPES: readonly Scope[] = ["global", "international", "regional"];

/** Where a signatory is based, as the schema stores it. */
export type Place = { country: string } | { scope: Scope };

// Names people write that Intl does not give for a region: short forms, former names and the UN's forms.
const EXTRA_NAMES: Record<string, string> = {
  usa: "US",
  "united states of america": "US",
  america: "US",
  uk: "GB",
  "great britain": "GB",
  england: "GB",
  scotland: "GB",
  wales: "GB",
  "russian federation": "RU",
  "republic of korea": "KR",
  "south korea": "KR",
  dprk: "KP",
  "ivory coast": "CI",
  "czech republic": "CZ",
  "slovak republic": "SK",
  holland: "NL",
  "viet nam": "VN",
  "lao pdr": "LA",
  "kyrgyz republic": "KG",
  "democratic republic of the congo": "CD",
  "dr congo": "CD",
  drc: "CD",
  "republic of the congo": "CG",
  "congo republic": "CG",
  uae: "AE",
  emirates: "AE",
  swaziland: "SZ",
  burma: "MM",
  "east timor": "TL",
  turkey: "TR",
  macedonia: "MK",
  vatican: "VA",
  "holy see": "VA",
  "state of palestine": "PS",
  "republic of ireland": "IE",
};

// Intl writes "Bosnia & Herzegovina", "St. Lucia" and "Gambia"; people write "Bosnia and
// Herzegovina", "Saint Lucia" and "The Gambia". Names are compared without these words and with
// "saint" shortened, so every way of writing them meets.
const IGNORED_WORDS = new Set(["and", "the"]);
const WORD_FORMS: Record<string, string> = { saint: "st" };

// Country names are also recognised in these languages (the UN's six, German and Portuguese), since
// forms are often answered in the signatory's own language whatever the letter's.
const NAME_LANGUAGES = ["fr", "es", "ar", "ru", "zh", "de", "pt"];

const indexes = new Map<string, Map<string, string>>();

function indexFor(lang: string): Map<string, string> {
  let index = indexes.get(lang);
  if (index !== undefined) return index;
  index = new Map(Object.entries(EXTRA_NAMES).map(([name, code]) => [placeKey(name), code]));
  for (const code of COUNTRY_CODES) {
    for (const style of ["long", "short"] as const) {
      for (const language of new Set(["en", lang, ...NAME_LANGUAGES])) {
        const name = new Intl.DisplayNames([language], { type: "region", style, fallback: "none" }).of(code);
        if (name !== undefined && !index.has(placeKey(name))) index.set(placeKey(name), code);
      }
    }
  }
  indexes.set(lang, index);
  return index;
}

function placeKey(name: string): string {
  const words = name.toLowerCase().split(/[\s\p{P}\p{S}]+/u);
  return nameKey(words.filter((word) => !IGNORED_WORDS.has(word)).map((word) => WORD_FORMS[word] ?? word).join(" "));
}

/**
 * Reads a place as a person types it: a two-letter code in any case, a country name in English or
 * in the letter's language or a major one (accents, case, spaces and punctuation ignored; "and" and
 * "&", "Saint" and "St.", a leading "The" alike), or a scope.
 * @example parsePlace("kenya", "en") // { country: "KE" }
 * @example parsePlace("Global", "en") // { scope: "global" }
 */
export function parsePlace(input: string, lang: string): Place | undefined {
  const text = input.trim();
  if (/^[A-Za-z]{2}$/.test(text) && COUNTRY_CODES.includes(text.toUpperCase())) return { country: text.toUpperCase() };
  const key = nameKey(text);
  const scope = SCOPES.find((s) => nameKey(s) === key);
  if (scope !== undefined) return { scope };
  const code = indexFor(lang).get(placeKey(text));
  return code === undefined ? undefined : { country: code };
}

/**
 * The message for a place that could not be read.
 * @example placeProblem("Narnia") // 'unknown country "Narnia"; expected …'
 */
export function placeProblem(input: string): string {
  return `unknown country "${input}"; expected a country name (Kenya), a two-letter ISO code (KE), or global, international or regional`;
}

/**
 * Describes a place for a confirmation line.
 * @example describePlace({ country: "KE" }, "en") // "Kenya (KE)"
 */
export function describePlace(place: Place, lang: string): string {
  return "country" in place ? `${countryName(place.country, lang)} (${place.country})` : place.scope;
}

/**
 * Places matching what a person has typed so far, for a search prompt: scopes and countries whose
 * name (in English or the letter's language) or code starts with the text, then those containing it.
 * @example searchPlaces("ken", "en")[0] // { value: "KE", name: "Kenya (KE)" }
 */
export function searchPlaces(term: string, lang: string, limit = 10): { value: string; name: string }[] {
  const key = nameKey(term);
  const options = [
    ...SCOPES.map((s) => ({ value: s, name: s, keys: [s] })),
    ...COUNTRY_CODES.map((code) => ({ value: code, name: `${countryName(code, lang)} (${code})`, keys: [code.toLowerCase(), nameKey(countryName(code, lang)), nameKey(countryName(code, "en"))] })),
  ];
  if (key === "") return options.slice(0, limit).map(({ value, name }) => ({ value, name }));
  const starts = options.filter((o) => o.keys.some((k) => k.startsWith(key)));
  const contains = options.filter((o) => !starts.includes(o) && o.keys.some((k) => k.includes(key)));
  return [...starts, ...contains].slice(0, limit).map(({ value, name }) => ({ value, name }));
}
