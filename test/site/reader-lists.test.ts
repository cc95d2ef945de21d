// The reader's lists as a reader meets them, on the reader fixture plus a name and an affiliation
// without spaces, a letter with a long title and an Arabic translation of the big letter, built once:
// the page navigation repeated after a long list, dates on the newest-first list, links from a
// translation to pages that exist only in the original's language, and pages that fit a phone's
// width (WCAG 1.4.10 Reflow) at 320 and 375 CSS pixels.
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { load, type CheerioAPI } from "cheerio";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signatoryYaml } from "../../scripts/lib/synthetic.ts";
import { launchChromium, serveSite, type SiteServer } from "../helpers/browser.ts";
import { BIG_LETTER, writeReaderRepo } from "../helpers/reader-site.ts";
import { runScript, tempDir, type RunResult } from "../helpers/run.ts";
import { checkHtml } from "../helpers/vnu.ts";

const PREFIX = "/undersigned/";
/** 120 characters without a space: a long compound name, as some languages write them. */
const LONG_NAME = "Bundesverband".repeat(9) + "Ost";
const LONG_AFFILIATION = "Universitaetsklinikum".repeat(5);
/** A letter whose title, as an option of the search page's "Letter" select, is far wider than a phone. */
const LONG_LETTER = "long-title-letter";
const LONG_TITLE = "An open letter on the governance of the internet, its standards, its naming and numbering, and the participation of civil society in every forum where they are decided";
let root: string;
let output: string;
let build: RunResult;

async function page(path: string): Promise<CheerioAPI> {
  return load(await readFile(join(output, path, "index.html"), "utf8"));
}

beforeAll(async () => {
  root = await writeReaderRepo();
  await writeFile(
    join(root, "signatories", "alpha-letter", "long-name.yaml"),
    signatoryYaml({ name: LONG_NAME, type: "individual", country: "KE", affiliation: LONG_AFFILIATION, role: "Professor", signed: "2020-01-15" }),
  );
  await writeFile(join(root, "content", "letters", BIG_LETTER, "ar.md"), "---\nlang: ar\ntitle: رسالة بتوقيعات كثيرة\nsummary: منظمات أكثر مما تتسع له صفحة واحدة.\n---\n\nنطلب منكم أن تتصرفوا.\n");
  await mkdir(join(root, "content", "letters", LONG_LETTER), { recursive: true });
  await writeFile(
    join(root, "content", "letters", LONG_LETTER, "index.md"),
    `---\ntitle: ${LONG_TITLE}\ndate: 2024-01-01\nto:\n  - name: A Recipient\nfrom: one organisation\nsummary: A letter with a long title.\nlang: en\nstatus: open\n---\n\nDear Recipient,\n\nWe ask you to act.\n`,
  );
  await mkdir(join(root, "signatories", LONG_LETTER), { recursive: true });
  await writeFile(join(root, "signatories", LONG_LETTER, "acme.yaml"), signatoryYaml({ name: "Acme Rights", type: "organisation", country: "KE", signed: "2024-02-01" }));
  output = await tempDir("undersigned-lists-");
  build = await runScript("build", ["--root", root, "--output", output, `--pathprefix=${PREFIX}`, "--quiet"]);
});

describe("the fixture", () => {
  it("builds and passes the site verifier without a word on stderr", () => {
    expect(build.stderr).toBe("");
    expect(build.code).toBe(0);
  });
});

describe("a list on several pages", () => {
  it.each(["organisations/", "organisations/2/", "by-date/", "by-date/2/"])("has the page navigation before and after the entries, each labelled (%s)", async (path) => {
    const $ = await page(`letters/${BIG_LETTER}/${path}`);
    const navs = $("nav.page-nav");
    expect(navs.map((_, nav) => $(nav).attr("aria-label")).get()).toEqual(["Pages of this list", "Pages of this list (after the list)"]);
    // The first comes before the list, the second right after it.
    expect($("nav.page-nav + ul.signatory-list")).toHaveLength(1);
    expect($("ul.signatory-list + nav.page-nav").attr("aria-label")).toBe("Pages of this list (after the list)");
    const links = (i: number) => navs.eq(i).find("a").map((_, a) => [[$(a).text(), $(a).attr("href"), $(a).attr("aria-current") ?? "", $(a).attr("rel") ?? ""]]).get();
    expect(links(0).length).toBeGreaterThan(2);
    expect(links(1)).toEqual(links(0));
  });

  it("has no page navigation when the list fits on one page", async () => {
    const $ = await page("letters/alpha-letter/by-date/");
    expect($("nav.page-nav")).toHaveLength(0);
  });
});

describe("the newest-first list", () => {
  it("dates every entry in the page's language and keeps entries linked to their addresses, without ids", async () => {
    const $ = await page("letters/alpha-letter/by-date/");
    const entries = $(".signatory-list > li");
    expect(entries.map((_, li) => $(li).text()).get()).toEqual([
      "February 1, 2020: Adam Individual, Japan — Professor, Example University (for identification purposes only)",
      "January 20, 2020: Zeta Organisation, Global",
      "January 19, 2020: Bea Person, International",
      'January 18, 2020: "Quoted" & <b>bold</b>, Brazil',
      "January 17, 2020: Ärzte für Menschenrechte, Germany",
      "January 16, 2020: <img src=x onerror=alert(1)>, Kenya",
      `January 15, 2020: ${LONG_NAME}, Kenya — Professor, ${LONG_AFFILIATION} (for identification purposes only)`,
    ]);
    expect(entries.find("time").map((_, t) => $(t).attr("datetime")).get()).toEqual(["2020-02-01", "2020-01-20", "2020-01-19", "2020-01-18", "2020-01-17", "2020-01-16", "2020-01-15"]);
    expect(entries.map((_, li) => $(li).attr("data-signatory")).get()).toEqual(["adam", "zeta", "bea", "quoted", "aerzte", "html-name", "long-name"].map((s) => `alpha-letter/${s}`));
    expect($("[id]").filter((_, el) => $(el).is("[data-signatory]") || $(el).closest("[data-signatory]").length > 0)).toHaveLength(0);
    expect(entries.find("a.name").first().attr("href")).toBe(`${PREFIX}letters/alpha-letter/#adam`);
  });

  it("summarises the page as the dates it spans, newest to oldest", async () => {
    const $ = await page("letters/alpha-letter/by-date/");
    expect($(".list-page > p.meta").map((_, p) => $(p).text()).get()).toEqual(["February 1, 2020 – January 15, 2020"]);
  });

  it("summarises each page of a long list by its own first and last dates, or its one date", async () => {
    const summaries = [];
    for (const path of ["by-date/", "by-date/2/"]) {
      const $ = await page(`letters/${BIG_LETTER}/${path}`);
      const times = $(".signatory-list time");
      const dates = times.map((_, t) => $(t).attr("datetime")).get();
      expect(dates).toEqual([...dates].sort().reverse());
      summaries.push([$(".list-page > p.meta").text(), times.first().text(), times.last().text()]);
    }
    // The synthetic signatures cluster early: the older page holds the first day's only.
    expect(summaries).toEqual([
      [`${summaries[0]![1]} – January 1, 2024`, summaries[0]![1], "January 1, 2024"],
      ["January 1, 2024", "January 1, 2024", "January 1, 2024"],
    ]);
    expect(summaries[0]![1]).not.toBe("January 1, 2024");
  });

  it("writes the dates in the letter's language", async () => {
    const $ = await page("letters/beta-letter/by-date/");
    expect($(".signatory-list > li").first().text()).toMatch(/^3 mai 2019\u00a0: /);
    expect($(".list-page > p.meta").text()).toBe("3 mai 2019 – 2 mai 2019");
  });
});

describe("a translation's links to pages in the original's language", () => {
  it("marks every link to the original's pages with its language, and says so next to the list and download links", async () => {
    const $ = await page("letters/alpha-letter/es/");
    const own = `${PREFIX}letters/alpha-letter/`;
    const toOriginal = $(`a[href^="${own}"]`).filter((_, a) => !$(a).attr("href")!.startsWith(`${own}es/`));
    expect(toOriginal.length).toBeGreaterThan(10);
    expect(toOriginal.filter((_, a) => $(a).attr("hreflang") !== "en").map((_, a) => $(a).attr("href")).get()).toEqual([]);
    const noted = (href: string) => {
      const note = $(`a[href="${own}${href}"]`).next(".in-language");
      return [note.text(), note.find("[lang]").attr("lang"), note.find("[lang]").text()];
    };
    for (const href of ["by-date/", "print/", "signatories.csv", "signatories.json", "feed.xml", "card.svg"]) expect(noted(href)).toEqual(["(en English)", "en", "English"]);
    expect($(".signatories .links-language").text()).toBe("Los nombres y los lugares llevan a listas en English.");
    // The table of places names them in Spanish, each linking to the English list of that place.
    expect($("table.places a").map((_, a) => [[$(a).text(), $(a).attr("href"), $(a).attr("hreflang"), $(a).attr("lang")]]).get()).toContainEqual(["Alemania", `${own}countries/de/`, "en", undefined]);
    expect($(".signatories .links-language [lang]").attr("lang")).toBe("en");
  });

  it("says it in Arabic, beside the link to the full list and above the most recent names", async () => {
    const $ = await page(`letters/${BIG_LETTER}/ar/`);
    const full = $(".full-list a");
    expect(full.attr("hreflang")).toBe("en");
    expect(full.next(".in-language").text()).toBe("(باللغة English)");
    expect(full.next(".in-language").find('[lang="en"][dir="ltr"]').text()).toBe("English");
    const recent = $('[aria-labelledby="recent_heading"] a.name');
    expect(recent).toHaveLength(20);
    expect(recent.filter((_, a) => $(a).attr("hreflang") === "en")).toHaveLength(20);
  });

  it("adds nothing to the original's own page", async () => {
    for (const path of ["letters/alpha-letter/", `letters/${BIG_LETTER}/`]) {
      const $ = await page(path);
      expect($(".in-language, .links-language, a.name[hreflang]")).toHaveLength(0);
    }
  });
});

describe("the W3C checker", () => {
  it("finds no error on the pages changed", async () => {
    const paths = [
      `letters/${BIG_LETTER}/organisations/`,
      `letters/${BIG_LETTER}/by-date/2/`,
      `letters/${BIG_LETTER}/ar/`,
      "letters/alpha-letter/by-date/",
      "letters/alpha-letter/es/",
      "letters/beta-letter/by-date/",
    ];
    const result = await checkHtml(paths.map((p) => join(output, p, "index.html")));
    expect(result.out).toBe("");
    expect(result.code).toBe(0);
  });
});

describe("reflow on a phone (WCAG 1.4.10)", () => {
  let browser: Browser;
  let server: SiteServer;
  const PAGES = [
    "search/",
    "letters/alpha-letter/",
    "letters/alpha-letter/es/",
    "letters/alpha-letter/by-date/",
    "letters/alpha-letter/countries/ke/",
    "letters/alpha-letter/print/",
    `letters/${BIG_LETTER}/organisations/2/`,
    `letters/${BIG_LETTER}/ar/`,
  ];

  beforeAll(async () => {
    [browser, server] = await Promise.all([launchChromium(), serveSite(output, PREFIX)]);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it.each([320, 375])("needs no horizontal scrolling at %i px on any kind of page", async (width) => {
    const context = await browser.newContext({ viewport: { width, height: 800 } });
    const tab = await context.newPage();
    const widths: Array<[string, number]> = [];
    for (const path of PAGES) {
      await tab.goto(`${server.url}${path}`);
      if (path === "search/") {
        // The letters' titles arrive as options of the "Letter" select once the index has loaded.
        await expect.poll(() => tab.getByLabel("Letter", { exact: true }).locator("option").allTextContents(), { timeout: 10_000 }).toContain(LONG_TITLE);
      }
      widths.push([path, await tab.evaluate(() => document.documentElement.scrollWidth)]);
    }
    await context.close();
    expect(widths).toEqual(PAGES.map((path) => [path, width]));
  });
});
