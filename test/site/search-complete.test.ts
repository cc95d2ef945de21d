// Search reaches every matching signatory on a site where more search blocks match than the script
// reads at first: in Chromium on a real Pagefind index, under a path prefix, the status says "at least"
// until every block is read, and a "Show more results" button, used from the keyboard, reads the next
// ones until the count is the true one, with or without a country filter. The first results come from
// the first blocks only.
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeSyntheticRepository } from "../../scripts/lib/bench/synthetic.ts";
import { axeViolations } from "../helpers/axe.ts";
import { launchChromium, serveSite, type SiteServer } from "../helpers/browser.ts";
import { runScript, tempDir, type RunResult } from "../helpers/run.ts";

const PREFIX = "/complete/";
// 3,000 synthetic signatories on two letters: "Network" is in 207 names, in 22 search blocks of up
// to 100 entries, and in 105 names on letter-1, in 11 blocks; the script reads 10 at a time.
const SIGNATORIES = 3000;
const LETTERS = 2;
const WORD = "Network";
const RECORDS_READ_AT_FIRST = 10;

let build: RunResult;
let browser: Browser;
let server: SiteServer;
/** The file slugs of the signatories whose name has WORD, by letter. */
const matching = new Map<string, string[]>();
/** The lower-case country code of each signatory in `matching` that has one, by file slug. */
const countries = new Map<string, string>();
/** A signatory of letter-1 whose name has WORD, and the number that ends its name. */
let numbered: [string, string] | undefined;
const errors: string[] = [];

beforeAll(async () => {
  const root = await tempDir("undersigned-search-complete-");
  const letters = await writeSyntheticRepository(root, { signatories: SIGNATORIES, letters: LETTERS });
  for (const letter of letters) {
    const dir = join(root, "signatories", letter);
    const slugs: string[] = [];
    for (const file of await readdir(dir)) {
      const yaml = await readFile(join(dir, file), "utf8");
      const name = /^name: (.*)$/m.exec(yaml)?.[1] ?? "";
      if (!new RegExp(`\\b${WORD}\\b`).test(name)) continue;
      const slug = file.replace(/\.yaml$/, "");
      slugs.push(slug);
      const country = /^country: "?(\w\w)/m.exec(yaml)?.[1];
      if (country !== undefined) countries.set(slug, country.toLowerCase());
      const number = /\s(\d+)"?$/.exec(name)?.[1];
      // Above a tenth of the count, no other number starts with it (Pagefind matches the last word as a prefix).
      if (letter === "letter-1" && number !== undefined && Number(number) > SIGNATORIES / 10) numbered ??= [slug, number];
    }
    matching.set(letter, slugs.sort());
  }
  const output = await tempDir("undersigned-search-complete-site-");
  build = await runScript("build", ["--root", root, "--output", output, `--pathprefix=${PREFIX}`, "--quiet"]);
  [browser, server] = await Promise.all([launchChromium(), serveSite(output, PREFIX)]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** What a search form shows once it is no longer busy: its status line, its results' links, and whether it offers more. */
async function settled(page: Page, form: string): Promise<{ status: string; hrefs: string[]; more: boolean }> {
  await expect.poll(() => page.locator(`${form} [data-search-results]`).getAttribute("aria-busy"), { timeout: 20_000 }).toBe("false");
  await expect.poll(() => page.locator(`${form} [data-search-status]`).textContent()).not.toBe("");
  return {
    status: (await page.locator(`${form} [data-search-status]`).textContent()) ?? "",
    hrefs: await page.locator(`${form} [data-search-results] li > a`).evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? "")),
    more: await page.locator(`${form} [data-search-more]`).isVisible(),
  };
}

describe("search with more matching blocks than are read at first", () => {
  let context: BrowserContext;
  let page: Page;
  /** How many of Pagefind's record fragments the page fetched. */
  let fragments = 0;

  beforeAll(async () => {
    context = await browser.newContext();
    context.on("console", (message) => {
      if (message.type() === "error") errors.push(`${message.page()?.url()}: ${message.text()}`);
    });
    context.on("weberror", (error) => errors.push(`${error.page()?.url()}: ${error.error().message}`));
    context.on("request", (request) => {
      if (request.url().includes(`${PREFIX}pagefind/fragment/`)) fragments += 1;
    });
    page = await context.newPage();
  });

  afterAll(() => context?.close());

  it("builds without a word on stderr", () => {
    expect(build.stderr).toBe("");
    expect(build.code).toBe(0);
  });

  it.each([
    { where: "the search page", path: "search/", form: "form[role=search]", letters: ["letter-1", "letter-2"] },
    { where: "a letter's page", path: "letters/letter-1/", form: "form[data-search-letter]", letters: ["letter-1"] },
  ])("on $where, says 'at least' and reaches every match with the keyboard, one batch of blocks at a time", async ({ path, form, letters }) => {
    const expected = letters.flatMap((l) => matching.get(l) ?? []).sort();
    fragments = 0;
    await page.goto(`${server.url}${path}`);
    await page.locator(`${form} input[type=search]`).fill(WORD);
    let shown = await settled(page, form);
    // Only the first blocks are read before anything is shown.
    expect(fragments).toBeLessThanOrEqual(RECORDS_READ_AT_FIRST);
    expect(shown.hrefs.length).toBeLessThan(expected.length);
    expect(shown.status).toBe(`Results: at least ${shown.hrefs.length}.`);
    expect(shown.more).toBe(true);
    const button = page.locator(`${form} [data-search-more]`);
    await expect(button.textContent()).resolves.toBe("Show more results");
    await expect(button.getAttribute("type")).resolves.toBe("button");

    let presses = 0;
    while (shown.more) {
      const before = new Set(shown.hrefs);
      await button.focus();
      await page.keyboard.press("Enter");
      await expect.poll(async () => (await page.locator(`${form} [data-search-results] li > a`).count()) > before.size || !(await button.isVisible()), { timeout: 20_000 }).toBe(true);
      shown = await settled(page, form);
      presses += 1;
      // Focus moves to the first result the press added, so a keyboard reader goes on from there.
      const focused = await page.evaluate(() => document.activeElement?.getAttribute("href") ?? null);
      expect(focused).toBe(shown.hrefs.find((href) => !before.has(href)));
      if (shown.more) expect(shown.status).toBe(`Results: at least ${shown.hrefs.length}.`);
    }
    expect(presses).toBeGreaterThan(0);
    expect(shown.status).toBe(`Results: ${expected.length}.`);
    expect(new Set(shown.hrefs).size).toBe(shown.hrefs.length);
    for (const href of shown.hrefs) expect(href.startsWith(`${PREFIX}letters/`)).toBe(true);
    expect(shown.hrefs.map((href) => href.replace(/^.*#/, "")).sort()).toEqual(expected);
  });

  it("with a country filter, reaches exactly that country's matches", async () => {
    const count = new Map<string, number>();
    for (const country of countries.values()) count.set(country, (count.get(country) ?? 0) + 1);
    const [country] = [...count].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]!;
    const expected = [...countries].filter(([, c]) => c === country).map(([slug]) => slug).sort();
    await page.goto(`${server.url}search/`);
    const select = page.locator("select[data-search-filter=country]");
    await expect.poll(() => select.locator(`option[value="${country}"]`).count(), { timeout: 10_000 }).toBe(1);
    await select.selectOption(country);
    await page.locator("form[role=search] input[type=search]").fill(WORD);
    let shown = await settled(page, "form[role=search]");
    while (shown.more) {
      const before = shown.hrefs.length;
      await page.locator("form[role=search] [data-search-more]").click();
      await expect.poll(async () => (await page.locator("form[role=search] [data-search-results] li > a").count()) > before || !(await page.locator("form[role=search] [data-search-more]").isVisible()), { timeout: 20_000 }).toBe(true);
      shown = await settled(page, "form[role=search]");
    }
    expect(shown.status).toBe(`Results: ${expected.length}.`);
    expect(shown.hrefs.map((href) => href.replace(/^.*#/, "")).sort()).toEqual(expected);
  });

  it("offers no more once a new search's every block is read, and gives its true count", async () => {
    await page.goto(`${server.url}search/`);
    await page.locator("form[role=search] input[type=search]").fill(WORD);
    expect((await settled(page, "form[role=search]")).more).toBe(true);
    // The number that ends a synthetic name is that signatory's alone.
    const [slug, number] = numbered!;
    await page.locator("form[role=search] input[type=search]").fill(number);
    const shown = await settled(page, "form[role=search]");
    expect(shown).toEqual({ status: "Results: 1.", hrefs: [expect.stringMatching(new RegExp(`^${PREFIX}letters/letter-1/.*#${slug}$`))], more: false });
  });

  it("passes axe's WCAG 2.2 AA rules while it offers more results", async () => {
    await page.goto(`${server.url}search/`);
    await page.locator("form[role=search] input[type=search]").fill(WORD);
    expect((await settled(page, "form[role=search]")).more).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
  });

  it("logged no console error and threw no page error", () => {
    expect(errors).toEqual([]);
  });
});
