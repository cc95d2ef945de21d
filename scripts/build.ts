// `npm run build`: validate, then build the site with Eleventy and index it with Pagefind.
// Usage: npm run build -- [--pathprefix=/repo-name/] [--root <content repo>] [--output <dir>] [--quiet]
import { parseArgs } from "node:util";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import Eleventy from "@11ty/eleventy";
import { loadSite, RepositoryInvalidError } from "./lib/load-site.ts";
import { formatProblem } from "./lib/problem.ts";
import { buildIntoPlace } from "./lib/swap-directory.ts";

const { values } = parseArgs({
  options: {
    pathprefix: { type: "string", default: "/" },
    root: { type: "string", default: "." },
    output: { type: "string", default: "_site" },
    quiet: { type: "boolean", default: false },
  },
});

const projectRoot = fileURLToPath(new URL("..", import.meta.url));
const root = resolve(values.root);
const output = resolve(values.output);
process.env.UNDERSIGNED_ROOT = root;
process.chdir(projectRoot);

const started = performance.now();
let loaded: Awaited<ReturnType<typeof loadSite>>;
try {
  loaded = await loadSite(root);
} catch (error) {
  if (!(error instanceof RepositoryInvalidError)) throw error;
  for (const p of error.problems) console.error(formatProblem(p));
  const errors = error.problems.filter((p) => p.severity === "error").length;
  console.error(`\nThe site was not built: ${errors} ${errors === 1 ? "error" : "errors"} in the content (see above). Fix them and build again.`);
  process.exit(1);
}
for (const warning of loaded.warnings) console.warn(formatProblem(warning));

await buildIntoPlace(output, async (staging) => {
  const eleventy = new Eleventy("content", staging, {
    configPath: ".eleventy.ts",
    pathPrefix: values.pathprefix,
    quietMode: values.quiet,
    config: (eleventyConfig: { addGlobalData(name: string, value: unknown): void }) => eleventyConfig.addGlobalData("undersigned", loaded.site),
  });
  await eleventy.write();
});
if (!values.quiet) console.log(`Built ${output} in ${((performance.now() - started) / 1000).toFixed(2)} s`);
