import { Document, isMap, isScalar, parseDocument, YAMLMap, type Pair } from "yaml";
import { CliError } from "./cli-error.ts";

// Keeps long lines and flow lists as the author wrote them when the document is written back.
const OUTPUT_OPTIONS = { lineWidth: 0, flowCollectionPadding: false } as const;

/**
 * Edits a YAML text through the `yaml` package's Document API, then writes back only the top-level
 * fields the edit changed, added or removed: every other line stays byte for byte as the author wrote
 * it (a folded summary, the spaces before a comment), so that a reviewed diff shows just the edit. A
 * new field goes after the one before it in the edited document. Where the fields cannot be told
 * apart line by line, the whole document is written back.
 * @example editYaml(text, file, (doc) => doc.set("status", "closed"))
 */
export function editYaml(text: string, file: string, edit: (doc: Document) => void): string {
  const doc = parseDocument(text);
  if (doc.errors.length > 0) throw new CliError("invalid", `${file} could not be read as YAML (${doc.errors[0]!.message.split("\n")[0]}). Expected a file that passes npm run validate.`);
  const before = fieldValues(doc);
  edit(doc);
  const after = fieldValues(doc);
  const blocks = fieldLines(text);
  if (before === undefined || after === undefined || !isMap(doc.contents) || [...before.keys()].some((key) => !blocks.has(key))) return doc.toString(OUTPUT_OPTIONS);
  const newline = text.includes("\r\n") ? "\r\n" : "\n";
  const lines = text.split(/\r?\n/);
  const pairs = doc.contents.items as Pair[];
  const written = (pair: Pair) => pairText(pair).replace(/\n$/, "").split("\n");
  // Replaced from the last line up, so that the line numbers of the fields above stay right; of two
  // new fields at one place, the later goes in first, so that they end up in the document's order.
  const edits: { from: number; to: number; order: number; lines: string[] }[] = [];
  for (const [key, { from, to }] of blocks) {
    if (!after.has(key)) edits.push({ from, to, order: 0, lines: [] });
    else if (after.get(key) !== before.get(key)) edits.push({ from, to, order: 0, lines: written(pairs.find((pair) => keyOf(pair) === key)!) });
  }
  pairs.forEach((pair, i) => {
    if (before.has(keyOf(pair))) return;
    const previous = pairs.slice(0, i).reverse().map(keyOf).find((key) => blocks.has(key));
    const at = previous === undefined ? lastContentLine(lines) + 1 : blocks.get(previous)!.to;
    edits.push({ from: at, to: at, order: i, lines: written(pair) });
  });
  for (const { from, to, lines: replacement } of edits.sort((a, b) => b.from - a.from || b.to - a.to || b.order - a.order)) lines.splice(from, to - from, ...replacement);
  return lines.join(newline);
}

/** Each top-level field's value as JSON, by key; undefined unless the document is a map of plain keys. */
function fieldValues(doc: Document): Map<string, string> | undefined {
  if (!isMap(doc.contents)) return undefined;
  const js = doc.toJS() as Record<string, unknown>;
  const values = new Map<string, string>();
  for (const pair of doc.contents.items as Pair[]) {
    const key = keyOf(pair);
    if (key === "") return undefined;
    values.set(key, JSON.stringify(js[key]));
  }
  return values;
}

// A key the edit added may be a plain string rather than a scalar node.
function keyOf(pair: Pair): string {
  const key: unknown = isScalar(pair.key) ? pair.key.value : pair.key;
  return typeof key === "string" ? key : "";
}

/**
 * The lines of each top-level field whose key is plain text at the start of a line (`from` to before
 * `to`): its key's line and the indented or list lines under it; comments and blank lines after them
 * belong to what follows.
 */
function fieldLines(text: string): Map<string, { from: number; to: number }> {
  const lines = text.split(/\r?\n/);
  const blocks = new Map<string, { from: number; to: number }>();
  let current: { from: number; to: number } | undefined;
  lines.forEach((line, i) => {
    const key = /^([A-Za-z_][\w-]*):(?:[ \t]|$)/.exec(line)?.[1];
    if (key !== undefined) {
      current = { from: i, to: i + 1 };
      blocks.set(key, current);
    } else if (current !== undefined && /^(?:[ \t]+\S|-(?:[ \t]|$))/.test(line)) {
      current.to = i + 1;
    }
  });
  return blocks;
}

function pairText(pair: Pair): string {
  const single = new Document();
  const map = new YAMLMap();
  map.items.push(pair);
  single.contents = map;
  return single.toString(OUTPUT_OPTIONS);
}

function lastContentLine(lines: readonly string[]): number {
  for (let i = lines.length - 1; i >= 0; i -= 1) if (lines[i]!.trim() !== "") return i;
  return -1;
}

// The front matter: an opening --- line, the YAML, a closing --- line; the rest is the body.
const FRONT_MATTER = /^(---[^\n]*\r?\n)([\s\S]*?\r?\n)?(---[ \t]*(?:\r?\n|$))/;

/**
 * Edits a letter's front matter, leaving the opening and closing lines and the body byte for byte.
 * @example editFrontMatter(text, file, (doc) => doc.set("status", "closed"))
 */
export function editFrontMatter(text: string, file: string, edit: (doc: Document) => void): string {
  const match = FRONT_MATTER.exec(text);
  if (match === null) throw new CliError("invalid", `${file} has no front matter between two --- lines. Expected a letter that passes npm run validate.`);
  const [whole, open, yaml = "", close] = match;
  return `${open}${editYaml(yaml, file, edit)}${close}${text.slice(whole.length)}`;
}
