// Eleventy wiring only: directories, plugins, data and filters. The work happens in scripts/lib/.
// Docs: https://www.11ty.dev/docs/config/
import { HtmlBasePlugin } from "@11ty/eleventy";
import { DeferredContent } from "./scripts/lib/deferred-content.ts";
import { deferringHelpers, filters, globals } from "./scripts/lib/template-helpers.ts";
import { loadSite } from "./scripts/lib/load-site.ts";
import { createMarkdown } from "./scripts/lib/markdown.ts";
import { formatProblem } from "./scripts/lib/problem.ts";
import { buildSearchIndex } from "./scripts/lib/search-index.ts";
import { pageSinkOf, PASSTHROUGH_COPIES, WRITTEN_BY_SINK } from "./scripts/lib/page-sink.ts";
import { prefixRootUrls } from "./scripts/lib/path-prefix.ts";
import { searchBlocks } from "./scripts/lib/search-blocks.ts";
import type { SiteData } from "./scripts/lib/site-data.ts";

type EleventyConfig = any;

export default function (eleventyConfig: EleventyConfig) {
  // Content comes from our own loader and validator, never from Eleventy's data cascade: the build
  // and CI then read the same files the same way and fail with the same messages.
  // `npm run build` has already loaded and validated the data and passes it in; `npm start` loads it here.
  const root = process.env.UNDERSIGNED_ROOT ?? process.cwd();
  let loaded: SiteData | undefined;
  if (!("undersigned" in eleventyConfig.globalData)) {
    eleventyConfig.addGlobalData("undersigned", async () => {
      const { site, warnings } = await loadSite(root);
      for (const warning of warnings) console.warn(formatProblem(warning));
      loaded = site;
      return site;
    });
  }
  eleventyConfig.addWatchTarget(`${root}/signatories/`);
  eleventyConfig.addWatchTarget(`${root}/content/letters/`);
  eleventyConfig.addWatchTarget(`${root}/settings.yaml`);
  eleventyConfig.addWatchTarget("./i18n/");

  // Letters are data read by the loader, not templates: Eleventy must never run code found in them.
  eleventyConfig.ignores.add("content/letters/**");
  eleventyConfig.setLibrary("md", createMarkdown());
  eleventyConfig.setFrontMatterParsingOptions({ engines: { js: refuse, javascript: refuse } });

  // Templates write root-relative URLs ("/letters/…"); the --pathprefix is put in front of them in
  // one pass over each page. The plugin is kept for its htmlBaseUrl filter (absolute URLs in feeds
  // and exports); with baseHref "/" it leaves pages alone instead of re-parsing them.
  eleventyConfig.addPlugin(HtmlBasePlugin, { baseHref: "/" });
  // The lists of signatories and the exports are rendered as each page is finished, in this last
  // transform (scripts/lib/deferred-content.ts). `npm run build` then takes the finished file: it
  // writes it piece by piece and hands a page to Pagefind while Eleventy renders the next ones, and
  // Eleventy, in a dry run, keeps only a placeholder of it (not an empty string, over which Eleventy
  // warns once per file). A piece never splits an element, so the path prefix goes into each piece
  // as it would into the whole page.
  const deferred = new DeferredContent();
  eleventyConfig.addTransform("finish", function (this: { outputPath: string | false }, content: string) {
    if (typeof this.outputPath !== "string") return content;
    const finish = this.outputPath.endsWith(".html") ? (piece: string) => prefixRootUrls(piece, eleventyConfig.pathPrefix) : (piece: string) => piece;
    const sink = pageSinkOf(eleventyConfig);
    if (sink === undefined) return finish(deferred.expand(content));
    sink.addFile(this.outputPath, {
      outline: content,
      writeTo: (emit) => deferred.expandInto(content, (piece) => emit(finish(piece))),
      text: () => finish(deferred.expand(content)),
    });
    return WRITTEN_BY_SINK;
  });
  eleventyConfig.addPassthroughCopy({ ...PASSTHROUGH_COPIES });

  for (const [name, fn] of Object.entries(deferringHelpers(filters, deferred))) eleventyConfig.addFilter(name, fn);
  for (const [name, fn] of Object.entries(deferringHelpers(globals, deferred))) eleventyConfig.addNunjucksGlobal(name, fn);

  // Search indexes the finished pages and the signatories' search blocks, made from the data just
  // rendered. `npm run build` runs it itself, alongside Eleventy. One index in the site's language for
  // all letters, whatever theirs, so the site search finds every signatory.
  if (process.env.UNDERSIGNED_SEARCH !== "external") {
    eleventyConfig.on("eleventy.after", async ({ directories }: { directories: { output: string } }) => {
      if (loaded === undefined) throw new Error("The site's data was not loaded, so it cannot be indexed for search.");
      await buildSearchIndex(directories.output, searchBlocks(loaded), { forceLanguage: loaded.settings.lang });
    });
  }

  return {
    dir: { input: "content", includes: "../_includes" },
    templateFormats: ["njk"],
    markdownTemplateEngine: false,
    htmlTemplateEngine: false,
  };
}

function refuse(): never {
  throw new Error("JavaScript front matter is not allowed");
}
