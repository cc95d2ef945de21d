// Search on a site with letters in two languages, in Chromium on a real Pagefind index: the filters are
// language-neutral (one option per letter, type and country, named in the page's language), so a
// filter never drops the signatories of a letter in another language; each result is marked with its
// letter's language and direction; a letter's title finds the letter, not blocks of its signatories.
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signatoryYaml } from "../../scripts/lib/synthetic.ts";
import type { SignatoryFields } from "../../scripts/lib/types.ts";
import { launchChromium, serveSite, type SiteServer } from "../helpers/browser.ts";
import { copyFixtureRepo, runScript, tempDir, type RunResult } from "../helpers/run.ts";

const PREFIX = "/langs/";
const ARABIC_LETTER = "dal-letter";
const ARABIC_TITLE = "رسالة دال";
const ALPHA_TITLE = "Alpha letter & friends";
const SIGNATORIES: Record<string, Record<string, SignatoryFields>> = {
  [ARABIC_LETTER]: {
    "amina-okafor": { name: "Amina Okafor", type: "individual", country: "KE", signed: "2024-02-01" },
    "okafor-network": { name: "Okafor Network", type: "organisation", scope: "global", signed: "2024-02-02" },
    // A third signatory: the verifier wants a count's digits on the page, and Arabic names two without any.
    "cairo-forum": { name: "منتدى القاهرة", type: "organisation", country: "EG", signed: "2024-02-03" },
  },
  "alpha-letter": {
    "chidi-okafor": { name: "Chidi Okafor", type: "individual", country: "BR", signed: "2020-02-01" },
    "okafor-trust": { name: "Okafor Trust", type: "organisation", country: "KE", signed: "2020-02-02" },
  },
};

let build: RunResult;
let browser: Browser;
let server: SiteServer;
const errors: string[] = [];

/** The `site` fixture with Spanish and Arabic translations of alpha-letter, a letter in Arabic, and an Okafor in each type and letter. */
async function writeRepo(): Promise<string> {
  const root = await copyFixtureRepo("site");
  const alpha = join(root, "content", "letters", "alpha-letter");
  await writeFile(join(alpha, "es.md"), "---\nlang: es\ntitle: La carta alfa\nsummary: La carta alfa.\n---\n\nEstimada directora:\n\nLe pedimos dos cosas.\n");
  await writeFile(join(alpha, "ar.md"), "---\nlang: ar\ntitle: رسالة ألفا\nsummary: رسالة ألفا.\n---\n\nالسيدة المديرة،\n\nنطلب أمرين.\n");
  await mkdir(join(root, "content", "letters", ARABIC_LETTER), { recursive: true });
  await writeFile(
    join(root, "content", "letters", ARABIC_LETTER, "index.md"),
    `---\ntitle: ${ARABIC_TITLE}\ndate: 2024-01-01\nto:\n  - name: المديرة\nfrom: مجموعة من المنظمات\nsummary: رسالة بالعربية.\nlang: ar\nstatus: open\n---\n\nالسيدة المديرة،\n\nنطلب منك أن تعملي.\n`,
  );
  for (const [letter, files] of Object.entries(SIGNATORIES)) {
    await mkdir(join(root, "signatories", letter), { recursive: true });
    for (const [slug, fields] of Object.entries(files)) await writeFile(join(root, "signatories", letter, `${slug}.yaml`), signatoryYaml(fields));
  }
  return root;
}

/** Types a query into a search form and waits until its results are complete; returns each result's HTML. */
async function search(page: Page, form: string, query: string): Promise<string[]> {
  await page.locator(`${form} input[type=search]`).fill(query);
  await expect.poll(() => page.locator(`${form} [data-search-results]`).getAttribute("aria-busy"), { timeout: 10_000 }).toBe("false");
  await expect.poll(() => page.locator(`${form} [data-search-status]`).textContent()).not.toBe("");
  return page.locator(`${form} [data-search-results] li`).evaluateAll((items) => items.map((li) => li.innerHTML));
}

/** A signatory's result as the search script writes it: the entry in its letter's language, the details in the page's. */
function result(entry: { href: string; text: string; lang: string; dir: string }, letter: { text: string; lang: string; dir: string }, type: string): string {
  return `<a lang="${entry.lang}" dir="${entry.dir}" href="${PREFIX}${entry.href}">${entry.text}</a><span class="result-details"> — <span lang="${letter.lang}" dir="${letter.dir}">${letter.text}</span> · ${type}</span>`;
}

const AMINA = result({ href: `letters/${ARABIC_LETTER}/#amina-okafor`, text: "Amina Okafor، كينيا", lang: "ar", dir: "rtl" }, { text: ARABIC_TITLE, lang: "ar", dir: "rtl" }, "Individual");
const NETWORK = result({ href: `letters/${ARABIC_LETTER}/#okafor-network`, text: "Okafor Network، عالمي", lang: "ar", dir: "rtl" }, { text: ARABIC_TITLE, lang: "ar", dir: "rtl" }, "Organisation");
const CHIDI = result({ href: "letters/alpha-letter/#chidi-okafor", text: "Chidi Okafor, Brazil", lang: "en", dir: "ltr" }, { text: ALPHA_TITLE.replace("&", "&amp;"), lang: "en", dir: "ltr" }, "Individual");
const TRUST = result({ href: "letters/alpha-letter/#okafor-trust", text: "Okafor Trust, Kenya", lang: "en", dir: "ltr" }, { text: ALPHA_TITLE.replace("&", "&amp;"), lang: "en", dir: "ltr" }, "Organisation");

beforeAll(async () => {
  const root = await writeRepo();
  const output = await tempDir("undersigned-languages-");
  build = await runScript("build", ["--root", root, "--output", output, `--pathprefix=${PREFIX}`, "--quiet"]);
  [browser, server] = await Promise.all([launchChromium(), serveSite(output, PREFIX)]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe("search on a site in two languages", () => {
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    context = await browser.newContext();
    context.on("console", (message) => {
      if (message.type() === "error") errors.push(`${message.page()?.url()}: ${message.text()}`);
    });
    context.on("weberror", (error) => errors.push(`${error.page()?.url()}: ${error.error().message}`));
    page = await context.newPage();
  });

  afterAll(() => context?.close());

  it("builds without a word on stderr", () => {
    expect(build.stderr).toBe("");
    expect(build.code).toBe(0);
  });

  it("offers each letter, type and country once, named in the search page's language", async () => {
    await page.goto(`${server.url}search/`);
    const options = (filter: string) => page.locator(`select[data-search-filter=${filter}] option`);
    await expect.poll(() => options("country").allTextContents(), { timeout: 10_000 }).toEqual(["Any", "Brazil", "Egypt", "France", "Germany", "Global", "International", "Japan", "Kenya"]);
    expect(await options("type").allTextContents()).toEqual(["Any", "Individual", "Organisation"]);
    // The translations of alpha-letter are not letters of their own; a title in another language is marked as such.
    expect(await options("letterid").evaluateAll((all) => all.map((o) => `${o.getAttribute("value")} ${o.getAttribute("lang")} ${o.getAttribute("dir")} ${o.textContent}`))).toEqual([
      " null null Any",
      `alpha-letter en ltr ${ALPHA_TITLE}`,
      "beta-letter fr ltr Beta letter",
      `${ARABIC_LETTER} ar rtl ${ARABIC_TITLE}`,
    ]);
  });

  it("finds every Okafor, each marked with its letter's language and direction", async () => {
    await page.goto(`${server.url}search/`);
    expect((await search(page, "form[role=search]", "Okafor")).sort()).toEqual([AMINA, CHIDI, NETWORK, TRUST].sort());
  });

  it.each([
    { filter: "country", label: "Kenya", expected: [AMINA, TRUST] },
    { filter: "country", label: "Global", expected: [NETWORK] },
    { filter: "type", label: "Individual", expected: [AMINA, CHIDI] },
    { filter: "type", label: "Organisation", expected: [NETWORK, TRUST] },
    { filter: "letterid", label: ALPHA_TITLE, expected: [CHIDI, TRUST] },
    { filter: "letterid", label: ARABIC_TITLE, expected: [AMINA, NETWORK] },
  ])("narrows by $filter $label across both languages", async ({ filter, label, expected }) => {
    await page.goto(`${server.url}search/`);
    const select = page.locator(`select[data-search-filter=${filter}]`);
    await expect.poll(() => select.locator("option").allTextContents(), { timeout: 10_000 }).toContain(label);
    await select.selectOption({ label });
    expect((await search(page, "form[role=search]", "Okafor")).sort()).toEqual([...expected].sort());
    await expect(page.locator("form[role=search] [data-search-status]").textContent()).resolves.toBe(`Results: ${expected.length}.`);
  });

  it("marks an English letter's results on its Arabic translation as English, with the details in Arabic", async () => {
    await page.goto(`${server.url}letters/alpha-letter/ar/`);
    await expect(page.locator("html").getAttribute("dir")).resolves.toBe("rtl");
    expect((await search(page, "form[data-search-letter]", "Okafor")).sort()).toEqual(
      [
        result({ href: "letters/alpha-letter/#chidi-okafor", text: "Chidi Okafor, Brazil", lang: "en", dir: "ltr" }, { text: "رسالة ألفا", lang: "ar", dir: "rtl" }, "فرد"),
        result({ href: "letters/alpha-letter/#okafor-trust", text: "Okafor Trust, Kenya", lang: "en", dir: "ltr" }, { text: "رسالة ألفا", lang: "ar", dir: "rtl" }, "منظمة"),
      ].sort(),
    );
  });

  it("finds a letter by a word of its title, and no block of its signatories", async () => {
    await page.goto(`${server.url}search/`);
    const links = async (query: string) => {
      await search(page, "form[role=search]", query);
      return page.locator("form[role=search] [data-search-results] li > a").evaluateAll((all) => all.map((a) => `${a.getAttribute("lang")} ${a.getAttribute("href")}`));
    };
    expect(await links("friends")).toEqual([`en ${PREFIX}letters/alpha-letter/`]);
    expect(await links("دال")).toEqual([`ar ${PREFIX}letters/${ARABIC_LETTER}/`]);
    // A block's type is a filter, not a word of it: "فرد" is "Individual" on the Arabic letter.
    expect(await links("فرد")).toEqual([]);
  });

  it("logged no console error and threw no page error", () => {
    expect(errors).toEqual([]);
  });
});

describe("the search page without JavaScript", () => {
  it("links to the list of letters from the sentence that says so, under the path prefix", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      await page.goto(`${server.url}search/`);
      await expect(page.locator("main p").filter({ hasText: "Search needs JavaScript" }).textContent()).resolves.toBe("Search needs JavaScript. Every letter and its full list of signatories can also be read from the list of letters.");
      const link = page.getByRole("link", { name: "the list of letters" });
      await expect(link.getAttribute("href")).resolves.toBe(PREFIX);
      await link.click();
      await page.waitForURL(server.url);
    } finally {
      await context.close();
    }
  });
});
