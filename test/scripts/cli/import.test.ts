import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli, readRepoFile, signatoryFiles } from "../../helpers/cli.ts";
import { copyFixtureRepo, fixture, tempDir } from "../../helpers/run.ts";

const csv = (name: string) => fixture("csv", `${name}.csv`);

const GOOGLE_HEAD = [
  "Importing google-forms.csv into alpha-letter (exported from Google Forms)",
  'Columns: "Timestamp" → signed, "Name (as it should appear on the letter)" → name, "Country" → country, "Website (optional)" → url, "Affiliation (individuals only)" → affiliation, "Are you signing as an individual or on behalf of an organisation?" → type',
  'Not imported: "Email Address" (Google Forms respondent data)',
  'Dates: read month first (M/D/YYYY), as --date-order says (default mdy), since no date in column "Timestamp" shows the order: row 3, 3/6/2024 9:01:02, was read as 2024-03-06. If it means 3 June, run again with --date-order dmy.',
];

describe("undersigned import", () => {
  it("reports a Google Forms export (BOM, CRLF, quoted commas, line breaks in cells, blank and duplicate rows) without writing on --dry-run", async () => {
    const root = await copyFixtureRepo("site");
    const before = await signatoryFiles(root, "alpha-letter");
    const result = await runCli(root, ["import", "alpha-letter", csv("google-forms"), "--dry-run"]);
    expect(result.stderr).toBe("");
    expect(result.stdout.split("\n")).toEqual([
      ...GOOGLE_HEAD,
      "To add (2):",
      '  row 2: "Digital Rights Kenya, Nairobi Chapter" → signatories/alpha-letter/digital-rights-kenya-nairobi-chapter.yaml',
      '  row 3: "Ana "Nena" Souza" → signatories/alpha-letter/ana-nena-souza.yaml',
      "Already signed, not added (2):",
      '  row 5: "ÄRZTE FÜR MENSCHENRECHTE" duplicates signatories/alpha-letter/aerzte.yaml',
      '  row 6: "Digital rights kenya - Nairobi chapter" duplicates row 2',
      "Invalid, not added (2):",
      '  row 7: unknown country "Narnia"; expected a country name (Kenya), a two-letter ISO code (KE), or global, international or regional',
      '  row 8: "url" must start with https:// (got "http://insecure.example.org")',
      "Blank rows skipped: 4, 9",
      "8 rows: 2 to add, 2 already signed, 2 invalid, 2 blank.",
      "Dry run: nothing was written.",
      "",
    ]);
    expect(result.code).toBe(0);
    expect(await signatoryFiles(root, "alpha-letter")).toEqual(before);
  });

  it("writes nothing while rows are invalid, then with --skip-invalid writes one file per new row, and adds nothing the second time", async () => {
    const root = await copyFixtureRepo("site");
    const refused = await runCli(root, ["import", "alpha-letter", csv("google-forms")]);
    expect(refused.stdout.split("\n").at(-2)).toBe("Nothing was written because some rows are invalid. Fix them in the CSV file, or run again with --skip-invalid to add the valid rows only.");
    expect(refused.stdout.split("\n")[GOOGLE_HEAD.length]).toBe("Would add, once every row is valid (2):");
    expect(refused.stdout).not.toContain("Added");
    expect(refused.code).toBe(1);

    const first = await runCli(root, ["import", "alpha-letter", csv("google-forms"), "--skip-invalid"]);
    expect(first.stdout.split("\n").slice(GOOGLE_HEAD.length, GOOGLE_HEAD.length + 3)).toEqual(["Added (2):", '  row 2: "Digital Rights Kenya, Nairobi Chapter" → signatories/alpha-letter/digital-rights-kenya-nairobi-chapter.yaml', '  row 3: "Ana "Nena" Souza" → signatories/alpha-letter/ana-nena-souza.yaml']);
    expect(first.stdout.split("\n").at(-2)).toBe("Wrote 2 files.");
    expect(first.code).toBe(0);
    expect(await readRepoFile(root, "signatories/alpha-letter/digital-rights-kenya-nairobi-chapter.yaml")).toBe("name: Digital Rights Kenya, Nairobi Chapter\ntype: organisation\ncountry: KE\nurl: https://drk.example.org\nsigned: 2024-03-05\n");
    expect(await readRepoFile(root, "signatories/alpha-letter/ana-nena-souza.yaml")).toBe("name: Ana \"Nena\" Souza\ntype: individual\ncountry: BR\naffiliation: Instituto de Tecnologia e Sociedade\nsigned: 2024-03-06\n");
    const files = await signatoryFiles(root, "alpha-letter");

    const second = await runCli(root, ["import", "alpha-letter", csv("google-forms"), "--skip-invalid"]);
    expect(second.stdout).toContain(
      [
        "Already signed, not added (4):",
        '  row 2: "Digital Rights Kenya, Nairobi Chapter" duplicates signatories/alpha-letter/digital-rights-kenya-nairobi-chapter.yaml',
        '  row 3: "Ana "Nena" Souza" duplicates signatories/alpha-letter/ana-nena-souza.yaml',
        '  row 5: "ÄRZTE FÜR MENSCHENRECHTE" duplicates signatories/alpha-letter/aerzte.yaml',
        '  row 6: "Digital rights kenya - Nairobi chapter" duplicates signatories/alpha-letter/digital-rights-kenya-nairobi-chapter.yaml',
      ].join("\n"),
    );
    expect(second.stdout).toContain("8 rows: 0 to add, 4 already signed, 2 invalid, 2 blank.\nWrote 0 files.\n");
    expect(await signatoryFiles(root, "alpha-letter")).toEqual(files);
  });

  it("recognises Microsoft Forms: mixed-case headers, respondent columns left out, M/D/YY dates, a repeated row", async () => {
    const root = await copyFixtureRepo("site");
    const result = await runCli(root, ["import", "alpha-letter", csv("microsoft-forms")]);
    expect(result.stdout.split("\n")).toEqual([
      "Importing microsoft-forms.csv into alpha-letter (exported from Microsoft Forms)",
      'Columns: "Completion time" → signed, "Full name" → name, "TYPE" → type, "COUNTRY" → country, "Website" → url',
      'Not imported: "ID" (Microsoft Forms respondent data)',
      'Not imported: "Start time" (Microsoft Forms respondent data)',
      'Not imported: "Email" (Microsoft Forms respondent data)',
      'Not imported: "Name" (Microsoft Forms respondent data)',
      'Dates: read month first (M/D/YYYY), as --date-order says (default mdy), since no date in column "Completion time" shows the order: row 2, 3/5/24 10:02:11, was read as 2024-03-05. If it means 3 May, run again with --date-order dmy.',
      "Added (2):",
      '  row 2: "Open Data Lab" → signatories/alpha-letter/open-data-lab.yaml',
      '  row 3: "Mary O\'Neil, PhD" → signatories/alpha-letter/mary-o-neil-phd.yaml',
      "Already signed, not added (1):",
      '  row 4: "Open Data Lab" duplicates row 2',
      "3 rows: 2 to add, 1 already signed, 0 invalid, 0 blank.",
      "Wrote 2 files.",
      "",
    ]);
    expect(await readRepoFile(root, "signatories/alpha-letter/mary-o-neil-phd.yaml")).toBe("name: Mary O'Neil, PhD\ntype: individual\ncountry: IE\nsigned: 2024-03-05\n");
  });

  it("takes a default type for Typeform and Action Network exports, joins first and last names, and never writes e-mail addresses", async () => {
    const root = await copyFixtureRepo("site");
    const typeform = await runCli(root, ["import", "alpha-letter", csv("typeform"), "--type", "organisation", "--map", "Network ID=ignore"]);
    expect(typeform.stdout).toContain('  row 2: "Fundación Vía Libre, Argentina" → signatories/alpha-letter/fundacion-via-libre-argentina.yaml\n');
    expect(typeform.stdout).toContain('  row 3: "Zeta organisation" duplicates signatories/alpha-letter/zeta.yaml\n');
    expect(typeform.stdout).toContain('Not imported: "Network ID" (left out with --map)\n');
    const network = await runCli(root, ["import", "alpha-letter", csv("action-network"), "--type", "individual"]);
    expect(network.stdout).toContain('Not imported: "email" (e-mail addresses are never written to the repository)\n');
    expect(await readRepoFile(root, "signatories/alpha-letter/jane-doe.yaml")).toBe("name: Jane Doe\ntype: individual\ncountry: US\naffiliation: Example University\nsigned: 2024-03-05\n");
    expect(await readRepoFile(root, "signatories/alpha-letter/amal-haddad.yaml")).toBe("name: Amal Haddad\ntype: individual\ncountry: LB\nsigned: 2024-03-06\n");
  });

  it("reads semicolon-separated files and --map overrides, and explains unmappable columns", async () => {
    const root = await copyFixtureRepo("site");
    const dir = await tempDir();
    const file = join(dir, "export.csv");
    await writeFile(file, "Organisation;Land;Art\nOffene Daten e.V.;Deutschland;Organisation\n");
    const unmapped = await runCli(root, ["import", "alpha-letter", file]);
    expect(unmapped.stderr).toBe('error: No column holds the signatories\' names. Expected a header such as "Name" or "Full name" (or "First name" and "Last name"), or --map "<column>=name"; the file\'s headers are: "Organisation", "Land", "Art".\n');
    expect(unmapped.code).toBe(2);
    const badMap = await runCli(root, ["import", "alpha-letter", file, "--map", "Land=nation"]);
    expect(badMap.stderr).toBe("error: Invalid --map Land=nation: unknown field \"nation\". Expected column=field with field one of: name, first-name, last-name, type, country, url, affiliation, role, github, signed, ignore.\n");
    const mapped = await runCli(root, ["import", "alpha-letter", file, "--map", "Organisation=name", "--map", "land=country", "--map", "Art=type"]);
    expect(mapped.stdout).toContain('  row 2: "Offene Daten e.V." → signatories/alpha-letter/offene-daten-e-v.yaml\n');
    expect(await readRepoFile(root, "signatories/alpha-letter/offene-daten-e-v.yaml")).toBe("name: Offene Daten e.V.\ntype: organisation\ncountry: DE\nsigned: 2024-03-09\n");
  });

  it("refuses a file that is not UTF-8", async () => {
    const root = await copyFixtureRepo("site");
    const dir = await tempDir();
    const file = join(dir, "latin1.csv");
    await writeFile(file, Buffer.from("Name,Country\nCaf\xe9 Org,FR\n", "latin1"));
    const result = await runCli(root, ["import", "alpha-letter", file, "--type", "organisation"]);
    expect(result.stderr).toBe(`error: ${file} is not valid UTF-8. Expected UTF-8: export again as "CSV UTF-8" (Excel) or "Comma-separated values" (Google Sheets).\n`);
    expect(result.code).toBe(1);
  });
});
