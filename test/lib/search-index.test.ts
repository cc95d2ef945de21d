import { existsSync, mkdtempSync, readdirSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { tmpdir } from "node:os";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { SearchBlock } from "../../scripts/lib/search-blocks.ts";
import { SearchIndexer } from "../../scripts/lib/search-index.ts";
import { tempDir } from "../helpers/run.ts";

const block = (url: string, name: string): SearchBlock => ({
  url,
  page: url.replace(/_part-\d+\/$/, ""),
  html: `<!DOCTYPE html><html lang="en"><head><title>Signatories</title></head><body><div data-pagefind-body><h2 id="x">${name}</h2></div></body></html>`,
});

// The indexer's temporary folder goes under a TMPDIR of this test's own, so that it can be watched
// while other test files build sites beside it.
const realTmpdir = process.env.TMPDIR;
let scratch: string;
const blockFolders = () => readdirSync(scratch).filter((name) => name.startsWith("undersigned-search-blocks-"));
beforeEach(() => {
  scratch = mkdtempSync(join(tmpdir(), "undersigned-search-index-test-"));
  process.env.TMPDIR = scratch;
});
afterEach(() => {
  if (realTmpdir === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = realTmpdir;
});

describe("SearchIndexer", () => {
  it("indexes the search blocks from a folder of its own, and removes the folder when done", async () => {
    const search = await SearchIndexer.start({ forceLanguage: "en" });
    search.addBlocks([block("/letters/a/_part-1/", "Ada"), block("/letters/a/organisations/2/_part-1/", "Acme")]);
    expect(blockFolders()).toHaveLength(1);
    const out = await tempDir();
    expect(await search.finish(out)).toEqual({ records: 2 });
    expect(blockFolders()).toEqual([]);
    const entry = JSON.parse(await readFile(join(out, "pagefind", "pagefind-entry.json"), "utf8")) as { languages: Record<string, { page_count: number }> };
    expect(entry.languages.en?.page_count).toBe(2);
  });

  it("indexes a site without signatories: no blocks, and the letter's page", async () => {
    const search = await SearchIndexer.start({ forceLanguage: "en" });
    search.addBlocks([]);
    search.addPage("letters/a/index.html", '<!DOCTYPE html><html lang="en"><head><title>A</title></head><body><main data-pagefind-body><h1>A letter</h1></main></body></html>');
    search.addPage("letters/a/print/index.html", '<!DOCTYPE html><html lang="en"><head><title>A</title></head><body><main><h1>Not indexed</h1></main></body></html>');
    expect(await search.finish(await tempDir())).toEqual({ records: 1 });
    expect(blockFolders()).toEqual([]);
  });

  it("removes the folder when the build stops without writing an index", async () => {
    const search = await SearchIndexer.start({ forceLanguage: "en" });
    search.addBlocks([block("/letters/a/_part-1/", "Ada")]);
    await search.stop();
    expect(blockFolders()).toEqual([]);
  });

  it.each(["/letters/../../etc/_part-1/", "/letters/a/_part-1", "letters/a/_part-1/", "/letters/a/?part=1/"])("refuses the block URL %s, which is not a folder path", async (url) => {
    const search = await SearchIndexer.start({ forceLanguage: "en" });
    try {
      expect(() => search.addBlocks([block(url, "Ada")])).toThrow(`a search block's URL must be a folder path such as /letters/x/_part-1/, not ${url}`);
      expect(existsSync(join(scratch, "etc"))).toBe(false);
    } finally {
      await search.stop();
    }
    expect(blockFolders()).toEqual([]);
  });
});
