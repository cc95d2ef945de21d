import { closeSync, openSync, readSync } from "node:fs";
import { StringDecoder } from "node:string_decoder";

/** How much of a file is read at a time: a page of a large site is never held whole (docs/performance.md). */
export const PIECE_BYTES = 64 * 1024;

// Reads are synchronous, so one buffer serves them all.
const buffer = Buffer.allocUnsafe(PIECE_BYTES);

/**
 * Reads a file as UTF-8 text in pieces of at most PIECE_BYTES, handing each to `take` in order; a
 * character split between two reads comes whole in the later piece. Synchronous, because waiting for
 * each piece from Node's thread pool left the site verifier idle a tenth of its time.
 * @example readInPieces("_site/index.html", (piece) => parser.write(piece))
 */
export function readInPieces(path: string, take: (piece: string) => void): void {
  const decoder = new StringDecoder("utf8");
  const fd = openSync(path, "r");
  try {
    for (let n = readSync(fd, buffer, 0, PIECE_BYTES, null); n > 0; n = readSync(fd, buffer, 0, PIECE_BYTES, null)) take(decoder.write(buffer.subarray(0, n)));
    const rest = decoder.end();
    if (rest !== "") take(rest);
  } finally {
    closeSync(fd);
  }
}
