/**
 * Items made into one piece: a piece per entry meant a call to encode per entry (0.6 s at 50,000
 * signatories); a hundred entries make a piece of some 20 KB.
 */
export const ITEMS_PER_PIECE = 100;

/**
 * The pieces of a long list, ITEMS_PER_PIECE items at a time, each made only when it is taken: no
 * list, export or array of its lines is ever whole in memory, so what a piece is made from is let
 * go before the next garbage collection has to copy it (docs/performance.md). `piece` gets the
 * items and whether they come first.
 * @example [...piecesOf([1, 2, 3], (items, first) => (first ? "" : ",") + items.join(","))].join("") // "1,2,3"
 */
export function* piecesOf<T>(items: readonly T[], piece: (items: readonly T[], first: boolean) => string): Generator<string> {
  for (let i = 0; i < items.length; i += ITEMS_PER_PIECE) yield piece(items.slice(i, i + ITEMS_PER_PIECE), i === 0);
}

/**
 * The pieces of a list of lines, one line per item, joined with newlines.
 * @example [...linePieces(["a", "b"], (s) => `<li>${s}</li>`)].join("") // "<li>a</li>\n<li>b</li>"
 */
export function linePieces<T>(items: readonly T[], line: (item: T) => string): Generator<string> {
  return piecesOf(items, (some, first) => `${first ? "" : "\n"}${some.map(line).join("\n")}`);
}
