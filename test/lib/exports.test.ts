import { parse } from "csv-parse/sync";
import { Ajv2020 } from "ajv/dist/2020.js";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { EXPORT_COLUMNS, neutraliseFormula, signatoriesCsv, signatoriesCsvPieces, signatoriesJson, signatoriesJsonPieces } from "../../scripts/lib/exports.ts";
import { ITEMS_PER_PIECE } from "../../scripts/lib/pieces.ts";
import { readSchema } from "../../scripts/lib/schemas.ts";
import { letterViewOf } from "../helpers/site-data.ts";

const SITE = "https://example.github.io/repo-name/";
const hostile = ["=HYPERLINK(\"https://evil.example\",\"x\")", "+1+1", "-2+3", "@SUM(A1)", "Plain, \"quoted\" name\nwith a line break"];
const letter = letterViewOf([
  ...hostile.map((name, i) => ({ slug: `h-${i}`, fields: { name, type: "organisation" as const, country: "KE", signed: "2024-01-02" } })),
  { slug: "ada", fields: { name: "Ada Lovelace", type: "individual", scope: "global", affiliation: "=Evil Corp", role: "Analyst", signed: "2024-01-03" } },
]);

// Enough signatories for several pieces, some of them hostile, one verified.
const large = letterViewOf(
  Array.from({ length: 2 * ITEMS_PER_PIECE + 3 }, (_, i) => ({
    slug: `s-${String(i).padStart(3, "0")}`,
    fields: { name: i % 7 === 0 ? hostile[i % hostile.length]! : `Signatory ${i} «ü»`, type: i % 2 === 0 ? ("organisation" as const) : ("individual" as const), country: "KE", signed: "2024-01-02", ...(i === 5 ? { verified: { method: "email" as const, by: "maintainer", date: "2024-01-04" } } : {}) },
  })),
);
const empty = letterViewOf([]);

describe("neutraliseFormula", () => {
  it("prefixes an apostrophe to text a spreadsheet would run, and leaves other text alone", () => {
    for (const cell of ["=1", "+1", "-1", "@x", "\tx", "\rx"]) expect(neutraliseFormula(cell)).toBe(`'${cell}`);
    for (const cell of ["ACME", "1-2", "a=b", "", "'=x"]) expect(neutraliseFormula(cell)).toBe(cell);
  });
});

describe("signatoriesCsv", () => {
  const csv = signatoriesCsv(letter, SITE);

  it("is RFC 4180 with a header row, CRLF line ends and a UTF-8 byte-order mark", () => {
    expect(csv.startsWith("\uFEFFid,name,type,country,scope,affiliation,role,url,signed,verified,address\r\n")).toBe(true);
    expect(csv.endsWith("\r\n")).toBe(true);
  });

  it("quotes a cell only when it holds a comma, a quote or a line break, doubling its quotes", () => {
    expect(csv).toContain('\r\nh-4,"Plain, ""quoted"" name\nwith a line break",organisation,KE,,,,,2024-01-02,,https://example.github.io/repo-name/letters/test-letter/#h-4\r\n');
    expect(csv).toContain("\r\nada,Ada Lovelace,individual,,global,'=Evil Corp,Analyst,,2024-01-03,,https://example.github.io/repo-name/letters/test-letter/#ada\r\n");
  });

  it("reads back, with a CSV parser, as every signatory once with formula cells neutralised", () => {
    const rows = parse(csv, { bom: true, columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0]!)).toEqual([...EXPORT_COLUMNS]);
    expect(rows.map((r) => r.id).sort()).toEqual(["ada", "h-0", "h-1", "h-2", "h-3", "h-4"]);
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get("h-0")!.name).toBe("'=HYPERLINK(\"https://evil.example\",\"x\")");
    expect(byId.get("h-4")!.name).toBe("Plain, \"quoted\" name\nwith a line break");
    expect(byId.get("ada")).toEqual({ id: "ada", name: "Ada Lovelace", type: "individual", country: "", scope: "global", affiliation: "'=Evil Corp", role: "Analyst", url: "", signed: "2024-01-03", verified: "", address: "https://example.github.io/repo-name/letters/test-letter/#ada" });
  });

  it.each([
    ["several pieces", large],
    ["no signatory", empty],
  ])("is, in pieces, what Papa Parse writes of the whole table at once: %s", (_, of) => {
    const text = [...signatoriesCsvPieces(of, SITE)].join("");
    const rows = parse(text, { bom: true }) as string[][];
    expect(rows).toHaveLength(of.count + 1);
    expect(text).toBe(`\uFEFF${Papa.unparse(rows, { newline: "\r\n", escapeFormulae: false })}\r\n`);
  });
});

describe("signatoriesJson", () => {
  const data = JSON.parse(signatoriesJson(letter, SITE));

  it("matches schemas/signatories-export.schema.json", () => {
    const validate = new Ajv2020({ strict: true, allErrors: true }).compile(readSchema("signatories-export"));
    expect(validate(data), JSON.stringify(validate.errors)).toBe(true);
  });

  it("keeps names exactly as written (JSON is not opened by spreadsheets) and counts everyone", () => {
    expect(data.count).toBe(6);
    expect(data.signatories).toHaveLength(6);
    expect(data.signatories.map((s: { name: string }) => s.name).slice(0, 5).sort()).toEqual([...hostile].sort());
    expect(data.letter).toEqual({ slug: "test-letter", title: "Test letter", url: "https://example.github.io/repo-name/letters/test-letter/", lang: "en", asOf: "2024-01-03" });
  });

  it("leaves a signatory's absent fields out rather than writing them as null", () => {
    const ada = data.signatories.find((s: { id: string }) => s.id === "ada");
    expect(Object.keys(ada)).toEqual(["id", "name", "type", "scope", "affiliation", "role", "signed", "address"]);
  });

  it.each([
    ["several pieces", large],
    ["no signatory", empty],
  ])("is, in pieces, what JSON.stringify writes of the whole export at once, indented one space: %s", (_, of) => {
    const text = [...signatoriesJsonPieces(of, SITE)].join("");
    const whole = JSON.parse(text);
    expect(whole.signatories).toHaveLength(of.count);
    expect(text).toBe(`${JSON.stringify(whole, null, 1)}\n`);
  });
});
