// The exports of the built example site, read back with a CSV parser and JSON.parse and compared with
// the signatory files on disk as the loader reads them. A copy of the example gets a few names a
// spreadsheet would run as formulas, so that the CSV's neutralising is checked on real output.
import { cp, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import { loadRepository } from "../../scripts/lib/load-repository.ts";
import { readSchema } from "../../scripts/lib/schemas.ts";
import type { Repository, Signatory } from "../../scripts/lib/types.ts";
import { PROJECT_ROOT, runScript, tempDir, type RunResult } from "../helpers/run.ts";

const PREFIX = "/undersigned/";
const SITE_URL = `https://undersigned.github.io${PREFIX}`;
const LETTER = "itu-pp14-openness";
/** Names a spreadsheet would run, added to the copy of the example; their slugs are the keys. */
const FORMULA_NAMES: Record<string, string> = {
  "formula-equals": '=HYPERLINK("https://evil.example","Click")',
  "formula-plus": "+Plus Network",
  "formula-minus": "-Minus Collective",
  "formula-at": "@Handle Foundation",
};
/** A cell a spreadsheet would run starts with one of these (see docs/decisions.md, Exports). */
const FORMULA_START = /^[=+\-@\t\r]/;

type CsvRow = Record<string, string>;
interface JsonExport {
  count: number;
  letter: { slug: string };
  signatories: Array<Record<string, string>>;
}

let root: string;
let output: string;
let build: RunResult;
let repo: Repository;

/** A cell as the CSV must hold it: formula-looking text behind an apostrophe, the rest unchanged. */
function csvCell(value: string | undefined): string {
  if (value === undefined) return "";
  return FORMULA_START.test(value) ? `'${value}` : value;
}

function bySlug(signatories: readonly Signatory[]): Map<string, Signatory> {
  return new Map(signatories.map((s) => [s.slug, s]));
}

beforeAll(async () => {
  root = await tempDir("undersigned-exports-");
  await cp(join(PROJECT_ROOT, "settings.yaml"), join(root, "settings.yaml"));
  await cp(join(PROJECT_ROOT, "content", "letters"), join(root, "content", "letters"), { recursive: true });
  await cp(join(PROJECT_ROOT, "signatories"), join(root, "signatories"), { recursive: true });
  for (const [slug, name] of Object.entries(FORMULA_NAMES)) {
    await writeFile(join(root, "signatories", LETTER, `${slug}.yaml`), `name: ${JSON.stringify(name)}\ntype: organisation\ncountry: KE\nsigned: 2014-10-20\n`);
  }
  output = await tempDir("undersigned-exports-site-");
  build = await runScript("build", ["--root", root, "--output", output, `--pathprefix=${PREFIX}`, "--quiet"]);
  repo = await loadRepository(root);
});

describe("the exports of the example site, read back", () => {
  it("come from a clean build of valid content", () => {
    expect(build.stderr).toBe("");
    expect(build.code).toBe(0);
    expect(repo.problems.filter((p) => p.severity === "error")).toEqual([]);
    expect(repo.letters.map((l) => l.slug)).toContain(LETTER);
  });

  it("list in signatories.csv every signatory on disk exactly once and nothing else, formulas neutralised", async () => {
    for (const letter of repo.letters) {
      const onDisk = bySlug(repo.signatories.get(letter.slug) ?? []);
      const rows = parse(await readFile(join(output, "letters", letter.slug, "signatories.csv"), "utf8"), { bom: true, columns: true }) as CsvRow[];
      const ids = rows.map((r) => r.id);
      expect(new Set(ids).size).toBe(ids.length);
      expect([...ids].sort()).toEqual([...onDisk.keys()].sort());
      for (const row of rows) {
        const s = onDisk.get(row.id!)!;
        expect(row).toEqual({
          id: s.slug,
          name: csvCell(s.name),
          type: s.type,
          country: s.country ?? "",
          scope: s.scope ?? "",
          affiliation: csvCell(s.affiliation),
          role: csvCell(s.role),
          url: s.url ?? "",
          signed: s.signed,
          verified: s.verified === undefined ? "" : `${s.verified.method} by ${s.verified.by} on ${s.verified.date}`,
          address: `${SITE_URL}letters/${letter.slug}/#${s.slug}`,
        });
      }
    }
  });

  it("neutralises each formula-looking name in the CSV with a leading apostrophe", async () => {
    const rows = parse(await readFile(join(output, "letters", LETTER, "signatories.csv"), "utf8"), { bom: true, columns: true }) as CsvRow[];
    const names = Object.fromEntries(rows.filter((r) => r.id!.startsWith("formula-")).map((r) => [r.id, r.name]));
    expect(names).toEqual({
      "formula-equals": `'=HYPERLINK("https://evil.example","Click")`,
      "formula-plus": "'+Plus Network",
      "formula-minus": "'-Minus Collective",
      "formula-at": "'@Handle Foundation",
    });
  });

  it("list in signatories.json, valid against its schema, every signatory on disk exactly once with its name unchanged", async () => {
    const validate = new Ajv2020({ strict: true, allErrors: true }).compile(readSchema("signatories-export"));
    for (const letter of repo.letters) {
      const onDisk = bySlug(repo.signatories.get(letter.slug) ?? []);
      const data = JSON.parse(await readFile(join(output, "letters", letter.slug, "signatories.json"), "utf8")) as JsonExport;
      expect(validate(data), JSON.stringify(validate.errors)).toBe(true);
      expect(data.letter.slug).toBe(letter.slug);
      expect(data.count).toBe(onDisk.size);
      const ids = data.signatories.map((s) => s.id!);
      expect(new Set(ids).size).toBe(ids.length);
      expect([...ids].sort()).toEqual([...onDisk.keys()].sort());
      for (const exported of data.signatories) {
        const s = onDisk.get(exported.id!)!;
        expect(exported.name).toBe(s.name);
        expect([exported.type, exported.country, exported.scope, exported.affiliation, exported.role, exported.url, exported.signed]).toEqual([s.type, s.country, s.scope, s.affiliation, s.role, s.url, s.signed]);
        expect(exported.address).toBe(`${SITE_URL}letters/${letter.slug}/#${s.slug}`);
      }
    }
    const json = JSON.parse(await readFile(join(output, "letters", LETTER, "signatories.json"), "utf8")) as JsonExport;
    expect(json.signatories.filter((s) => s.id!.startsWith("formula-")).map((s) => s.name).sort()).toEqual(Object.values(FORMULA_NAMES).sort());
  });
});
