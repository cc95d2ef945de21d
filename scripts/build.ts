// `npm run build`: validate, then build the site with Eleventy and index it with Pagefind.
// Usage: npm run build -- [--pathprefix=/repo-name/] [--root <content repo>] [--output <dir>] [--quiet]
import { parseArgs } from "node:util";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import Eleventy from "@11ty/eleventy";
import { formatProblem } from "./lib/problem.ts";
import { buildIntoPlace } from "./lib/swap-directory.ts";
import type { Problem } from "./lib/types.ts";

const { values } = parseArgs({
  options: {
    pathprefix: { type: "string", default: "/" },
    root: { type: "string", default: "." },
    output: { type: "string", default: "_site" },
    quiet: { type: "boolean", default: false },
  },
});

const projectRoot = fileURLToPath(new URL("..", import.meta.url));
process.env.UNDERSIGNED_ROOT = resolve(values.root);
const output = resolve(values.output);
process.chdir(projectRoot);

const started = performance.now();
try {
  await buildIntoPlace(output, async (staging) => {
    const eleventy = new Eleventy("content", staging, { configPath: ".eleventy.ts", pathPrefix: values.pathprefix, quietMode: values.quiet });
    await eleventy.write();
  });
  if (!values.quiet) console.log(`Built ${output} in ${((performance.now() - started) / 1000).toFixed(2)} s`);
} catch (error) {
  const problems = findProblems(error);
  if (problems === undefined) throw error;
  for (const p of problems) console.error(formatProblem(p));
  const errors = problems.filter((p) => p.severity === "error").length;
  console.error(`\nThe site was not built: ${errors} ${errors === 1 ? "error" : "errors"} in the content (see above). Fix them and build again.`);
  process.exitCode = 1;
}

// Eleventy wraps errors from data functions; the validator's own error is somewhere in the chain.
function findProblems(error: unknown): readonly Problem[] | undefined {
  for (let e: unknown = error; e instanceof Error; e = (e as Error & { originalError?: unknown }).originalError ?? e.cause) {
    if (e.name === "RepositoryInvalidError" && "problems" in e) return e.problems as Problem[];
  }
  return undefined;
}
