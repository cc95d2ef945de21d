import { MAX_SLUG_LENGTH } from "../limits.ts";
import { tidyText, nameKey, urlKey } from "../normalise.ts";
import { parsePlace, placeProblem } from "../place.ts";
import { isSameSignatory } from "../rules/unique-names.ts";
import { slugify } from "../slug.ts";
import type { SignatoryFields, SignatoryType } from "../types.ts";

/** A signatory as a person or a form gave it: every field text, any of them missing. */
export interface SignatoryAnswers {
  name?: string | undefined;
  type?: string | undefined;
  /** A country name or code, or a scope. */
  place?: string | undefined;
  url?: string | undefined;
  affiliation?: string | undefined;
  role?: string | undefined;
  github?: string | undefined;
  signed?: string | undefined;
}

/** Fields built from answers, or the reasons they could not be. */
export type FieldsResult = { fields: SignatoryFields; reasons?: undefined } | { fields?: undefined; reasons: string[] };

// What people write for the two types, compared by nameKey like names are.
const TYPE_WORDS = new Map(
  Object.entries({
  organisation: "organisation", organization: "organisation", org: "organisation", group: "organisation", "an organisation": "organisation", "an organization": "organisation", "on behalf of an organisation": "organisation", "on behalf of an organization": "organisation",
  individual: "individual", person: "individual", "an individual": "individual", personal: "individual", "in a personal capacity": "individual", "as an individual": "individual", me: "individual",
  } satisfies Record<string, SignatoryType>).map(([words, type]) => [nameKey(words), type]),
);

/**
 * Reads a signatory type as people write it ("Organization", "an individual", "person").
 * @example parseType("Organization") // "organisation"
 */
export function parseType(input: string): SignatoryType | undefined {
  return TYPE_WORDS.get(nameKey(input));
}

/**
 * Turns answers into signatory fields: blanks dropped, text tidied as the validator stores it, the
 * type and place read as people write them, and `signed` defaulting to `today`. Checks only what the
 * schema cannot be asked about (missing name, unknown type or place); the validator does the rest.
 * @example fieldsFromAnswers({ name: "ACME", type: "org", place: "Kenya" }, "en", "2024-03-05")
 */
export function fieldsFromAnswers(answers: SignatoryAnswers, lang: string, today: string): FieldsResult {
  const value = (text: string | undefined) => {
    const tidy = text === undefined ? "" : tidyText(text);
    return tidy === "" ? undefined : tidy;
  };
  const reasons: string[] = [];
  const name = value(answers.name);
  if (name === undefined) reasons.push('"name" is missing; expected the organisation\'s name or the person\'s full name');
  const typeText = value(answers.type);
  const type = typeText === undefined ? undefined : parseType(typeText);
  if (typeText === undefined) reasons.push('"type" is missing; expected organisation or individual');
  else if (type === undefined) reasons.push(`unknown type "${typeText}"; expected organisation or individual`);
  const placeText = value(answers.place);
  const place = placeText === undefined ? undefined : parsePlace(placeText, lang);
  if (placeText === undefined) reasons.push('"country" is missing; expected a country name or code, or global, international or regional');
  else if (place === undefined) reasons.push(placeProblem(placeText));
  if (name === undefined || type === undefined || place === undefined) return { reasons };
  const fields: SignatoryFields = { name, type, ...place, signed: value(answers.signed) ?? today };
  for (const key of ["url", "affiliation", "role", "github"] as const) {
    const v = value(answers[key]);
    if (v !== undefined) fields[key] = v;
  }
  return { fields };
}

/** Something already in the list: an existing file, or an earlier row of an import. */
export interface Listed {
  fields: SignatoryFields;
  /** The file that holds it, or where it will be written. */
  file: string;
  /** For import rows: the 1-based row number in the CSV file. */
  row?: number;
}

/**
 * The signatories of one letter, indexed the way the validator's duplicate rules compare them
 * (normalised names, website keys), so a new signature can be matched before it is written.
 */
export class DuplicateIndex {
  private readonly names = new Map<string, Listed[]>();
  private readonly urls = new Map<string, Listed>();

  /** Adds a signatory to the index. */
  add(entry: Listed): void {
    const key = nameKey(entry.fields.name);
    this.names.set(key, [...(this.names.get(key) ?? []), entry]);
    if (entry.fields.url !== undefined && !this.urls.has(urlKey(entry.fields.url))) this.urls.set(urlKey(entry.fields.url), entry);
  }

  /**
   * The entry this one duplicates, and why, or `undefined`.
   * @example index.find(fields) // { entry, reason: "same name" }
   */
  find(fields: SignatoryFields): { entry: Listed; reason: "name" | "url" } | undefined {
    const twin = (this.names.get(nameKey(fields.name)) ?? []).find((e) => isSameSignatory(e.fields, fields));
    if (twin !== undefined) return { entry: twin, reason: "name" };
    const sameUrl = fields.url === undefined ? undefined : this.urls.get(urlKey(fields.url));
    return sameUrl === undefined ? undefined : { entry: sameUrl, reason: "url" };
  }
}

/** Hands out file slugs that are unique within a letter's folder. */
export class SlugAllocator {
  private readonly taken: Set<string>;

  constructor(existing: Iterable<string>) {
    this.taken = new Set(existing);
  }

  /**
   * A new slug for a name: its suggested slug, or with -2, -3… appended when taken. Names written
   * only in non-Latin scripts get "signatory".
   * @example allocator.next("ACME") // "acme", then "acme-2"
   */
  next(name: string): string {
    const base = slugify(name) || "signatory";
    let slug = base;
    for (let n = 2; this.taken.has(slug); n += 1) {
      const suffix = `-${n}`;
      slug = `${base.slice(0, MAX_SLUG_LENGTH - suffix.length).replace(/-+$/, "")}${suffix}`;
    }
    this.taken.add(slug);
    return slug;
  }

  /** Whether a slug is taken. */
  has(slug: string): boolean {
    return this.taken.has(slug);
  }

  /** Marks a slug as taken. */
  take(slug: string): void {
    this.taken.add(slug);
  }
}
