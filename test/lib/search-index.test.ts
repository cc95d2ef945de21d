import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { tmpdir } from "node:os";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { SearchBlock } from "../../scripts/lib/search-blocks.ts";
import { ABANDONED_AFTER_MS, MEMORY_FOLDER, MEMORY_FOLDER_MIN_FREE_BYTES, scratchBase, SearchIndexer, TEMP_PREFIX, tempFolderIn } from "../../scripts/lib/search-index.ts";
import { tempDir } from "../helpers/run.ts";

const page = (title: string, indexed = true) => `<!DOCTYPE html><html lang="en"><head><title>${title}</title></head><body><main${indexed ? " data-pagefind-body" : ""}><h1>${title}</h1></main></body></html>`;
const block = (url: string, name: string): SearchBlock => ({
  url,
  page: url.replace(/_part-\d+\/$/, ""),
  html: `<!DOCTYPE html><html lang="en"><head><title>Signatories</title></head><body><div data-pagefind-body><h2 id="x">${name}</h2></div></body></html>`,
});

// The indexer's temporary folder goes under a TMPDIR of this test's own, so that it can be watched
// while other test files build sites beside it.
const realTmpdir = process.env.TMPDIR;
let scratch: string;
const tempFolders = () => readdirSync(scratch).filter((name) => name.startsWith(TEMP_PREFIX));
/** The number of records in a written index, in its only language. */
const pageCount = async (out: string) => (JSON.parse(await readFile(join(out, "pagefind", "pagefind-entry.json"), "utf8")) as { languages: Record<string, { page_count: number }> }).languages.en?.page_count;
/** Waits until Pagefind has written its entry file into `out`, for at most ten seconds. */
async function entryWritten(out: string): Promise<boolean> {
  for (let waited = 0; waited < 10_000; waited += 50) {
    if (existsSync(join(out, "pagefind", "pagefind-entry.json"))) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return false;
}
beforeEach(() => {
  scratch = mkdtempSync(join(tmpdir(), "undersigned-search-index-test-"));
  process.env.TMPDIR = scratch;
});
afterEach(() => {
  if (realTmpdir === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = realTmpdir;
  rmSync(scratch, { recursive: true, force: true });
});

describe("SearchIndexer", () => {
  it("indexes the search blocks from a folder of its own, and removes the folder when done", async () => {
    const search = await SearchIndexer.start({ forceLanguage: "en" });
    search.addBlocks([block("/letters/a/_part-1/", "Ada"), block("/letters/a/organisations/2/_part-1/", "Acme")]);
    expect(tempFolders()).toHaveLength(1);
    const out = await tempDir();
    expect(await search.finish(out)).toEqual({ records: 2 });
    expect(tempFolders()).toEqual([]);
    const entry = JSON.parse(await readFile(join(out, "pagefind", "pagefind-entry.json"), "utf8")) as { languages: Record<string, { page_count: number }> };
    expect(entry.languages.en?.page_count).toBe(2);
  });

  it("indexes a site without signatories: no blocks, and the letter's page", async () => {
    const search = await SearchIndexer.start({ forceLanguage: "en" });
    search.addBlocks([]);
    search.addPage("letters/a/index.html", page("A letter"));
    search.addPage("letters/a/print/index.html", page("Not indexed", false));
    const out = await tempDir();
    expect(await search.finish(out)).toEqual({ records: 1 });
    expect(await pageCount(out)).toBe(1);
    expect(tempFolders()).toEqual([]);
  });

  it("writes the index as soon as the pages it waits for are in, before the build finishes", async () => {
    const search = await SearchIndexer.start({ forceLanguage: "en" });
    const out = await tempDir();
    search.addBlocks([block("/letters/a/_part-1/", "Ada")]);
    search.writeOnceIndexed(["letters/a/index.html", "letters/b/index.html"], out);
    search.addPage("letters/a/index.html", page("A letter"));
    search.addPage("letters/a/print/index.html", page("Not indexed", false));
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(existsSync(join(out, "pagefind"))).toBe(false);
    search.addPage("letters/b/index.html", page("B letter"));
    expect(await entryWritten(out)).toBe(true);
    expect(await search.finish(out)).toEqual({ records: 3 });
    expect(await pageCount(out)).toBe(3);
  });

  it("writes the index at once when it waits for no page, and again at the end for a page that came after", async () => {
    const search = await SearchIndexer.start({ forceLanguage: "en" });
    const out = await tempDir();
    search.addBlocks([block("/letters/a/_part-1/", "Ada")]);
    search.writeOnceIndexed([], out);
    expect(await entryWritten(out)).toBe(true);
    expect(await pageCount(out)).toBe(1);
    search.addPage("about/index.html", page("About"));
    expect(await search.finish(out)).toEqual({ records: 2 });
    expect(await pageCount(out)).toBe(2);
  });

  it("refuses to finish into another folder than the one it wrote into", async () => {
    const search = await SearchIndexer.start({ forceLanguage: "en" });
    const out = await tempDir();
    search.addBlocks([]);
    search.writeOnceIndexed([], out);
    await expect(search.finish("/elsewhere")).rejects.toThrow(`the search index was written into ${out}, not /elsewhere`);
    expect(tempFolders()).toEqual([]);
  });

  it.each(["../outside/index.html", "letters/a/", "/letters/a/index.html", "letters/a/index.htm"])("refuses the page path %s", async (path) => {
    const search = await SearchIndexer.start({ forceLanguage: "en" });
    try {
      expect(() => search.addPage(path, page("A letter"))).toThrow(`a page to index must be a path such as letters/x/index.html, not ${path}`);
      // Nothing written, inside the temporary folder or beside it.
      expect(readdirSync(join(scratch, tempFolders()[0]!))).toEqual([]);
      expect(tempFolders()).toHaveLength(1);
    } finally {
      await search.stop();
    }
  });

  it("removes the folders that stopped builds abandoned more than ABANDONED_AFTER_MS ago, and leaves a running build's", async () => {
    const abandoned = join(scratch, `${TEMP_PREFIX}abandoned`);
    const running = join(scratch, `${TEMP_PREFIX}running`);
    mkdirSync(join(abandoned, "blocks"), { recursive: true });
    mkdirSync(running);
    const then = new Date(Date.now() - ABANDONED_AFTER_MS - 60_000);
    utimesSync(abandoned, then, then);
    const search = await SearchIndexer.start({ forceLanguage: "en" });
    expect(existsSync(abandoned)).toBe(false);
    expect(existsSync(running)).toBe(true);
    await search.stop();
    expect(tempFolders()).toEqual([`${TEMP_PREFIX}running`]);
  });

  it("removes the folder when the build stops without writing an index", async () => {
    const search = await SearchIndexer.start({ forceLanguage: "en" });
    search.addBlocks([block("/letters/a/_part-1/", "Ada")]);
    await search.stop();
    expect(tempFolders()).toEqual([]);
  });

  it.each(["/letters/../../etc/_part-1/", "/letters/a/_part-1", "letters/a/_part-1/", "/letters/a/?part=1/"])("refuses the block URL %s, which is not a folder path", async (url) => {
    const search = await SearchIndexer.start({ forceLanguage: "en" });
    try {
      expect(() => search.addBlocks([block(url, "Ada")])).toThrow(`a search block's URL must be a folder path such as /letters/x/_part-1/, not ${url}`);
      // Nothing written, inside the temporary folder or beside it.
      expect(readdirSync(join(scratch, tempFolders()[0]!))).toEqual([]);
      expect(tempFolders()).toHaveLength(1);
    } finally {
      await search.stop();
    }
    expect(tempFolders()).toEqual([]);
  });
});

describe("scratchBase", () => {
  const free = (bytes: number) => () => bytes;
  const missing = () => {
    throw new Error("ENOENT: no such file or directory, statfs '/dev/shm'");
  };
  it.each([
    ["TMPDIR is set", { TMPDIR: "/somewhere" }, free(MEMORY_FOLDER_MIN_FREE_BYTES * 2), "the system's temporary folder"],
    ["the memory folder has room", {}, free(MEMORY_FOLDER_MIN_FREE_BYTES), "the memory folder"],
    ["TMPDIR is empty and the memory folder has room", { TMPDIR: "" }, free(MEMORY_FOLDER_MIN_FREE_BYTES * 2), "the memory folder"],
    ["the memory folder is a container's 64 MB", {}, free(64 * 1024 ** 2), "the system's temporary folder"],
    ["there is no memory folder", {}, missing, "the system's temporary folder"],
  ])("when %s, uses %s", (_when, env, freeBytes, expected) => {
    expect(scratchBase(env, freeBytes)).toBe(expected === "the memory folder" ? MEMORY_FOLDER : tmpdir());
  });
});

describe("tempFolderIn", () => {
  it("makes the folder in the first base that takes it, and fails with the first base's error when none does", () => {
    const missing = join(scratch, "missing");
    const made = tempFolderIn([missing, scratch]);
    expect(made.startsWith(join(scratch, TEMP_PREFIX))).toBe(true);
    expect(readdirSync(scratch).filter((name) => name.startsWith(TEMP_PREFIX))).toHaveLength(1);
    expect(() => tempFolderIn([missing, join(scratch, "also-missing")])).toThrow(`ENOENT: no such file or directory, scandir '${missing}'`);
  });
});
