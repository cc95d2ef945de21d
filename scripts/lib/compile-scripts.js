// @ts-check
// Plain JavaScript, because it is what makes the TypeScript commands runnable without a loader.
// On Node 20 a TypeScript loader (tsx) runs its hooks on a thread of their own: every process, and
// every worker thread, waited 0.4–0.5 s for it before running a line of ours (docs/performance.md).
// The commands are instead compiled with esbuild into node_modules/.cache/undersigned/, once for all
// of them, and compiled again whenever any source they are made of differs by a byte.
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const PROJECT_ROOT = fileURLToPath(new URL("../../", import.meta.url));
/** Where the compiled commands go: one folder per set of sources, named by their hash. */
const COMPILED_DIR = join(PROJECT_ROOT, "node_modules", ".cache", "undersigned");
const STAMP = join(COMPILED_DIR, "current.json");
const THIS_FILE = fileURLToPath(import.meta.url);
/** Compiled folders kept besides the current one, for processes still running from them. */
const KEPT_OLD_BUILDS = 2;
/** `import.meta.url` in code; not where a quote marks it as text, as it is in this file. */
const IMPORT_META_URL = /(?<!["'`\w.])import\.meta\.url\b/g;
/** A staging folder this old belongs to a compile that was killed: none takes more than seconds. */
const ABANDONED_AFTER_MS = 60 * 60 * 1000;
/** Bumped whenever the compile options below change, so that every cached build is made again. */
const COMPILE_FORMAT = 1;

/** Thrown when a command cannot be compiled: its message says why, for the person who ran it. */
export class CompileError extends Error {
  /** @override */
  name = "CompileError";
}

/**
 * @typedef {object} Stamp
 * @property {number} format COMPILE_FORMAT of the build.
 * @property {string} root The project folder, whose paths the build has inlined.
 * @property {string[]} entries The entry points, relative to the project folder.
 * @property {Record<string, string>} inputs Every source file of the build, with the SHA-256 of its content.
 * @property {string} dir The build's folder, inside COMPILED_DIR.
 */

/**
 * The compiled module of a TypeScript entry point (a command in scripts/, `.eleventy.ts` or a
 * `scripts/lib/*-worker.ts`), compiled first if any of its sources changed since the last build.
 * @param {string} source Absolute path of the entry point's TypeScript file.
 * @returns {Promise<string>} Absolute path of its compiled `.mjs`.
 * @throws {CompileError} when `source` is not an entry point, or when esbuild cannot compile the sources.
 * @example await compiledEntry(join(projectRoot, "scripts", "validate.ts")) // …/node_modules/.cache/undersigned/<hash>/scripts/validate.mjs
 */
export async function compiledEntry(source) {
  const entry = relative(PROJECT_ROOT, source).split(sep).join("/");
  const entries = entryPoints();
  if (!entries.includes(entry)) throw new CompileError(`${entry} is not a command that can be compiled: expected one of ${entries.join(", ")}`);
  const stamp = currentStamp(entries) ?? (await compile(entries));
  return join(COMPILED_DIR, stamp.dir, entry.replace(/\.ts$/, ".mjs"));
}

/**
 * Compiles when needed, then runs a TypeScript entry point (see {@link compiledEntry}).
 * @param {string} source Absolute path of the entry point's TypeScript file.
 * @returns {Promise<unknown>} The module's namespace.
 * @example await importCompiled(join(projectRoot, "scripts", "build.ts"))
 */
export async function importCompiled(source) {
  return import(pathToFileURL(await compiledEntry(source)).href);
}

/** Every file that can be run: the commands, the Eleventy configuration and the worker threads' entries. */
function entryPoints() {
  const scripts = readdirSync(join(PROJECT_ROOT, "scripts")).filter((f) => f.endsWith(".ts")).map((f) => `scripts/${f}`);
  const workers = readdirSync(join(PROJECT_ROOT, "scripts", "lib")).filter((f) => f.endsWith("-worker.ts")).map((f) => `scripts/lib/${f}`);
  return [".eleventy.ts", ...scripts, ...workers].sort();
}

/**
 * The stamp of the last build, when it was made from exactly the sources there are now.
 * @param {string[]} entries
 * @returns {Stamp | undefined}
 */
function currentStamp(entries) {
  /** @type {Stamp} */
  let stamp;
  try {
    stamp = JSON.parse(readFileSync(STAMP, "utf8"));
  } catch {
    return undefined;
  }
  if (stamp.format !== COMPILE_FORMAT || stamp.root !== PROJECT_ROOT || stamp.entries.join("\n") !== entries.join("\n")) return undefined;
  for (const [file, hash] of Object.entries(stamp.inputs)) if (hashOf(join(PROJECT_ROOT, file)) !== hash) return undefined;
  return stamp;
}

/**
 * SHA-256 of a file's content; a file that cannot be read has none.
 * @param {string} path
 */
function hashOf(path) {
  try {
    return createHash("sha256").update(readFileSync(path)).digest("hex");
  } catch {
    return undefined;
  }
}

/**
 * Compiles every entry point into a new folder, then makes it the current build.
 * @param {string[]} entries
 * @returns {Promise<Stamp>}
 */
async function compile(entries) {
  const { build } = await import("esbuild");
  mkdirSync(COMPILED_DIR, { recursive: true });
  // Each process compiles into a folder of its own and renames it into place: two commands started
  // together never see a half-written build.
  const staging = join(COMPILED_DIR, `.staging-${process.pid}-${Date.now()}`);
  const result = await build({
    entryPoints: entries.map((e) => join(PROJECT_ROOT, e)),
    outdir: staging,
    outbase: PROJECT_ROOT,
    absWorkingDir: PROJECT_ROOT,
    outExtension: { ".js": ".mjs" },
    bundle: true,
    // Shared code goes into shared chunks, so that the build and the Eleventy configuration it
    // loads share one copy of every module, as they did under tsx.
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    packages: "external",
    sourcemap: "linked",
    metafile: true,
    logLevel: "silent",
    plugins: [sourceUrls],
  }).catch((/** @type {{ errors?: { text: string, location?: { file: string, line: number, column: number } }[] }} */ error) => {
    rmSync(staging, { recursive: true, force: true });
    const messages = (error.errors ?? []).map((e) => (e.location ? `${e.location.file}:${e.location.line}:${e.location.column + 1}: ${e.text}` : e.text));
    throw new CompileError(`The TypeScript commands could not be compiled:\n${messages.join("\n") || String(error)}`);
  });
  /** @type {Record<string, string>} */
  const inputs = {};
  for (const file of [...Object.keys(result.metafile.inputs), relative(PROJECT_ROOT, THIS_FILE).split(sep).join("/")].sort()) {
    inputs[file] = hashOf(join(PROJECT_ROOT, file)) ?? "";
  }
  const dir = createHash("sha256").update(JSON.stringify({ format: COMPILE_FORMAT, root: PROJECT_ROOT, entries, inputs })).digest("hex").slice(0, 16);
  try {
    renameSync(staging, join(COMPILED_DIR, dir));
  } catch {
    // Another process made the same build meanwhile: the same sources, so the same files.
    rmSync(staging, { recursive: true, force: true });
  }
  /** @type {Stamp} */
  const stamp = { format: COMPILE_FORMAT, root: PROJECT_ROOT, entries, inputs, dir };
  const written = `${STAMP}.${process.pid}`;
  writeFileSync(written, JSON.stringify(stamp));
  renameSync(written, STAMP);
  pruneOldBuilds(dir);
  return stamp;
}

/**
 * Removes all but the newest old builds, since a process that started from one may still load from
 * it, and what compiles killed midway left behind.
 * @param {string} current
 */
function pruneOldBuilds(current) {
  const folders = readdirSync(COMPILED_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory() && d.name !== current)
    .map((d) => ({ name: d.name, path: join(COMPILED_DIR, d.name), time: statSync(join(COMPILED_DIR, d.name)).mtimeMs }))
    .sort((a, b) => b.time - a.time);
  const abandoned = folders.filter((f) => f.name.startsWith(".staging-") && Date.now() - f.time > ABANDONED_AFTER_MS);
  for (const old of [...folders.filter((f) => !f.name.startsWith(".")).slice(KEPT_OLD_BUILDS), ...abandoned]) rmSync(old.path, { recursive: true, force: true });
}

/**
 * Each source keeps its own `import.meta.url`, so that paths found from it (the schemas, the
 * translations, a worker's entry) are the same compiled or not.
 * @type {import("esbuild").Plugin}
 */
const sourceUrls = {
  name: "source-urls",
  setup(build) {
    build.onLoad({ filter: /\.[cm]?[jt]s$/ }, (args) => ({
      contents: readFileSync(args.path, "utf8").replace(IMPORT_META_URL, JSON.stringify(pathToFileURL(args.path).href)),
      loader: args.path.endsWith("ts") ? "ts" : "js",
    }));
  },
};
