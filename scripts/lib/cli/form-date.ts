import { isRealDate } from "../check-fields.ts";

/** How to read a date written with slashes: 3/5/2024 is 5 March (mdy) or 3 May (dmy). */
export type DateOrder = "mdy" | "dmy";

/**
 * Reads the date part of a form tool's timestamp as YYYY-MM-DD: ISO (`2024-03-05 10:22:33`),
 * year first with slashes (`2024/03/05 10:22:33 AM GMT+1`), or day and month with slashes or dots
 * in the given order (`3/5/2024 10:22:33`, `05.03.24`). A day above 12 settles the order by itself.
 * Returns `undefined` for anything else, or a date that does not exist.
 * @example readFormDate("3/5/2024 10:22:33", "mdy") // "2024-03-05"
 */
export function readFormDate(text: string, order: DateOrder): string | undefined {
  const value = text.trim();
  let y: number, m: number, d: number;
  const yearFirst = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:$|[\sT])/.exec(value);
  const yearLast = /^(\d{1,2})[/.](\d{1,2})[/.](\d{2}|\d{4})(?:$|[\s,])/.exec(value);
  if (yearFirst !== null) {
    [y, m, d] = [Number(yearFirst[1]), Number(yearFirst[2]), Number(yearFirst[3])];
  } else if (yearLast !== null) {
    const a = Number(yearLast[1]);
    const b = Number(yearLast[2]);
    y = yearLast[3]!.length === 2 ? 2000 + Number(yearLast[3]) : Number(yearLast[3]);
    const dayFirst = a > 12 ? true : b > 12 ? false : order === "dmy";
    [d, m] = dayFirst ? [a, b] : [b, a];
  } else {
    return undefined;
  }
  const iso = `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
  return isRealDate(iso) ? iso : undefined;
}
