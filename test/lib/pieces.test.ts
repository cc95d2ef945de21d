import { describe, expect, it } from "vitest";
import { ITEMS_PER_PIECE, linePieces, piecesOf } from "../../scripts/lib/pieces.ts";

describe("piecesOf", () => {
  it.each([
    ["no items", 0, []],
    ["fewer than a piece", 3, [[0, 1, 2]]],
    ["exactly a piece", ITEMS_PER_PIECE, [Array.from({ length: ITEMS_PER_PIECE }, (_, i) => i)]],
    ["one more than a piece", ITEMS_PER_PIECE + 1, [Array.from({ length: ITEMS_PER_PIECE }, (_, i) => i), [ITEMS_PER_PIECE]]],
  ] as const)("makes a piece of ITEMS_PER_PIECE items at a time, first marked: %s", (_, n, expected) => {
    const items = Array.from({ length: n }, (_, i) => i);
    const seen: { items: number[]; first: boolean }[] = [];
    const pieces = [...piecesOf(items, (some, first) => (seen.push({ items: [...some], first }), `${some.length}`))];
    expect(seen).toEqual(expected.map((some, i) => ({ items: some, first: i === 0 })));
    expect(pieces).toEqual(expected.map((some) => `${some.length}`));
  });

  it("makes each piece only when it is taken", () => {
    let made = 0;
    const pieces = piecesOf(Array.from({ length: 3 * ITEMS_PER_PIECE }, (_, i) => i), () => `${(made += 1)}`);
    expect(made).toBe(0);
    expect(pieces.next().value).toBe("1");
    expect(made).toBe(1);
  });
});

describe("linePieces", () => {
  it.each([0, 1, ITEMS_PER_PIECE, 2 * ITEMS_PER_PIECE + 7])("puts %i lines together with newlines between them, as one join would", (n) => {
    const items = Array.from({ length: n }, (_, i) => `item ${i}`);
    const line = (item: string) => `<li>${item}</li>`;
    expect([...linePieces(items, line)].join("")).toBe(items.map(line).join("\n"));
  });
});
