import { MAX_QUOTED_VALUE_LENGTH } from "./limits.ts";

/**
 * Quotes a value from a file for an error message: double-quoted, shortened, with control, format
 * and bidi characters shown as `\u{…}` so that a hostile value cannot rearrange or colour the output.
 * @example quoteValue("Kenya") // '"Kenya"'
 */
export function quoteValue(value: unknown): string {
  if (typeof value !== "string") {
    if (value === null) return "nothing";
    if (Array.isArray(value)) return "a list";
    if (typeof value === "object") return "a group of fields";
    return String(value);
  }
  const chars = [...value];
  const shown = chars.length > MAX_QUOTED_VALUE_LENGTH ? `${chars.slice(0, MAX_QUOTED_VALUE_LENGTH).join("")}…` : value;
  const escaped = shown.replace(/["\\]/g, (c) => `\\${c}`).replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, (c) => `\\u{${c.codePointAt(0)!.toString(16).toUpperCase()}}`);
  return `"${escaped}"`;
}
