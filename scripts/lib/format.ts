import { perLanguage, translate } from "./i18n.ts";
import type { Scope } from "./types.ts";

const dateFormats = new Map<string, Intl.DateTimeFormat>();
const countryNames = new Map<string, { display: Intl.DisplayNames; names: Map<string, string> }>();

/**
 * Formats a YYYY-MM-DD date in a language, as a long date read in UTC so it never shifts a day.
 * @example formatDate("2014-10-09", "en") // "October 9, 2014"
 */
export function formatDate(iso: string, lang: string): string {
  const format = perLanguage(dateFormats, lang, () => new Intl.DateTimeFormat(lang, { dateStyle: "long", timeZone: "UTC" }));
  return format.format(new Date(`${iso}T00:00:00Z`));
}

/**
 * Names a country (ISO 3166-1 alpha-2) in a language.
 * @example countryName("KE", "en") // "Kenya"
 */
export function countryName(code: string, lang: string): string {
  // Each name is asked of ICU once per language: asked for every signatory, it took 45 ms at 50,000
  // signatories, and made each one a string of its own to keep.
  const { display, names } = perLanguage(countryNames, lang, () => ({ display: new Intl.DisplayNames([lang], { type: "region", fallback: "code" }), names: new Map<string, string>() }));
  let name = names.get(code);
  if (name === undefined) {
    name = display.of(code) ?? code;
    names.set(code, name);
  }
  return name;
}

/**
 * Names where a signatory is based: its country, or its scope ("Global", "International", "Regional").
 * @example placeName({ scope: "global" }, "en") // "Global"
 */
export function placeName(place: { country?: string; scope?: Scope }, lang: string): string {
  if (place.country !== undefined) return countryName(place.country, lang);
  return translate(lang, `scope_${place.scope ?? "global"}`);
}

/**
 * The writing direction of a language, for the `dir` attribute.
 * @example textDirection("ar") // "rtl"
 */
export function textDirection(lang: string): "ltr" | "rtl" {
  const locale = new Intl.Locale(lang) as Intl.Locale & { getTextInfo?: () => { direction: string }; textInfo?: { direction: string } };
  const info = locale.getTextInfo?.() ?? locale.textInfo;
  return info?.direction === "rtl" ? "rtl" : "ltr";
}

/**
 * Names a language in that language, capitalised as a menu item ("Español", "العربية").
 * @example languageName("es") // "Español"
 */
export function languageName(lang: string): string {
  const name = new Intl.DisplayNames([lang], { type: "language", fallback: "code" }).of(lang) ?? lang;
  return name.charAt(0).toLocaleUpperCase(lang) + name.slice(1);
}
