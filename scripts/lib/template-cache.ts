// Nunjucks compiles every template to JavaScript source on each run: for this site's 26 KB of
// templates that was 170–200 ms of every build, on the main thread, whatever the number of
// signatories. The code depends only on the template and on how Nunjucks is set up, so a build keeps
// it for the next one. Eleventy creates its Nunjucks templates itself, from source, so the cache
// stands in for Nunjucks' compile function for the length of one build.
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";

/** Where a build keeps the code its templates compiled to, for the next build. */
export const TEMPLATE_CACHE_FILE = fileURLToPath(new URL("../../node_modules/.cache/undersigned/templates.json", import.meta.url));

/** The options of a Nunjucks environment that change the code a template compiles to. */
const CODE_OPTIONS = ["autoescape", "throwOnUndefined", "trimBlocks", "lstripBlocks", "tags"] as const;

interface NunjucksExtension {
  __name?: string;
  tags?: string[];
}

type Compile = (src: string, asyncFilters: readonly string[], extensions: readonly NunjucksExtension[] | undefined, name: string | undefined, opts?: Record<string, unknown>) => string;

/** The compiler Eleventy's Nunjucks uses, resolved from Eleventy itself so that it is the very same module. */
const eleventyRequire = createRequire(fileURLToPath(import.meta.resolve("@11ty/eleventy")));
const compiler = eleventyRequire("nunjucks/src/compiler") as { compile: Compile };
const nunjucksCompile = compiler.compile;
const versions = {
  nunjucks: (eleventyRequire("nunjucks/package.json") as { version: string }).version,
  eleventy: (JSON.parse(readFileSync(fileURLToPath(new URL("../package.json", import.meta.resolve("@11ty/eleventy"))), "utf8")) as { version: string }).version,
};

/** What a build's templates came to, and the cache to keep them in. */
export interface TemplateCache {
  /** Templates compiled so far, because the cache did not have them. */
  readonly compiled: number;
  /** Templates taken from the cache so far. */
  readonly reused: number;
  /**
   * Puts Nunjucks' own compiler back and, when a template had to be compiled, writes the code of
   * every template used since {@link keepCompiledTemplates} into the cache, in place of what was there.
   */
  close(): void;
}

/**
 * Has Nunjucks take each template's code from `file` when it was compiled there from the same source,
 * under the same name, with the same filters, extensions and options, by the same versions of
 * Nunjucks and Eleventy and with the same `setup` (the build passes its compiled Eleventy
 * configuration, whose path changes with any of the project's code). Anything else is compiled as
 * usual. A missing, unreadable or unwritable cache only costs the time it would have saved.
 * @throws when a cache is already kept: two at once would each put the other's compiler back.
 * @example const cache = keepCompiledTemplates(TEMPLATE_CACHE_FILE, configPath); await eleventy.write(); cache.close();
 */
export function keepCompiledTemplates(file: string, setup: string): TemplateCache {
  const original = compiler.compile;
  if (original !== nunjucksCompile) throw new Error("a template cache is already kept; close it first");
  const cached = readCache(file);
  const used = new Map<string, string>();
  let compiled = 0;
  let reused = 0;
  compiler.compile = (src, asyncFilters, extensions, name, opts = {}) => {
    const key = keyOf(setup, src, asyncFilters, extensions, name, opts);
    let code = used.get(key) ?? cached.get(key);
    if (code === undefined) {
      code = original(src, asyncFilters, extensions, name, opts);
      compiled += 1;
    } else {
      reused += 1;
    }
    used.set(key, code);
    return code;
  };
  return {
    get compiled() {
      return compiled;
    },
    get reused() {
      return reused;
    },
    close() {
      compiler.compile = original;
      if (compiled > 0) writeCache(file, used);
    },
  };
}

function keyOf(setup: string, src: string, asyncFilters: readonly string[], extensions: readonly NunjucksExtension[] | undefined, name: string | undefined, opts: Record<string, unknown>): string {
  const options = Object.fromEntries(CODE_OPTIONS.map((option) => [option, opts[option]]));
  const tags = (extensions ?? []).map((extension) => [extension.__name, extension.tags]);
  return createHash("sha256").update(JSON.stringify([versions, setup, name, asyncFilters, tags, options, src])).digest("hex");
}

function readCache(file: string): Map<string, string> {
  try {
    const entries: unknown = JSON.parse(readFileSync(file, "utf8"));
    if (entries !== null && typeof entries === "object" && Object.values(entries).every((code) => typeof code === "string")) {
      return new Map(Object.entries(entries as Record<string, string>));
    }
  } catch {
    // No cache yet, or one cut short: the templates are compiled as without one.
  }
  return new Map();
}

function writeCache(file: string, entries: ReadonlyMap<string, string>): void {
  try {
    mkdirSync(dirname(file), { recursive: true });
    // Written aside and renamed into place: a build starting meanwhile never reads half a file.
    const staging = `${file}.${process.pid}-${Date.now()}`;
    writeFileSync(staging, JSON.stringify(Object.fromEntries(entries)));
    renameSync(staging, file);
  } catch {
    // The cache only saves time: a read-only installation builds all the same.
  }
}
