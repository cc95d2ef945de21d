import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { SiteFileWriter, WRITE_BUFFER_BYTES } from "../../scripts/lib/page-sink.ts";
import { tempDir } from "../helpers/run.ts";

describe("SiteFileWriter", () => {
  it("writes files into folders it makes as needed, and counts them", async () => {
    const site = await tempDir("undersigned-sink-");
    const files = new SiteFileWriter();
    const written: [string, string][] = [
      ["index.html", "<p>home</p>"],
      ["letters/a/index.html", "<p>a</p>"],
      ["letters/a/signatories.csv", "\uFEFFid,name\r\n"],
      ["letters/a/organisations/2/index.html", "<p>page 2</p>"],
    ];
    for (const [path, content] of written) files.write(join(site, path), content);
    for (const [path, content] of written) expect(await readFile(join(site, path), "utf8")).toBe(content);
    expect(files.count).toBe(written.length);
  });

  it.each([
    ["no piece", []],
    ["one short piece", ["<p>Café</p>"]],
    ["many pieces filling the buffer several times", Array.from({ length: 20_000 }, (_, i) => `<li>Имя ${i}, 名前, नाम</li>\n`)],
    ["a piece larger than the buffer between short ones", ["<ul>", "€".repeat(WRITE_BUFFER_BYTES), "</ul>"]],
    ["pieces that end exactly at the buffer's end", Array.from({ length: 9 }, () => "a".repeat(WRITE_BUFFER_BYTES / 8))],
  ])("writes %s as UTF-8, in order, into a folder it makes", async (_, pieces) => {
    const site = await tempDir("undersigned-sink-");
    const files = new SiteFileWriter();
    const path = join(site, "letters", "a", "by-date", "index.html");
    files.writePieces(path, (emit) => pieces.forEach(emit));
    expect(await readFile(path, "utf8")).toBe(pieces.join(""));
    expect(files.count).toBe(1);
  });
});
