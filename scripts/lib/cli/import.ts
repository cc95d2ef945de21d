import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import { parse } from "csv-parse/sync";
import { checkSignatoryBytes } from "../check-signatory-files.ts";
import { deletedFiles, GitError, type DeletedFile } from "../git.ts";
import { SIGNATORIES_DIR } from "../load-repository.ts";
import { nameKey } from "../normalise.ts";
import { isSameSignatory } from "../rules/unique-names.ts";
import type { Signatory, SignatoryFields } from "../types.ts";
import { CliError } from "./cli-error.ts";
import { assertNoNewRuleErrors } from "./check-changes.ts";
import { DuplicateIndex, fieldsFromAnswers, SlugAllocator, type SignatoryAnswers } from "./candidate.ts";
import { columnDateOrder, readFormDate, type ColumnDateOrder, type DateOrder } from "./form-date.ts";
import { mapColumns, type ColumnMap } from "./import-columns.ts";
import { line, type Change, type Line, type Outcome } from "./outcome.ts";
import { signatoryFile, signatoryText, signatoryTextProblems } from "./signatory-text.ts";
import { findLetter, signatoriesOf, type Workspace } from "./workspace.ts";

/** Largest CSV file read: far more than any form export of signatures, small enough to hold in memory. */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

/** What `undersigned import` needs. */
export interface ImportInput {
  letter: string | undefined;
  file: string | undefined;
  /** `--map column=field` overrides. */
  map: readonly string[];
  /** Used for rows without a type, country or date column (or an empty cell). */
  defaults: { type?: string | undefined; country?: string | undefined; signed?: string | undefined };
  dateOrder: DateOrder;
  delimiter?: string | undefined;
  dryRun: boolean;
  /** Write the valid rows even when some rows are invalid. */
  skipInvalid: boolean;
}

/** What happened to one row of the file. Rows are numbered as in a spreadsheet: the header is row 1. */
export type RowResult =
  | { row: number; status: "add"; name: string; file: string }
  | { row: number; status: "duplicate"; name: string; of: string; reason: "name" | "url" }
  | { row: number; status: "withdrawn"; name: string; file: string; commit?: { hash: string; date: string } }
  | { row: number; status: "invalid"; reasons: string[] }
  | { row: number; status: "blank" };

/** The importer's findings, and the files it proposes. */
export interface ImportReport {
  letter: string;
  columns: ColumnMap;
  headers: string[];
  rows: RowResult[];
  /** How the day-and-month dates of the date column were read, when it has any. */
  dateOrder?: ColumnDateOrder;
  changes: Change[];
}

// What a separator is called in a message to someone who never typed it.
const SEPARATOR_NAMES: Record<string, string> = { ",": "comma", ";": "semicolon", "\t": "tab" };

/**
 * Reads a form tool's CSV export (UTF-8, with or without a byte-order mark, any line endings,
 * comma, semicolon or tab separated) and sorts every row into: to add, duplicate (of a signatory or
 * of an earlier row, compared like the validator does), invalid (with the reasons) or blank. Each
 * row to add gets its own file with a unique slug, checked by the real validator; the cross-file
 * rules then run over the whole result. Nothing is ever dropped without a line in the report.
 * A row matching a signatory deleted from a letter that records withdrawals is skipped and reported.
 * Every day-and-month date of the file is read in one order (form-date.ts), said in the report.
 * @throws {CliError} on an unreadable file, an unknown letter, columns that cannot be mapped or
 * dates written in both orders.
 * @example await importSignatures(ws, { letter: "x", file: "form.csv", map: [], defaults: {}, dateOrder: "mdy", dryRun: true, skipInvalid: false }, "2024-03-05")
 */
export async function importSignatures(ws: Workspace, input: ImportInput, today: string): Promise<ImportReport> {
  const letter = findLetter(ws, input.letter);
  if (input.file === undefined) throw new CliError("usage", "No CSV file given. Expected: undersigned import <letter> <file.csv>.");
  if (letter.status === "closed" && letter.closes === undefined) {
    throw new CliError("invalid", `The letter "${letter.slug}" is closed, so it takes no new signatures. Expected an open letter, or a closing date in its front matter for late signatures dated before it.`);
  }
  const { records, delimiter } = parseCsv(await readCsv(input.file), input.delimiter);
  const headers = (records[0] ?? []).map((h) => h.trim());
  if (headers.length === 0 || headers.every((h) => h === "")) throw new CliError("invalid", `${input.file} has no header row. Expected the first row to name the columns, as form tools export them.`);
  const columns = mapColumns(headers, input.map);
  const existing = signatoriesOf(ws, letter);
  const index = new DuplicateIndex();
  for (const s of existing) index.add({ fields: s, file: s.file });
  // Reading the history costs seconds on a long one (12.6 s for 10,000 signature commits), so only
  // a letter that records withdrawals pays for it.
  const withdrawn = (letter.withdrawals ?? []).length === 0 ? new Map<string, Withdrawn[]>() : await withdrawnFrom(ws.root, letter.slug);
  const slugs = new SlugAllocator(existing.map((s) => s.slug));
  const rows: RowResult[] = [];
  const body = records.slice(1);
  const signedAt = columns.fields.signed;
  const dateOrder = signedAt === undefined ? undefined : columnDateOrder(headers[signedAt]!, body.flatMap((cells, i) => {
    const text = cells.length > headers.length ? undefined : cellText(cells, signedAt);
    return text === undefined ? [] : [{ row: i + 2, text }];
  }), input.dateOrder);
  const order = dateOrder?.order ?? input.dateOrder;
  const added: { signatory: Signatory; text: string }[] = [];

  body.forEach((cells, i) => {
    const row = i + 2;
    if (cells.every((c) => c.trim() === "")) {
      rows.push({ row, status: "blank" });
      return;
    }
    // An unquoted separator inside a value shifts every later cell into the wrong column.
    if (cells.length > headers.length) {
      const separator = SEPARATOR_NAMES[delimiter] ?? `"${delimiter}"`;
      rows.push({ row, status: "invalid", reasons: [`has ${cells.length} cells but the header has ${headers.length}, so its values would land in the wrong columns; put each value that contains a ${separator} (such as a name written "Doe, Jane") in double quotes`] });
      return;
    }
    const cell = (field: keyof ColumnMap["fields"]) => {
      const at = columns.fields[field];
      return at === undefined ? undefined : cellText(cells, at);
    };
    const reasons: string[] = [];
    const signedCell = cell("signed");
    let signed = input.defaults.signed;
    if (signedCell !== undefined) {
      signed = readFormDate(signedCell, order);
      if (signed === undefined) reasons.push(`unreadable date "${signedCell}" in column "${headers[signedAt!]}"; expected YYYY-MM-DD, YYYY/MM/DD or ${order === "mdy" ? "M/D/YYYY" : "D/M/YYYY"} (see --date-order)`);
    }
    const answers: SignatoryAnswers = {
      name: cell("name") ?? ([cell("first-name"), cell("last-name")].filter((p) => p !== undefined).join(" ") || undefined),
      type: cell("type") ?? input.defaults.type,
      place: cell("country") ?? input.defaults.country,
      url: cell("url"),
      affiliation: cell("affiliation"),
      role: cell("role"),
      github: cell("github"),
      signed,
    };
    const built = fieldsFromAnswers(answers, letter.lang, today);
    if (built.fields === undefined || reasons.length > 0) {
      rows.push({ row, status: "invalid", reasons: [...(built.reasons ?? []), ...reasons] });
      return;
    }
    const fields = built.fields;
    if (letter.closes !== undefined && fields.signed > letter.closes) {
      rows.push({ row, status: "invalid", reasons: [`signed on ${fields.signed}, after the letter closed on ${letter.closes}`] });
      return;
    }
    const twin = index.find(fields);
    if (twin !== undefined) {
      rows.push({ row, status: "duplicate", name: fields.name, of: twin.entry.row === undefined ? twin.entry.file : `row ${twin.entry.row}`, reason: twin.reason });
      return;
    }
    // A form tool's export is cumulative: a signatory withdrawn since the last import is still in it.
    const gone = withdrawn.get(nameKey(fields.name))?.find((w) => isSameSignatory(w.fields, fields));
    if (gone !== undefined) {
      const result: RowResult = { row, status: "withdrawn", name: fields.name, file: gone.file };
      if (gone.commit !== undefined) result.commit = gone.commit;
      rows.push(result);
      return;
    }
    const text = signatoryText(fields);
    const problems = signatoryTextProblems(signatoryFile(letter.slug, "row"), text).filter((p) => p.severity === "error");
    if (problems.length > 0) {
      rows.push({ row, status: "invalid", reasons: problems.map((p) => p.message) });
      return;
    }
    const slug = slugs.next(fields.name);
    const file = signatoryFile(letter.slug, slug);
    index.add({ fields, file, row });
    added.push({ signatory: { ...fields, slug, letter: letter.slug, file }, text });
    rows.push({ row, status: "add", name: fields.name, file });
  });

  assertNoNewRuleErrors(ws.repo, { added }, "The import");
  const invalid = rows.some((r) => r.status === "invalid");
  const write = !input.dryRun && (!invalid || input.skipInvalid);
  const report: ImportReport = { letter: letter.slug, columns, headers, rows, changes: write ? added.map((a) => ({ kind: "create" as const, file: a.signatory.file, text: a.text })) : [] };
  if (dateOrder !== undefined) report.dateOrder = dateOrder;
  return report;
}

/** A signatory whose file was deleted from the letter's folder, as it was before. */
interface Withdrawn {
  fields: SignatoryFields;
  file: string;
  commit?: { hash: string; date: string };
}

/**
 * The signatories deleted from a letter's folder, by normalised name, read from git: the working
 * tree's deletions first, then the history's, newest first. Without git or outside a repository
 * there is no history to read, and the import goes on as if there were none.
 */
async function withdrawnFrom(root: string, letter: string): Promise<Map<string, Withdrawn[]>> {
  const byName = new Map<string, Withdrawn[]>();
  let files: DeletedFile[];
  try {
    files = await deletedFiles(root, `${SIGNATORIES_DIR}/${letter}`);
  } catch (error) {
    if (error instanceof GitError) return byName;
    throw error;
  }
  for (const { path, bytes, commit } of files) {
    const { signatory } = checkSignatoryBytes(path, bytes);
    if (signatory === undefined) continue;
    const entry: Withdrawn = { fields: signatory, file: path };
    if (commit !== undefined) entry.commit = commit;
    const key = nameKey(signatory.name);
    byName.set(key, [...(byName.get(key) ?? []), entry]);
  }
  return byName;
}

function cellText(cells: readonly string[], at: number): string | undefined {
  // A line break typed into a form answer is a wrap, not part of a name: it becomes a space.
  const value = cells[at]?.replace(/[ \t]*\r?\n[ \t]*/g, " ").trim();
  return value === "" ? undefined : value;
}

async function readCsv(file: string): Promise<string> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "EISDIR") throw new CliError("not-found", `Cannot read ${file}: ${code === "ENOENT" ? "no such file" : "it is a folder"}. Expected the path of a CSV file.`);
    throw error;
  }
  if (bytes.length > MAX_IMPORT_BYTES) throw new CliError("invalid", `${file} is ${bytes.length} bytes. Expected at most ${MAX_IMPORT_BYTES} bytes; split the export into smaller files.`);
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new CliError("invalid", `${file} is UTF-16 text. Expected UTF-8: export again as "CSV UTF-8" (Excel) or "Comma-separated values" (Google Sheets).`);
  }
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new CliError("invalid", `${file} is not valid UTF-8. Expected UTF-8: export again as "CSV UTF-8" (Excel) or "Comma-separated values" (Google Sheets).`);
  }
}

function parseCsv(text: string, delimiter: string | undefined): { records: string[][]; delimiter: string } {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const guessed = delimiter ?? ([",", ";", "\t"] as const).reduce((best, d) => (firstLine.split(d).length > firstLine.split(best).length ? d : best), ",");
  try {
    return { records: parse(text, { delimiter: guessed, relax_column_count: true, skip_empty_lines: false, bom: true }) as string[][], delimiter: guessed };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new CliError("invalid", `The CSV file could not be read: ${message}. Expected a CSV export from a form tool; check the quoting around that line.`);
  }
}

/**
 * Lays out an import report: the column mapping, each row with its fate, and a summary whose
 * counts add up to the number of rows.
 * @example renderImport(report, "form.csv", { dryRun: true })
 */
export function renderImport(report: ImportReport, file: string, options: { dryRun: boolean; skipInvalid: boolean }): Outcome {
  const lines: Line[] = [];
  const { columns, headers, rows } = report;
  lines.push(line("heading", `Importing ${basename(file)} into ${report.letter}${columns.tool === undefined ? "" : ` (exported from ${columns.tool})`}`));
  const mapped = Object.entries(columns.fields).map(([field, i]) => `"${headers[i]}" → ${field}`);
  lines.push(line("plain", `Columns: ${mapped.join(", ")}`));
  for (const { header, reason } of columns.ignored) lines.push(line("muted", `Not imported: "${header}" (${reason})`));
  if (report.dateOrder !== undefined) lines.push(line("plain", describeDateOrder(report.dateOrder, headers[columns.fields.signed!]!)));
  const of = <S extends RowResult["status"]>(status: S) => rows.filter((r): r is Extract<RowResult, { status: S }> => r.status === status);
  const add = of("add");
  const duplicates = of("duplicate");
  const invalid = of("invalid");
  const withdrawn = of("withdrawn");
  const blank = of("blank");
  const blocked = invalid.length > 0 && !options.skipInvalid && !options.dryRun;
  const heading = options.dryRun ? "To add" : blocked ? "Would add, once every row is valid" : "Added";
  if (add.length > 0) lines.push(line("success", `${heading} (${add.length}):`), ...add.map((r) => line("plain", `  row ${r.row}: "${r.name}" → ${r.file}`)));
  if (duplicates.length > 0) {
    lines.push(line("warning", `Already signed, not added (${duplicates.length}):`));
    lines.push(...duplicates.map((r) => line("plain", `  row ${r.row}: "${r.name}" duplicates ${r.of}${r.reason === "url" ? " (same website)" : ""}`)));
  }
  if (withdrawn.length > 0) {
    lines.push(line("warning", `Withdrawn from this letter earlier, not added (${withdrawn.length}):`));
    lines.push(...withdrawn.map((r) => line("plain", `  row ${r.row}: "${r.name}" was ${r.file}, deleted ${r.commit === undefined ? "and not yet committed" : `in commit ${r.commit.hash.slice(0, SHORT_HASH)} on ${r.commit.date}`}`)));
    lines.push(line("plain", `  If one of them has really signed again, add them by hand: undersigned sign ${report.letter} --name "…"`));
  }
  if (invalid.length > 0) {
    lines.push(line("error", `Invalid, not added (${invalid.length}):`));
    lines.push(...invalid.map((r) => line("plain", `  row ${r.row}: ${r.reasons.join("; ")}`)));
  }
  if (blank.length > 0) lines.push(line("muted", `Blank rows skipped: ${blank.map((r) => r.row).join(", ")}`));
  lines.push(line("plain", `${rows.length} ${rows.length === 1 ? "row" : "rows"}: ${add.length} to add, ${duplicates.length} already signed, ${withdrawn.length > 0 ? `${withdrawn.length} withdrawn, ` : ""}${invalid.length} invalid, ${blank.length} blank.`));
  if (options.dryRun) lines.push(line("heading", "Dry run: nothing was written."));
  else if (blocked) lines.push(line("error", "Nothing was written because some rows are invalid. Fix them in the CSV file, or run again with --skip-invalid to add the valid rows only."));
  else lines.push(line("success", `Wrote ${report.changes.length} ${report.changes.length === 1 ? "file" : "files"}.`));
  return blocked ? { changes: report.changes, lines, exitCode: 1 } : { changes: report.changes, lines };
}

/** Characters of a commit hash shown, as git log --oneline shows them. */
const SHORT_HASH = 7;

const ORDER_NAMES: Record<DateOrder, string> = { dmy: "day first (D/M/YYYY)", mdy: "month first (M/D/YYYY)" };

function describeDateOrder(dates: ColumnDateOrder, column: string): string {
  if ("proof" in dates) return `Dates: read ${ORDER_NAMES[dates.order]} for the whole column "${column}", as row ${dates.proof.row} has ${dates.proof.text}.`;
  const { row, text } = dates.example;
  const read = readFormDate(text, dates.order);
  const other: DateOrder = dates.order === "mdy" ? "dmy" : "mdy";
  const meant = readFormDate(text, other);
  const alternative = meant === undefined ? "" : ` If it means ${new Date(`${meant}T00:00:00Z`).toLocaleDateString("en-GB", { day: "numeric", month: "long", timeZone: "UTC" })}, run again with --date-order ${other}.`;
  return `Dates: read ${ORDER_NAMES[dates.order]}, as --date-order says (default mdy), since no date in column "${column}" shows the order: row ${row}, ${text}, was read as ${read ?? "no real date"}.${alternative}`;
}
