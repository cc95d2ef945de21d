// axe-core (WCAG 2.2 AA rules) on every kind of page of the reader's site, in Chromium, on the small
// reader fixture: audits of pages with thousands of entries take minutes, so each list is audited on
// a short page of the same template.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axeViolations } from "../helpers/axe.ts";
import { launchChromium, serveSite, type SiteServer } from "../helpers/browser.ts";
import { BIG_LETTER, SHARED_WORD, buildReaderSite, type ReaderSite } from "../helpers/reader-site.ts";

const PREFIX = "/reader/";
const PAGES: Array<[kind: string, path: string]> = [
  ["home page", ""],
  ["letter page with its lists inline", "letters/alpha-letter/"],
  ["letter page beyond the inline limit", `letters/${BIG_LETTER}/`],
  ["page of a full list", `letters/${BIG_LETTER}/organisations/2/`],
  ["by-date list", "letters/alpha-letter/by-date/"],
  ["country page", "letters/alpha-letter/countries/de/"],
  ["scope page", "letters/alpha-letter/countries/global/"],
  ["print view", "letters/alpha-letter/print/"],
  ["search page", "search/"],
  ["translated letter page", "letters/alpha-letter/es/"],
  ["letter page in French, closed", "letters/beta-letter/"],
];

let site: ReaderSite;
let browser: Browser;
let server: SiteServer;
let page: Page;

beforeAll(async () => {
  site = await buildReaderSite(PREFIX);
  [browser, server] = await Promise.all([launchChromium(), serveSite(site.output, PREFIX)]);
  page = await browser.newPage();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe("axe finds no WCAG 2.2 AA violation", () => {
  it("builds the reader fixture", () => {
    expect(site.build.stderr).toBe("");
    expect(site.build.code).toBe(0);
  });

  it.each(PAGES)("on the %s", async (_kind, path) => {
    const response = await page.goto(`${server.url}${path}`);
    expect(response?.status()).toBe(200);
    expect(await axeViolations(page)).toEqual([]);
  });

  it("on the search page showing results", async () => {
    await page.goto(`${server.url}search/`);
    await page.locator("form[role=search] input[type=search]").fill(SHARED_WORD);
    await expect.poll(() => page.locator("[data-search-results] li").count(), { timeout: 10_000 }).toBe(2);
    expect(await axeViolations(page)).toEqual([]);
  });

  it("on a letter page showing the results of its own search", async () => {
    await page.goto(`${server.url}letters/alpha-letter/`);
    await page.locator("form[data-search-letter] input[type=search]").fill(SHARED_WORD);
    await expect.poll(() => page.locator("[data-search-results] li").count(), { timeout: 10_000 }).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
  });
});
