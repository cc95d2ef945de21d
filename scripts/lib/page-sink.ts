import { closeSync, mkdirSync, openSync, writeFileSync, writeSync } from "node:fs";
import { dirname } from "node:path";

/**
 * Receives every finished file of a build (pages, feeds, exports, images) from `.eleventy.ts`.
 * `npm run build` writes them itself and runs Eleventy dry, so that Eleventy, which keeps what it
 * wrote until the build ends, keeps nothing of them (docs/performance.md).
 */
export interface PageSink {
  /** `outputPath` as Eleventy gives it (the output folder joined with the file's path). */
  addFile(outputPath: string, file: FinishedFile): void;
}

/**
 * What Eleventy keeps of a file handed to a sink, in place of its text: Eleventy runs dry then and
 * writes nothing, and it warns about every file whose last transform returns an empty string.
 */
export const WRITTEN_BY_SINK = "(written by npm run build)";

/** A finished file, to be had once: whole, or piece by piece without ever being whole in memory. */
export interface FinishedFile {
  /** Its text before its lists are put in (deferred-content.ts): enough to tell whether a page has a search body. */
  readonly outline: string;
  /** Hands the file's text to `emit`, in order, piece by piece. */
  writeTo(emit: (piece: string) => void): void;
  /** The whole text. */
  text(): string;
}

/** The buffer pieces are gathered in before each write: small enough to stay in the processor's cache. */
export const WRITE_BUFFER_BYTES = 256 * 1024;
// UTF-8 needs at most 3 bytes for each UTF-16 code unit.
const MAX_UTF8_BYTES_PER_UNIT = 3;

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
 * @example setPageSink(eleventyConfig, { addFile: (path, file) => files.writePieces(path, (emit) => file.writeTo(emit)) })
 */
export function setPageSink(eleventyConfig: object, sink: PageSink): void {
  (eleventyConfig as Record<symbol, PageSink>)[PAGE_SINK] = sink;
}

/**
 * The sink set by {@link setPageSink}, if any (`npm start` sets none).
 * @example pageSinkOf(eleventyConfig)?.addFile(this.outputPath, file)
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
  readonly #buffer = Buffer.allocUnsafe(WRITE_BUFFER_BYTES);
  #count = 0;

  /** How many files this writer has written. */
  get count(): number {
    return this.#count;
  }

  /** Writes `content` to `path`, making its folder first if this writer has not made it yet. */
  write(path: string, content: string): void {
    this.#makeFolderOf(path);
    writeFileSync(path, content);
    this.#count += 1;
  }

  /**
   * Writes to `path` the pieces that `produce` hands over, gathered into one buffer: a page of
   * 100,000 entries is never one string, nor one buffer, in memory (docs/performance.md).
   */
  writePieces(path: string, produce: (emit: (piece: string) => void) => void): void {
    this.#makeFolderOf(path);
    const buffer = this.#buffer;
    const fd = openSync(path, "w");
    try {
      let used = 0;
      const flush = (bytes: Uint8Array, length: number) => {
        for (let done = 0; done < length; ) done += writeSync(fd, bytes, done, length - done);
      };
      produce((piece) => {
        if (piece.length * MAX_UTF8_BYTES_PER_UNIT > buffer.length - used) {
          flush(buffer, used);
          used = 0;
          if (piece.length * MAX_UTF8_BYTES_PER_UNIT > buffer.length) {
            const bytes = Buffer.from(piece);
            flush(bytes, bytes.length);
            return;
          }
        }
        used += buffer.write(piece, used);
      });
      flush(buffer, used);
    } finally {
      closeSync(fd);
    }
    this.#count += 1;
  }

  #makeFolderOf(path: string): void {
    const folder = dirname(path);
    if (!this.#folders.has(folder)) {
      mkdirSync(folder, { recursive: true });
      this.#folders.add(folder);
    }
  }
}
