import { readdir, readFile } from "node:fs/promises";
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
 * A Pagefind index being filled record by record. Pagefind runs in its own process: the signatories'
 * search blocks (search-blocks.ts) are sent to it before Eleventy starts, and pages as Eleventy
 * finishes them. They reach it through a pipe that only a free event loop fills, so most of its
 * work happens once Eleventy is done, while the verifier reads the pages. Only elements marked
 * `data-pagefind-body` are indexed, so only pages that contain one are handed to Pagefind: the lists
 * on pages repeat every name and would multiply its work for nothing (measured in
 * docs/performance.md). With `forceLanguage` every record goes into one index (Pagefind otherwise
 * makes one per page language, and a search only sees its own page's).
 * @example const search = await SearchIndexer.start({ forceLanguage: "en" }); search.addRecord(block.url, block.html); search.addPage(page, html); await search.finish("_site")
 */
export class SearchIndexer {
  readonly #pending: Promise<string[]>[] = [];
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
    this.#track(page, this.index.addHTMLFile({ sourcePath: page, content: html }));
  }

  /** Hands over a record that is not a page of the site, under its own root-relative `url`. */
  addRecord(url: string, html: string): void {
    this.#track(url, this.index.addHTMLFile({ url, content: html }));
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
      return { records: this.#pending.length };
    } finally {
      await this.stop();
    }
  }

  /** Stops Pagefind without writing anything, when the build failed. */
  async stop(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await pagefind.close();
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
  for (const block of blocks) search.addRecord(block.url, block.html);
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
