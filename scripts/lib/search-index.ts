import * as pagefind from "pagefind";

/** What the search indexer did, for the build log. */
export interface SearchIndexResult {
  pages: number;
}

/**
 * Indexes a built site with Pagefind's Node API and writes the bundle to `<outputDir>/pagefind/`.
 * Only elements marked `data-pagefind-body` are indexed. With `forceLanguage` every page goes into one
 * index (Pagefind otherwise makes one per page language, and a search only sees its own page's).
 * @throws when Pagefind reports errors.
 * @example await buildSearchIndex("_site", { forceLanguage: "en" })
 */
export async function buildSearchIndex(outputDir: string, options: { forceLanguage?: string } = {}): Promise<SearchIndexResult> {
  const { index, errors } = await pagefind.createIndex(options.forceLanguage === undefined ? {} : { forceLanguage: options.forceLanguage });
  try {
    if (index === undefined) throw new Error(`Pagefind could not start: ${errors.join("; ")}`);
    const added = await index.addDirectory({ path: outputDir });
    if (added.errors.length > 0) throw new Error(`Pagefind could not index ${outputDir}: ${added.errors.join("; ")}`);
    const written = await index.writeFiles({ outputPath: `${outputDir}/pagefind` });
    if (written.errors.length > 0) throw new Error(`Pagefind could not write its files: ${written.errors.join("; ")}`);
    return { pages: added.page_count };
  } finally {
    await pagefind.close();
  }
}
