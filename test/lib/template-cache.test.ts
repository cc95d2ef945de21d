import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { keepCompiledTemplates, type TemplateCache } from "../../scripts/lib/template-cache.ts";
import { tempDir } from "../helpers/run.ts";

// The Nunjucks that Eleventy renders with, as the cache finds it.
const eleventyRequire = createRequire(fileURLToPath(import.meta.resolve("@11ty/eleventy")));
interface Environment {
  opts: Record<string, unknown>;
}
const nunjucks = eleventyRequire("nunjucks") as {
  Environment: new (loaders?: unknown, opts?: Record<string, unknown>) => Environment;
  Template: new (src: string, env: Environment, path: string) => { render(context: object): string };
};
const compiler = eleventyRequire("nunjucks/src/compiler") as { compile: unknown };
const ownCompile = compiler.compile;

const SETUP = "/project/node_modules/.cache/undersigned/0123abcd/.eleventy.mjs";
const HELLO = "Hello {{ name }}!";

function render(src: string, options: { name?: string; env?: Record<string, unknown> } = {}): string {
  const env = new nunjucks.Environment(undefined, { autoescape: true, ...options.env });
  return new nunjucks.Template(src, env, options.name ?? "hello.njk").render({ name: "<Ada>" });
}

let open: TemplateCache | undefined;
function keep(file: string, setup = SETUP): TemplateCache {
  open = keepCompiledTemplates(file, setup);
  return open;
}
afterEach(() => {
  open?.close();
  open = undefined;
});

async function cacheFile(): Promise<string> {
  return `${await tempDir("undersigned-templates-")}/templates.json`;
}

describe("keepCompiledTemplates", () => {
  it("compiles a template the cache does not have and keeps its code; the next build takes it from there", async () => {
    const file = await cacheFile();
    const first = keep(file);
    expect(render(HELLO)).toBe("Hello &lt;Ada&gt;!");
    expect([first.compiled, first.reused]).toEqual([1, 0]);
    first.close();
    expect(Object.keys(JSON.parse(readFileSync(file, "utf8")) as object)).toHaveLength(1);

    const second = keep(file);
    expect(render(HELLO)).toBe("Hello &lt;Ada&gt;!");
    expect([second.compiled, second.reused]).toEqual([0, 1]);
  });

  it("renders with the code in the cache, not with a fresh compile", async () => {
    const file = await cacheFile();
    const priming = keep(file);
    render(HELLO);
    priming.close();
    // The kept code of another template, under the key of this one: what renders shows which was used.
    const other = await cacheFile();
    const otherPriming = keep(other);
    render("Goodbye {{ name }}.");
    otherPriming.close();
    const [key] = Object.keys(JSON.parse(readFileSync(file, "utf8")) as object);
    const [goodbye] = Object.values(JSON.parse(readFileSync(other, "utf8")) as object);
    writeFileSync(file, JSON.stringify({ [key!]: goodbye }));

    keep(file);
    expect(render(HELLO)).toBe("Goodbye &lt;Ada&gt;.");
  });

  it.each([
    ["another source", { src: "Hello, {{ name }}." }],
    ["another template name", { name: "other.njk" }],
    ["another setup (the project's code changed)", { setup: "/project/node_modules/.cache/undersigned/4567ef01/.eleventy.mjs" }],
    ["autoescape off", { env: { autoescape: false } }],
    ["other tag delimiters", { env: { tags: { variableStart: "<$", variableEnd: "$>" } } }],
  ])("compiles afresh for %s", async (_, change: { src?: string; name?: string; setup?: string; env?: Record<string, unknown> }) => {
    const file = await cacheFile();
    const priming = keep(file);
    render(HELLO);
    priming.close();

    const cache = keep(file, change.setup);
    render(change.src ?? HELLO, { ...(change.name === undefined ? {} : { name: change.name }), ...(change.env === undefined ? {} : { env: change.env }) });
    expect([cache.compiled, cache.reused]).toEqual([1, 0]);
  });

  it("keeps only the templates of the last build that compiled one", async () => {
    const file = await cacheFile();
    const first = keep(file);
    render(HELLO);
    render("Second {{ name }}");
    first.close();
    const second = keep(file);
    render("Third {{ name }}");
    second.close();
    expect(Object.keys(JSON.parse(readFileSync(file, "utf8")) as object)).toHaveLength(1);
  });

  it("compiles as without a cache when the cache file is cut short, and writes a whole one", async () => {
    const file = await cacheFile();
    writeFileSync(file, '{"0a1b": "return');
    const cache = keep(file);
    expect(render(HELLO)).toBe("Hello &lt;Ada&gt;!");
    expect([cache.compiled, cache.reused]).toEqual([1, 0]);
    cache.close();
    expect(Object.keys(JSON.parse(readFileSync(file, "utf8")) as object)).toHaveLength(1);
  });

  it("renders all the same where the cache cannot be written", async () => {
    const blocker = await cacheFile();
    writeFileSync(blocker, "a file where the cache's folder would be");
    const cache = keep(`${blocker}/templates.json`);
    expect(render(HELLO)).toBe("Hello &lt;Ada&gt;!");
    expect(() => cache.close()).not.toThrow();
  });

  it("puts Nunjucks' own compiler back when closed, and refuses a second cache while one is kept", async () => {
    const cache = keep(await cacheFile());
    const another = await cacheFile();
    expect(compiler.compile).not.toBe(ownCompile);
    expect(() => keepCompiledTemplates(another, SETUP)).toThrow("a template cache is already kept; close it first");
    cache.close();
    open = undefined;
    expect(compiler.compile).toBe(ownCompile);
  });
});
