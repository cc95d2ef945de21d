import { MAX_SLUG_LENGTH } from "./limits.ts";

/**
 * Turns a name into a file or folder slug: Latin accents dropped, lower-case, every run of other
 * characters a single hyphen, at most MAX_SLUG_LENGTH characters. Names without any Latin letter or
 * digit give "" (the caller picks a fallback), since there is no transliteration table to rely on.
 * @example slugify("Ärzte für Menschenrechte (Berlin)") // "arzte-fur-menschenrechte-berlin"
 */
export function slugify(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, MAX_SLUG_LENGTH)
    .replace(/-+$/, "");
}
