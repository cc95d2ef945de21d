import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { cachedValidators, validateAgainst, type SchemaName, type Validators } from "../../scripts/lib/schemas.ts";
import { PROJECT_ROOT, tempDir } from "../helpers/run.ts";

const SCHEMA_DIR = join(PROJECT_ROOT, "schemas");
const files = readdirSync(SCHEMA_DIR).filter((f) => f.endsWith(".schema.json"));

describe("the JSON Schemas", () => {
  // The validator leaves this check out to start faster (scripts/lib/schemas.ts), so it is made here.
  it.each(files)("%s is valid JSON Schema 2020-12", (file) => {
    const meta = new Ajv2020({ strict: true, strictRequired: false });
    const valid = meta.validateSchema(JSON.parse(readFileSync(join(SCHEMA_DIR, file), "utf8")) as object);
    expect(meta.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it("finds none of these mistakes valid, as the meta-schema check would not either", () => {
    const meta = new Ajv2020();
    expect(meta.validateSchema({ type: "strnig" })).toBe(false);
    expect(meta.validateSchema({ properties: { name: { minLength: -1 } } })).toBe(false);
  });
});

describe("validateAgainst", () => {
  it("accepts a valid signatory and lists every error of an invalid one, not only the first", () => {
    expect(validateAgainst("signatory", { name: "ACME", type: "organisation", country: "FR", signed: "2024-01-02" })).toEqual([]);
    const errors = validateAgainst("signatory", { name: "", type: "company", signed: "2024-01-02" });
    expect(errors.map((e) => `${e.instancePath} ${e.keyword}`).sort()).toEqual([
      // Neither a country nor a scope: each of the two ways to give a place misses its field.
      " oneOf",
      " required",
      " required",
      "/name minLength",
      "/type enum",
    ]);
  });
});

describe("cachedValidators", () => {
  const addressee = { name: "Dr. A. Person" };
  const letter = { title: "T", date: "2014-10-09", to: [addressee], from: "groups", summary: "S", status: "open" };
  const inputs: [SchemaName, unknown][] = [
    ["signatory", { name: "ACME", type: "organisation", country: "FR", signed: "2024-01-02" }],
    ["signatory", { name: "", type: "company", signed: "2024-1-2", extra: true }],
    ["signatory", { name: "A", type: "individual", scope: "international", country: "FR", signed: "2024-01-02" }],
    ["signatory", "not an object"],
    ["letter", letter],
    ["letter", { ...letter, to: [], status: "shut", revisions: [{ date: "2024-01-02", summary: "x" }] }],
    ["translation", { lang: "fr", title: "T", summary: "S", to: [{ name: 3 }] }],
    ["settings", {}],
    ["settings", { title: 7 }],
    ["signatories-export", [{}]],
  ];
  // Each validator's verdict, its errors, and the data as it leaves it (with defaults filled in).
  const outcomes = (validators: Validators) =>
    inputs.map(([name, data]) => {
      const copy = structuredClone(data);
      const validate = validators[name];
      return { valid: validate(copy), errors: validate.errors ?? [], data: copy };
    });

  it("reads back validators that report exactly what freshly compiled ones report", async () => {
    const dir = await tempDir("undersigned-validators-");
    const compiled = cachedValidators(dir);
    expect(readdirSync(dir)).toEqual([expect.stringMatching(/^[0-9a-f]{16}\.cjs$/)]);
    const cached = cachedValidators(dir);
    expect(cached.signatory).not.toBe(compiled.signatory);
    const fresh = outcomes(compiled);
    expect(outcomes(cached)).toEqual(fresh);
    expect(fresh.map((o) => o.valid)).toEqual([true, false, false, false, true, false, false, false, false, false]);
    expect(fresh[4]!.data).toMatchObject({ lang: "en" });
    expect(fresh[5]!.data).toMatchObject({ revisions: [{ substantive: true }] });
  });

  it("keeps only the validators of the schemas as they are", async () => {
    const dir = await tempDir("undersigned-validators-");
    writeFileSync(join(dir, "0123456789abcdef.cjs"), "module.exports = {};\n");
    cachedValidators(dir);
    const kept = readdirSync(dir);
    expect(kept).toEqual([expect.stringMatching(/^[0-9a-f]{16}\.cjs$/)]);
    expect(kept).not.toContain("0123456789abcdef.cjs");
  });

  it("still validates when the cache cannot be written", async () => {
    const file = `${await tempDir("undersigned-validators-")}/a-file`;
    writeFileSync(file, "");
    expect(outcomes(cachedValidators(`${file}/validators`))).toEqual(outcomes(cachedValidators(await tempDir("undersigned-validators-"))));
  });
});
