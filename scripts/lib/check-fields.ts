import type { ErrorObject } from "ajv/dist/2020.js";
import { locate, type PathSegment } from "./locate.ts";
import { curlyQuoted, curlyQuotesMessage } from "./parse-yaml.ts";
import { problem } from "./problem.ts";
import { schemaMessages, fieldLabel } from "./schema-messages.ts";
import type { Problem } from "./types.ts";
import { describeUnsafeCharacter, findUnsafeCharacter } from "./unsafe-characters.ts";
import { tidyText } from "./normalise.ts";

/** Where a parsed YAML value came from: the file, its text, and how many lines precede the YAML. */
export interface YamlSource {
  file: string;
  text: string;
  /** Lines before the YAML text in the file (1 for front matter after its opening `---`). */
  lineOffset: number;
}

/**
 * Locates a path in a YAML source and builds a problem there.
 * @example problemAt(source, ["country"], "value", '"country" must be …')
 */
export function problemAt(source: YamlSource, path: readonly PathSegment[], at: "value" | "key", message: string | ((raw: string | undefined) => string), severity: Problem["severity"] = "error"): Problem {
  const where = locate(source.text, path, at);
  const text = typeof message === "string" ? message : message(where.raw);
  return problem(severity, source.file, text, where.line + source.lineOffset, where.column);
}

/**
 * Turns schema errors into located problems.
 * @example schemaProblems(source, errors, data, ["name", "type"])
 */
export function schemaProblems(source: YamlSource, errors: readonly ErrorObject[], data: unknown, allowedFields: readonly string[]): Problem[] {
  return schemaMessages(errors, data, allowedFields).map((m) => problemAt(source, m.path, m.at, m.message));
}

/**
 * Tidies every string in parsed data in place (trimmed, NFC) and reports strings that contain
 * control, bidi or invisible characters. Checks parsed values, so escapes such as "\u202E" are caught.
 * @example tidyAndCheckStrings(source, data) // [] when every string is clean
 */
export function tidyAndCheckStrings(source: YamlSource, data: unknown): Problem[] {
  const problems: Problem[] = [];
  const visit = (node: unknown, path: PathSegment[]): unknown => {
    if (typeof node === "string") {
      const found = findUnsafeCharacter(node);
      if (found !== undefined) problems.push(problemAt(source, path, "value", `${fieldLabel(path)} ${describeUnsafeCharacter(found)}`));
      return tidyText(node);
    }
    if (Array.isArray(node)) {
      node.forEach((item, i) => (node[i] = visit(item, [...path, i])));
    } else if (node !== null && typeof node === "object") {
      const record = node as Record<string, unknown>;
      for (const key of Object.keys(record)) {
        const keyProblem = findUnsafeCharacter(key);
        if (keyProblem !== undefined) problems.push(problemAt(source, [...path, key], "key", `the field name ${describeUnsafeCharacter(keyProblem)}`));
        const tidied = visit(record[key], [...path, key]);
        // Assigning to "__proto__" would replace the object's prototype; define it as plain data instead.
        if (key === "__proto__") Object.defineProperty(record, key, { value: tidied, enumerable: true, writable: true, configurable: true });
        else record[key] = tidied;
      }
    }
    return node;
  };
  visit(data, []);
  return problems;
}

/**
 * Reports every text value written between curly quotes (`name: “Acme”`), and puts the text between
 * them in its place, so that the schema and the rules after it judge what the person meant.
 * @example unwrapCurlyQuotes(source, { name: "“Acme”" }) // one problem; the data is now { name: "Acme" }
 */
export function unwrapCurlyQuotes(source: YamlSource, data: unknown): Problem[] {
  const problems: Problem[] = [];
  const visit = (node: unknown, path: PathSegment[]): void => {
    if (node === null || typeof node !== "object") return;
    const record = node as Record<string | number, unknown>;
    for (const key of Object.keys(record)) {
      const value = record[key];
      const at = Array.isArray(node) ? Number(key) : key;
      const curly = typeof value === "string" ? curlyQuoted(value) : undefined;
      if (curly === undefined) {
        visit(value, [...path, at]);
        continue;
      }
      problems.push(problemAt(source, [...path, at], "value", curlyQuotesMessage(fieldLabel([...path, at]), typeof at === "string" ? `${at}: ` : "- ", curly.inner)));
      record[key] = curly.inner;
    }
  };
  visit(data, []);
  return problems;
}

/**
 * Reports a date string that matches YYYY-MM-DD but is not a real day (2014-02-31).
 * @example isRealDate("2014-02-31") // false
 */
export function isRealDate(value: string): boolean {
  const y = Number(value.slice(0, 4));
  const m = Number(value.slice(5, 7));
  const d = Number(value.slice(8, 10));
  const daysInMonth = m === 2 ? (y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31;
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth;
}
