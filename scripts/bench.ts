// `npm run bench`: generates synthetic repositories, times every stage as its own process, and
// prints one table.
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { directoryBytes, markdownTable, measureCommand, median, type Measurement } from "./lib/bench/measure.ts";
import { nodeOptionsByScript } from "./lib/bench/node-options.ts";
import { BASE_BRANCH, commitPullRequest, PULL_REQUEST_BRANCH } from "./lib/bench/pull-request.ts";
import { writeSyntheticRepository } from "./lib/bench/synthetic.ts";
import { argumentsOrExit, parseCommandLine } from "./lib/command-line.ts";

const USAGE = `Usage: npm run bench -- [--sizes 1000,10000,100000] [--letters 1] [--runs 1] [--keep] [--pathprefix=/repo-name/]
Generates a synthetic repository for each size, times every stage as its own process (wall time and
peak memory) next to the bare floor, and prints one table (docs/performance.md).
  --sizes        signatories in each repository (default 1000,10000)
  --letters      letters they are spread over (default 1)
  --runs         runs of each stage; the table shows the median (default 1)
  --keep         leave the repositories and built sites in the temporary folder
  --pathprefix   build as for a GitHub Pages project site (default /)`;
const { values } = argumentsOrExit(parseCommandLine("npm run bench", USAGE, {
  sizes: { type: "string", default: "1000,10000" },
  letters: { type: "string", default: "1" },
  runs: { type: "string", default: "1" },
  keep: { type: "boolean", default: false },
  pathprefix: { type: "string", default: "/" },
}, process.argv.slice(2)), process);

const sizes = values.sizes.split(",").map((s) => Number(s.trim()));
const letters = Number(values.letters);
const runs = Number(values.runs);
if (sizes.some((n) => !Number.isInteger(n) || n < 1) || !Number.isInteger(letters) || letters < 1 || !Number.isInteger(runs) || runs < 1) {
  console.error("Invalid arguments. Expected: --sizes 1000,10000 (positive whole numbers) --letters 1 --runs 1");
  process.exit(2);
}

const projectRoot = fileURLToPath(new URL("..", import.meta.url));
const node = process.execPath;
// Each stage runs as its npm script runs it; the two files without a script run as the others do.
const nodeOptions = nodeOptionsByScript((JSON.parse(await readFile(join(projectRoot, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts);
const script = (name: string) => [...(nodeOptions.get(`${name}.ts`) ?? ["scripts/run.js"]), join("scripts", `${name}.ts`)];

interface Stage {
  name: string;
  args: (root: string, out: string) => string[];
}

/** The signature a contributor adds: validated on its own, and proposed by pull request to check-pr. */
const NEW_FILE = "signatories/letter-1/new-signatory.yaml";

// Each stage is a separate process, as a maintainer or CI would run it.
const stages: Stage[] = [
  { name: "validate (all)", args: (root) => [...script("validate"), "--root", root] },
  { name: "validate (one new file)", args: (root) => [...script("validate"), "--root", root, join(root, NEW_FILE)] },
  { name: "check-pr (one new file)", args: (root) => [...script("check-pr"), "--root", root, "--base", BASE_BRANCH, "--head", PULL_REQUEST_BRANCH] },
  { name: "eleventy (+ exports)", args: (root, out) => [...script("build"), "--root", root, "--output", join(out, "stage"), `--pathprefix=${values.pathprefix}`, "--quiet", "--skip-search", "--skip-verify"] },
  { name: "load + pagefind", args: (root, out) => [...script("search-index"), "--site", join(out, "stage"), "--root", root] },
  { name: "verify site", args: (root, out) => [...script("verify-site"), "--root", root, "--site", join(out, "stage"), `--pathprefix=${values.pathprefix}`] },
  { name: "npm run build (total)", args: (root, out) => [...script("build"), "--root", root, "--output", join(out, "site"), `--pathprefix=${values.pathprefix}`, "--quiet"] },
  { name: "bare floor (read + parse + write one page)", args: (root, out) => [...script("bench-floor"), "--root", root, "--output", join(out, "floor.html")] },
];

const fmtS = (m: Measurement) => m.seconds.toFixed(2);
const fmtMb = (m: Measurement) => (m.peakMb === undefined ? "n/a" : m.peakMb.toFixed(0));
const rows: string[][] = [];
const summary: string[][] = [];

for (const size of sizes) {
  const root = await mkdtemp(join(tmpdir(), `undersigned-bench-${size}-`));
  const out = await mkdtemp(join(tmpdir(), `undersigned-bench-out-${size}-`));
  const generated = performance.now();
  await writeSyntheticRepository(root, { signatories: size, letters });
  console.error(`${size}: generated ${size} signatories over ${letters} ${letters === 1 ? "letter" : "letters"} in ${((performance.now() - generated) / 1000).toFixed(1)} s (${root})`);
  await writeFile(join(root, NEW_FILE), "name: A New Signatory\ntype: organisation\ncountry: KE\nsigned: 2024-04-01\n");
  const committed = performance.now();
  commitPullRequest(root, NEW_FILE);
  console.error(`${size}: committed them, and a pull request adding ${NEW_FILE}, in ${((performance.now() - committed) / 1000).toFixed(1)} s`);

  const results = new Map<string, Measurement>();
  for (const stage of stages) {
    const measured: Measurement[] = [];
    for (let run = 0; run < runs; run += 1) {
      const m = await measureCommand(node, stage.args(root, out), projectRoot);
      if (m.code !== 0) {
        console.error(`${size}: stage "${stage.name}" failed (exit ${m.code}):\n${m.stderr}`);
        process.exit(1);
      }
      measured.push(m);
    }
    const mid = measured.find((m) => m.seconds === median(measured.map((x) => x.seconds)))!;
    results.set(stage.name, mid);
    console.error(`${size}: ${stage.name}: ${fmtS(mid)} s, ${fmtMb(mid)} MB`);
    rows.push([`${size.toLocaleString("en")}`, stage.name, fmtS(mid), fmtMb(mid)]);
  }

  const site = join(out, "site");
  const letterPage = join(site, "letters", "letter-1", "index.html");
  const total = results.get("npm run build (total)")!;
  const floor = results.get("bare floor (read + parse + write one page)")!;
  summary.push([
    size.toLocaleString("en"),
    (total.seconds / floor.seconds).toFixed(1),
    ((await stat(letterPage)).size / 1024).toFixed(0),
    ((await directoryBytes(join(site, "pagefind"))) / 1024 / 1024).toFixed(1),
    ((await directoryBytes(site)) / 1024 / 1024).toFixed(1),
  ]);
  if (!values.keep) await Promise.all([rm(root, { recursive: true, force: true }), rm(out, { recursive: true, force: true })]);
}

console.log(`\nStages (each a separate process; median of ${runs} ${runs === 1 ? "run" : "runs"}; ${letters} ${letters === 1 ? "letter" : "letters"})\n`);
console.log(markdownTable(["signatories", "stage", "wall s", "peak MB"], rows));
console.log("\nOutput\n");
console.log(markdownTable(["signatories", "build ÷ floor", "letter page KB", "pagefind MB", "site MB"], summary));
if (!existsSync("/usr/bin/time")) console.log("\n(peak memory needs GNU time: apt-get install time)");
