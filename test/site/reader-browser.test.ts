// The reader's site in Chromium, served under a path prefix: search finds a signatory and lands on its
// entry, the letter-scoped search stays in its letter, the paginated and per-country lists work without
// JavaScript, the print view holds everyone, and no page logs an error.
import { readdir } from "node:fs/promises";
import { join } from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LIST_PAGE_SIZE } from "../../scripts/lib/letter-lists.ts";
import { syntheticSignatories } from "../../scripts/lib/synthetic.ts";
import { launchChromium, serveSite, type SiteServer } from "../helpers/browser.ts";
import { BIG_COUNT, BIG_LETTER, BRIDGE_WORD, NILE_WORD, SHARED_WORD, buildReaderSite, type ReaderSite } from "../helpers/reader-site.ts";

const PREFIX = "/reader/";
const BIG_TITLE = "A letter with many signatories";
let site: ReaderSite;
let browser: Browser;
let server: SiteServer;
/** Console errors and page errors of every page visited, as "<url>: <message>". */
const errors: string[] = [];

function watch(context: BrowserContext): void {
  context.on("console", (message) => {
    if (message.type() === "error") errors.push(`${message.page()?.url()}: ${message.text()}`);
  });
  context.on("weberror", (error) => errors.push(`${error.page()?.url()}: ${error.error().message}`));
}

async function newContext(options: { javaScriptEnabled: boolean }): Promise<BrowserContext> {
  const context = await browser.newContext(options);
  watch(context);
  return context;
}

/** The signatories listed on a page, as their `letter/slug` keys. */
function listed(page: Page, selector = "[data-signatory]"): Promise<string[]> {
  return page.locator(selector).evaluateAll((elements) => elements.map((el) => el.getAttribute("data-signatory") ?? ""));
}

async function filesOf(letter: string): Promise<string[]> {
  return (await readdir(join(site.root, "signatories", letter))).map((f) => `${letter}/${f.replace(/\.yaml$/, "")}`).sort();
}

/** Types a query into a search form and waits until its results are complete (no longer busy). */
async function search(page: Page, form: string, query: string): Promise<string[]> {
  await page.locator(`${form} input[type=search]`).fill(query);
  await expect.poll(() => page.locator(`${form} [data-search-results]`).getAttribute("aria-busy"), { timeout: 10_000 }).toBe("false");
  await expect(page.locator(`${form} [data-search-status]`).textContent()).resolves.not.toBe("");
  return page.locator(`${form} [data-search-results] li`).allTextContents();
}

beforeAll(async () => {
  site = await buildReaderSite(PREFIX);
  [browser, server] = await Promise.all([launchChromium(), serveSite(site.output, PREFIX)]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe("the reader fixture", () => {
  it("builds without a word on stderr", () => {
    expect(site.build.stderr).toBe("");
    expect(site.build.code).toBe(0);
  });
});

describe("search, with JavaScript", () => {
  let context: BrowserContext;
  let page: Page;
  // The last synthetic signatory: its name is unique (it ends in its number) but shares its other words
  // with dozens of others on page 1 of the full list.
  const target = syntheticSignatories(BIG_COUNT).at(-1)!;

  beforeAll(async () => {
    context = await newContext({ javaScriptEnabled: true });
    page = await context.newPage();
  });

  afterAll(() => context?.close());

  it("finds a signatory by name on the site search page, with its letter, type and country", async () => {
    expect(target.fields).toMatchObject({ name: "Asociación por los Derechos Centre 1030", country: "PL" });
    await page.goto(`${server.url}search/`);
    const results = await search(page, "form[role=search]", target.fields.name);
    expect(results).toEqual([`Asociación por los Derechos Centre 1030, Poland — ${BIG_TITLE} · Organisation`]);
    await expect(page.locator(".search-status").textContent()).resolves.toBe("Results: 1.");
  });

  it("lands on the signatory's entry when the result is followed", async () => {
    await page.locator(".search-results a").first().click();
    await page.waitForURL(`${server.url}letters/${BIG_LETTER}/organisations/#${target.slug}`);
    const entry = page.locator(`#${target.slug}`);
    await expect(entry.evaluate((el) => el.matches(":target"))).resolves.toBe(true);
    await expect(entry.textContent()).resolves.toBe("Asociación por los Derechos Centre 1030, Poland");
    expect(await entry.evaluate((el) => {
      const box = el.getBoundingClientRect();
      return box.top >= 0 && box.bottom <= window.innerHeight;
    })).toBe(true);
  });

  it("lists the signatories whose entry has every word of the query, not those with only some", async () => {
    const both = syntheticSignatories(BIG_COUNT).filter((s) => /\bDerechos\b/.test(s.fields.name) && /\bCentre\b/.test(s.fields.name));
    expect(both).toHaveLength(11);
    await page.goto(`${server.url}search/`);
    const results = await search(page, "form[role=search]", "Derechos Centre");
    expect(results.map((r) => r.split(",")[0]).sort()).toEqual(both.map((s) => s.fields.name).sort());
    await expect(page.locator(".search-status").textContent()).resolves.toBe("Results: 11.");
  });

  it("narrows the site search to one type of signatory", async () => {
    await page.goto(`${server.url}search/`);
    const type = page.locator("select[data-search-filter=type]");
    // Each type is offered once, named in the search page's language, whatever its letters' languages.
    await expect.poll(() => type.locator("option").allTextContents()).toEqual(["Any", "Individual", "Organisation"]);
    await type.selectOption("Organisation");
    expect((await search(page, "form[role=search]", SHARED_WORD)).sort()).toEqual(["Zeta Organisation, Global — Alpha letter & friends · Organisation", "Zeta Réseau, Sénégal — Beta letter · Organisation"]);
    await type.selectOption("Individual");
    await expect.poll(() => page.locator(".search-status").textContent()).toBe("No results for “Zeta”.");
    await expect(page.locator("form[role=search] [data-search-results] li").count()).resolves.toBe(0);
    expect(await search(page, "form[role=search]", "Bea Person")).toEqual(["Bea Person, International — Alpha letter & friends · Individual"]);
  });

  it.each([
    {
      what: "one country, not every country whose name contains it",
      word: NILE_WORD,
      notOffered: undefined,
      // Offered in the search page's language; each entry keeps its place in its letter's language.
      countries: [
        ["Sudan", "Réseau du Nil, Soudan — Beta letter · Organisation"],
        ["South Sudan", "Forum du Nil, Soudan du Sud — Beta letter · Organisation"],
      ],
    },
    {
      what: "a country whose name has a comma, offered and applied as one country",
      word: BRIDGE_WORD,
      // The part after the comma, which a filter split on commas would offer as a country of its own.
      notOffered: "RAE da China",
      countries: [
        ["Hong Kong SAR China", "Rede da Ponte, Hong Kong, RAE da China — Carta gama · Organisation"],
        ["China", "Fórum da Ponte, China — Carta gama · Organisation"],
      ],
    },
  ])("narrows the site search to $what", async ({ word, notOffered, countries }) => {
    await page.goto(`${server.url}search/`);
    const country = page.locator("select[data-search-filter=country]");
    await expect.poll(() => country.locator("option").allTextContents()).toEqual(expect.arrayContaining(countries.map(([name]) => name)));
    if (notOffered !== undefined) expect(await country.locator("option").allTextContents()).not.toContain(notOffered);
    expect((await search(page, "form[role=search]", word)).sort()).toEqual(countries.map(([, result]) => result).sort());
    for (const [name, result] of countries) {
      await country.selectOption(name!);
      expect(await search(page, "form[role=search]", word)).toEqual([result]);
    }
  });

  it("searches the whole site from the search page: a shared word finds both letters' signatories", async () => {
    await page.goto(`${server.url}search/`);
    const results = await search(page, "form[role=search]", SHARED_WORD);
    expect(results.sort()).toEqual(["Zeta Organisation, Global — Alpha letter & friends · Organisation", "Zeta Réseau, Sénégal — Beta letter · Organisation"]);
  });

  it("keeps a letter's own search box to that letter, though another letter has a matching name", async () => {
    await page.goto(`${server.url}letters/alpha-letter/`);
    expect(await search(page, "form[data-search-letter]", SHARED_WORD)).toEqual(["Zeta Organisation, Global — Alpha letter & friends · Organisation"]);
    await page.goto(`${server.url}letters/beta-letter/`);
    expect(await search(page, "form[data-search-letter]", SHARED_WORD)).toEqual(["Zeta Réseau, Sénégal — Beta letter · Organisation"]);
  });
});

describe("without JavaScript", () => {
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    context = await newContext({ javaScriptEnabled: false });
    page = await context.newPage();
  });

  afterAll(() => context?.close());

  it("hides the search forms, which need JavaScript", async () => {
    await page.goto(`${server.url}letters/${BIG_LETTER}/`);
    await expect(page.locator("form[data-search]").isVisible()).resolves.toBe(false);
    await expect(page.locator("noscript").count()).resolves.toBe(1);
  });

  it("follows the letter page to the full list and its next page, which together list every organisation once", async () => {
    await page.goto(`${server.url}letters/${BIG_LETTER}/`);
    await expect(listed(page, "[data-signatory][id]")).resolves.toEqual([]);
    await page.getByRole("link", { name: `See all ${BIG_COUNT.toLocaleString("en")}, in alphabetical order` }).click();
    await page.waitForURL(`${server.url}letters/${BIG_LETTER}/organisations/`);
    const first = await listed(page, "li[data-signatory][id]");
    expect(first).toHaveLength(LIST_PAGE_SIZE);
    await page.getByRole("navigation", { name: "Pages of this list", exact: true }).getByRole("link", { name: "Next page" }).click();
    await page.waitForURL(`${server.url}letters/${BIG_LETTER}/organisations/2/`);
    const second = await listed(page, "li[data-signatory][id]");
    expect(second).toHaveLength(BIG_COUNT - LIST_PAGE_SIZE);
    expect([...first, ...second].sort()).toEqual(await filesOf(BIG_LETTER));
    await expect(page.locator("h1").textContent()).resolves.toBe("Organisations, page 2 of 2");
    await page.getByRole("navigation", { name: "Pages of this list", exact: true }).getByRole("link", { name: "Page 1", exact: true }).click();
    await page.waitForURL(`${server.url}letters/${BIG_LETTER}/organisations/`);
  });

  it("follows a row of the table of countries to that country's list, whose entries link to their addresses", async () => {
    await page.goto(`${server.url}letters/${BIG_LETTER}/`);
    const row = page.locator("table.places tbody tr").first();
    const country = (await row.locator("th").textContent())!;
    const total = Number((await row.locator("td").last().textContent())!.replace(/\D/g, ""));
    await row.getByRole("link").click();
    await page.waitForURL(/\/countries\/[a-z0-9-]+\/$/);
    await expect(page.locator("h1").textContent()).resolves.toBe(`Signatories in ${country}`);
    const entries = page.locator(".signatory-list li[data-signatory]");
    await expect(entries.count()).resolves.toBe(total);
    await expect(entries.locator(".place").allTextContents()).resolves.toEqual(Array(total).fill(country));
    const link = entries.first().locator("a.name");
    const slug = (await entries.first().getAttribute("data-signatory"))!.split("/")[1]!;
    await link.click();
    await page.waitForURL(new RegExp(`/letters/${BIG_LETTER}/organisations/(2/)?#${slug}$`));
    await expect(page.locator(`#${slug}`).evaluate((el) => el.matches(":target"))).resolves.toBe(true);
  });

  it("reads the by-date list across its pages, going on from the navigation after the list", async () => {
    await page.goto(`${server.url}letters/${BIG_LETTER}/`);
    await page.getByRole("link", { name: "Read the list by date signed" }).click();
    await page.waitForURL(`${server.url}letters/${BIG_LETTER}/by-date/`);
    const first = await listed(page);
    await page.getByRole("navigation", { name: "Pages of this list (after the list)" }).getByRole("link", { name: "Next page" }).click();
    await page.waitForURL(`${server.url}letters/${BIG_LETTER}/by-date/2/`);
    expect([...first, ...(await listed(page))].sort()).toEqual(await filesOf(BIG_LETTER));
  });

  it("prints every signatory of a letter in its print view", async () => {
    for (const letter of [BIG_LETTER, "alpha-letter", "beta-letter"]) {
      await page.goto(`${server.url}letters/${letter}/print/`);
      expect((await listed(page, ".print-list [data-signatory]")).sort()).toEqual(await filesOf(letter));
    }
  });
});

describe("every page visited", () => {
  it("logged no console error and threw no page error", () => {
    expect(errors).toEqual([]);
  });
});
