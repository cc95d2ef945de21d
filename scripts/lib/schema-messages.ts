import type { ErrorObject } from "ajv/dist/2020.js";
import type { PathSegment } from "./locate.ts";
import { quoteValue } from "./quote.ts";

/** A schema error turned into words: where it points (value or key) and what to do about it. */
export interface FieldMessage {
  path: PathSegment[];
  at: "value" | "key";
  /** The message; given the value's source text when the words depend on how it was written. */
  message: string | ((raw: string | undefined) => string);
}

/** Per-field help for values that fail `enum` or `pattern`: what a correct value looks like. */
const EXPECTED: Record<string, string> = {
  country: "must be a two-letter ISO 3166-1 code such as KE or BR",
  scope: "must be global, international or regional",
  type: "must be organisation or individual",
  status: "must be open or closed",
  signed: "must be a date written YYYY-MM-DD, such as 2014-10-09",
  date: "must be a date written YYYY-MM-DD, such as 2014-10-09",
  closes: "must be a date written YYYY-MM-DD, such as 2014-10-31",
  url: "must start with https://",
  github: "must be a GitHub username (letters, digits and single hyphens), without the @",
  lang: "must be a language tag such as en, es or pt-BR",
  method: "must be github, email, domain or maintainer",
  by: "must be the GitHub login of the maintainer who verified it (letters, digits and single hyphens, without the @)",
};

/** An example line for each field that can be missing. */
const EXAMPLE: Record<string, string> = {
  name: "name: Example Organisation",
  type: "type: organisation",
  signed: "signed: 2014-10-09",
  title: "title: Open letter on …",
  date: "date: 2014-10-08",
  to: "to: followed by a list of addressees, each with a name",
  from: "from: a group of civil society organisations",
  summary: "summary: One or two sentences about the letter.",
  status: "status: open",
  lang: "lang: es",
};

/**
 * Turns ajv's errors into one message per problem, in words a non-programmer can act on.
 * `data` is the validated object, used to explain errors that depend on several fields.
 * @example schemaMessages(errors, data, ["name", "type"]) // [{ path: ["country"], … }]
 */
export function schemaMessages(errors: readonly ErrorObject[], data: unknown, allowedFields: readonly string[]): FieldMessage[] {
  const messages: FieldMessage[] = [];
  const seen = new Set<string>();
  for (const error of errors) {
    // Errors inside oneOf branches are explained once, by the oneOf error itself.
    if (/\/oneOf\/\d+\//.test(error.schemaPath)) continue;
    for (const message of explain(error, data, allowedFields)) {
      const key = `${message.path.join("/")}|${String(message.message)}`;
      if (!seen.has(key)) {
        seen.add(key);
        messages.push(message);
      }
    }
  }
  return messages;
}

function explain(error: ErrorObject, data: unknown, allowedFields: readonly string[]): FieldMessage[] {
  const path = pointerToPath(error.instancePath);
  const label = fieldLabel(path);
  const field = String(path.at(-1) ?? "");
  const value = valueAt(data, path);
  switch (error.keyword) {
    case "required": {
      const missing = String(error.params.missingProperty);
      const example = EXAMPLE[missing] ? `; add a line such as ${EXAMPLE[missing]}` : "";
      return [{ path, at: "value", message: `${fieldLabel([...path, missing])} is missing${example}` }];
    }
    case "additionalProperties": {
      const extra = String(error.params.additionalProperty);
      const hint = /mail/i.test(extra)
        ? "e-mail addresses must never be put in this public repository; delete this line"
        : path.length === 0
          ? `delete it or check its spelling (allowed fields: ${allowedFields.join(", ")})`
          : "delete it or check its spelling";
      return [{ path: [...path, extra], at: "key", message: `${fieldLabel([...path, extra])} is not a known field; ${hint}` }];
    }
    case "type":
      return [{ path, at: "value", message: typeMessage(label, field, error.params.type as string, value) }];
    case "enum":
    case "const":
    case "pattern":
      return [{ path, at: "value", message: `${label} ${EXPECTED[field] ?? "has a value that is not allowed"} (got ${quoteValue(value)})` }];
    case "minLength":
      return [{ path, at: "value", message: `${label} must not be empty` }];
    case "maxLength":
      return [{ path, at: "value", message: `${label} is too long: at most ${error.params.limit} characters (got ${[...String(value)].length})` }];
    case "minItems":
      return [{ path, at: "value", message: `${label} must list at least ${error.params.limit} ${error.params.limit === 1 ? "entry" : "entries"}` }];
    case "maxItems":
      return [{ path, at: "value", message: `${label} lists too many entries: at most ${error.params.limit}` }];
    case "uniqueItems":
      return [{ path: [...path, error.params.j as number], at: "value", message: `${label} lists the same entry twice; delete one` }];
    case "oneOf":
      return [oneOfCountryOrScope(path, value)];
    case "not":
      return individualOnlyFields(path, value);
    case "if":
      return [];
    default:
      return [{ path, at: "value", message: `${label} is not valid (${error.message ?? error.keyword})` }];
  }
}

function typeMessage(label: string, field: string, expected: string, value: unknown): FieldMessage["message"] {
  const want = { string: "text", array: "a list", object: "a group of fields", number: "a number", integer: "a whole number", boolean: "true or false" }[expected] ?? expected;
  if (value === null) {
    return `${label} has no value; write it after the colon, e.g. ${EXAMPLE[field] ?? `${field}: …`}`;
  }
  if (expected === "string" && typeof value === "number" && EXPECTED[field]?.startsWith("must be a date")) {
    // Quotes would only turn 20260501 into text that is still not a date: show the date it likely is.
    return (raw) => {
      const written = raw ?? String(value);
      const digits = /^(\d{4})(\d{2})(\d{2})$/.exec(written);
      return `${label} ${EXPECTED[field]} (got ${written})${digits === null ? "" : `; write it with hyphens: ${field}: ${digits[1]}-${digits[2]}-${digits[3]}`}`;
    };
  }
  if (expected === "string" && (typeof value === "number" || typeof value === "boolean" || value === null)) {
    // YAML read `01234` as the number 1234: quote what was written, not what the parser made of it.
    return (raw) => {
      const written = raw ?? String(value);
      return `${label} must be text (got ${written}); put it in quotes: ${field}: "${written.replace(/["\\]/g, "")}"`;
    };
  }
  if (expected === "string" && value !== null && typeof value === "object") {
    // `name: [ACME]` is a list to YAML: the person only meant the brackets as part of the text.
    return (raw) => {
      const opened = FLOW_START[raw?.charAt(0) ?? ""];
      if (raw === undefined || opened === undefined) return `${label} must be ${want} (got ${quoteValue(value)})`;
      return `${label} must be text, but it starts with ${raw.charAt(0)}, which YAML reads as ${opened}; put the whole value in double quotes: ${field}: "${raw.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
    };
  }
  return `${label} must be ${want} (got ${quoteValue(value)})`;
}

/** What YAML makes of a value written on one line that starts with a bracket. */
const FLOW_START: Record<string, string> = { "[": "the start of a list", "{": "the start of a group of fields" };

function oneOfCountryOrScope(path: PathSegment[], value: unknown): FieldMessage {
  const hasCountry = isObject(value) && "country" in value;
  const hasScope = isObject(value) && "scope" in value;
  if (hasCountry && hasScope) {
    return { path: [...path, "scope"], at: "key", message: `use either "country" or "scope", not both; delete one of the two lines` };
  }
  return {
    path,
    at: "value",
    message: `"country" is missing; add a line such as country: KE (a two-letter ISO 3166-1 code), or scope: global, international or regional`,
  };
}

function individualOnlyFields(path: PathSegment[], value: unknown): FieldMessage[] {
  if (!isObject(value)) return [];
  return ["affiliation", "role"]
    .filter((field) => field in value)
    .map((field) => ({
      path: [...path, field],
      at: "key" as const,
      message: `"${field}" is only for individuals; delete this line, or change type to individual`,
    }));
}

/**
 * Names a field for a message: `"name"` at the top level, `"to" entry 1: "name"` inside lists.
 * @example fieldLabel(["to", 0, "name"]) // '"to" entry 1, "name"'
 */
export function fieldLabel(path: readonly PathSegment[]): string {
  if (path.length === 0) return "the file";
  // quoteValue shows a hostile key's bidi or control characters as escapes instead of obeying them.
  return path.map((segment) => (typeof segment === "number" ? `entry ${segment + 1}` : quoteValue(segment))).join(", ");
}

function pointerToPath(pointer: string): PathSegment[] {
  if (pointer === "") return [];
  return pointer
    .slice(1)
    .split("/")
    .map((part) => part.replace(/~1/g, "/").replace(/~0/g, "~"))
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

function valueAt(data: unknown, path: readonly PathSegment[]): unknown {
  let node = data;
  for (const segment of path) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<string | number, unknown>)[segment];
  }
  return node;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}
