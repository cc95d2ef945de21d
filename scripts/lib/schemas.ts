import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Ajv2020, type ErrorObject, type ValidateFunction } from "ajv/dist/2020.js";

/** The JSON Schemas of Undersigned, by name (file `schemas/<name>.schema.json`). */
export type SchemaName = "letter" | "signatory" | "settings" | "translation" | "signatories-export";

const SCHEMA_DIR = fileURLToPath(new URL("../../schemas/", import.meta.url));

let ajv: Ajv2020 | undefined;
const compiled = new Map<SchemaName, ValidateFunction>();

/**
 * Reads a schema file as a plain object (for its enums and descriptions).
 * @example readSchema("signatory").properties.country.enum
 */
export function readSchema(name: SchemaName): Record<string, any> {
  return JSON.parse(readFileSync(`${SCHEMA_DIR}${name}.schema.json`, "utf8")) as Record<string, any>;
}

/**
 * Validates data against a schema, compiling each schema once per process and collecting all errors.
 * Fills in schema defaults (such as a letter's `lang`).
 * @example validateAgainst("signatory", { name: "ACME" }) // [{ keyword: "required", … }, …]
 */
export function validateAgainst(name: SchemaName, data: unknown): ErrorObject[] {
  let validate = compiled.get(name);
  if (validate === undefined) {
    ajv ??= createAjv();
    validate = ajv.getSchema(readSchema(name).$id as string)!;
    compiled.set(name, validate);
  }
  return validate(data) ? [] : [...(validate.errors ?? [])];
}

// Every schema is registered up front, because one may refer to another (a translation to the letter's fields).
// The schemas are not checked against JSON Schema's own meta-schema here: compiling it took 95 ms of
// every command and every worker thread, about a fifth of checking one file. test/lib/schemas.test.ts
// checks them instead, and strict mode still refuses an unknown keyword.
function createAjv(): Ajv2020 {
  const instance = new Ajv2020({ allErrors: true, strict: true, strictRequired: false, useDefaults: true, validateSchema: false });
  for (const file of readdirSync(SCHEMA_DIR).filter((f) => f.endsWith(".schema.json"))) {
    instance.addSchema(JSON.parse(readFileSync(`${SCHEMA_DIR}${file}`, "utf8")) as object);
  }
  return instance;
}
