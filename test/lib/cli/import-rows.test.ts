import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CliError } from "../../../scripts/lib/cli/cli-error.ts";
import { importSignatures, renderImport, type ImportInput } from "../../../scripts/lib/cli/import.ts";
import { openWorkspace } from "../../../scripts/lib/cli/workspace.ts";
import { copyFixtureRepo, tempDir } from "../../helpers/run.ts";

const TODAY = "2026-03-09";

async function importText(text: string, input: Partial<ImportInput> = {}) {
  const ws = await openWorkspace(await copyFixtureRepo("site"));
  const file = join(await tempDir(), "form.csv");
  await writeFile(file, text);
  return importSignatures(ws, { letter: "alpha-letter", file, map: [], defaults: { type: "individual", country: "KE" }, dateOrder: "mdy", dryRun: true, skipInvalid: false, ...input }, TODAY);
}

describe("importSignatures: rows with more cells than the header", () => {
  it.each([
    ["comma", "Name,Affiliation\nDoe, Jane,University of Nairobi\nAmina Odhiambo,Strathmore University\n", "comma"],
    ["semicolon", "Name;Affiliation\nDoe; Jane;University of Nairobi\nAmina Odhiambo;Strathmore University\n", "semicolon"],
    ["tab", "Name\tAffiliation\nDoe\t Jane\tUniversity of Nairobi\nAmina Odhiambo\tStrathmore University\n", "tab"],
  ])("refuses such a row, %s separated, and still reads the others", async (_, text, separator) => {
    const report = await importText(text);
    expect(report.rows).toEqual([
      { row: 2, status: "invalid", reasons: [`has 3 cells but the header has 2, so its values would land in the wrong columns; put each value that contains a ${separator} (such as a name written "Doe, Jane") in double quotes`] },
      { row: 3, status: "add", name: "Amina Odhiambo", file: "signatories/alpha-letter/amina-odhiambo.yaml" },
    ]);
  });

  it("writes nothing for the row, and nothing at all without --skip-invalid", async () => {
    const report = await importText("Name,Affiliation\nDoe, Jane,University of Nairobi\n", { dryRun: false });
    expect(report.changes).toEqual([]);
    const outcome = renderImport(report, "form.csv", { dryRun: false, skipInvalid: false });
    expect(outcome.lines.map((l) => l.text)).toContain('  row 2: has 3 cells but the header has 2, so its values would land in the wrong columns; put each value that contains a comma (such as a name written "Doe, Jane") in double quotes');
    expect(outcome.exitCode).toBe(1);
  });

  it("reads a row with fewer cells than the header, its missing cells empty", async () => {
    const report = await importText("Name,Affiliation,Role\nAmina Odhiambo,Strathmore University\n");
    expect(report.rows).toEqual([{ row: 2, status: "add", name: "Amina Odhiambo", file: "signatories/alpha-letter/amina-odhiambo.yaml" }]);
  });
});

describe("importSignatures: one order for every date of the column", () => {
  const dates = (...cells: string[]) => `Name,Date\n${cells.map((c, i) => `Person ${"ABCDEFGH"[i]},${c}`).join("\n")}\n`;
  const signedOf = async (text: string, input: Partial<ImportInput> = {}) => {
    const report = await importText(text, { dryRun: false, ...input });
    return report.changes.map((c) => ("text" in c ? /signed: (.*)/.exec(c.text)?.[1] : undefined));
  };

  it.each([
    ["a day above 12 in the first part reads every row day first", ["13/1/2026", "5/3/2026", "28/2/2026"], "mdy", ["2026-01-13", "2026-03-05", "2026-02-28"], { order: "dmy", proof: { row: 2, text: "13/1/2026" } }],
    ["a day above 12 in the second part reads every row month first, whatever --date-order says", ["5/3/2026", "1/13/2026"], "dmy", ["2026-05-03", "2026-01-13"], { order: "mdy", proof: { row: 3, text: "1/13/2026" } }],
    ["without a proof, --date-order decides", ["5/3/2026", "2/1/2026"], "dmy", ["2026-03-05", "2026-01-02"], { order: "dmy", example: { row: 2, text: "5/3/2026" } }],
    ["without a proof, the default is month first", ["5/3/2026", "2026-02-01"], "mdy", ["2026-05-03", "2026-02-01"], { order: "mdy", example: { row: 2, text: "5/3/2026" } }],
    ["dates written year first need no order", ["2026-03-05", "2026/02/01"], "mdy", ["2026-03-05", "2026-02-01"], undefined],
  ] as const)("%s", async (_, cells, dateOrder, signed, order) => {
    expect(await signedOf(dates(...cells), { dateOrder })).toEqual(signed);
    expect((await importText(dates(...cells), { dateOrder })).dateOrder).toEqual(order);
  });

  it("refuses a column whose dates prove both orders", async () => {
    const error = await importText(dates("13/1/2026", "5/3/2026", "1/28/2026")).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CliError);
    expect((error as CliError).message).toBe('The dates in column "Date" are written in two orders: row 2 has 13/1/2026, day first, and row 4 has 1/28/2026, month first. Expected one order in the whole column; correct the rows written the other way, or export the dates as YYYY-MM-DD.');
    expect((error as CliError).exitCode).toBe(1);
  });

  it.each([
    [["13/1/2026", "5/3/2026"], "mdy", 'Dates: read day first (D/M/YYYY) for the whole column "Date", as row 2 has 13/1/2026.'],
    [["5/3/2026", "2/1/2026"], "mdy", 'Dates: read month first (M/D/YYYY), as --date-order says (default mdy), since no date in column "Date" shows the order: row 2, 5/3/2026, was read as 2026-05-03. If it means 5 March, run again with --date-order dmy.'],
    [["5/3/2026"], "dmy", 'Dates: read day first (D/M/YYYY), as --date-order says (default mdy), since no date in column "Date" shows the order: row 2, 5/3/2026, was read as 2026-03-05. If it means 3 May, run again with --date-order mdy.'],
  ] as const)("says which order it read %j in (--date-order %s)", async (cells, dateOrder, said) => {
    const report = await importText(dates(...cells), { dateOrder });
    expect(renderImport(report, "form.csv", { dryRun: true, skipInvalid: false }).lines.map((l) => l.text)).toContain(said);
  });
});
