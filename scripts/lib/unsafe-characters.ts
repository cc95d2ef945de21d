import { MAX_COMBINING_MARKS } from "./limits.ts";

/** What kind of character must not appear in a value, for the error message. */
export type UnsafeKind = "control" | "bidi" | "invisible" | "stacked";

/** The first character in a value that must not be there, with its index in code points. */
export interface UnsafeCharacter {
  kind: UnsafeKind;
  codePoint: number;
  position: number;
}

const BIDI = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;
// Invisible or blank characters that can hide text or make two names look the same.
const INVISIBLE = /[\u00AD\u034F\u115F\u1160\u17B4\u17B5\u180B-\u180F\u200B-\u200D\u2060-\u2064\u206A-\u206F\u2800\u3164\uFE00-\uFE0F\uFEFF\uFFA0\uFFF9-\uFFFC\u{E0000}-\u{E0FFF}\u{1D173}-\u{1D17A}]|\p{Co}|\p{Cn}/u;
const CONTROL = /[\p{Cc}\u2028\u2029\uFFFD]/u;
const MARK = /\p{M}/u;
const PRINTABLE_ASCII = /^[\x20-\x7E]*$/;
// Any character the loop below could refuse, or a run of marks longer than it allows: a value with
// none of them has nothing to refuse, and most names in other scripts than Latin have none. With it,
// the values of the benchmark's files took 0.8–1.6 µs a file instead of 2.8–4.4 µs (docs/performance.md).
const ANYTHING_UNSAFE = new RegExp(`${CONTROL.source}|${BIDI.source}|${INVISIBLE.source}|\\p{M}{${MAX_COMBINING_MARKS + 1}}`, "u");
const PICTOGRAPH = /[\p{Extended_Pictographic}\u{1F3FB}-\u{1F3FF}\uFE0F]/u;
// Scripts where ZWJ and ZWNJ are part of correct spelling (Persian, Indic scripts, Sinhala…).
const JOINING_LETTER = /[\p{Script=Arabic}\p{Script=Syriac}\p{Script=Devanagari}\p{Script=Bengali}\p{Script=Gurmukhi}\p{Script=Gujarati}\p{Script=Oriya}\p{Script=Tamil}\p{Script=Telugu}\p{Script=Kannada}\p{Script=Malayalam}\p{Script=Sinhala}]/u;

/**
 * Finds the first control, bidi-control or invisible character in a value. Zero-width joiners are
 * allowed inside emoji sequences and, like zero-width non-joiners and emoji variation selectors,
 * between letters of the scripts whose spelling needs them. More than MAX_COMBINING_MARKS combining
 * marks in a row ("Zalgo" text) are refused too: they draw over the lines around the name.
 * @example findUnsafeCharacter("ACME\u202E") // { kind: "bidi", codePoint: 0x202e, position: 4 }
 */
export function findUnsafeCharacter(value: string): UnsafeCharacter | undefined {
  // Fast path: most values are printable ASCII, which holds none of the characters below.
  if (PRINTABLE_ASCII.test(value) || !ANYTHING_UNSAFE.test(value)) return undefined;
  const chars = [...value];
  let marks = 0;
  for (const [position, char] of chars.entries()) {
    const codePoint = char.codePointAt(0)!;
    marks = MARK.test(char) ? marks + 1 : 0;
    if (marks > MAX_COMBINING_MARKS) return { kind: "stacked", codePoint, position };
    if (CONTROL.test(char)) return { kind: "control", codePoint, position };
    if (BIDI.test(char)) return { kind: "bidi", codePoint, position };
    if (INVISIBLE.test(char) && !isAllowedJoiner(chars, position)) return { kind: "invisible", codePoint, position };
  }
  return undefined;
}

function isAllowedJoiner(chars: readonly string[], i: number): boolean {
  const char = chars[i]!;
  const before = chars[i - 1] ?? "";
  const after = chars[i + 1] ?? "";
  if (char === "\uFE0F" || char === "\uFE0E") return PICTOGRAPH.test(before) || /[\p{Emoji}]/u.test(before);
  if (char === "\u200D") return (PICTOGRAPH.test(before) && PICTOGRAPH.test(after)) || (JOINING_LETTER.test(before) && JOINING_LETTER.test(after));
  if (char === "\u200C") return /[\p{L}\p{M}]/u.test(before) && JOINING_LETTER.test(before + after) && /[\p{L}\p{M}]/u.test(after);
  return false;
}

/**
 * Describes an unsafe character for a message.
 * @example describeUnsafeCharacter({ kind: "bidi", codePoint: 0x202e, position: 4 })
 */
export function describeUnsafeCharacter(found: UnsafeCharacter): string {
  const code = `U+${found.codePoint.toString(16).toUpperCase().padStart(4, "0")}`;
  if (found.kind === "stacked") {
    return `stacks more than ${MAX_COMBINING_MARKS} accents or other combining marks on one letter at character ${found.position + 1}, which draws over the text around it; keep only the marks the name needs`;
  }
  const what = { control: "a control character", bidi: "a hidden text-direction character", invisible: "an invisible character" }[found.kind];
  const why = {
    control: "",
    bidi: ", which can make text display in a misleading order",
    invisible: ", which can hide text or make two names look the same",
  }[found.kind];
  return `contains ${what} (${code}) at character ${found.position + 1}${why}; delete it and retype the text around it`;
}

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;

/**
 * Finds an e-mail address anywhere in a text (values and comments), as a 0-based offset.
 * @example findEmailAddress("# ask jane@example.org") // 6
 */
export function findEmailAddress(text: string): number | undefined {
  // Without an "@" the pattern cannot match; trying it at every position of every file cost 2–3 µs a
  // file, a tenth of checking it (docs/performance.md).
  if (!text.includes("@")) return undefined;
  for (const match of text.matchAll(EMAIL)) {
    // "https://good.org@evil.example" is a disguised link, reported as such by the url check; an
    // address further on in a link ("https://acme.org/contact/jo@acme.org") is an address all the same.
    const word = text.slice(0, match.index).split(/\s/).pop() ?? "";
    const scheme = word.indexOf("://");
    if (scheme === -1 || /[/?#]/.test(word.slice(scheme + 3))) return match.index;
  }
  return undefined;
}
