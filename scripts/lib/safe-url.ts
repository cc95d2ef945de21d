import { domainToUnicode } from "node:url";
import { isLatinLookAlike } from "./normalise.ts";
import { quoteValue } from "./quote.ts";

/**
 * Checks that a URL is safe to publish as a link: https, parseable, a real host name whose every
 * part DNS allows (letters, digits and inner hyphens) on a real port, no character a link must
 * carry encoded (a double quote, "<", a backslash…), nothing before the host that could disguise
 * where it goes, and a host name that reads as what it is (see {@link checkHostName}). Returns the
 * reason it is not, or undefined.
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
  const unencoded = UNENCODED.exec(url)?.[0];
  if (unencoded !== undefined) {
    return `must not contain ${UNENCODED_NAMES[unencoded]} (${unencoded}); copy the address from your browser's address bar, which writes such characters in a form a link can carry`;
  }
  if (/^\[|^\d+(?:\.\d+){3}$/.test(parsed.hostname)) return "must use a host name, not an IP address";
  if (!parsed.hostname.includes(".") || parsed.hostname.endsWith(".")) return "must have a full host name such as example.org";
  const malformed = checkHostLabels(parsed.hostname) ?? (parsed.port === "0" ? "it names port 0, which no site uses" : undefined);
  if (malformed !== undefined) return `is not a valid web address: ${malformed}; copy it from your browser's address bar`;
  const written = (/^https:\/\/([^/?#\\]*)/i.exec(url)?.[1] ?? "").replace(/:\d*$/, "");
  return checkHostName(written, parsed.hostname);
}

// Characters a URL may not hold as they are (RFC 3986): a page's HTML checker refuses them in a link,
// and a browser's address bar gives them percent-encoded ("%22").
const UNENCODED_NAMES: Record<string, string> = {
  '"': "a double quote",
  "<": "a less-than sign",
  ">": "a greater-than sign",
  "\\": "a backslash",
  "`": "a backtick",
  "{": "a curly bracket",
  "}": "a curly bracket",
  "|": "a vertical bar",
  "^": "a caret",
};
const UNENCODED = /["<>\\`{}|^]/;

// A label of a host name as the URL parser gives it (internationalised ones in their xn-- form):
// what DNS allows, so any other character makes a link that leads nowhere.
const HOST_LABEL = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/;

function checkHostLabels(hostname: string): string | undefined {
  const labels = hostname.split(".");
  if (labels.includes("")) return `its host name ${quoteValue(domainToUnicode(hostname) || hostname)} has a dot at its start or two dots in a row`;
  const bad = labels.find((label) => !HOST_LABEL.test(label));
  if (bad === undefined) return undefined;
  const shown = quoteValue(domainToUnicode(bad) || bad);
  return /^[a-z0-9-]+$/.test(bad) ? `a part of its host name (${shown}) starts or ends with a hyphen` : `a part of its host name (${shown}) has a character other than letters, digits and hyphens`;
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
