import Papa from "papaparse";
import { piecesOf } from "./pieces.ts";
import type { LetterView, SignatoryView } from "./site-data.ts";
import type { Verification } from "./types.ts";

/** Columns of `signatories.csv`, in order; the same names as the fields of `signatories.json`. */
export const EXPORT_COLUMNS = ["id", "name", "type", "country", "scope", "affiliation", "role", "url", "signed", "verified", "address"] as const;

/** One signatory in the exports (see schemas/signatories-export.schema.json). */
export interface ExportedSignatory {
  id: string;
  name: string;
  type: SignatoryView["type"];
  country?: string;
  scope?: string;
  affiliation?: string;
  role?: string;
  url?: string;
  signed: string;
  /** How a maintainer checked the signature, when recorded (`undersigned verify`). */
  verified?: Verification;
  /** Absolute URL of the signatory's entry on the site. */
  address: string;
}

/** The content of `signatories.json`. */
export interface SignatoriesExport {
  letter: { slug: string; title: string; url: string; lang: string; asOf: string };
  count: number;
  signatories: ExportedSignatory[];
}

/** Spreadsheets run a cell that starts with one of these as a formula (tab and CR too, in some). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Makes a cell safe to open in a spreadsheet: text that a spreadsheet would run as a formula gets a
 * leading apostrophe, which spreadsheets show as text and hide.
 * @example neutraliseFormula("=HYPERLINK(\"x\")") // "'=HYPERLINK(\"x\")"
 */
export function neutraliseFormula(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

// Organisations then individuals, each in the letter's alphabetical order: the order of both exports.
function exportOrder(letter: LetterView): SignatoryView[] {
  return [...letter.organisations, ...letter.individuals];
}

// A signatory as an export record. `siteUrl` is the absolute URL of the site root, path prefix included.
function exportRecord(siteUrl: string): (s: SignatoryView) => ExportedSignatory {
  // Absent fields stay undefined, which JSON.stringify leaves out rather than writing null. Deleting
  // them instead made each record a slow dictionary object (docs/performance.md).
  return (s) => ({ id: s.slug, name: s.name, type: s.type, country: s.country, scope: s.scope, affiliation: s.affiliation, role: s.role, url: s.url, signed: s.signed, verified: s.verified, address: absoluteUrl(siteUrl, s.href) });
}

/**
 * `signatories.csv`: RFC 4180 (CRLF, quoted where needed), UTF-8 with a byte-order mark so that
 * spreadsheet programs read the accents right, a header row, and every text cell formula-safe.
 * @example signatoriesCsv(letter, "https://example.github.io/")
 */
export function signatoriesCsv(letter: LetterView, siteUrl: string): string {
  return [...signatoriesCsvPieces(letter, siteUrl)].join("");
}

/**
 * {@link signatoriesCsv} in pieces, made as they are taken (pieces.ts): the build writes them one
 * after another.
 * @example for (const piece of signatoriesCsvPieces(letter, siteUrl)) out.write(piece);
 */
export function* signatoriesCsvPieces(letter: LetterView, siteUrl: string): Generator<string> {
  const record = exportRecord(siteUrl);
  const row = (s: SignatoryView) => {
    const r = record(s);
    return EXPORT_COLUMNS.map((column) => neutraliseFormula(column === "verified" ? verifiedCell(r.verified) : (r[column] ?? "")));
  };
  // Papa Parse quotes only where RFC 4180 needs it, in half the time csv-stringify took (docs/performance.md),
  // and each cell on its own, so rows written a hundred at a time read as one table.
  // Its own formula escaping is left off: the cells are already neutralised, by the project's rule.
  const unparse = (rows: string[][]) => Papa.unparse(rows, { newline: "\r\n", escapeFormulae: false });
  yield `\uFEFF${unparse([[...EXPORT_COLUMNS]])}`;
  yield* piecesOf(exportOrder(letter), (signatories) => `\r\n${unparse(signatories.map(row))}`);
  yield "\r\n";
}

// One cell for a spreadsheet: "github by octocat on 2024-05-01".
function verifiedCell(verified: Verification | undefined): string {
  return verified === undefined ? "" : `${verified.method} by ${verified.by} on ${verified.date}`;
}

/**
 * `signatories.json`, described by schemas/signatories-export.schema.json.
 * @example JSON.parse(signatoriesJson(letter, "https://example.github.io/")).count
 */
export function signatoriesJson(letter: LetterView, siteUrl: string): string {
  return [...signatoriesJsonPieces(letter, siteUrl)].join("");
}

/**
 * {@link signatoriesJson} in pieces, made as they are taken (pieces.ts): the same text as
 * `JSON.stringify` of the whole export with an indent of one space, a record at a time.
 * @example for (const piece of signatoriesJsonPieces(letter, siteUrl)) out.write(piece);
 */
export function* signatoriesJsonPieces(letter: LetterView, siteUrl: string): Generator<string> {
  const outline: SignatoriesExport = {
    letter: { slug: letter.slug, title: letter.title, url: absoluteUrl(siteUrl, letter.url), lang: letter.lang, asOf: letter.asOf },
    count: letter.count,
    signatories: [],
  };
  const text = JSON.stringify(outline, null, 1);
  const signatories = exportOrder(letter);
  if (signatories.length === 0) {
    yield `${text}\n`;
    return;
  }
  // The list is the outline's last member, written "[]": the records go between its brackets, two
  // levels in. JSON never holds a raw line break inside a string, so each of a record's line breaks
  // starts one of its lines.
  const list = text.lastIndexOf("[]");
  const record = exportRecord(siteUrl);
  const indented = (s: SignatoryView) => `  ${JSON.stringify(record(s), null, 1).replaceAll("\n", "\n  ")}`;
  yield `${text.slice(0, list)}[\n`;
  yield* piecesOf(signatories, (some, first) => `${first ? "" : ",\n"}${some.map(indented).join(",\n")}`);
  yield `\n ]${text.slice(list + 2)}\n`;
}

/**
 * Joins the site's absolute root URL and a site path (which starts with "/").
 * @example absoluteUrl("https://x.org/repo/", "/letters/a/") // "https://x.org/repo/letters/a/"
 */
export function absoluteUrl(siteUrl: string, path: string): string {
  return `${siteUrl.replace(/\/+$/, "")}${path}`;
}
