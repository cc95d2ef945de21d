// `npm run verify-site`: checks a built site against the repository it was built from.
// Usage: npm run verify-site -- [--site _site] [--root <content repo>] [--pathprefix=/repo-name/]
import { parseArgs } from "node:util";
import { resolve } from "node:path";
import { loadRepository } from "./lib/load-repository.ts";
import { verifySite } from "./lib/verify-site.ts";
import { expectationOf } from "./lib/site-expectation.ts";

const { values } = parseArgs({
  options: {
    site: { type: "string", default: "_site" },
    root: { type: "string", default: "." },
    pathprefix: { type: "string", default: "/" },
  },
});

const repo = await loadRepository(resolve(values.root));
const result = await verifySite(resolve(values.site), expectationOf(repo, values.pathprefix));
for (const p of result.problems) console.log(`${p.page}: ${p.message}`);
if (result.problems.length > 0) {
  console.error(`\nThe built site failed verification: ${result.problems.length} ${result.problems.length === 1 ? "problem" : "problems"} (see above).`);
  process.exitCode = 1;
} else {
  console.error(`Verified ${result.pages} pages and ${result.entries} signatory entries: no problems.`);
}
