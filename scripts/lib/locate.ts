import { yamlLibrary } from "./yaml-library.ts";

/** A step in a path into parsed data: a key in a mapping or an index in a list. */
export type PathSegment = string | number;

/** Where a value sits in a YAML text; `raw` is its source text when it is a single-line scalar. */
export interface Located {
  line: number;
  column: number;
  raw?: string;
}

/**
 * Finds the line and column of the value at `path` in a YAML text, or of its key when `at` is "key".
 * Only called for files that already failed a check, so it may parse the text a second time.
 * Falls back to the closest enclosing node that exists, and to 1:1 for the document itself.
 * @example locate("name: ACME\ncountry: Kenya\n", ["country"]) // { line: 2, column: 10, raw: "Kenya" }
 */
export function locate(text: string, path: readonly PathSegment[], at: "value" | "key" = "value"): Located {
  const { LineCounter, parseDocument } = yamlLibrary();
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: false, strict: false });
  let node: unknown = doc.contents;
  let found: { offset: number; end: number } | undefined = rangeOf(node);
  for (const [i, segment] of path.entries()) {
    const last = i === path.length - 1;
    const next = childOf(node, segment, last && at === "key");
    if (next === undefined) break;
    node = next;
    found = rangeOf(node) ?? found;
  }
  if (found === undefined) return { line: 1, column: 1 };
  const { line, col } = lineCounter.linePos(found.offset);
  const raw = text.slice(found.offset, found.end);
  return raw.includes("\n") ? { line, column: col } : { line, column: col, raw };
}

function childOf(node: unknown, segment: PathSegment, wantKey: boolean): unknown {
  const { isMap, isScalar } = yamlLibrary();
  if (isMap(node)) {
    const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(segment));
    if (pair === undefined) return undefined;
    return wantKey || pair.value === null ? pair.key : pair.value;
  }
  if (node !== null && typeof node === "object" && "items" in node && Array.isArray(node.items) && typeof segment === "number") {
    return node.items[segment] as unknown;
  }
  return undefined;
}

function rangeOf(node: unknown): { offset: number; end: number } | undefined {
  if (node !== null && typeof node === "object" && "range" in node && Array.isArray(node.range)) {
    const [offset, end] = node.range as [number, number];
    return { offset, end };
  }
  return undefined;
}
