// Indexes a built site with Pagefind, as `npm run build` does after Eleventy (a separate stage for `npm run bench`).
// Usage: node --import tsx scripts/search-index.ts --site <built site folder>
import { parseArgs } from "node:util";
import { buildSearchIndex } from "./lib/search-index.ts";

const { values } = parseArgs({ options: { site: { type: "string", default: "_site" } } });
const { pages } = await buildSearchIndex(values.site);
console.log(`Indexed ${pages} ${pages === 1 ? "page" : "pages"} of ${values.site}`);
