import { readFile, readdir } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { load, type CheerioAPI } from "cheerio";
import { beforeAll, describe, expect, it } from "vitest";
import { fixture, runScript, tempDir, type RunResult } from "../helpers/run.ts";
import { writeReaderRepo } from "../helpers/reader-site.ts";

const PREFIX = "/repo-name/";
let output: string;
let build: RunResult;

async function page(path: string): Promise<CheerioAPI> {
  return load(await readFile(join(output, path), "utf8"));
}

async function fixtureFiles(letter: string): Promise<string[]> {
  return (await readdir(fixture("repos", "site", "signatories", letter))).map((f) => f.replace(/\.yaml$/, "")).sort();
}

beforeAll(async () => {
  output = await tempDir("undersigned-site-");
  build = await runScript("build", ["--root", fixture("repos", "site"), "--output", output, `--pathprefix=${PREFIX}`, "--quiet"]);
});

describe("a whole build of the fixture site", () => {
  it("succeeds", () => {
    expect(build.stderr).not.toMatch(/error/i);
    expect(build.code).toBe(0);
  });

  it("lists every valid signatory exactly once on its letter page, under its file slug", async () => {
    for (const letter of ["alpha-letter", "beta-letter"]) {
      const $ = await page(`letters/${letter}/index.html`);
      const ids = $(".signatory-list [data-signatory]").map((_, el) => $(el).attr("id")).get().sort();
      expect(ids).toEqual(await fixtureFiles(letter));
    }
  });

  it("shows a hostile name as text, never as markup", async () => {
    const $ = await page("letters/alpha-letter/index.html");
    expect($("#html-name .name").text()).toBe("<img src=x onerror=alert(1)>");
    expect($("#quoted .name").text()).toBe('"Quoted" & <b>bold</b>');
    expect($("#quoted a").attr("href")).toBe("https://quote.example.org/?a=1&b='x'");
    // The only image and script are the site's own: the letter's badge and the search script.
    expect($("b").length).toBe(0);
    expect($("img").map((_, el) => $(el).attr("src")).get()).toEqual([`${PREFIX}letters/alpha-letter/badge.svg`]);
    expect($("script").map((_, el) => $(el).attr("src")).get()).toEqual([`${PREFIX}assets/search.js`]);
    expect($("[onerror]").length).toBe(0);
  });

  it("renders the letter body with lists, quotation and footnote, and raw HTML and template code as text", async () => {
    const $ = await page("letters/alpha-letter/index.html");
    const body = $(".letter-body");
    expect(body.find("ul li").map((_, el) => $(el).text()).get()).toEqual(["do one thing;", "do another thing."]);
    expect(body.find("blockquote").text().trim()).toBe("A quotation that matters.");
    expect(body.find(".footnote-item").text()).toContain("The source of the claim.");
    expect(body.text()).toContain('{{ 7 * 7 }} <script>alert("body")</script>');
  });

  it("splits organisations and individuals, sorted by the letter language's collation", async () => {
    const $ = await page("letters/alpha-letter/index.html");
    const names = (group: string) => $(`[aria-labelledby="${group}_heading"] .name`).map((_, el) => $(el).text()).get();
    expect(names("organisations")).toEqual(['"Quoted" & <b>bold</b>', "<img src=x onerror=alert(1)>", "Ärzte für Menschenrechte", "Zeta Organisation"]);
    expect(names("individuals")).toEqual(["Adam Individual", "Bea Person"]);
    expect($("#adam .identification").text().trim()).toBe("— Professor, Example University (for identification purposes only)");
    expect($("#bea .place").text()).toBe("International");
    expect($("#zeta .place").text()).toBe("Global");
  });

  it("names countries and dates in the letter's language", async () => {
    const $ = await page("letters/beta-letter/index.html");
    expect($("html").attr("lang")).toBe("fr");
    expect($("#organisation-francaise .place").text()).toBe("France");
    expect($("#signatories_heading").text()).toContain("2 mai 2019");
  });

  it("says when the list was last changed and how many signed", async () => {
    const $ = await page("letters/alpha-letter/index.html");
    expect($("#signatories_heading").text()).toBe("Signed (as of February 1, 2020)1");
    expect($(".signatories .count").text()).toBe("6 signatories");
    expect($("#living_document").text()).toContain("This is a living document.");
    expect($("#living_document").text()).toContain("February 1, 2020");
  });

  it("lists letters on the home page, open ones first, with count and status", async () => {
    const $ = await page("index.html");
    const cards = $(".letter-card").map((_, el) => ({
      title: $(el).find("h2").text(),
      href: $(el).find("h2 a").attr("href"),
      status: $(el).find(".status").text(),
      count: $(el).find(".count").text(),
    })).get();
    expect(cards).toEqual([
      { title: "Alpha letter & friends", href: `${PREFIX}letters/alpha-letter/`, status: "Open for signatures", count: "6 signatories" },
      // The beta letter is in French: its card speaks French now that i18n/fr.yaml exists.
      { title: "Beta letter", href: `${PREFIX}letters/beta-letter/`, status: "Close", count: "1 signataire" },
    ]);
  });

  it("puts every internal link and asset under the path prefix", async () => {
    for (const path of ["index.html", "search/index.html", "letters/alpha-letter/index.html"]) {
      const $ = await page(path);
      const urls = $("[href], [src]").map((_, el) => $(el).attr("href") ?? $(el).attr("src")).get();
      const internal = urls.filter((u) => !u.startsWith("#") && !u.startsWith("https://"));
      expect(internal.length).toBeGreaterThan(0);
      for (const url of internal) expect(url.startsWith(PREFIX), `${path}: ${url}`).toBe(true);
    }
  });

  it("builds a Pagefind index of the letter pages and of the signatories' search blocks", async () => {
    const entry = JSON.parse(await readFile(join(output, "pagefind", "pagefind-entry.json"), "utf8")) as { languages: Record<string, { page_count: number }> };
    const records = Object.values(entry.languages).reduce((n, l) => n + l.page_count, 0);
    // Two letter pages; alpha-letter's organisations and individuals, and beta-letter's organisations.
    expect(records).toBe(2 + 3);
    const $ = await page("search/index.html");
    expect($('script[src$="assets/search.js"]').attr("src")).toBe(`${PREFIX}assets/search.js`);
  });
});

describe("a build of the example site", () => {
  it("lists all 31 endorsers of the seed letter", async () => {
    const out = await tempDir("undersigned-example-");
    const result = await runScript("build", ["--output", out, "--quiet"]);
    expect(result.code).toBe(0);
    const $ = load(await readFile(join(out, "letters", "itu-pp14-openness", "index.html"), "utf8"));
    expect($(".signatory-list li")).toHaveLength(31);
    expect($('[aria-labelledby="organisations_heading"] li')).toHaveLength(29);
    expect($('[aria-labelledby="individuals_heading"] li')).toHaveLength(2);
    expect($("#signatories_heading").text()).toBe("Signed (as of October 9, 2014)1");
    expect($("#center-for-democracy-and-technology").text()).toBe("Center for Democracy & Technology, United States");
  });

});

// The deploy workflow builds without --quiet: its log is what a maintainer reads when a deploy fails.
describe.each([
  ["the example site", undefined, 34],
  ["a site with a thousand signatories on one letter", writeReaderRepo, 94],
])("a build of %s without --quiet", (_, writeRepo, files) => {
  it("says what it wrote and nothing else", async () => {
    const out = await tempDir("undersigned-loud-");
    const result = await runScript("build", [...(writeRepo === undefined ? [] : ["--root", await writeRepo()]), "--output", out]);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe("");
    const lines = result.stdout.trimEnd().split("\n");
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(new RegExp(`^\\[11ty\\] Wrote ${files} files in \\d+\\.\\d\\d seconds$`));
    expect(lines[1]).toMatch(new RegExp(`^Built ${out.replaceAll(/[.*+?^${}()|[\]\\]/g, "\\$&")} in \\d+\\.\\d\\d s$`));
  });
});

describe("a build of invalid content", () => {
  it("fails with the validator's messages and writes no site", async () => {
    const out = await tempDir("undersigned-broken-");
    const result = await runScript("build", ["--root", fixture("repos", "broken"), "--output", out, "--quiet"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('signatories/alpha-letter/acme.yaml:3:10: "country" must be a two-letter ISO 3166-1 code such as KE or BR (got "Kenya")\n');
    expect(result.stderr).toContain('signatories/no-such-letter/lost.yaml:1:1: the folder "no-such-letter" does not match any letter; move this file into signatories/<letter>/ for one of: alpha-letter\n');
    expect(result.stderr).toContain("The site was not built: 2 errors in the content (see above). Fix them and build again.");
    expect(await readdir(out)).toEqual([]);
    expect((await readdir(dirname(out))).filter((name) => name.startsWith(`.${basename(out)}-building-`))).toEqual([]);
  });
});
