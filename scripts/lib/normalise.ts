/**
 * Normalisation of names and URLs for duplicate detection. The same functions serve the validator,
 * the importer and the pull-request checks, so they all agree on what counts as "the same".
 */

// Cyrillic and Greek letters that look like Latin ones, after lower-casing.
const LOOK_ALIKES: Record<string, string> = {
  а: "a", в: "b", е: "e", ё: "e", і: "i", ї: "i", ј: "j", к: "k", м: "m", н: "h", о: "o",
  ӏ: "l", п: "n", р: "p", с: "c", т: "t", у: "y", х: "x", ѕ: "s", ԁ: "d", һ: "h", ԛ: "q", ԝ: "w", ь: "b",
  α: "a", β: "b", γ: "y", ε: "e", ζ: "z", η: "n", ι: "i", κ: "k", μ: "m", ν: "v", ο: "o", ρ: "p",
  τ: "t", υ: "u", χ: "x", ı: "i", ȷ: "j", ß: "ss",
};
const LOOK_ALIKE_PATTERN = new RegExp(`[${Object.keys(LOOK_ALIKES).join("")}]`, "gu");

/**
 * Whether a letter is a Cyrillic or Greek one that looks like a Latin letter (in either case).
 * @example isLatinLookAlike("р") // true (Cyrillic er)
 */
export function isLatinLookAlike(char: string): boolean {
  return Object.hasOwn(LOOK_ALIKES, char.toLowerCase());
}

/**
 * Tidies a value as it is stored: trimmed, inner whitespace runs kept, Unicode NFC.
 * @example tidyText("  Cafe\u0301 ") // "Café"
 */
export function tidyText(value: string): string {
  return value.trim().normalize("NFC");
}

/**
 * The key two names are compared by: compatibility-normalised (full-width and mathematical letters
 * become plain ones), case-folded, Latin accents and punctuation dropped, Cyrillic and Greek
 * look-alikes folded to Latin, whitespace collapsed. Idempotent.
 * @example nameKey("Ａｃｍｅ") === nameKey("АСМЕ") // true
 */
export function nameKey(name: string): string {
  // In a name of printable ASCII every normalisation is the identity, no letter is a look-alike, and
  // every character but a letter or digit is punctuation, a symbol or a space: the folding comes down
  // to this, 1.0 µs a name against 2.6 µs (docs/performance.md).
  if (PRINTABLE_ASCII.test(name)) return name.toLowerCase().replace(NOT_ASCII_ALPHANUMERIC, "");
  const once = foldName(name);
  // Two passes reach a fixed point: folding can expose characters that fold again. Plain lower-case
  // letters and digits fold to themselves, so for them (half the names at scale) one pass is enough.
  return /^[a-z0-9]*$/.test(once) ? once : foldName(once);
}

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
const NOT_ASCII_ALPHANUMERIC = /[^a-z0-9]/g;

function foldName(name: string): string {
  return name
    .normalize("NFKC")
    .toLowerCase()
    .replace(LOOK_ALIKE_PATTERN, (c) => LOOK_ALIKES[c] ?? c)
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[\p{P}\p{S}\p{Z}\s]/gu, "")
    .normalize("NFC");
}

/**
 * The key two URLs are compared by: host without `www.`, lower-case, no trailing slash or fragment.
 * @example urlKey("https://WWW.Example.org/") === urlKey("https://example.org") // true
 */
export function urlKey(url: string): string {
  try {
    const parsed = new URL(url);
    const host = parsed.hostname.toLowerCase().replace(/^www\./, "");
    const path = parsed.pathname.replace(/\/+$/, "");
    return `${host}${parsed.port ? `:${parsed.port}` : ""}${path}${parsed.search}`;
  } catch {
    return url.trim().toLowerCase();
  }
}
