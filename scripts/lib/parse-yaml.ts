import jsYaml from "js-yaml";
import { MAX_QUOTED_VALUE_LENGTH } from "./limits.ts";
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
// A comment that starts with text straight after its "#" may have cut a value short (see checkDroppedText).
const HASH_AFTER_BLANK = /[ \t]#[^ \t\r\n]/;
// A top-level field whose value is a block of lines, written with | or >.
const TOP_LEVEL_BLOCK = /^([^\s#:'"-][^:\n]*):[ \t]+([|>])/m;

/**
 * Parses one YAML document with the core schema (so `NO`, `yes` and `2014-10-09` stay strings),
 * refusing what a hand-written data file never needs and an attacker might use: anchors and aliases,
 * tags, directives, several documents, duplicate keys and empty files. Comments may not hide control,
 * bidi or invisible characters either: a reviewer reads them in the diff. A value a comment cut short
 * (`name: ACME #1`) and a top-level field written over several lines (`name: >`) are refused too, and a
 * line YAML cannot read is explained by what is wrong on it, with the corrected line.
 * @throws {YamlInputError} with the line and column of the first problem.
 * @example parseYaml("name: ACME\n") // { name: "ACME" }
 */
export function parseYaml(text: string): unknown {
  if (/^\s*(?:#.*)?(?:\n\s*(?:#.*)?)*$/.test(text)) {
    throw new YamlInputError("the file is empty; write its fields one per line, such as name: Example Organisation", 1, 1);
  }
  if (SUSPICIOUS.test(text) || (text.includes("#") && (HASH_AFTER_BLANK.test(text) || UNUSUAL_CHARACTER.test(text)))) refuseUnsafeTokens(text);
  const control = RAW_CONTROL.exec(text);
  if (control !== null) {
    const { line, column } = positionOf(text, control.index);
    const code = `U+${control[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;
    throw new YamlInputError(`this line contains a control character (${code}), which cannot be shown; delete it and retype the text around it`, line, column);
  }
  let data: unknown;
  try {
    data = load(text);
  } catch (error) {
    if (error instanceof jsYaml.YAMLException) {
      const line = (error.mark?.line ?? 0) + 1;
      const found = isLineMistake(error.reason) ? findLineMistake(text, line) : undefined;
      if (found !== undefined) throw found;
      // js-yaml places an error at the end of the file on the line after the last one, which no editor shows.
      const last = contentLines(text).at(-1)?.number ?? 1;
      throw line > last ? new YamlInputError(explainYamlError(error.reason), last, 1) : new YamlInputError(explainYamlError(error.reason), line, (error.mark?.column ?? 0) + 1);
    }
    if (error instanceof RangeError) {
      throw new YamlInputError("the file is nested too deeply to be a signatory or letter; write each field on its own line", 1, 1);
    }
    throw error;
  }
  // The test for | or > first: the pattern tries every line of every file.
  if ((text.includes("|") || text.includes(">")) && TOP_LEVEL_BLOCK.test(text)) refuseFieldsOverSeveralLines(text, data);
  return data;
}

function load(text: string): unknown {
  return jsYaml.load(text, { schema: jsYaml.CORE_SCHEMA, json: false });
}

function refuseUnsafeTokens(text: string): void {
  const { CST, Lexer } = yamlLibrary();
  let offset = 0;
  let contentSeen = false;
  // Whether the token is the first of a value on the same line as its key, after "key: ".
  let afterColon = false;
  let plainNext = false;
  for (const token of new Lexer().lex(text)) {
    const type = CST.tokenType(token);
    if (type === "directive-line" && !afterColon && !/^[\n\uFEFF]?$/.test(text.charAt(offset - 1))) refuseSymbolInValue(text, offset);
    const message = afterColon && (type === "anchor" || type === "alias" || type === "tag" || type === "directive-line") ? symbolValueMessage(text, type, token, offset) : unsafeTokenMessage(type, token, contentSeen);
    if (message !== undefined) {
      const { line, column } = positionOf(text, offset);
      throw new YamlInputError(message, line, column);
    }
    if (type === "comment") {
      refuseUnsafeComment(text, token, offset);
      if (afterColon) checkDroppedText(text, offset, offset);
    }
    if (afterColon && plainNext && type === null) checkDroppedText(text, offset, offset + token.length);
    if (type === "scalar" || type === "flow-map-start" || type === "flow-seq-start" || type === "seq-item-ind") contentSeen = true;
    plainNext = type === "scalar";
    afterColon = type === "map-value-ind" || (afterColon && (type === "space" || type === "scalar"));
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

// A comment ends the value before it, so `name: ACME #1 foundation` silently becomes "ACME". A "#"
// followed straight by text (#1, #hashtag) is almost always part of the value and is refused; one
// followed by a space is a note, as in the template (`type: organisation   # or: individual`), and
// stays allowed, like a comment after a quoted value. `start` is where the value (or, when the
// comment comes straight after "key: ", the comment) starts; `end` where the lexer ended the value.
function checkDroppedText(text: string, start: number, end: number): void {
  const lineEnd = text.indexOf("\n", end) === -1 ? text.length : text.indexOf("\n", end);
  const rest = text.slice(start, lineEnd).replace(/\r$/, "");
  const cut = /(?:^|[ \t]+)#/.exec(rest);
  if (cut === null || /^[ \t]?$/.test(rest.charAt(cut.index + cut[0].length))) return;
  const kept = rest.slice(0, cut.index).trim().replace(/\s+/g, " ");
  // `to: #addressees` with the entries on the lines below is a note on a group, not a lost value.
  if (kept === "" && indentOfNextLine(text, lineEnd) > indentOf(text, start)) return;
  const dropped = rest.slice(cut.index + cut[0].length - 1).replace(/[ \t]+#(?:[ \t].*)?$/, "");
  const { prefix, key } = keyBefore(text, start);
  const curly = curlyQuoted(valueAt(text, start));
  if (curly !== undefined) {
    const { line, column } = positionOf(text, start);
    throw new YamlInputError(curlyQuotesMessage(quoteValue(key), prefix, curly.inner), line, column);
  }
  const head = kept === "" ? `${quoteValue(key)} has no value` : `${quoteValue(key)} stops at ${quoteValue(kept)}`;
  const whole = kept === "" ? dropped : `${kept} ${dropped}`;
  const { line, column } = positionOf(text, start);
  throw new YamlInputError(
    `${head}: in YAML, " #" starts a comment, so ${quoteValue(dropped)} was dropped; put the whole value in double quotes: ${prefix}${doubleQuoted(whole)} (if ${quoteValue(dropped)} is a note, write a space after the #)`,
    line,
    column,
  );
}

// What a YAML symbol at the start of a value makes of it, for people who only meant the character.
const SYMBOL_READ_AS: Record<string, string> = {
  "%": ", which YAML reads as a directive",
  "!": ", which YAML reads as a type tag",
  "*": ", which YAML reads as a reference to another value",
  "&": ", which YAML reads as a label for the value",
};

/**
 * Explains an anchor, alias, tag or directive that starts a value on a `key: value` line. Where the
 * value is meant as YAML (an anchor that an alias repeats, a !! tag), the feature's own refusal is
 * given; otherwise the person only wrote a name that starts with that character, so the fix is quotes.
 * Either way the file is refused: nothing here is ever expanded.
 */
function symbolValueMessage(text: string, type: string, token: string, offset: number): string | undefined {
  if ((type === "anchor" && text.includes(`*${token.slice(1)}`)) || (type === "tag" && /^!(?:!|<)/.test(token))) return unsafeTokenMessage(type, token, true);
  const { prefix } = keyBefore(text, offset);
  return needsQuotes(`it starts with ${token[0]}${SYMBOL_READ_AS[token[0]!] ?? ""}`, prefix, valueAt(text, offset));
}

/**
 * A % inside a value (`name: {% raw %}`) is no directive, though the lexer reads it as one: only a line
 * starting with % is. The value is explained by what it starts with, with the line corrected.
 */
function refuseSymbolInValue(text: string, offset: number): never {
  const lineStart = text.lastIndexOf("\n", offset - 1) + 1;
  const field = FIELD_START.exec(text.slice(lineStart, offset));
  if (field === null) {
    const { line, column } = positionOf(text, offset);
    throw new YamlInputError("this value cannot be read as text because of the % in it; put the whole value in double quotes", line, column);
  }
  const valueStart = lineStart + field[0].length;
  const value = valueAt(text, valueStart);
  const start = STARTS_WITH.find(([pattern]) => pattern.test(value))?.[1] ?? value.charAt(0);
  const { line, column } = positionOf(text, valueStart);
  throw new YamlInputError(needsQuotes(`it starts with ${start}`, keyBefore(text, valueStart).prefix, value), line, column);
}

// The start of a `key: ` line, after its indentation and any "- " of a list entry.
const FIELD_START = /^[ \t]*(?:-[ \t]+)*[^\s"'#:[\]{},?&*!|>%@`-][^:]*?:[ \t]+/;

/** A value between typographic quotes: the marks that open and close it, and the text between them. */
export interface CurlyQuoted {
  open: string;
  close: string;
  inner: string;
}

/**
 * For each mark that opens a quotation, the typographic marks that may close it (or a straight
 * quote, when only one end was turned curly) and, where the mark is not also an apostrophe or its own
 * closer, the marks that open a quotation inside it.
 */
const CURLY_QUOTES: Record<string, { closers: string; nested?: { open: string; close: string } }> = {
  "\u201C": { closers: '\u201D"', nested: { open: "\u201C", close: "\u201D" } },
  "\u201E": { closers: '\u201C\u201D"', nested: { open: "\u201E", close: "\u201C\u201D" } },
  "\u201D": { closers: '\u201D"' },
  "\u00AB": { closers: '\u00BB"', nested: { open: "\u00AB", close: "\u00BB" } },
  "\u00BB": { closers: "\u00AB\u00BB" },
  "\u2039": { closers: "\u203A" },
  "\u203A": { closers: "\u2039\u203A" },
  "\u2018": { closers: "\u2019'" },
  "\u201A": { closers: "\u2018\u2019" },
  "\u2019": { closers: "\u2019'" },
  '"': { closers: "\u201C\u201D" },
  "'": { closers: "\u2018\u2019" },
};

/**
 * The value's typographic quotes, when the whole value is between them (`“Acme”`, `„Acme“`, `«Acme»`,
 * `‘Acme’`): phones and word processors put them in place of straight quotes, and YAML keeps them
 * as part of the text. Quotes inside a name (`Fundación “Vida” Nueva`, `“Vida” y “Paz”`) are not.
 * @example curlyQuoted("“Acme”") // { open: "“", close: "”", inner: "Acme" }
 */
export function curlyQuoted(value: string): CurlyQuoted | undefined {
  const open = value.charAt(0);
  const close = value.charAt(value.length - 1);
  const quotes = CURLY_QUOTES[open];
  if (value.length < 2 || quotes === undefined || !quotes.closers.includes(close)) return undefined;
  const inner = value.slice(1, -1);
  if (quotes.nested !== undefined) {
    let depth = 0;
    for (const c of inner) {
      if (quotes.nested.open.includes(c)) depth += 1;
      else if (quotes.nested.close.includes(c) && --depth < 0) return undefined;
    }
  }
  return { open, close, inner: inner.trim() };
}

/**
 * What to do about a value between curly quotes, with the corrected line: `label` names the field
 * (`"name"`), `prefix` is the start of the line up to the value, such as `name: ` or `- name: `.
 * @example curlyQuotesMessage('"name"', "name: ", "Acme") // '"name" is written between curly quotes, … name: "Acme" (or delete them)'
 */
export function curlyQuotesMessage(label: string, prefix: string, inner: string): string {
  return `${label} is written between curly quotes, which YAML keeps as part of the text; replace them with straight quotes: ${prefix}${doubleQuoted(inner)} (or delete them)`;
}

function needsQuotes(reason: string, prefix: string, value: string): string {
  return `this value cannot be read as text because ${reason}; put the whole value in double quotes: ${prefix}${doubleQuoted(value)}`;
}

function doubleQuoted(value: string): string {
  return `"${value.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}

/** The start of the line up to `offset` (`name: ` or `- name: `), and the key in it. */
function keyBefore(text: string, offset: number): { prefix: string; key: string } {
  const prefix = text.slice(text.lastIndexOf("\n", offset - 1) + 1, offset).trimStart();
  const key = prefix.replace(/^(?:-[ \t]+)*/, "").replace(/:[ \t]*$/, "").replace(/^(["'])(.*)\1$/, "$2");
  return { prefix, key };
}

/** The value from `offset` to the end of its line, without a note comment after it. */
function valueAt(text: string, offset: number): string {
  const end = text.indexOf("\n", offset);
  return withoutNote(text.slice(offset, end === -1 ? text.length : end));
}

function withoutNote(value: string): string {
  return value.replace(/\r$/, "").replace(/[ \t]+#(?:[ \t].*)?$/, "").trimEnd();
}

function indentOf(text: string, offset: number): number {
  const lineStart = text.lastIndexOf("\n", offset - 1) + 1;
  return /^ */.exec(text.slice(lineStart))![0].length;
}

/** Indentation of the next line after `lineEnd` with content, or -1 when there is none. */
function indentOfNextLine(text: string, lineEnd: number): number {
  const next = /\n( *)[^\s#]/.exec(text.slice(lineEnd));
  return next === null ? -1 : next[1]!.length;
}

function refuseFieldsOverSeveralLines(text: string, data: unknown): void {
  if (data === null || typeof data !== "object" || Array.isArray(data)) return;
  for (const match of text.matchAll(new RegExp(TOP_LEVEL_BLOCK, "gm"))) {
    const key = match[1]!.trimEnd();
    const value = (data as Record<string, unknown>)[key];
    // The block's own line break at its end counts too: the person only meant to wrap a long value.
    if (typeof value !== "string" || !/[\n\r]/.test(value)) continue;
    const { line, column } = positionOf(text, match.index + match[0].length - 1);
    const oneLine = value.trim().replace(/\s+/g, " ");
    const example = [...oneLine].length <= MAX_QUOTED_VALUE_LENGTH ? `: ${key}: ${readsBackPlain(key, oneLine) ? oneLine : doubleQuoted(oneLine)}` : `, after "${key}:", without the ${match[2]}`;
    throw new YamlInputError(`${quoteValue(key)} is written over several lines; write it on one line${example}`, line, column);
  }
}

function readsBackPlain(key: string, value: string): boolean {
  try {
    const data = load(`${key}: ${value}\n`) as Record<string, unknown> | null;
    return data?.[key] === value;
  } catch {
    return false;
  }
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

// Reasons whose own message already names the fix; for the others, the line at fault is looked for.
function isLineMistake(reason: string): boolean {
  return !/duplicated mapping key|maxDepth|tab|expected a single document|unknown tag/.test(reason);
}

/** A line with content: its 1-based number, its text, its indentation and, after any "- ", its body. */
interface ContentLine {
  number: number;
  text: string;
  indent: number;
  /** Where the body starts, 0-based: after the indentation and any "- " of a list entry. */
  column: number;
  body: string;
}

/** The last `key: value` line read, which the next line must line up with. */
interface KeyLine {
  line: ContentLine;
  key: string;
  value: string;
}

// Fields that hold a GitHub login: people write it with its @, which YAML cannot read.
const LOGIN_FIELDS = new Set(["github", "by"]);

/**
 * Looks for the line a person got wrong, up to the line js-yaml stopped at (which is often the
 * next one): a missing colon, a space too many at the start, or a value YAML cannot read as text.
 * Reads each line on its own, so it gives up (undefined) where a value may run over several lines.
 */
function findLineMistake(text: string, errorLine: number): YamlInputError | undefined {
  const lines = contentLines(text);
  let previous: KeyLine | undefined;
  let blockIndent: number | undefined;
  for (const [i, line] of lines.entries()) {
    if (line.number > errorLine) break;
    if (blockIndent !== undefined && line.indent > blockIndent) continue;
    blockIndent = undefined;
    const next = lines[i + 1];
    const shape = shapeOf(line.body);
    const isEntry = line.column > line.indent;
    if (shape === "text") {
      if (isEntry || (previous !== undefined && line.column > previous.line.column)) continue;
      return missingColon(line, previous, lines[i - 1] === previous?.line);
    }
    const pair = /^([^\s"'#:[\]{},?&*!|>%@`-][^:]*?):(?:[ \t]+|$)/.exec(line.body);
    if (pair === null) return undefined;
    const key = pair[1]!;
    const value = withoutNote(line.body.slice(pair[0].length));
    const target = previous === undefined ? lowestIndentAfter(lines, i) : previous.value === "" ? undefined : previous.line.column;
    if (!isEntry && target !== undefined && line.column > target) return spacesTooMany(line, key, target, previous);
    if (shape === "broken") {
      if (/^["'[{]/.test(value) && next !== undefined && next.indent > line.indent) return undefined;
      return unreadableValue(line, line.column + pair[0].length, line.body.slice(0, pair[0].length), key, value);
    }
    if (/^[|>][-+0-9]*$/.test(value)) blockIndent = line.indent;
    previous = { line, key, value };
  }
  return undefined;
}

function contentLines(text: string): ContentLine[] {
  const lines: ContentLine[] = [];
  for (const [i, raw] of text.replace(/^\uFEFF/, "").split("\n").entries()) {
    const lineText = raw.replace(/\r$/, "");
    if (/^\s*(?:#|$)/.test(lineText) || /^(?:---|\.\.\.)\s*$/.test(lineText)) continue;
    const indent = /^ */.exec(lineText)![0].length;
    const column = indent + /^(?:-[ \t]+)*/.exec(lineText.slice(indent))![0].length;
    lines.push({ number: i + 1, text: lineText, indent, column, body: lineText.slice(column) });
  }
  return lines;
}

/** How a line reads on its own: as fields, as plain text (no colon), or not at all. */
function shapeOf(body: string): "fields" | "text" | "broken" {
  try {
    const data = load(body);
    return data !== null && typeof data === "object" && !Array.isArray(data) ? "fields" : "text";
  } catch {
    return "broken";
  }
}

// The first line can only be told to be too far in by the lines after it.
function lowestIndentAfter(lines: readonly ContentLine[], i: number): number | undefined {
  const later = lines.slice(i + 1).map((line) => line.indent);
  return later.length === 0 ? undefined : Math.min(...later);
}

function missingColon(line: ContentLine, previous: KeyLine | undefined, followsPrevious: boolean): YamlInputError {
  const body = withoutNote(line.body);
  const glued = /^([A-Za-z][\w-]*):(\S.*)$/.exec(body);
  if (glued !== null) return new YamlInputError(`write a space after the colon: ${glued[1]}: ${glued[2]}`, line.number, line.column + glued[1]!.length + 2);
  const spaced = /^([a-z][a-z0-9_-]*)[ \t]+(\S.*)$/.exec(body);
  if (spaced !== null) return new YamlInputError(`write a colon and a space after ${quoteValue(spaced[1])}: ${spaced[1]}: ${spaced[2]}`, line.number, line.column + spaced[1]!.length + 1);
  if (previous !== undefined && followsPrevious) {
    const joined = `${previous.key}: ${previous.value === "" ? "" : `${previous.value} `}${body}`;
    return new YamlInputError(`this line has no colon; if it belongs to the line above, join the two: ${joined}`, line.number, line.column + 1);
  }
  return new YamlInputError("this line has no colon; write each field as name: value on its own line, such as name: Example Organisation", line.number, line.column + 1);
}

function spacesTooMany(line: ContentLine, key: string, target: number, previous: KeyLine | undefined): YamlInputError {
  const extra = line.column - target;
  const spaces = extra === 1 ? "the space" : `the ${extra} spaces`;
  if (target === 0) return new YamlInputError(`remove ${spaces} at the start of the line: ${withoutNote(line.body)}`, line.number, 1);
  const above = previous === undefined ? "the field above it" : `${quoteValue(previous.key)} above it`;
  return new YamlInputError(`remove ${extra} ${extra === 1 ? "space" : "spaces"} at the start of the line, so that ${quoteValue(key)} lines up with ${above}`, line.number, 1);
}

// What a character at the start of a value does in YAML, for values that begin with it by accident.
const STARTS_WITH: ReadonlyArray<readonly [RegExp, string]> = [
  [/^- /, '"- ", which YAML reads as a list'],
  [/^\[/, "[, which YAML reads as the start of a list"],
  [/^\{/, "{, which YAML reads as the start of a group of fields"],
  [/^,/, "a comma"],
  ...Object.entries(SYMBOL_READ_AS).map(([symbol, readAs]) => [new RegExp(`^\\${symbol}`), `${symbol}${readAs}`] as const),
];

/** Explains a `key: value` line whose value YAML cannot read; `column` is where the value starts (0-based). */
function unreadableValue(line: ContentLine, column: number, prefix: string, key: string, value: string): YamlInputError {
  const at = (message: string) => new YamlInputError(message, line.number, column + 1);
  const shown = line.text.slice(line.indent, line.column) + prefix.trimEnd() + " ";
  const link = /^\[[^\]]*\]\((https?:\/\/[^\s)]+)\)$/.exec(value);
  if (key === "url" && link !== null) return at(`"url" is written as a Markdown link, which YAML cannot read; write the address alone: ${shown}${link[1]}`);
  if (LOGIN_FIELDS.has(key) && value.startsWith("@")) {
    return at(`${quoteValue(key)} starts with @, which YAML cannot read; write the username without it: ${shown}${value.slice(1)}`);
  }
  const curly = curlyQuoted(value);
  if (curly !== undefined) return at(curlyQuotesMessage(quoteValue(key), shown, curly.inner));
  const quote = value.charAt(0);
  if (quote === '"' || quote === "'") {
    if (!value.slice(1).includes(quote)) {
      return at(`the quotes in this value do not match: it has an opening ${quote} but no closing one; put the whole value in double quotes: ${shown}${doubleQuoted(value.slice(1))}`);
    }
    const inner = value.length > 1 && value.endsWith(quote) ? value.slice(1, -1) : value;
    if (quote === "'") {
      return at(`the quotes in this value do not match: a value in single quotes ends at the next '; put the whole value in double quotes instead: ${shown}${doubleQuoted(inner)}`);
    }
    const single = inner.includes("'") ? "" : ` (or use single quotes outside: ${shown}'${inner}')`;
    return at(`the quotes in this value do not match: a value in double quotes ends at the next "; write each " inside it as \\": ${shown}${doubleQuoted(inner)}${single}`);
  }
  const start = STARTS_WITH.find(([pattern]) => pattern.test(value))?.[1] ?? (/^[@`\]}|>?:]/.test(value) ? value.charAt(0) : undefined);
  const reason = start !== undefined ? `it starts with ${start}` : /: /.test(value) ? "it contains a colon followed by a space" : value.endsWith(":") ? "it ends with a colon" : undefined;
  if (reason === undefined) return at(`this value cannot be read as text; put the whole value in double quotes: ${shown}${doubleQuoted(value)}`);
  return at(needsQuotes(reason, shown, value));
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
