import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
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
