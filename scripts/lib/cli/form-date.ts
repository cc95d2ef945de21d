import { isRealDate } from "../check-fields.ts";
import { CliError } from "./cli-error.ts";

/** How to read a date written with slashes: 3/5/2024 is 5 March (mdy) or 3 May (dmy). */
export type DateOrder = "mdy" | "dmy";

/** One cell of a CSV file's date column, by its spreadsheet row number. */
export interface DateCell {
  row: number;
  text: string;
}

/**
 * The order a whole date column is read in: the one a date proves (a part above 12 can only be the
 * day), or else the one asked for, with the first date it decided as an example to show.
 */
export type ColumnDateOrder = { order: DateOrder; proof: DateCell } | { order: DateOrder; example: DateCell };

const YEAR_FIRST = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:$|[\sT])/;
const YEAR_LAST = /^(\d{1,2})[/.](\d{1,2})[/.](\d{2}|\d{4})(?:$|[\s,])/;
/** The largest number a month can be: a part above it is the day. */
const MONTHS = 12;

/**
 * Reads the date part of a form tool's timestamp as YYYY-MM-DD: ISO (`2024-03-05 10:22:33`),
 * year first with slashes (`2024/03/05 10:22:33 AM GMT+1`), or day and month with slashes or dots
 * in the given order (`3/5/2024 10:22:33`, `05.03.24`); {@link columnDateOrder} finds that order.
 * Returns `undefined` for anything else, or a date that does not exist in that order.
 * @example readFormDate("3/5/2024 10:22:33", "mdy") // "2024-03-05"
 */
export function readFormDate(text: string, order: DateOrder): string | undefined {
  const value = text.trim();
  let y: number, m: number, d: number;
  const yearFirst = YEAR_FIRST.exec(value);
  const yearLast = YEAR_LAST.exec(value);
  if (yearFirst !== null) {
    [y, m, d] = [Number(yearFirst[1]), Number(yearFirst[2]), Number(yearFirst[3])];
  } else if (yearLast !== null) {
    const a = Number(yearLast[1]);
    const b = Number(yearLast[2]);
    y = yearLast[3]!.length === 2 ? 2000 + Number(yearLast[3]) : Number(yearLast[3]);
    [d, m] = order === "dmy" ? [a, b] : [b, a];
  } else {
    return undefined;
  }
  const iso = `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
  return isRealDate(iso) ? iso : undefined;
}

/**
 * The one order every day-and-month date of a column is read in, so that no two rows of a file are
 * read differently: a date whose first part is above 12 proves day first, whose second part is
 * above 12 proves month first; without a proof, `fallback` (--date-order), with the first date that
 * it changes as the example. `undefined` when no date of the column depends on the order.
 * @throws {CliError} when the column's dates prove both orders.
 * @example columnDateOrder("Date", [{ row: 2, text: "13/1/2026" }, { row: 3, text: "5/3/2026" }], "mdy") // { order: "dmy", proof: { row: 2, text: "13/1/2026" } }
 */
export function columnDateOrder(column: string, cells: readonly DateCell[], fallback: DateOrder): ColumnDateOrder | undefined {
  let example: DateCell | undefined;
  const proofs: Partial<Record<DateOrder, DateCell>> = {};
  for (const cell of cells) {
    const parts = YEAR_FIRST.test(cell.text.trim()) ? null : YEAR_LAST.exec(cell.text.trim());
    if (parts === null) continue;
    if (parts[1] !== parts[2]) example ??= cell;
    const proven: DateOrder | undefined = Number(parts[1]) > MONTHS ? "dmy" : Number(parts[2]) > MONTHS ? "mdy" : undefined;
    if (proven !== undefined) proofs[proven] ??= cell;
  }
  const { dmy, mdy } = proofs;
  if (dmy !== undefined && mdy !== undefined) {
    const [first, second] = dmy.row < mdy.row ? [[dmy, "day first"], [mdy, "month first"]] as const : [[mdy, "month first"], [dmy, "day first"]] as const;
    throw new CliError("invalid", `The dates in column "${column}" are written in two orders: row ${first[0].row} has ${first[0].text.trim()}, ${first[1]}, and row ${second[0].row} has ${second[0].text.trim()}, ${second[1]}. Expected one order in the whole column; correct the rows written the other way, or export the dates as YYYY-MM-DD.`);
  }
  if (dmy !== undefined) return { order: "dmy", proof: dmy };
  if (mdy !== undefined) return { order: "mdy", proof: mdy };
  return example === undefined ? undefined : { order: fallback, example };
}
