import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import * as pagefind from "pagefind";

/** What the search indexer did, for the build log. */
export interface SearchIndexResult {
  pages: number;
}

/**
 * Indexes a built site with Pagefind's Node API and writes the bundle to `<outputDir>/pagefind/`.
 * Only elements marked `data-pagefind-body` are indexed, so only pages that contain one are handed to
 * Pagefind: the by-date, per-country and print listings repeat every name and would triple its work
 * for nothing (measured in docs/performance.md). With `forceLanguage` every page goes into one
 * index (Pagefind otherwise makes one per page language, and a search only sees its own page's).
 * @throws when Pagefind reports errors.
 * @example await buildSearchIndex("_site", { forceLanguage: "en" })
 */
export async function buildSearchIndex(outputDir: string, options: { forceLanguage?: string } = {}): Promise<SearchIndexResult> {
  const { index, errors } = await pagefind.createIndex(options.forceLanguage === undefined ? {} : { forceLanguage: options.forceLanguage });
  try {
    if (index === undefined) throw new Error(`Pagefind could not start: ${errors.join("; ")}`);
    let pages = 0;
    for (const sourcePath of await htmlFiles(outputDir)) {
      const content = await readFile(join(outputDir, sourcePath), "utf8");
      if (!content.includes("data-pagefind-body")) continue;
      const added = await index.addHTMLFile({ sourcePath, content });
      if (added.errors.length > 0) throw new Error(`Pagefind could not index ${sourcePath}: ${added.errors.join("; ")}`);
      pages += 1;
    }
    const written = await index.writeFiles({ outputPath: `${outputDir}/pagefind` });
    if (written.errors.length > 0) throw new Error(`Pagefind could not write its files: ${written.errors.join("; ")}`);
    return { pages };
  } finally {
    await pagefind.close();
  }
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
