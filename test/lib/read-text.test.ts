import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { decodeText, readChecked, readTextFileSync, ReadTextError } from "../../scripts/lib/read-text.ts";
import type { Problem } from "../../scripts/lib/types.ts";
import { tempDir } from "../helpers/run.ts";

const bytes = (...parts: (string | number[])[]) => Buffer.concat(parts.map((p) => (typeof p === "string" ? Buffer.from(p, "utf8") : Buffer.from(p))));

describe("decodeText", () => {
  it("decodes UTF-8 and drops a UTF-8 byte-order mark", () => {
    expect(decodeText(bytes([0xef, 0xbb, 0xbf], "name: Café\n"), 100)).toBe("name: Café\n");
  });

  it.each([
    ["UTF-16 little-endian", bytes([0xff, 0xfe], "n\u0000"), "the file is saved as UTF-16; save it again as UTF-8"],
    ["UTF-16 big-endian", bytes([0xfe, 0xff], "\u0000n"), "the file is saved as UTF-16; save it again as UTF-8"],
    ["a NUL byte", bytes("name: A", [0], "B\n"), "the file contains a NUL byte at byte 8; save it again as plain UTF-8 text"],
    ["invalid UTF-8", bytes("name: Caf", [0xe9], "\n"), "the file is not valid UTF-8 (invalid bytes at byte 10); save it again as UTF-8"],
    ["a truncated sequence", bytes("ok ", [0xe2, 0x82]), "the file is not valid UTF-8 (invalid bytes at byte 4); save it again as UTF-8"],
    ["too many bytes", bytes("x".repeat(101)), "the file is larger than 100 bytes; a file this size cannot be right, check that you saved the correct file"],
  ])("refuses %s", (_what, input, message) => {
    expect(() => decodeText(input, 100)).toThrow(new ReadTextError(message));
  });

  it("accepts a file of exactly the limit", () => {
    expect(decodeText(bytes("x".repeat(100)), 100)).toHaveLength(100);
  });
});

describe("readTextFileSync", () => {
  const tooLarge = "the file is larger than 100 bytes; a file this size cannot be right, check that you saved the correct file";

  // Sizes around the limit, read in turn into the same scratch buffer: a short file after a long one
  // must not come back with the long one's bytes after its own.
  it.each([
    [100, "x".repeat(100)],
    [0, ""],
    [101, tooLarge],
    [3, "xxx"],
    [70_000, tooLarge],
    [99, "x".repeat(99)],
  ])("reads a file of %i bytes against a limit of 100", async (size, expected) => {
    const root = await tempDir("undersigned-read-");
    const path = join(root, "file.yaml");
    await writeFile(path, "x".repeat(size));
    for (const listedAsFile of [false, true]) {
      if (expected === tooLarge) expect(() => readTextFileSync(path, 100, { listedAsFile })).toThrow(new ReadTextError(tooLarge));
      else expect(readTextFileSync(path, 100, { listedAsFile })).toBe(expected);
    }
  });
});

describe("readChecked", () => {
  it("returns a readable file's text, and makes an unreadable one a problem at its first line", async () => {
    const root = await tempDir("undersigned-read-");
    await mkdir(join(root, "signatories", "x"), { recursive: true });
    await writeFile(join(root, "signatories", "x", "good.yaml"), "name: Café\n");
    await writeFile(join(root, "signatories", "x", "bad.yaml"), bytes("name: Caf", [0xe9], "\n"));
    const problems: Problem[] = [];
    expect(readChecked(root, "signatories/x/good.yaml", 100, problems)).toBe("name: Café\n");
    expect(readChecked(root, "signatories/x/bad.yaml", 100, problems, { listedAsFile: true })).toBeUndefined();
    expect(problems).toEqual([
      { severity: "error", file: "signatories/x/bad.yaml", line: 1, column: 1, message: "the file is not valid UTF-8 (invalid bytes at byte 10); save it again as UTF-8" },
    ]);
  });

  it("passes on an error that is not the file's fault", async () => {
    const root = await tempDir("undersigned-read-");
    expect(() => readChecked(root, "missing.yaml", 100, [])).toThrow(/ENOENT/);
  });
});
