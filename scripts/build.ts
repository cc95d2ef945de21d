// `npm run build`: validate, then build the site with Eleventy and index it with Pagefind.
import { cpSync } from "node:fs";
import { join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { argumentsOrExit, parseCommandLine } from "./lib/command-line.ts";
import { compiledEntry } from "./lib/compile-scripts.js";
import { HeldWrites } from "./lib/held-writes.ts";
import { loadSite, RepositoryInvalidError } from "./lib/load-site.ts";
import { formatProblem } from "./lib/problem.ts";
import { PASSTHROUGH_COPIES, setPageSink, SiteFileWriter } from "./lib/page-sink.ts";
import { searchBlocks } from "./lib/search-blocks.ts";
import { SearchIndexer } from "./lib/search-index.ts";
import type { SiteData } from "./lib/site-data.ts";
import { expectationOf } from "./lib/site-expectation.ts";
import { buildIntoPlace } from "./lib/swap-directory.ts";
import { keepCompiledTemplates, TEMPLATE_CACHE_FILE } from "./lib/template-cache.ts";
import type { Problem, Repository } from "./lib/types.ts";
import { pageFileOf, SiteVerificationError, verifySite } from "./lib/verify-site.ts";

const USAGE = `Usage: npm run build -- [--pathprefix=/repo-name/] [--root <content repo>] [--output <dir>] [--quiet]
                        [--skip-search] [--skip-verify]
Validates the letters and signatories, builds the site with Eleventy, indexes it with Pagefind and
verifies it; the site replaces <dir> only when all of that succeeds.
  --pathprefix   where the site is served from: /repo-name/ for a GitHub Pages project site (default /)
  --root         the repository with the content (default: this folder)
  --output       the built site's folder (default _site)
  --quiet        print only problems
  --skip-search, --skip-verify   leave out Pagefind or the verifier (npm run bench times them on their own)`;
const { values } = argumentsOrExit(parseCommandLine("npm run build", USAGE, {
  pathprefix: { type: "string", default: "/" },
  root: { type: "string", default: "." },
  output: { type: "string", default: "_site" },
  quiet: { type: "boolean", default: false },
  "skip-search": { type: "boolean", default: false },
  "skip-verify": { type: "boolean", default: false },
}, process.argv.slice(2)), process);

interface EleventyUserConfig {
  addGlobalData(name: string, value: unknown): void;
  benchmarkManager: { get(name: string): { setIsVerbose(verbose: boolean): void } };
}

const projectRoot = fileURLToPath(new URL("..", import.meta.url));
const root = resolve(values.root);
const output = resolve(values.output);
process.env.UNDERSIGNED_ROOT = root;
process.env.UNDERSIGNED_SEARCH = "external";
// On Node before 22.15, Eleventy registers module hooks, which run on a thread of their own, so that
// `--serve` can import a changed file afresh; every import after them waits for that thread. A build
// imports each file once. Builds of 1,000 signatories took 1.65–1.94 s without them, 1.87–2.26 s with
// them (docs/performance.md).
process.env.ELEVENTY_SKIP_ESM_RESOLVER = "1";
process.chdir(projectRoot);

const started = performance.now();
// Eleventy takes about 0.7 s to import. In a large repository, where worker threads check signatory
// files, the main thread imports it while they start and joins them after (docs/performance.md).
const eleventyModule = import("@11ty/eleventy");
const content: { site?: SiteData; repo: Repository; warnings: Problem[] } = await loadOrExit(root, eleventyModule);
for (const warning of content.warnings) console.warn(formatProblem(warning));
const lang = content.site!.settings.lang;
const blocks = searchBlocks(content.site!);
const expectation = expectationOf(content.repo, values.pathprefix, blocks);

try {
  await buildIntoPlace(output, async (staging) => {
    // Pagefind reads the signatories' search blocks from files while Eleventy renders, on the other
    // core, and gets each page as Eleventy finishes it. It writes its index in its own process once it
    // has the letters' pages, while Eleventy writes the rest and the verifier reads them (docs/performance.md).
    const search = values["skip-search"] ? undefined : await SearchIndexer.start({ forceLanguage: lang });
    try {
      search?.addBlocks(blocks);
      // The letters' pages are the only ones with a search body (the other pages keep their lists
      // out of the index), and the build writes them before any other page (held-writes.ts).
      search?.writeOnceIndexed(content.site!.letterPages.map((letter) => pageFileOf(letter.url)), staging);
      await writePages(staging, content.site!, search);
      // The site data and Eleventy are let go once the pages are written: the verifier needs neither.
      // Collected at once, they make room for the verifier's reading; left to the collector, the heap
      // grew on top of them (peak 1,050 MB against 860 MB, when Eleventy still kept every page it
      // rendered). `npm run build` passes --expose-gc.
      delete content.site;
      (globalThis as { gc?: () => void }).gc?.();
      const indexed = search?.finish(staging);
      if (values["skip-verify"]) {
        await indexed;
        return;
      }
      // Checked before the swap: a site that loses or injects a signatory never replaces the last good one.
      // A second thread joins the verifier once Pagefind, which has the other core until then, is done.
      const verifying = verifySite(staging, expectation, { filesStillBeingWritten: indexed, secondThreadAfter: indexed ?? Promise.resolve() });
      const [, verification] = await Promise.all([indexed, verifying]);
      if (verification.problems.length > 0) throw new SiteVerificationError(verification.problems);
    } finally {
      await search?.stop();
    }
  });
} catch (error) {
  if (!(error instanceof SiteVerificationError)) throw error;
  for (const p of error.problems) console.error(`${p.page}: ${p.message}`);
  const n = error.problems.length;
  console.error(`\nThe built site failed verification: ${n} ${n === 1 ? "problem" : "problems"} (see above); the previous site was kept.`);
  process.exit(1);
}
if (!values.quiet) console.log(`Built ${output} in ${((performance.now() - started) / 1000).toFixed(2)} s`);

/** Loads the content, or prints every problem and exits when it has errors. */
async function loadOrExit(from: string, mainThreadAfter: Promise<unknown>): Promise<Awaited<ReturnType<typeof loadSite>>> {
  try {
    return await loadSite(from, { mainThreadAfter });
  } catch (error) {
    if (!(error instanceof RepositoryInvalidError)) throw error;
    for (const p of error.problems) console.error(formatProblem(p));
    const errors = error.problems.filter((p) => p.severity === "error").length;
    console.error(`\nThe site was not built: ${errors} ${errors === 1 ? "error" : "errors"} in the content (see above). Fix them and build again.`);
    process.exit(1);
  }
}

/**
 * Renders the site into `staging` with Eleventy, writing each file as Eleventy finishes it and
 * handing each page to the search index. Eleventy runs dry: it would keep every file it wrote until
 * the end (see page-sink.ts), so the build writes them, and copies the assets itself.
 */
async function writePages(staging: string, data: SiteData, search: SearchIndexer | undefined): Promise<void> {
  const { default: Eleventy } = await eleventyModule;
  const files = new SiteFileWriter();
  // The letters' pages go to Pagefind first; the files Eleventy finishes before them wait (held-writes.ts).
  const held = new HeldWrites(search === undefined ? [] : data.letterPages.map((letter) => pageFileOf(letter.url)));
  // Compiled like this command, into the same modules: the configuration and the build share them.
  const configPath = await compiledEntry(resolve(projectRoot, ".eleventy.ts"));
  const eleventy = new Eleventy("content", staging, {
    configPath,
    pathPrefix: values.pathprefix,
    quietMode: values.quiet,
    dryRun: true,
    config: (eleventyConfig: EleventyUserConfig) => {
      eleventyConfig.addGlobalData("undersigned", data);
      // Eleventy reports a transform or filter of the configuration that takes over 8% of its run as
      // slow. The last transform is where this build writes every file (see .eleventy.ts), so from a
      // thousand signatories on it always would be, in every deploy's log: the build's own stages are
      // timed by `npm run bench` instead. (This group is made before --quiet applies, so --quiet alone
      // would not silence it either.)
      eleventyConfig.benchmarkManager.get("Configuration").setIsVerbose(false);
      setPageSink(eleventyConfig, {
        addFile(outputPath, file) {
          const page = relative(staging, resolve(outputPath)).split(sep).join("/");
          // Pagefind takes a page with a search body whole; every other file is written piece by piece.
          if (search === undefined || !page.endsWith(".html") || !file.outline.includes("data-pagefind-body")) {
            held.write(() => files.writePieces(outputPath, (emit) => file.writeTo(emit)));
            return;
          }
          const html = file.text();
          files.write(outputPath, html);
          search.addPage(page, html);
          held.arrived(page);
        },
      });
    },
  });
  // Eleventy's closing line counts the files Eleventy wrote, none in a dry run: it counts the build's.
  const writing = performance.now();
  (eleventy as unknown as { logFinished(): string }).logFinished = () => `Wrote ${files.count} files in ${((performance.now() - writing) / 1000).toFixed(2)} seconds`;
  for (const [from, to] of Object.entries(PASSTHROUGH_COPIES)) cpSync(resolve(projectRoot, from), join(staging, to), { recursive: true });
  const templates = keepCompiledTemplates(TEMPLATE_CACHE_FILE, configPath);
  try {
    await eleventy.write();
  } finally {
    templates.close();
  }
  held.release();
}
