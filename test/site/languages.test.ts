// The "done when" of issue 5: a letter with a Spanish and an Arabic translation, two revisions and an
// update, built once, read back as HTML, checked by the W3C checker, and driven in Chromium with axe.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { load, type CheerioAPI } from "cheerio";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, serveSite, type SiteServer } from "../helpers/browser.ts";
import { checkHtml } from "../helpers/vnu.ts";
import { PROJECT_ROOT, fixture, runScript, tempDir, type RunResult } from "../helpers/run.ts";

const PREFIX = "/repo-name/";
const LETTER_PAGES = ["letters/open-data/", "letters/open-data/es/", "letters/open-data/ar/", "letters/past-letter/"];
let output: string;
let build: RunResult;

async function page(path: string): Promise<CheerioAPI> {
  return load(await readFile(join(output, path, "index.html"), "utf8"));
}

beforeAll(async () => {
  output = await tempDir("undersigned-life-");
  build = await runScript("build", ["--root", fixture("repos", "life"), "--output", output, `--pathprefix=${PREFIX}`, "--quiet"]);
});

describe("a build with translations, revisions, an update and withdrawals", () => {
  it("succeeds without warnings", () => {
    expect(build.stderr).toBe("");
    expect(build.code).toBe(0);
  });

  it("puts the letter's updates in its feed, newest first, with their text", async () => {
    const feed = load(await readFile(join(output, "letters", "open-data", "feed.xml"), "utf8"), { xml: true });
    const entries = feed("entry").map((_, e) => ({ title: feed(e).find("title").text(), updated: feed(e).find("updated").text() })).get();
    const update = feed("entry").filter((_, e) => feed(e).find("title").text() === "Letter delivered to the ministry");
    expect(update.length).toBe(1);
    expect(update.find("link").attr("href")).toBe(`https://example.github.io${PREFIX}letters/open-data/#update_1`);
    expect(update.find("content").attr("type")).toBe("html");
    expect(update.find("content").text()).toContain("<strong>all</strong>");
    expect(entries.map((e) => e.updated)).toEqual([...entries.map((e) => e.updated)].sort().reverse());
  });

  it("gives each language its own page with the right lang and dir", async () => {
    const langs = [];
    for (const path of LETTER_PAGES.slice(0, 3)) {
      const $ = await page(path);
      langs.push([$("html").attr("lang"), $("html").attr("dir"), $("h1").text()]);
    }
    expect(langs).toEqual([
      ["en", "ltr", "Open the budget data"],
      ["es", "ltr", "Abran los datos del presupuesto"],
      ["ar", "rtl", "افتحوا بيانات الميزانية"],
    ]);
  });

  it("links every language version: a switcher, and hreflang alternates with full addresses", async () => {
    const $ = await page("letters/open-data/es/");
    const switcher = $(".language-switcher a").map((_, a) => [[$(a).text(), $(a).attr("href"), $(a).attr("hreflang"), $(a).attr("aria-current") ?? ""]]).get();
    expect(switcher).toEqual([
      ["English", `${PREFIX}letters/open-data/`, "en", ""],
      ["العربية", `${PREFIX}letters/open-data/ar/`, "ar", ""],
      ["Español", `${PREFIX}letters/open-data/es/`, "es", "page"],
    ]);
    expect($('.language-switcher a[hreflang="ar"]').attr("dir")).toBe("rtl");
    const alternates = $('link[rel="alternate"][hreflang]').map((_, l) => [[$(l).attr("hreflang"), $(l).attr("href")]]).get();
    expect(alternates).toEqual([
      ["en", `https://example.github.io${PREFIX}letters/open-data/`],
      ["ar", `https://example.github.io${PREFIX}letters/open-data/ar/`],
      ["es", `https://example.github.io${PREFIX}letters/open-data/es/`],
      ["x-default", `https://example.github.io${PREFIX}letters/open-data/`],
    ]);
    expect($(".translation-note").text()).toBe("Esta es una traducción. El texto que se firmó es el original, en English");
  });

  it("renders the same signatories on every language page; only the original's entries are canonical", async () => {
    const en = await page("letters/open-data/");
    const ar = await page("letters/open-data/ar/");
    const entries = ($: CheerioAPI) => $("[data-signatory]").map((_, el) => $(el).attr("data-signatory")).get().sort();
    expect(entries(ar)).toEqual(entries(en));
    expect(entries(en)).toEqual(["open-data/budget-brasil", "open-data/egypt-transparency", "open-data/kenya-budget", "open-data/zoe"]);
    expect(en("[data-signatory][id]")).toHaveLength(4);
    expect(ar("[data-signatory][id]")).toHaveLength(0);
    expect(ar("[data-pagefind-ignore] [data-signatory]")).toHaveLength(4);
  });

  it("writes the Arabic page's interface, countries, dates and counts in Arabic", async () => {
    const $ = await page("letters/open-data/ar/");
    expect($("#signatories_heading").text()).toBe("الموقّعون (حتى 20 مارس 2020)1");
    expect($(".signatories .count").text()).toBe("4 موقّعين");
    expect($(".signatory-list .place").map((_, el) => $(el).text()).get()).toEqual(["مصر", "كينيا", "البرازيل", "فرنسا"]);
    expect($("#changes_heading").text()).toBe("التغييرات على النص");
    expect($(".revisions time").first().text()).toBe("10 فبراير 2020");
  });

  it("marks signatures of an earlier version, linked to the changes, and counts the current text", async () => {
    const $ = await page("letters/open-data/");
    expect($("#kenya-budget .earlier-version").text()).toBe("(signed an earlier version)");
    expect($("#kenya-budget .earlier-version").attr("href")).toBe("#changes_heading");
    expect($("#zoe .earlier-version")).toHaveLength(1);
    expect($("#budget-brasil .earlier-version, #egypt-transparency .earlier-version")).toHaveLength(0);
    expect($(".current-text").text()).toBe("2 signed the current text, revised on February 10, 2020. 2 signed an earlier version.");
    expect($(".revisions li").map((_, el) => $(el).text()).get()).toEqual([
      "February 10, 2020: Added the request to publish data monthly.",
      "March 15, 2020: Fixed a typo in the second paragraph. (minor correction)",
    ]);
  });

  it("shows updates as a timeline and withdrawals as numbers with dates, never names", async () => {
    const $ = await page("letters/open-data/es/");
    expect($("#updates_heading").text()).toBe("Novedades");
    expect($("#update_1 h3").text()).toBe("2 de abril de 2020 · Letter delivered to the ministry");
    expect($("#update_1 .update-text").attr("lang")).toBe("en");
    expect($("#update_1 strong").text()).toBe("all");
    expect($(".withdrawals > p").first().text()).toBe("Se retiraron 3 firmas:");
    expect($(".withdrawals li").map((_, el) => $(el).text()).get()).toEqual(["1 el 20 de febrero de 2020", "2 el 20 de marzo de 2020"]);
  });

  it("says a letter past its closing date is closed", async () => {
    const $ = await page("letters/past-letter/");
    expect($(".status").text()).toBe("Closed");
    expect($(".closed-notice").text()).toBe("This letter closed on March 31, 2019. Signatures are no longer accepted.");
    expect($(".language-switcher")).toHaveLength(0);
  });

  it("passes the W3C checker", async () => {
    const result = await checkHtml(LETTER_PAGES.map((p) => join(output, p, "index.html")));
    expect(result.out).toBe("");
    expect(result.code).toBe(0);
  });
});

describe("in a browser", () => {
  let browser: Browser;
  let server: SiteServer;
  let tab: Page;

  beforeAll(async () => {
    [browser, server] = await Promise.all([launchChromium(), serveSite(output, PREFIX)]);
    tab = await browser.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const axeViolations = async () => {
    await tab.addScriptTag({ path: join(PROJECT_ROOT, "node_modules", "axe-core", "axe.min.js") });
    return tab.evaluate(async () => {
      const results = await (window as unknown as { axe: { run: () => Promise<{ violations: Array<{ id: string; nodes: unknown[] }> }> } }).axe.run();
      return results.violations.map((v) => `${v.id} (${v.nodes.length})`);
    });
  };

  it("switches from English to Arabic and lays the page out right to left", async () => {
    await tab.goto(`${server.url}letters/open-data/`);
    await tab.getByRole("navigation", { name: "Read this letter in" }).getByRole("link", { name: "العربية" }).click();
    await tab.waitForURL(`${server.url}letters/open-data/ar/`);
    const layout = await tab.evaluate(() => {
      const list = document.querySelector(".signatory-list")!;
      const range = document.createRange();
      range.selectNodeContents(document.querySelector("h1")!);
      const heading = range.getBoundingClientRect();
      const main = document.querySelector("main")!.getBoundingClientRect();
      return {
        dir: document.documentElement.dir,
        direction: getComputedStyle(document.documentElement).direction,
        listPadding: [getComputedStyle(list).paddingLeft, getComputedStyle(list).paddingRight],
        // Right to left, the title's text starts at the right edge of the content and leaves its gap on the left.
        headingGapRight: Math.round(main.right - heading.right),
        headingGapLeft: Math.round(heading.left - main.left),
      };
    });
    expect(layout.dir).toBe("rtl");
    expect(layout.direction).toBe("rtl");
    expect(layout.listPadding).toEqual(["0px", "20px"]);
    expect(layout.headingGapRight).toBeLessThan(layout.headingGapLeft);
    await expect(tab.locator(".signatory-list .place").allTextContents()).resolves.toEqual(["مصر", "كينيا", "البرازيل", "فرنسا"]);
    await expect(tab.locator(".meta time").textContent()).resolves.toBe("بتاريخ 10 يناير 2020");
    expect(await axeViolations()).toEqual([]);
  });

  it("switches from Arabic to Spanish and back to the original", async () => {
    await tab.goto(`${server.url}letters/open-data/ar/`);
    await tab.getByRole("link", { name: "Español" }).click();
    await tab.waitForURL(`${server.url}letters/open-data/es/`);
    expect(await tab.evaluate(() => [document.documentElement.lang, getComputedStyle(document.documentElement).direction])).toEqual(["es", "ltr"]);
    await expect(tab.locator("h1").textContent()).resolves.toBe("Abran los datos del presupuesto");
    expect(await axeViolations()).toEqual([]);
    await tab.locator(".translation-note a").click();
    await tab.waitForURL(`${server.url}letters/open-data/`);
    await expect(tab.locator("html").getAttribute("lang")).resolves.toBe("en");
  });

  it("shows the earlier-version mark and follows it to the list of changes", async () => {
    await tab.goto(`${server.url}letters/open-data/`);
    const mark = tab.locator("#kenya-budget .earlier-version");
    await expect(mark.isVisible()).resolves.toBe(true);
    await mark.click();
    await tab.waitForURL(`${server.url}letters/open-data/#changes_heading`);
    await expect(tab.locator("#changes_heading").isVisible()).resolves.toBe(true);
    expect(await axeViolations()).toEqual([]);
  });
});
