import { isMap, isScalar } from "yaml";
import { isRealDate } from "../check-fields.ts";
import { formatProblem } from "../problem.ts";
import { nextDay } from "../today.ts";
import type { Signatory } from "../types.ts";
import { CliError } from "./cli-error.ts";
import { assertNoNewRuleErrors } from "./check-changes.ts";
import { editLetter } from "./letter-edit.ts";
import { line, type Outcome } from "./outcome.ts";
import { findLetter, type Workspace } from "./workspace.ts";

/**
 * Checks a YYYY-MM-DD option value.
 * @throws {CliError} naming the option.
 * @example assertDate("--date", "2024-02-30") // throws
 */
export function assertDate(option: string, value: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || !isRealDate(value)) throw new CliError("usage", `Invalid ${option}: ${value}. Expected a real date as YYYY-MM-DD, such as 2024-03-05.`);
  return value;
}

/**
 * Checks a day recorded about a signature (`what`: "withdrawn", "checked"): a real date, not one
 * still to come (tomorrow is accepted, since where it already is tomorrow that is today), and not
 * before the signature itself.
 * @throws {CliError} naming the option, the signatory and the days expected.
 * @example assertDayAfterSigning("--date", "2020-01-18", "withdrawn", bea, "2024-03-09") // throws: bea signed on 2020-01-19
 */
export function assertDayAfterSigning(option: string, value: string, what: string, signatory: Pick<Signatory, "name" | "signed" | "file">, today: string): string {
  assertDate(option, value);
  if (value > nextDay(today)) throw new CliError("usage", `Invalid ${option}: ${value}, a day still to come. Expected the day the signature was ${what}, such as ${today} (today, the default).`);
  if (value < signatory.signed) {
    throw new CliError("usage", `Invalid ${option}: ${value}, before "${signatory.name}" signed on ${signatory.signed} (${signatory.file}). Expected the day the signature was ${what}, on or after ${signatory.signed}.`);
  }
  return value;
}

/**
 * Closes a letter as of a date: sets `status: closed` and `closes: <date>` in its front matter,
 * keeping every other line, comment and the body as they are. A date after `today` only sets
 * `closes`: the letter stays open until then and closes by itself, so that the page never says
 * "closed" while signatures are still accepted. Refuses a date before signatures already on the
 * letter, since the validator would then reject them.
 * @example await closeLetter(ws, "itu-pp14-openness", "2014-10-31", "2024-03-09")
 */
export async function closeLetter(ws: Workspace, slug: string | undefined, date: string, today: string): Promise<Outcome> {
  const letter = findLetter(ws, slug);
  assertDate("--date", date);
  const later = date > today;
  if (later && letter.status === "closed") {
    throw new CliError(
      "usage",
      `Invalid --date: ${date}, a day still to come, but "${letter.title}" is already closed${letter.closes === undefined ? "" : ` as of ${letter.closes}`}. Expected today or an earlier day; to open the letter again until ${date}, write status: open and closes: ${date} in ${letter.file}.`,
    );
  }
  const edited = await editLetter(ws, letter, (doc) => {
    if (!later) doc.set("status", "closed");
    const fields = doc.contents;
    // A new closing date goes right under the status it explains.
    if (!doc.has("closes") && isMap(fields)) fields.items.splice(fields.items.findIndex((pair) => isScalar(pair.key) && pair.key.value === "status") + 1, 0, doc.createPair("closes", date));
    else doc.set("closes", date);
  });
  const warnings = assertNoNewRuleErrors(ws.repo, { letters: [edited.letter] }, `Closing on ${date}`);
  const was = letter.status === "closed" ? ` (it was already closed${letter.closes === undefined ? "" : ` as of ${letter.closes}`})` : "";
  const done = later
    ? `"${letter.title}" will close on ${date}: it stays open until then, and signatures dated after that day will be refused: ${letter.file}`
    : `Closed "${letter.title}" as of ${date}${was}: ${letter.file}`;
  return {
    changes: [{ kind: "update", file: letter.file, text: edited.text }],
    lines: [line("success", done), ...warnings.map((p) => line("warning", formatProblem(p)))],
  };
}
