import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";

/**
 * Receives every finished file of a build (pages, feeds, exports, images) from `.eleventy.ts`.
 * `npm run build` writes them itself and runs Eleventy dry, so that Eleventy, which keeps what it
 * wrote until the build ends, keeps nothing of them (docs/performance.md).
 */
export interface PageSink {
  /** `outputPath` as Eleventy gives it (the output folder joined with the file's path). */
  addFile(outputPath: string, content: string): void;
}

/**
 * Folders copied into the site as they are, from the project root to the output folder: by Eleventy
 * (`npm start`), or by `npm run build`, whose Eleventy runs dry.
 */
export const PASSTHROUGH_COPIES: Readonly<Record<string, string>> = { "content/assets": "assets" };

// A symbol, not a name: nothing of Eleventy's own can collide with it.
const PAGE_SINK = Symbol.for("undersigned.page-sink");

/**
 * Hands a sink to `.eleventy.ts` through the Eleventy configuration object, from `npm run build`,
 * which sets it before the configuration file runs.
 * @example setPageSink(eleventyConfig, { addFile: (path, content) => files.write(path, content) })
 */
export function setPageSink(eleventyConfig: object, sink: PageSink): void {
  (eleventyConfig as Record<symbol, PageSink>)[PAGE_SINK] = sink;
}

/**
 * The sink set by {@link setPageSink}, if any (`npm start` sets none).
 * @example pageSinkOf(eleventyConfig)?.addFile(this.outputPath, content)
 */
export function pageSinkOf(eleventyConfig: object): PageSink | undefined {
  return (eleventyConfig as Record<symbol, PageSink | undefined>)[PAGE_SINK];
}

/**
 * Writes a build's files, making each folder once, as Eleventy does: synchronously, so that
 * hundreds of pages never wait in memory for the disk.
 * @example const files = new SiteFileWriter(); files.write("_site/index.html", html);
 */
export class SiteFileWriter {
  readonly #folders = new Set<string>();
  #count = 0;

  /** How many files this writer has written. */
  get count(): number {
    return this.#count;
  }

  /** Writes `content` to `path`, making its folder first if this writer has not made it yet. */
  write(path: string, content: string): void {
    const folder = dirname(path);
    if (!this.#folders.has(folder)) {
      mkdirSync(folder, { recursive: true });
      this.#folders.add(folder);
    }
    writeFileSync(path, content);
    this.#count += 1;
  }
}
