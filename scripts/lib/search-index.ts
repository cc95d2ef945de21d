import { mkdirSync, mkdtempSync, readdirSync, rmSync, statfsSync, statSync, writeFileSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import * as pagefind from "pagefind";
import type { PagefindIndex } from "pagefind";
import type { SearchBlock } from "./search-blocks.ts";

/** The temporary folder's name starts with this; the blocks and the pages go into folders of their own in it. */
export const TEMP_PREFIX = "undersigned-search-";
const BLOCKS = "blocks";
const PAGES = "pages";
/** A folder in memory, where Linux has one: creating a file there is about ten times faster than on disk. */
export const MEMORY_FOLDER = "/dev/shm";
/** The memory folder is used only with this much room: the blocks of 100,000 signatories take 25 MB. */
export const MEMORY_FOLDER_MIN_FREE_BYTES = 1024 ** 3;

/**
 * Where the temporary folder goes: where TMPDIR says when it is set; otherwise into MEMORY_FOLDER when
 * it has MEMORY_FOLDER_MIN_FREE_BYTES free (a container's is often 64 MB), else the system's temporary
 * folder. Creating the 1,010 block files of 100,000 signatories took 0.37–0.52 s in /tmp on this
 * machine and 0.04–0.06 s in /dev/shm, on the build's main thread before Eleventy (docs/performance.md).
 * `freeBytes` tells a folder's free space and throws when it does not exist.
 * @example scratchBase() // "/dev/shm" on Linux with room and no TMPDIR
 */
export function scratchBase(env: NodeJS.ProcessEnv = process.env, freeBytes: (path: string) => number = freeBytesIn): string {
  if (env.TMPDIR !== undefined && env.TMPDIR !== "") return tmpdir();
  try {
    return freeBytes(MEMORY_FOLDER) >= MEMORY_FOLDER_MIN_FREE_BYTES ? MEMORY_FOLDER : tmpdir();
  } catch {
    return tmpdir();
  }
}

/**
 * A temporary folder this old was left by a build that was stopped before it could remove it (Ctrl-C
 * skips the clean-up); in the memory folder it would hold memory until the machine restarts.
 */
export const ABANDONED_AFTER_MS = 60 * 60 * 1000;

/**
 * Makes the temporary folder in the first of `bases` where that works (a memory folder can be
 * read-only), removing the folders abandoned there first.
 * @throws when none of them takes it.
 * @example tempFolderIn([scratchBase(), tmpdir()]) // "/dev/shm/undersigned-search-x1Yz2w"
 */
export function tempFolderIn(bases: readonly string[]): string {
  let failure: unknown;
  for (const base of bases) {
    try {
      removeAbandoned(base);
      return mkdtempSync(join(base, TEMP_PREFIX));
    } catch (error) {
      failure ??= error;
    }
  }
  throw failure;
}

function removeAbandoned(base: string): void {
  for (const name of readdirSync(base).filter((n) => n.startsWith(TEMP_PREFIX))) {
    const path = join(base, name);
    try {
      if (Date.now() - statSync(path).mtimeMs > ABANDONED_AFTER_MS) rmSync(path, { recursive: true, force: true });
    } catch {
      // Removed meanwhile by another build, or not ours to remove: either way, not this build's concern.
    }
  }
}

function freeBytesIn(path: string): number {
  const { bavail, bsize } = statfsSync(path);
  return bavail * bsize;
}

/** What the search indexer did, for the build log. */
export interface SearchIndexResult {
  /** Pages and search blocks indexed. */
  records: number;
}

/**
 * A Pagefind index being filled record by record. Pagefind runs in its own process and reads the
 * records from files in a temporary folder: the signatories' search blocks (search-blocks.ts),
 * written before Eleventy starts, and the pages, written as Eleventy finishes them. Sent as messages,
 * records only went through the pipe when Eleventy let the event loop run, so Pagefind indexed them
 * after Eleventy instead of beside it, and they waited in memory as base64 JSON meanwhile
 * (docs/performance.md). Only elements marked `data-pagefind-body` are indexed, so only pages that
 * contain one are handed to Pagefind: the lists on pages repeat every name and would multiply its
 * work for nothing. With `forceLanguage` every record goes into one index (Pagefind otherwise makes
 * one per page language, and a search only sees its own page's).
 * @example const search = await SearchIndexer.start({ forceLanguage: "en" }); search.addBlocks(blocks); search.addPage(page, html); await search.finish("_site")
 */
export class SearchIndexer {
  readonly #pending: Promise<string[]>[] = [];
  readonly #folder = tempFolderIn([scratchBase(), tmpdir()]);
  #records = 0;
  #blocksGiven = false;
  #pagesInFolder = 0;
  /** Set by {@link writeOnceIndexed}: the pages still to come, and where the index goes once they are in. */
  #early: { awaited: Set<string>; outputDir: string } | undefined;
  /** The early writing, once started: the errors it met. */
  #written: Promise<string[]> | undefined;
  #addedAfterWriting = false;
  #closed = false;

  private constructor(readonly index: PagefindIndex) {}

  /** Starts Pagefind. @throws when it cannot start. */
  static async start(options: { forceLanguage?: string } = {}): Promise<SearchIndexer> {
    const { index, errors } = await pagefind.createIndex(options.forceLanguage === undefined ? {} : { forceLanguage: options.forceLanguage });
    if (index === undefined) {
      await pagefind.close();
      throw new Error(`Pagefind could not start: ${errors.join("; ")}`);
    }
    return new SearchIndexer(index);
  }

  /**
   * Hands over one page; `page` is its path relative to the output folder, such as `letters/x/index.html`.
   * @throws when `page` is not such a path.
   */
  addPage(page: string, html: string): void {
    if (!html.includes("data-pagefind-body")) return;
    // Made by Eleventy from slugs and language tags; checked anyway, since this is a path on disk.
    if (!/^(?:[A-Za-z0-9_-]+\/)*[A-Za-z0-9_-]+\.html$/.test(page)) throw new Error(`a page to index must be a path such as letters/x/index.html, not ${page}`);
    this.#records += 1;
    if (this.#written !== undefined) {
      // A page the early writing did not wait for: indexed now, and the index written again by finish().
      this.#addedAfterWriting = true;
      this.#track(page, this.index.addHTMLFile({ sourcePath: page, content: html }));
      return;
    }
    const path = join(this.#folder, PAGES, page);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, html);
    this.#pagesInFolder += 1;
    if (this.#early?.awaited.delete(page) === true && this.#early.awaited.size === 0) this.#writeEarly(this.#early.outputDir);
  }

  /**
   * Writes the search blocks into the temporary folder, each at its URL's path, and has Pagefind index
   * them on its own while this process goes on. Once.
   * @throws when a block's URL is not a folder path of its own, or when the blocks were handed over already.
   */
  addBlocks(blocks: readonly SearchBlock[]): void {
    if (this.#blocksGiven) throw new Error("the search blocks were handed over already");
    this.#blocksGiven = true;
    const folder = join(this.#folder, BLOCKS);
    for (const block of blocks) {
      // Made by search-blocks.ts from slugs; checked anyway, since this is a path on disk.
      if (!/^\/(?:[A-Za-z0-9_-]+\/)+$/.test(block.url)) throw new Error(`a search block's URL must be a folder path such as /letters/x/_part-1/, not ${block.url}`);
      mkdirSync(join(folder, block.url), { recursive: true });
      writeFileSync(join(folder, block.url, "index.html"), block.html);
    }
    this.#records += blocks.length;
    this.#indexFolder("the search blocks", folder, blocks.length);
  }

  /**
   * Has Pagefind write the index into `<outputDir>/pagefind/` as soon as every one of `pages` (paths
   * as for {@link addPage}) has been handed over, while Eleventy renders and writes the rest of the
   * site, instead of once it is done. Pagefind takes its requests in order, so the writing comes after
   * every record sent before it; a page with `data-pagefind-body` that comes later is indexed too,
   * and {@link finish} then writes the index again. Call it after {@link addBlocks}.
   */
  writeOnceIndexed(pages: readonly string[], outputDir: string): void {
    this.#early = { awaited: new Set(pages), outputDir };
    if (this.#early.awaited.size === 0) this.#writeEarly(outputDir);
  }

  #writeEarly(outputDir: string): void {
    this.#indexPages();
    this.#written = this.#writeFiles(outputDir);
  }

  #indexPages(): void {
    if (this.#pagesInFolder > 0) this.#indexFolder("the pages", join(this.#folder, PAGES), this.#pagesInFolder);
  }

  #indexFolder(name: string, folder: string, expected: number): void {
    this.#track(
      name,
      this.index.addDirectory({ path: folder }).then((result) =>
        (result.errors.length > 0 || result.page_count === expected) ? result : { errors: [`${result.page_count} of ${expected} were indexed`] },
      ),
    );
  }

  /** Writes the index; the errors it met, never a rejection, so that nothing waits on it unhandled. */
  #writeFiles(outputDir: string): Promise<string[]> {
    return this.index.writeFiles({ outputPath: `${outputDir}/pagefind` }).then(
      (written) => written.errors,
      (error: unknown) => [String(error)],
    );
  }

  #track(name: string, added: Promise<{ errors: string[] }>): void {
    this.#pending.push(
      added.then(
        (result) => result.errors.map((e) => `${name}: ${e}`),
        (error: unknown) => [`${name}: ${String(error)}`],
      ),
    );
  }

  /**
   * Waits for every record, has the bundle written to `<outputDir>/pagefind/` (unless it was already,
   * see {@link writeOnceIndexed}), and stops Pagefind.
   * @throws when Pagefind reported errors for any record or could not write its files.
   */
  async finish(outputDir: string): Promise<SearchIndexResult> {
    try {
      if (this.#written === undefined) this.#indexPages();
      else if (this.#early?.outputDir !== outputDir) throw new Error(`the search index was written into ${this.#early?.outputDir}, not ${outputDir}`);
      const errors = (await Promise.all(this.#pending)).flat();
      if (errors.length > 0) throw new Error(`Pagefind could not index ${errors.join("; ")}`);
      const written = this.#written === undefined || this.#addedAfterWriting ? await this.#writeFiles(outputDir) : await this.#written;
      if (written.length > 0) throw new Error(`Pagefind could not write its files: ${written.join("; ")}`);
      return { records: this.#records };
    } finally {
      await this.stop();
    }
  }

  /** Stops Pagefind without writing anything, when the build failed, and removes the temporary folder. */
  async stop(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    try {
      await pagefind.close();
    } finally {
      rmSync(this.#folder, { recursive: true, force: true });
    }
  }
}

/**
 * Indexes a site already built in `outputDir` and the search blocks of its signatories (see
 * {@link SearchIndexer} and search-blocks.ts).
 * @throws when Pagefind reports errors.
 * @example await buildSearchIndex("_site", searchBlocks(site), { forceLanguage: "en" })
 */
export async function buildSearchIndex(outputDir: string, blocks: readonly SearchBlock[], options: { forceLanguage?: string } = {}): Promise<SearchIndexResult> {
  const search = await SearchIndexer.start(options);
  search.addBlocks(blocks);
  for (const page of await htmlFiles(outputDir)) search.addPage(page, await readFile(join(outputDir, page), "utf8"));
  return search.finish(outputDir);
}

async function htmlFiles(dir: string, base = ""): Promise<string[]> {
  const files: string[] = [];
  for (const entry of await readdir(join(dir, base), { withFileTypes: true })) {
    const path = base === "" ? entry.name : `${base}/${entry.name}`;
    if (entry.isDirectory() && path !== "pagefind") files.push(...(await htmlFiles(dir, path)));
    else if (entry.isFile() && entry.name.endsWith(".html")) files.push(path);
  }
  return files.sort();
}
