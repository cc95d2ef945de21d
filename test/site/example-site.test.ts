// The example site in this repository (settings.yaml, content/letters, signatories), built as GitHub
// Pages would publish it, passes the W3C Nu HTML Checker on every page.
import { readdir } from "node:fs/promises";
import { beforeAll, describe, expect, it } from "vitest";
import { checkHtml } from "../helpers/vnu.ts";
import { PROJECT_ROOT, runScript, tempDir, type RunResult } from "../helpers/run.ts";

const PREFIX = "/undersigned/";
let output: string;
let build: RunResult;

beforeAll(async () => {
  output = await tempDir("undersigned-example-");
  build = await runScript("build", ["--root", PROJECT_ROOT, "--output", output, `--pathprefix=${PREFIX}`, "--quiet"]);
});

describe("the built example site", () => {
  it("builds without a word on stderr", () => {
    expect(build.stderr).toBe("");
    expect(build.code).toBe(0);
  });

  it("has pages of every kind for the checker to read", async () => {
    const pages = (await readdir(output, { recursive: true })).filter((f) => f.endsWith(".html"));
    for (const kind of ["index.html", "search/index.html", "letters/itu-pp14-openness/index.html", "letters/itu-pp14-openness/print/index.html", "letters/itu-pp14-openness/by-date/index.html"]) expect(pages).toContain(kind);
    expect(pages.filter((f) => f.includes("/countries/")).length).toBeGreaterThan(1);
  });

  it("passes the W3C Nu HTML Checker with no error on any page", async () => {
    const result = await checkHtml([output]);
    expect(result.out).toBe("");
    expect(result.code).toBe(0);
  });
});
