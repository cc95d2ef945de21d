// `npm run verify-site`: checks a built site against the repository it was built from.
import { statSync } from "node:fs";
import { resolve } from "node:path";
import { builtPathPrefix } from "./lib/built-prefix.ts";
import { argumentsOrExit, parseCommandLine } from "./lib/command-line.ts";
import { loadSite, RepositoryInvalidError } from "./lib/load-site.ts";
import { normalisePathPrefix } from "./lib/path-prefix.ts";
import { formatProblem } from "./lib/problem.ts";
import { searchBlocks } from "./lib/search-blocks.ts";
import { verifySite } from "./lib/verify-site.ts";
import { expectationOf } from "./lib/site-expectation.ts";

const USAGE = `Usage: npm run verify-site -- [--site _site] [--root <content repo>] [--pathprefix=/repo-name/]
Checks a built site against the repository: every signatory listed exactly once where it belongs,
counts, search records, and every link.
  --site         the built site's folder (default _site)
  --root         the repository with the content (default: this folder)
  --pathprefix   the prefix the site was built with (default /)`;
const { values } = argumentsOrExit(parseCommandLine("npm run verify-site", USAGE, {
  site: { type: "string", default: "_site" },
  root: { type: "string", default: "." },
  pathprefix: { type: "string", default: "/" },
}, process.argv.slice(2)), process);

const siteDir = resolve(values.site);
if (statSync(siteDir, { throwIfNoEntry: false })?.isDirectory() !== true) {
  console.error(`There is no built site in ${values.site}: build it with npm run build, or name its folder with --site.`);
  process.exit(1);
}

const built = builtPathPrefix(siteDir);
if (built !== undefined && built !== normalisePathPrefix(values.pathprefix)) {
  console.error(`The site in ${values.site} was built with the path prefix ${built}, not ${values.pathprefix}: check it with npm run verify-site -- --pathprefix=${built}`);
  process.exit(1);
}

let loaded: Awaited<ReturnType<typeof loadSite>>;
try {
  loaded = await loadSite(resolve(values.root));
} catch (error) {
  if (!(error instanceof RepositoryInvalidError)) throw error;
  for (const p of error.problems) console.error(formatProblem(p));
  console.error("\nThe repository has errors (see above), so there is no site to check against it. Fix them first.");
  process.exit(1);
}
const { repo, site } = loaded;
const result = await verifySite(siteDir, expectationOf(repo, values.pathprefix, searchBlocks(site)));
for (const p of result.problems) console.log(`${p.page}: ${p.message}`);
if (result.problems.length > 0) {
  console.error(`\nThe built site failed verification: ${result.problems.length} ${result.problems.length === 1 ? "problem" : "problems"} (see above).`);
  process.exitCode = 1;
} else {
  console.error(`Verified ${result.pages} pages and ${result.entries} signatory entries: no problems.`);
}
