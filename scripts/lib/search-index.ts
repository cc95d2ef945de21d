import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as pagefind from "pagefind";
import type { PagefindIndex } from "pagefind";
import type { SearchBlock } from "./search-blocks.ts";

/** What the search indexer did, for the build log. */
export interface SearchIndexResult {
  /** Pages and search blocks indexed. */
  records: number;
}

/**
 * A Pagefind index being filled record by record. Pagefind runs in its own process. The signatories'
 * search blocks (search-blocks.ts) are written as files into a temporary folder before Eleventy
 * starts, and Pagefind reads them from there itself: sent as messages, they only went through the
 * pipe when Eleventy let the event loop run, so Pagefind indexed them after Eleventy instead of
 * beside it, and they waited in memory as base64 JSON meanwhile (docs/performance.md). Pages reach
 * it as Eleventy finishes them; it writes the index while the verifier reads the pages. Only elements
 * marked `data-pagefind-body` are indexed, so only pages that contain one are handed to Pagefind: the lists
 * on pages repeat every name and would multiply its work for nothing (measured in
 * docs/performance.md). With `forceLanguage` every record goes into one index (Pagefind otherwise
 * makes one per page language, and a search only sees its own page's).
 * @example const search = await SearchIndexer.start({ forceLanguage: "en" }); search.addBlocks(blocks); search.addPage(page, html); await search.finish("_site")
 */
export class SearchIndexer {
  readonly #pending: Promise<string[]>[] = [];
  #records = 0;
  #blockFolder: string | undefined;
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

  /** Hands over one page; `page` is its path relative to the output folder, such as `letters/x/index.html`. */
  addPage(page: string, html: string): void {
    if (!html.includes("data-pagefind-body")) return;
    this.#records += 1;
    this.#track(page, this.index.addHTMLFile({ sourcePath: page, content: html }));
  }

  /**
   * Writes the search blocks into a temporary folder, each at its URL's path, and has Pagefind index
   * that folder on its own while this process goes on. Once.
   * @throws when a block's URL is not a folder path of its own, or when the blocks were handed over already.
   */
  addBlocks(blocks: readonly SearchBlock[]): void {
    if (this.#blockFolder !== undefined) throw new Error("the search blocks were handed over already");
    const folder = mkdtempSync(join(tmpdir(), "undersigned-search-blocks-"));
    this.#blockFolder = folder;
    for (const block of blocks) {
      // Made by search-blocks.ts from slugs; checked anyway, since this is a path on disk.
      if (!/^\/(?:[A-Za-z0-9_-]+\/)+$/.test(block.url)) throw new Error(`a search block's URL must be a folder path such as /letters/x/_part-1/, not ${block.url}`);
      mkdirSync(join(folder, block.url), { recursive: true });
      writeFileSync(join(folder, block.url, "index.html"), block.html);
    }
    this.#records += blocks.length;
    this.#track(
      "the search blocks",
      this.index.addDirectory({ path: folder }).then((result) =>
        (result.errors.length > 0 || result.page_count === blocks.length) ? result : { errors: [`${result.page_count} of ${blocks.length} were indexed`] },
      ),
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
   * Waits for every page, writes the bundle to `<outputDir>/pagefind/` and stops Pagefind.
   * @throws when Pagefind reported errors for any page or could not write its files.
   */
  async finish(outputDir: string): Promise<SearchIndexResult> {
    try {
      const errors = (await Promise.all(this.#pending)).flat();
      if (errors.length > 0) throw new Error(`Pagefind could not index ${errors.join("; ")}`);
      const written = await this.index.writeFiles({ outputPath: `${outputDir}/pagefind` });
      if (written.errors.length > 0) throw new Error(`Pagefind could not write its files: ${written.errors.join("; ")}`);
      return { records: this.#records };
    } finally {
      await this.stop();
    }
  }

  /** Stops Pagefind without writing anything, when the build failed, and removes the blocks' folder. */
  async stop(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    try {
      await pagefind.close();
    } finally {
      if (this.#blockFolder !== undefined) rmSync(this.#blockFolder, { recursive: true, force: true });
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
