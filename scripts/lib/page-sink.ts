/** Receives every finished HTML page of a build, as Eleventy writes it. */
export interface PageSink {
  /** `outputPath` as Eleventy gives it (the output folder joined with the page's path). */
  addPage(outputPath: string, html: string): void;
}

// A symbol, not a name: nothing of Eleventy's own can collide with it.
const PAGE_SINK = Symbol.for("undersigned.page-sink");

/**
 * Hands a sink to `.eleventy.ts` through the Eleventy configuration object, from `npm run build`,
 * which sets it before the configuration file runs.
 * @example setPageSink(eleventyConfig, { addPage: (path, html) => index.add(path, html) })
 */
export function setPageSink(eleventyConfig: object, sink: PageSink): void {
  (eleventyConfig as Record<symbol, PageSink>)[PAGE_SINK] = sink;
}

/**
 * The sink set by {@link setPageSink}, if any (`npm start` sets none).
 * @example pageSinkOf(eleventyConfig)?.addPage(this.outputPath, html)
 */
export function pageSinkOf(eleventyConfig: object): PageSink | undefined {
  return (eleventyConfig as Record<symbol, PageSink | undefined>)[PAGE_SINK];
}
