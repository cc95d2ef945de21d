import jsYaml from "js-yaml";
import { quoteValue } from "./quote.ts";
import { describeUnsafeCharacter, findUnsafeCharacter } from "./unsafe-characters.ts";
import { yamlLibrary } from "./yaml-library.ts";

/** A YAML text that cannot be accepted, with a 1-based position and a message for a person. */
export class YamlInputError extends Error {
  override readonly name = "YamlInputError";
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(message);
  }
}

// Every construct we refuse starts with one of these; files without them skip the lexer entirely.
const SUSPICIOUS = /[&*!%]|^(?:---|\.\.\.)/m;
// Raw control characters (tab, line feed and carriage return aside) that no text file needs.
const RAW_CONTROL = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F\uFFFE\uFFFF]/;
// Comments are only worth lexing for when the file has characters outside printable ASCII.
const UNUSUAL_CHARACTER = /[^\x20-\x7E\t\r\n]/;

/**
 * Parses one YAML document with the core schema (so `NO`, `yes` and `2014-10-09` stay strings),
 * refusing what a hand-written data file never needs and an attacker might use: anchors and aliases,
 * tags, directives, several documents, duplicate keys and empty files. Comments may not hide control,
 * bidi or invisible characters either: a reviewer reads them in the diff.
 * @throws {YamlInputError} with the line and column of the first problem.
 * @example parseYaml("name: ACME\n") // { name: "ACME" }
 */
export function parseYaml(text: string): unknown {
  if (/^\s*(?:#.*)?(?:\n\s*(?:#.*)?)*$/.test(text)) {
    throw new YamlInputError("the file is empty; write its fields one per line, such as name: Example Organisation", 1, 1);
  }
  if (SUSPICIOUS.test(text) || (text.includes("#") && UNUSUAL_CHARACTER.test(text))) refuseUnsafeTokens(text);
  const control = RAW_CONTROL.exec(text);
  if (control !== null) {
    const { line, column } = positionOf(text, control.index);
    const code = `U+${control[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;
    throw new YamlInputError(`this line contains a control character (${code}), which cannot be shown; delete it and retype the text around it`, line, column);
  }
  try {
    return jsYaml.load(text, { schema: jsYaml.CORE_SCHEMA, json: false });
  } catch (error) {
    if (error instanceof jsYaml.YAMLException) {
      throw new YamlInputError(explainYamlError(error.reason), (error.mark?.line ?? 0) + 1, (error.mark?.column ?? 0) + 1);
    }
    if (error instanceof RangeError) {
      throw new YamlInputError("the file is nested too deeply to be a signatory or letter; write each field on its own line", 1, 1);
    }
    throw error;
  }
}

function refuseUnsafeTokens(text: string): void {
  const { CST, Lexer } = yamlLibrary();
  let offset = 0;
  let contentSeen = false;
  for (const token of new Lexer().lex(text)) {
    const type = CST.tokenType(token);
    const message = unsafeTokenMessage(type, token, contentSeen);
    if (message !== undefined) {
      const { line, column } = positionOf(text, offset);
      throw new YamlInputError(message, line, column);
    }
    if (type === "comment") refuseUnsafeComment(text, token, offset);
    if (type === "scalar" || type === "flow-map-start" || type === "flow-seq-start" || type === "seq-item-ind") contentSeen = true;
    // The lexer emits one-character control tokens that are not part of the source text.
    if (!(token.length === 1 && token < " " && token !== "\n" && token !== "\t")) offset += token.length;
  }
}

function refuseUnsafeComment(text: string, comment: string, offset: number): void {
  // A tab in a comment is harmless and common; every other control character is not.
  const found = findUnsafeCharacter(comment.replace(/\t/g, " ").replace(/\r$/, ""));
  if (found === undefined) return;
  const index = [...comment].slice(0, found.position).join("").length;
  const { line, column } = positionOf(text, offset + index);
  throw new YamlInputError(`this comment ${describeUnsafeCharacter(found)}`, line, column);
}

function unsafeTokenMessage(type: string | null | undefined, token: string, contentSeen: boolean): string | undefined {
  switch (type) {
    case "anchor":
      return `anchors such as ${quoteValue(token)} are not allowed; write the value out in full`;
    case "alias":
      return `aliases such as ${quoteValue(token)} are not allowed; write the value out in full`;
    case "tag":
      return `tags such as ${quoteValue(token)} are not allowed; delete ${quoteValue(token)} and leave the plain value`;
    case "directive-line":
      return "directives such as %YAML are not allowed; delete this line";
    case "doc-start":
      return contentSeen ? "only one document is allowed per file; delete this --- line and everything after it that belongs to another entry" : undefined;
    case "doc-end":
      return "the end-of-document marker ... is not allowed; delete this line";
    default:
      return undefined;
  }
}

function positionOf(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf("\n"); i !== -1 && i < offset; i = text.indexOf("\n", i + 1)) {
    line += 1;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

// js-yaml's reasons are written for programmers; these are the ones people actually hit.
function explainYamlError(reason: string): string {
  if (reason.startsWith("duplicated mapping key")) return "this field appears twice; keep only one of them";
  if (reason.includes("maxDepth")) return "the file is nested too deeply to be a signatory or letter; write each field on its own line";
  if (reason.includes("tab")) return "tab characters cannot be used for indentation in YAML; use spaces instead";
  if (reason.includes("bad indentation")) return "the indentation of this line is wrong; line it up with the field above it";
  if (reason.includes("expected a single document")) return "only one document is allowed per file; delete the --- line and everything after it";
  if (reason.includes("unknown tag")) return "tags such as !!str are not allowed; delete the tag and leave the plain value";
  if (reason.includes("end of the stream or a document separator is expected")) {
    return "this line is not valid YAML; write each field as name: value on its own line, and put values containing a colon in quotes";
  }
  return `this is not valid YAML (${reason}); check the quotes and indentation on this line`;
}
