// Defects a reader met, each read back from one build of the life fixture (revisions, withdrawals,
// a letter past its closing date) plus a signatory with a global scope and a Spanish letter with an
// international one.
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { load, type CheerioAPI } from "cheerio";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signatoryYaml } from "../../scripts/lib/synthetic.ts";
import { axeViolations } from "../helpers/axe.ts";
import { launchChromium, serveSite, type SiteServer } from "../helpers/browser.ts";
import { copyFixtureRepo, runScript, tempDir, type RunResult } from "../helpers/run.ts";
import { checkHtml } from "../helpers/vnu.ts";

const PREFIX = "/p/";
const SPANISH_LETTER = "carta-abierta";
let output: string;
let build: RunResult;

async function html(path: string): Promise<CheerioAPI> {
  return load(await readFile(join(output, path), "utf8"));
}

const text = ($: CheerioAPI, selector: string) => $(selector).map((_, e) => $(e).text().replace(/\s+/g, " ").trim()).get();

beforeAll(async () => {
  const root = await copyFixtureRepo("life");
  await writeFile(join(root, "signatories", "open-data", "world-network.yaml"), signatoryYaml({ name: "World Budget Network", type: "organisation", scope: "global", signed: "2020-03-01" }));
  await mkdir(join(root, "content", "letters", SPANISH_LETTER), { recursive: true });
  await writeFile(
    join(root, "content", "letters", SPANISH_LETTER, "index.md"),
    "---\ntitle: Una carta abierta\ndate: 2021-05-01\nto:\n  - name: Una destinataria\nfrom: un grupo de organizaciones\nsummary: Una carta en español.\nlang: es\nstatus: open\n---\n\nEstimada destinataria:\n",
  );
  await mkdir(join(root, "signatories", SPANISH_LETTER), { recursive: true });
  await writeFile(join(root, "signatories", SPANISH_LETTER, "red.yaml"), signatoryYaml({ name: "Red Internacional", type: "organisation", scope: "international", signed: "2021-05-05" }));
  output = await tempDir("undersigned-fixes-");
  build = await runScript("build", ["--root", root, "--output", output, `--pathprefix=${PREFIX}`, "--quiet"]);
});

describe("the fixture", () => {
  it("builds and passes the site verifier, 404 page included, without a word on stderr", () => {
    expect(build.stderr).toBe("");
    expect(build.code).toBe(0);
  });
});

describe("the print view", () => {
  it("marks the signatures of an earlier text as the letter page does", async () => {
    const print = await html("letters/open-data/print/index.html");
    expect(text(print, ".print-list li")).toEqual([
      "Kenya Budget Network, Kenya (signed an earlier version)",
      "Open Budget Brasil, Brazil",
      "World Budget Network, Global",
      "الجمعية المصرية للشفافية, Egypt",
      "Zoé Économiste, France — Professor, Université Exemple (for identification purposes only) (signed an earlier version)",
    ]);
  });

  it("has the letter page's list of changes, its counts of each text and its withdrawals", async () => {
    const [print, letter] = await Promise.all([html("letters/open-data/print/index.html"), html("letters/open-data/index.html")]);
    for (const selector of ["#changes_heading", ".revisions li", ".current-text", ".withdrawals p", ".withdrawals li"]) {
      expect(text(print, selector), selector).toEqual(text(letter, selector));
    }
    expect(text(print, ".revisions li")).toEqual(["February 10, 2020: Added the request to publish data monthly.", "March 15, 2020: Fixed a typo in the second paragraph. (minor correction)"]);
    expect(text(print, ".current-text")).toEqual(["3 signed the current text, revised on February 10, 2020. 2 signed an earlier version."]);
    expect(print(".current-text a").attr("href")).toBe("#changes_heading");
  });
});

describe("the day the list last changed", () => {
  it("is the last withdrawal when it came after every signature, on the pages, the export and the feeds", async () => {
    const [letter, print] = await Promise.all([html("letters/open-data/index.html"), html("letters/open-data/print/index.html")]);
    expect(text(letter, "#signatories_heading")).toEqual(["Signed (as of March 20, 2020)1"]);
    expect(text(print, "#signatories_heading")).toEqual(["Signed (as of March 20, 2020)"]);
    expect(text(letter, "#living_document")).toEqual(["1 This is a living document. The list of endorsers is updated as new signatures arrive; it last changed on March 20, 2020."]);
    const exported = JSON.parse(await readFile(join(output, "letters", "open-data", "signatories.json"), "utf8")) as { letter: { asOf: string } };
    expect(exported.letter.asOf).toBe("2020-03-20");
    const feed = load(await readFile(join(output, "feed.xml"), "utf8"), { xml: true });
    expect(feed("feed > updated").text()).toBe("2021-05-05T00:00:00Z");
    expect(feed("entry").filter((_, e) => feed(e).find("title").text() === "Open the budget data").find("updated").text()).toBe("2020-03-20T00:00:00Z");
    const letterFeed = load(await readFile(join(output, "letters", "open-data", "feed.xml"), "utf8"), { xml: true });
    expect(letterFeed("feed > updated").text()).toBe("2020-04-02T00:00:00Z");
  });
});

describe("a closed letter", () => {
  it("says its list is final, not that it is still updated, on its page and its print view", async () => {
    const [letter, print] = await Promise.all([html("letters/past-letter/index.html"), html("letters/past-letter/print/index.html")]);
    expect(text(letter, "#living_document")).toEqual(["1 This letter is closed, so its list of endorsers is final; it last changed on March 1, 2019."]);
    expect(text(print, ".living-note")).toEqual(["This letter is closed, so its list of endorsers is final; it last changed on March 1, 2019."]);
  });
});

describe("a page of one place", () => {
  it.each([
    ["a scope", "letters/open-data/countries/global/", "Signatories with a global scope", "Open the budget data", ["Signatories of this letter with a global scope: 1.", "World Budget Network"]],
    ["a scope, in Spanish", `letters/${SPANISH_LETTER}/countries/international/`, "Firmantes de ámbito internacional", "Una carta abierta", ["Firmantes de esta carta de ámbito internacional: 1.", "Red Internacional"]],
    ["a country, with one signatory named once", "letters/open-data/countries/fr/", "Signatories in France", "Open the budget data", ["Signatories of this letter in France: 1.", "Zoé Économiste"]],
  ])("names %s in a sentence", async (_, path, heading, letterTitle, meta) => {
    const $ = await html(`${path}index.html`);
    expect(text($, "h1")).toEqual([heading]);
    expect($("title").text()).toBe(`${heading} · ${letterTitle} · Fixture Site`);
    expect(text($, ".list-page > p.meta")).toEqual(meta);
  });
});

describe("the growth chart of signatures on one day", () => {
  it("names the day once", async () => {
    const $ = await html("letters/past-letter/index.html");
    expect(text($, ".growth figcaption")).toEqual(["Signatures per day: March 1, 2019"]);
  });
});

describe("the 404 page", () => {
  it("is /404.html in the site's language, with the site's header and absolute links to the letters and to search", async () => {
    const $ = await html("404.html");
    expect($("html").attr("lang")).toBe("en");
    expect($("title").text()).toBe("Page not found · Fixture Site");
    expect($('meta[name="robots"]').attr("content")).toBe("noindex");
    expect($(".site-header .site-name").attr("href")).toBe(PREFIX);
    expect($('link[rel="stylesheet"]').attr("href")).toBe(`${PREFIX}assets/site.css`);
    expect(text($, "main h1")).toEqual(["Page not found"]);
    expect(text($, "main p")).toEqual([
      "There is no page at this address. The link may be mistyped, or the page may have moved.",
      "Every letter and its signatories can be read from the list of letters.",
      "To find an organisation or a person, use the search page.",
    ]);
    expect($("main a").map((_, a) => [[$(a).text(), $(a).attr("href")]]).get()).toEqual([
      ["the list of letters", PREFIX],
      ["the search page", `${PREFIX}search/`],
    ]);
  });

  it("is left out of the sitemap and the search index", async () => {
    const sitemap = await readFile(join(output, "sitemap.xml"), "utf8");
    expect(sitemap).not.toContain("404.html");
    expect(await readFile(join(output, "404.html"), "utf8")).not.toContain("data-pagefind-body");
  });

  it("passes the W3C HTML checker", async () => {
    expect((await readFile(join(output, "404.html"), "utf8")).length).toBeGreaterThan(0);
    const result = await checkHtml([join(output, "404.html")]);
    expect(result.out).toBe("");
    expect(result.code).toBe(0);
  });

  describe("in Chromium, served for a missing address as GitHub Pages serves it", () => {
    let browser: Browser;
    let server: SiteServer;
    let page: Page;

    beforeAll(async () => {
      [browser, server] = await Promise.all([launchChromium(), serveSite(output, PREFIX)]);
      page = await browser.newPage();
      const notFound = await readFile(join(output, "404.html"), "utf8");
      await page.route(`${server.url}letters/no-such-letter/countries/xx/`, (route) => route.fulfill({ status: 404, contentType: "text/html; charset=utf-8", body: notFound }));
    });

    afterAll(async () => {
      await browser?.close();
      await server?.close();
    });

    it("keeps its style and its links from any depth, and axe finds no WCAG 2.2 AA violation", async () => {
      const response = await page.goto(`${server.url}letters/no-such-letter/countries/xx/`);
      expect(response?.status()).toBe(404);
      expect(await page.evaluate(() => document.styleSheets.length)).toBe(1);
      expect(await axeViolations(page)).toEqual([]);
      await page.getByRole("link", { name: "the search page" }).click();
      await page.waitForURL(`${server.url}search/`);
      expect(await page.locator("h1").textContent()).toBe("Search");
    });
  });
});
