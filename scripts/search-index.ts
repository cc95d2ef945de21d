// Indexes a built site with Pagefind, with its signatories' search blocks made from the repository it
// was built from, as `npm run build` does alongside Eleventy (a separate stage for `npm run bench`).
// Usage: node scripts/run.js scripts/search-index.ts --site <built site folder> --root <content repo>
import { parseArgs } from "node:util";
import { resolve } from "node:path";
import { loadSite } from "./lib/load-site.ts";
import { searchBlocks } from "./lib/search-blocks.ts";
import { buildSearchIndex } from "./lib/search-index.ts";

const { values } = parseArgs({ options: { site: { type: "string", default: "_site" }, root: { type: "string", default: "." } } });
const { site } = await loadSite(resolve(values.root));
const { records } = await buildSearchIndex(values.site, searchBlocks(site), { forceLanguage: site.settings.lang });
console.log(`Indexed ${records} ${records === 1 ? "record" : "records"} of ${values.site}`);
