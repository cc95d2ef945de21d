import { cp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { loadRepository } from "../../scripts/lib/load-repository.ts";
import { startPageThread } from "../../scripts/lib/page-thread.ts";
import { expectationOf } from "../../scripts/lib/site-expectation.ts";
import { verifySite, type SiteExpectation, type SiteVerification } from "../../scripts/lib/verify-site.ts";
import { fixture, runScript, tempDir } from "../helpers/run.ts";

const PREFIX = "/repo-name/";
const VERIFIER = new URL("../../scripts/lib/verify-site-worker.ts", import.meta.url);
let built: string;
let withdrawn: SiteExpectation;

beforeAll(async () => {
  built = await tempDir("undersigned-thread-");
  expect((await runScript("build", ["--root", fixture("repos", "site"), "--output", built, `--pathprefix=${PREFIX}`, "--quiet"])).code).toBe(0);
  const expected = expectationOf(await loadRepository(fixture("repos", "site")), PREFIX);
  // "zeta" withdrawn after the build: every page that lists it is now wrong.
  withdrawn = { ...expected, signatories: new Map([...expected.signatories].map(([l, slugs]) => [l, slugs.filter((s) => s !== "zeta")])) };
});

describe("startPageThread", () => {
  it("verifies pages handed to a worker thread exactly as the verifier does in this thread", async () => {
    const pages = (await readdir(built, { recursive: true })).filter((f) => f.endsWith(".html")).sort().reverse();
    const thread = startPageThread<SiteVerification>(VERIFIER, withdrawn);
    // Half the pages are handed over; the thread reads the rest from the folder when it finishes.
    for (const page of pages.slice(0, pages.length / 2)) thread.addPage(page, await readFile(join(built, page), "utf8"));
    const inThread = await verifySite(built, withdrawn);
    expect(inThread.problems.length).toBeGreaterThan(0);
    expect(await thread.finish(built)).toEqual(inThread);
  });

  it("reads announced pages back from the folder once they are written, and checks what was written", async () => {
    const dir = await tempDir("undersigned-thread-written-");
    await cp(built, dir, { recursive: true });
    const page = "letters/alpha-letter/index.html";
    const html = await readFile(join(dir, page), "utf8");
    await rm(join(dir, page));
    const thread = startPageThread<SiteVerification>(VERIFIER, withdrawn, { readFrom: dir });
    // Announced before the build has written it: the worker waits for the file to be complete.
    thread.addPage(page, html);
    await new Promise((resolve) => setTimeout(resolve, 50));
    await writeFile(join(dir, page), html.slice(0, 100));
    await new Promise((resolve) => setTimeout(resolve, 50));
    await writeFile(join(dir, page), html);
    expect(await thread.finish(dir)).toEqual(await verifySite(built, withdrawn));
  });

  it("rejects with the worker's error when its module cannot run", async () => {
    const thread = startPageThread<SiteVerification>(new URL("../fixtures/no-such-worker.ts", import.meta.url), withdrawn);
    await expect(thread.finish(built)).rejects.toThrow(/no-such-worker/);
  });
});
