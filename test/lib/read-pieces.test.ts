import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PIECE_BYTES, readInPieces } from "../../scripts/lib/read-pieces.ts";
import { tempDir } from "../helpers/run.ts";

describe("readInPieces", () => {
  it.each([
    ["an empty file", ""],
    ["a short file", "<p>Café</p>"],
    ["exactly one piece", "a".repeat(PIECE_BYTES)],
    // "é" is 2 bytes, "€" 3 and "𝄞" 4: each straddles the end of the first piece.
    ...["é", "€", "𝄞"].map((char) => [`a ${Buffer.byteLength(char)}-byte character split between pieces`, `${"a".repeat(PIECE_BYTES - 1)}${char}b`]),
    ["several pieces of mixed scripts", "Имя, 名前, नाम, اسم; ".repeat(20_000)],
  ])("gives back %s whole, in pieces of at most PIECE_BYTES", async (_, text) => {
    const file = join(await tempDir("undersigned-pieces-"), "page.html");
    await writeFile(file, text);
    const pieces: string[] = [];
    readInPieces(file, (piece) => pieces.push(piece));
    expect(pieces.join("")).toBe(text);
    expect(pieces.every((piece) => Buffer.byteLength(piece) <= PIECE_BYTES + 3)).toBe(true);
  });
});
