import { stringify } from "yaml";
import { SIGNATORIES_DIR } from "../load-repository.ts";
import { parseYaml } from "../parse-yaml.ts";
import { formatProblem } from "../problem.ts";
import { readSchema } from "../schemas.ts";
import type { Problem, SignatoryFields } from "../types.ts";
import { checkSignatoryText } from "../validate-signatory.ts";
import { CliError } from "./cli-error.ts";

/** Fields in the order the schema lists them, which is also the order people read them in. */
const FIELD_ORDER = Object.keys(readSchema("signatory").properties as object) as (keyof SignatoryFields)[];

/**
 * Writes a signatory's fields as the text of its YAML file, one field per line in schema order.
 * A value is written plain when the project's own YAML reader reads it back unchanged, and
 * double-quoted otherwise (`NO`, `1_000`, `null`, a leading `#`…).
 * @example signatoryText({ name: "ACME", type: "organisation", country: "KE", signed: "2024-03-05" })
 */
export function signatoryText(fields: SignatoryFields): string {
  const lines: string[] = [];
  for (const key of FIELD_ORDER) {
    const value = fields[key];
    if (value === undefined) continue;
    if (typeof value === "object") {
      lines.push(`${key}:`);
      for (const [inner, innerValue] of Object.entries(value)) lines.push(`  ${inner}: ${scalar(String(innerValue))}`);
    } else {
      lines.push(`${key}: ${scalar(value)}`);
    }
  }
  return `${lines.join("\n")}\n`;
}

function scalar(value: string): string {
  const plain = stringify(value, { lineWidth: 0 }).replace(/\n$/, "");
  if (!plain.includes("\n") && readsBackAs(plain, value)) return plain;
  return JSON.stringify(value);
}

function readsBackAs(written: string, value: string): boolean {
  try {
    const data = parseYaml(`v: ${written}\n`) as { v?: unknown };
    return data.v === value;
  } catch {
    return false;
  }
}

/**
 * Repository-relative path of a signatory file.
 * @example signatoryFile("itu-pp14-openness", "acme") // "signatories/itu-pp14-openness/acme.yaml"
 */
export function signatoryFile(letter: string, slug: string): string {
  return `${SIGNATORIES_DIR}/${letter}/${slug}.yaml`;
}

/**
 * Checks a signatory file's text with the real validator and returns the problems, each as the
 * validator prints it.
 * @example signatoryTextProblems("signatories/x/acme.yaml", text) // []
 */
export function signatoryTextProblems(file: string, text: string): Problem[] {
  return checkSignatoryText(file, text).problems;
}

/**
 * Checks one field's value the way the validator would, inside an otherwise valid file, so a prompt
 * can say what is wrong before the whole file is written. Returns the validator's message, without
 * the file location, or `undefined` when the value is fine.
 * @example checkFieldValue("url", "http://x.org") // '"url" must start with https:// …'
 */
export function checkFieldValue(field: "name" | "url" | "affiliation" | "role" | "github" | "signed", value: string): string | undefined {
  const fields: SignatoryFields = { name: "Example", type: "individual", scope: "global", signed: "2000-01-01", [field]: value };
  const text = signatoryText(fields);
  const lineOfField = text.split("\n").findIndex((l) => l.startsWith(`${field}:`)) + 1;
  const found = checkSignatoryText(signatoryFile("letter", "check"), text).problems.find((p) => p.line === lineOfField);
  return found?.message;
}

/**
 * Validates a new signatory file's text with the real validator before anything is written.
 * @throws {CliError} carrying every validator message.
 * @example assertValidSignatoryText(file, text)
 */
export function assertValidSignatoryText(file: string, text: string): void {
  const problems = signatoryTextProblems(file, text).filter((p) => p.severity === "error");
  if (problems.length > 0) {
    throw new CliError("invalid", `The signatory would not pass validation, so ${file} was not written:`, problems.map((p) => formatProblem(p)));
  }
}
