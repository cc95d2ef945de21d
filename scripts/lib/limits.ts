/** Limits on input, in one place so messages and checks agree. */

/** Largest signatory file accepted, checked before parsing (a signatory needs a few hundred bytes). */
export const MAX_SIGNATORY_BYTES = 8 * 1024;

/** Largest letter file accepted, checked before parsing. */
export const MAX_LETTER_BYTES = 256 * 1024;

/** Longest file or folder slug: `[a-z0-9-]`, at most this many characters. */
export const MAX_SLUG_LENGTH = 64;

/** A slug: lowercase ASCII letters, digits and single hyphens, not starting or ending with a hyphen. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** How much of a bad value an error message quotes back. */
export const MAX_QUOTED_VALUE_LENGTH = 60;

/** A YYYY-MM-DD date as the schemas accept it (month 01–12, day 01–31); real-calendar checks come after. */
export const DATE_PATTERN = /^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$/;

/**
 * Most combining marks allowed in a row on one letter. Real spelling needs a few (Vietnamese two,
 * Hebrew points and Tibetan stacks four or five); dozens are "Zalgo" text that covers other lines.
 */
export const MAX_COMBINING_MARKS = 8;

/** A BCP 47 language tag as letters and translations write it (en, es, pt-BR); also a translation's file name. */
export const LANGUAGE_TAG_PATTERN = /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/;
