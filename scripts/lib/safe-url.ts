import { domainToUnicode } from "node:url";
import { isLatinLookAlike } from "./normalise.ts";
import { quoteValue } from "./quote.ts";

/**
 * Checks that a URL is safe to publish as a link: https, parseable, a real host name, nothing
 * before the host that could disguise where it goes, and a host name that reads as what it is
 * (see {@link checkHostName}). Returns the reason it is not, or undefined.
 * @example checkUrl("https://good.org@evil.example") // "must not contain …"
 */
export function checkUrl(url: string): string | undefined {
  if (!url.toLowerCase().startsWith("https://")) return `must start with https://`;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return "is not a valid web address; copy it from your browser's address bar";
  }
  if (parsed.username !== "" || parsed.password !== "" || /^https:\/\/[^/?#]*@/i.test(url)) {
    return `must not contain "@" before the host name: it can disguise where the link really goes`;
  }
  if (/\s/.test(url)) return "must not contain spaces";
  if (/^\[|^\d+(?:\.\d+){3}$/.test(parsed.hostname)) return "must use a host name, not an IP address";
  if (!parsed.hostname.includes(".") || parsed.hostname.endsWith(".")) return "must have a full host name such as example.org";
  const written = (/^https:\/\/([^/?#\\]*)/i.exec(url)?.[1] ?? "").replace(/:\d*$/, "");
  return checkHostName(written, parsed.hostname);
}

// Scripts a host-name label may be written in; anything else counts as one "other" script.
const SCRIPTS = ["Latin", "Cyrillic", "Greek", "Armenian", "Georgian", "Hebrew", "Arabic", "Thaana", "Devanagari", "Bengali", "Gurmukhi", "Gujarati", "Oriya", "Tamil", "Telugu", "Kannada", "Malayalam", "Sinhala", "Thai", "Lao", "Tibetan", "Myanmar", "Khmer", "Ethiopic", "Cherokee", "Mongolian", "Han", "Hiragana", "Katakana", "Hangul", "Bopomofo"].map(
  (name) => [name, new RegExp(`\\p{Script=${name}}`, "u")] as const,
);
const NEUTRAL = /[\p{Script=Common}\p{Script=Inherited}]/u;
// Scripts that are written together in one word: Japanese, Korean and Chinese, each with Latin.
const SCRIPT_FAMILIES = [new Set(["Latin", "Han", "Hiragana", "Katakana"]), new Set(["Latin", "Han", "Hangul"]), new Set(["Latin", "Han", "Bopomofo"])];

/**
 * The look-alike host rule. A host name is accepted only when (1) it is written as browsers show it,
 * so nothing in it is silently changed (full-width or mathematical letters, which a browser maps to
 * plain ones, are refused), and (2) each label, read in Unicode (so `xn--` punycode is decoded
 * first), uses letters of one script (Japanese, Chinese and Korean may mix with Latin), and (3) a
 * label all in Cyrillic or Greek letters is refused when every one of them looks like a Latin letter
 * ("аррӏе"). Internationalised names in one script (`münchen.de`, `пример.рф`) are accepted.
 * @example checkHostName("xn--pypal-4ve.com", "xn--pypal-4ve.com") // "has a host name that mixes …"
 */
export function checkHostName(written: string, hostname: string): string | undefined {
  const unicode = domainToUnicode(hostname);
  const asWritten = written.toLowerCase();
  if (asWritten !== hostname && asWritten !== unicode) {
    return `has a host name written with characters that browsers silently change (the link really goes to ${hostname}); copy the address from your browser's address bar`;
  }
  for (const label of unicode.split(".")) {
    if (/^[\x20-\x7e]*$/.test(label)) continue;
    const letters = [...label].filter((c) => !NEUTRAL.test(c));
    const scripts = new Set(letters.map(scriptOf));
    if (scripts.size > 1 && !SCRIPT_FAMILIES.some((family) => [...scripts].every((s) => family.has(s)))) {
      return `has a host name that mixes letters from different scripts (${quoteValue(label)}), a trick used to imitate other sites; use the address the organisation really uses`;
    }
    if ((scripts.has("Cyrillic") || scripts.has("Greek")) && letters.every((c) => isLatinLookAlike(c))) {
      return `has a host name written in letters that look like Latin ones but are not (${quoteValue(label)}), a trick used to imitate other sites; use the address the organisation really uses`;
    }
  }
  return undefined;
}

function scriptOf(char: string): string {
  return SCRIPTS.find(([, pattern]) => pattern.test(char))?.[0] ?? "other";
}
