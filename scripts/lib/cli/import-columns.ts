import { CliError } from "./cli-error.ts";

/** What a column of a form export can hold. `ignore` columns are listed in the report, never written. */
export const IMPORT_FIELDS = ["name", "first-name", "last-name", "type", "country", "url", "affiliation", "role", "github", "signed", "ignore"] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** Which column feeds which field, and what was left out and why. */
export interface ColumnMap {
  /** Column index for each mapped field. */
  fields: Partial<Record<Exclude<ImportField, "ignore">, number>>;
  /** Columns not imported, with the reason shown in the report. */
  ignored: { header: string; reason: string }[];
  /** The form tool the headers look like, when recognised. */
  tool?: string;
}

// Header aliases, compared after normaliseHeader: lower case, no parenthetical notes, no punctuation.
const ALIASES: Record<Exclude<ImportField, "ignore">, readonly string[]> = {
  name: ["name", "full name", "your name", "signatory", "signatory name", "name of signatory", "display name", "name as it should appear", "name to display", "organisation or full name", "organization or full name", "name of organisation or person", "name of organization or person"],
  "first-name": ["first name", "firstname", "given name", "first"],
  "last-name": ["last name", "lastname", "surname", "family name", "last"],
  type: ["type", "signatory type", "signing as", "sign as", "i am signing as", "signing on behalf of", "individual or organisation", "individual or organization", "organisation or individual", "organization or individual"],
  country: ["country", "country region", "country or region", "country code", "can2 country", "where are you based", "based in", "location"],
  url: ["url", "website", "web site", "homepage", "home page", "website url", "organisation website", "organization website", "web"],
  affiliation: ["affiliation", "organisation", "organization", "employer", "institution"],
  role: ["role", "title", "job title", "position"],
  github: ["github", "github username", "github login", "github handle"],
  signed: ["signed", "date signed", "signature date", "date", "timestamp", "submit date", "submitted at", "submission date", "completion time", "created at", "created date"],
};

// For long question headers ("Are you signing as an individual or on behalf of an organisation?").
const KEYWORDS: readonly [Exclude<ImportField, "ignore">, RegExp][] = [
  ["type", /\bsigning as\b|\bon behalf of\b|\bindividual or\b|\bor individual\b/],
  ["country", /\bcountry\b/],
  ["url", /\bwebsite\b|\burl\b/],
  ["name", /\bname\b/],
];

const EMAIL = /^e ?mail\b|\be ?mail address\b|^email\b/;

/** Form tools recognised by their own columns: respondent metadata is left out, the date kept. */
const TOOLS: readonly { name: string; detect: readonly string[]; metadata: readonly string[]; signed: string }[] = [
  { name: "Microsoft Forms", detect: ["start time", "completion time"], metadata: ["id", "start time", "email", "name", "last modified time"], signed: "completion time" },
  { name: "Typeform", detect: ["submit date"], metadata: ["#", "response type", "start date", "stage date", "network id", "tags", "ending"], signed: "submit date" },
  { name: "Google Forms", detect: ["timestamp"], metadata: ["email address", "score"], signed: "timestamp" },
  { name: "Action Network", detect: ["first name", "last name", "zip code"], metadata: ["zip code", "can2 phone", "can2 user address", "can2 user city", "can2 state abbreviated", "can2 subscription status", "can2 sms status", "can2 user tags"], signed: "created at" },
];

/**
 * A header as compared with aliases: NFKC, lower case, parenthetical notes and punctuation removed.
 * @example normaliseHeader("Website (optional)") // "website"
 * @example normaliseHeader("Submit Date (UTC)") // "submit date"
 */
export function normaliseHeader(header: string): string {
  const plain = header.normalize("NFKC").toLowerCase().replace(/\([^)]*\)|\[[^\]]*\]/g, " ").replace(/[^\p{L}\p{N}#]+/gu, " ").trim();
  return plain === "" ? header.trim().toLowerCase() : plain;
}

/**
 * Maps a form export's columns to signatory fields by header, recognising the layouts of Google
 * Forms, Microsoft Forms, Typeform and Action Network; `overrides` ("Column=field", from `--map`)
 * win over every guess. E-mail columns are never imported.
 * @throws {CliError} on an override naming an unknown column or field, or when no column holds names.
 * @example mapColumns(["Timestamp", "Full name", "Country"], []).fields // { signed: 0, name: 1, country: 2 }
 */
export function mapColumns(headers: readonly string[], overrides: readonly string[]): ColumnMap {
  const normalised = headers.map(normaliseHeader);
  const tool = TOOLS.find((t) => t.detect.every((d) => normalised.includes(d)));
  const fields: ColumnMap["fields"] = {};
  const assigned = new Map<number, ImportField>();
  const reasons = new Map<number, string>();

  for (const override of overrides) {
    const at = override.lastIndexOf("=");
    const column = at < 0 ? override : override.slice(0, at);
    const field = at < 0 ? "" : override.slice(at + 1).trim();
    if (!IMPORT_FIELDS.includes(field as ImportField)) throw new CliError("usage", `Invalid --map ${override}: unknown field "${field}". Expected column=field with field one of: ${IMPORT_FIELDS.join(", ")}.`);
    let index = headers.findIndex((h) => h === column);
    if (index < 0) index = normalised.indexOf(normaliseHeader(column));
    if (index < 0) throw new CliError("usage", `Invalid --map ${override}: no column "${column}". Expected one of the file's headers: ${headers.map((h) => `"${h}"`).join(", ")}.`);
    assign(index, field as ImportField, "");
  }
  if (tool !== undefined) {
    normalised.forEach((h, i) => {
      if (h === tool.signed && fields.signed === undefined && !assigned.has(i)) assign(i, "signed", "");
      else if (tool.metadata.includes(h) && !assigned.has(i)) assign(i, "ignore", `${tool.name} respondent data`);
    });
  }
  normalised.forEach((h, i) => {
    if (!assigned.has(i) && EMAIL.test(h)) assign(i, "ignore", "e-mail addresses are never written to the repository");
  });
  normalised.forEach((h, i) => {
    if (assigned.has(i)) return;
    const field = (Object.keys(ALIASES) as (keyof typeof ALIASES)[]).find((f) => ALIASES[f].includes(h) && fields[f] === undefined);
    if (field !== undefined) assign(i, field, "");
  });
  normalised.forEach((h, i) => {
    if (assigned.has(i)) return;
    const match = KEYWORDS.find(([f, pattern]) => pattern.test(h) && fields[f] === undefined);
    if (match !== undefined) assign(i, match[0], "");
  });

  const ignored = headers.flatMap((header, i) => {
    if (assigned.get(i) === "ignore") return [{ header, reason: reasons.get(i) ?? "not a signatory field" }];
    if (assigned.has(i)) return [];
    return [{ header, reason: "no matching field; use --map to import it" }];
  });
  if (fields.name === undefined && fields["first-name"] === undefined) {
    throw new CliError("usage", `No column holds the signatories' names. Expected a header such as "Name" or "Full name" (or "First name" and "Last name"), or --map "<column>=name"; the file's headers are: ${headers.map((h) => `"${h}"`).join(", ")}.`);
  }
  const map: ColumnMap = { fields, ignored };
  if (tool !== undefined) map.tool = tool.name;
  return map;

  function assign(index: number, field: ImportField, reason: string): void {
    if (assigned.has(index)) return;
    assigned.set(index, field);
    if (field === "ignore") reasons.set(index, reason || "left out with --map");
    else if (fields[field] === undefined) fields[field] = index;
    else {
      assigned.set(index, "ignore");
      reasons.set(index, `"${headers[fields[field]!]}" already gives ${field}`);
    }
  }
}
