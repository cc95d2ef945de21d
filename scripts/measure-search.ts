// `node scripts/run.js scripts/measure-search.ts --site <built site> --query "<name>" [--prefix /repo/]`:
// opens the site's search page in Chromium, searches once with an empty cache as soon as the page has
// loaded and once after Pagefind has loaded, and prints what the search downloaded from pagefind/ and
// how long the first result took. A measurement, not a test.
import { parseArgs } from "node:util";
import { resolve } from "node:path";
import { measureSearch } from "./lib/bench/search-bytes.ts";
import { launchChromium } from "./lib/chromium.ts";

const { values } = parseArgs({
  options: {
    site: { type: "string" },
    query: { type: "string" },
    prefix: { type: "string", default: "/" },
  },
});
if (values.site === undefined || values.query === undefined || !values.prefix.startsWith("/") || !values.prefix.endsWith("/")) {
  console.error('Missing or invalid arguments. Expected: --site <built site folder> --query "<a name>" [--prefix /repo-name/ (starts and ends with /)]');
  process.exit(2);
}

const browser = await launchChromium();
try {
  for (const typed of ["on-load", "when-ready"] as const) {
    const cost = await measureSearch(browser, resolve(values.site), values.query, values.prefix, typed);
    console.log(`typed ${typed}: first result "${cost.firstResult}" after ${Math.round(cost.firstResultMs)} ms; pagefind/ downloaded ${(cost.pagefindBytes / 1024).toFixed(1)} KB in ${cost.pagefindRequests} requests`);
  }
} finally {
  await browser.close();
}
