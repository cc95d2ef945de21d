import { describe, expect, it } from "vitest";
import { CliError } from "../../../scripts/lib/cli/cli-error.ts";
import { columnDateOrder, readFormDate } from "../../../scripts/lib/cli/form-date.ts";

const cells = (...texts: string[]) => texts.map((text, i) => ({ row: i + 2, text }));

describe("readFormDate", () => {
  it.each([
    ["2024-03-05 10:22:33", "mdy", "2024-03-05"],
    ["2024/03/05 10:22:33 AM GMT+1", "dmy", "2024-03-05"],
    ["3/5/2024 10:22:33", "mdy", "2024-03-05"],
    ["3/5/2024 10:22:33", "dmy", "2024-05-03"],
    ["05.03.24", "dmy", "2024-03-05"],
    // One order for the whole file: a row is never read the other way on its own.
    ["13/1/2026", "mdy", undefined],
    ["1/13/2026", "dmy", undefined],
    ["31/2/2026", "dmy", undefined],
    ["March 5, 2024", "mdy", undefined],
  ] as const)("reads %s (%s) as %s", (text, order, expected) => {
    expect(readFormDate(text, order)).toBe(expected);
  });
});

describe("columnDateOrder", () => {
  it.each([
    [cells("5/3/2026", "13/1/2026", "14/1/2026"), "mdy", { order: "dmy", proof: { row: 3, text: "13/1/2026" } }],
    [cells("5/3/2026", "1/13/2026"), "dmy", { order: "mdy", proof: { row: 3, text: "1/13/2026" } }],
    [cells("2026-01-13", "4/4/2026", "5/3/2026 10:00"), "dmy", { order: "dmy", example: { row: 4, text: "5/3/2026 10:00" } }],
    [cells("2026-01-13", "4/4/2026"), "mdy", undefined],
    [[], "mdy", undefined],
  ] as const)("finds the order of %j (fallback %s)", (column, fallback, expected) => {
    expect(columnDateOrder("Date", column, fallback)).toEqual(expected);
  });

  it("refuses a column with dates in both orders, naming the first proof of each", () => {
    expect(() => columnDateOrder("Submitted", cells("2/28/2026", "13/1/2026", "3/30/2026"), "mdy")).toThrow(
      new CliError("invalid", 'The dates in column "Submitted" are written in two orders: row 2 has 2/28/2026, month first, and row 3 has 13/1/2026, day first. Expected one order in the whole column; correct the rows written the other way, or export the dates as YYYY-MM-DD.'),
    );
  });
});
