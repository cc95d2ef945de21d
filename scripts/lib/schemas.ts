import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Ajv2020 } from "ajv/dist/2020.js";
import type { ErrorObject, ValidateFunction } from "ajv";

/** The JSON Schemas of Undersigned, by name (file `schemas/<name>.schema.json`). */
export type SchemaName = "letter" | "signatory" | "settings" | "translation" | "signatories-export";

/** A validating function for each schema, by name. */
export type Validators = Record<SchemaName, ValidateFunction>;

const SCHEMA_DIR = fileURLToPath(new URL("../../schemas/", import.meta.url));
/** Where validators compiled from the schemas are kept, so that the next process need not compile them. */
export const VALIDATOR_CACHE_DIR = fileURLToPath(new URL("../../node_modules/.cache/undersigned/validators/", import.meta.url));
// The schemas are not checked against JSON Schema's own meta-schema here: compiling it took 95 ms of
// every command and every worker thread, about a fifth of checking one file. test/lib/schemas.test.ts
// checks them instead, and strict mode still refuses an unknown keyword.
// Ajv checks an enum of `loopEnum` values or more by calling a deep equality on each in turn, else with
// one expression of `===`: the country codes (249) went through the loop, a third of the time of
// checking a signatory file against its schema (docs/performance.md).
const AJV_OPTIONS = { allErrors: true, strict: true, strictRequired: false, useDefaults: true, validateSchema: false, loopEnum: 1000 } as const;

// Ajv is loaded only when the validators must be compiled: loading it and compiling the schemas took
// 80-140 ms of every process and every worker thread, and reading the compiled code back takes 7-9 ms.
const require = createRequire(import.meta.url);
let validators: Validators | undefined;

/**
 * Reads a schema file as a plain object (for its enums and descriptions).
 * @example readSchema("signatory").properties.country.enum
 */
export function readSchema(name: SchemaName): Record<string, any> {
  return JSON.parse(readFileSync(`${SCHEMA_DIR}${name}.schema.json`, "utf8")) as Record<string, any>;
}

/**
 * Validates data against a schema, collecting all errors. Fills in schema defaults (such as a
 * letter's `lang`). The validators are compiled once, then kept in VALIDATOR_CACHE_DIR.
 * @example validateAgainst("signatory", { name: "ACME" }) // [{ keyword: "required", … }, …]
 */
export function validateAgainst(name: SchemaName, data: unknown): ErrorObject[] {
  validators ??= cachedValidators(VALIDATOR_CACHE_DIR);
  const validate = validators[name];
  return validate(data) ? [] : [...(validate.errors ?? [])];
}

/**
 * The validators, read from `cacheDir` when they were compiled there from exactly these schemas by
 * this version of Ajv, else compiled and written there for the next process, in place of any others.
 * @example cachedValidators(VALIDATOR_CACHE_DIR).signatory({ name: "ACME" }) // false
 */
export function cachedValidators(cacheDir: string): Validators {
  const schemas = readSchemaTexts();
  const ajvVersion = (require("ajv/package.json") as { version: string }).version;
  const key = createHash("sha256").update(JSON.stringify({ ajvVersion, AJV_OPTIONS, schemas })).digest("hex").slice(0, 16);
  const file = join(cacheDir, `${key}.cjs`);
  try {
    return require(file) as Validators;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "MODULE_NOT_FOUND") throw error;
  }
  const { validators: compiled, code } = compileValidators(schemas);
  try {
    mkdirSync(cacheDir, { recursive: true });
    // Written aside and renamed into place: a process starting meanwhile never reads half a file.
    const staging = `${file}.${process.pid}-${Date.now()}`;
    writeFileSync(staging, code);
    renameSync(staging, file);
    // Validators of schemas as they were are never read again. A process that still wanted one
    // compiles its own; one that has read it keeps it in memory.
    for (const other of readdirSync(cacheDir)) if (join(cacheDir, other) !== file) rmSync(join(cacheDir, other), { force: true });
  } catch {
    // The cache only saves time: a read-only installation validates all the same.
  }
  return compiled;
}

/**
 * Compiles the schemas (file name without `.schema.json` → text) with Ajv, returning the validators
 * and their code as a CommonJS module that exports them by the same names.
 * @example compileValidators(readSchemaTexts()).validators.letter
 */
export function compileValidators(schemas: Readonly<Record<string, string>>): { validators: Validators; code: string } {
  const { Ajv2020: Ajv } = require("ajv/dist/2020.js") as { Ajv2020: typeof Ajv2020 };
  const standaloneCode = (require("ajv/dist/standalone/index.js") as { default: (ajv: Ajv2020, refs: Record<string, string>) => string }).default;
  // Every schema is registered up front, because one may refer to another (a translation to the letter's fields).
  const ajv = new Ajv({ ...AJV_OPTIONS, code: { source: true } });
  const ids: Record<string, string> = {};
  for (const [name, text] of Object.entries(schemas)) {
    const schema = JSON.parse(text) as { $id: string };
    ajv.addSchema(schema);
    ids[name] = schema.$id;
  }
  const compiled = Object.fromEntries(Object.entries(ids).map(([name, id]) => [name, ajv.getSchema(id)!])) as Validators;
  return { validators: compiled, code: standaloneCode(ajv, ids) };
}

/**
 * The text of every schema file, by name.
 * @example readSchemaTexts().signatory // '{ "$schema": …'
 */
export function readSchemaTexts(): Record<string, string> {
  const texts: Record<string, string> = {};
  for (const file of readdirSync(SCHEMA_DIR).filter((f) => f.endsWith(".schema.json")).sort()) {
    texts[file.slice(0, -".schema.json".length)] = readFileSync(`${SCHEMA_DIR}${file}`, "utf8");
  }
  return texts;
}
