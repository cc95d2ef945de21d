import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { validateAgainst } from "../../scripts/lib/schemas.ts";
import { PROJECT_ROOT } from "../helpers/run.ts";

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
