import { cp, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { loadSite } from "../../scripts/lib/load-site.ts";
import { searchBlocks } from "../../scripts/lib/search-blocks.ts";
import { expectationOf } from "../../scripts/lib/site-expectation.ts";
import { pageFileOf, verifySite, type SiteExpectation } from "../../scripts/lib/verify-site.ts";
import { copyFixtureRepo, fixture, runScript, tempDir } from "../helpers/run.ts";

const PREFIX = "/repo-name/";
const ALPHA = "letters/alpha-letter/index.html";
let built: string;
let expected: SiteExpectation;

/** A copy of the built site with one page changed, verified against the fixture repository. */
async function verifyTampered(page: string, change: (html: string) => string, expectation = expected) {
  const dir = await tempDir("undersigned-tampered-");
  await cp(built, dir, { recursive: true });
  const html = await readFile(join(dir, page), "utf8");
  const changed = change(html);
  expect(changed).not.toBe(html);
  await writeFile(join(dir, page), changed);
  return (await verifySite(dir, expectation)).problems.map((p) => `${p.page}: ${p.message}`);
}

beforeAll(async () => {
  built = await tempDir("undersigned-verified-");
  const result = await runScript("build", ["--root", fixture("repos", "site"), "--output", built, `--pathprefix=${PREFIX}`, "--quiet"]);
  expect(result.code).toBe(0);
  const { repo, site } = await loadSite(fixture("repos", "site"));
  expected = expectationOf(repo, PREFIX, searchBlocks(site));
});

describe("verifySite", () => {
  it("passes the site the build made, having read every page and entry", async () => {
    expect(await verifySite(built, expected)).toEqual({ problems: [], pages: 16, entries: 28 });
  });

  it("finds a signatory that lost its canonical entry", async () => {
    expect(await verifyTampered(ALPHA, (h) => h.replace('class="entry" id="adam" ', 'class="entry" '))).toEqual([
      '(site): signatory alpha-letter/adam is missing: no page lists it with id="adam"',
      // The by-date and per-country lists link to the canonical address, which is gone.
      'letters/alpha-letter/by-date/index.html: href="/repo-name/letters/alpha-letter/#adam" points to #adam, which is not an id on letters/alpha-letter/index.html',
      'letters/alpha-letter/countries/jp/index.html: href="/repo-name/letters/alpha-letter/#adam" points to #adam, which is not an id on letters/alpha-letter/index.html',
    ]);
  });

  it("finds a signatory listed canonically twice", async () => {
    const page = "letters/beta-letter/index.html";
    expect(await verifyTampered(page, (h) => h.replace("</main>", '<p id="adam" data-signatory="alpha-letter/adam">Adam</p></main>'))).toEqual([
      `${page}: signatory alpha-letter/adam is listed canonically 2 times (also in ${ALPHA}); only one entry may carry its id`,
    ]);
  });

  it("counts every canonical listing of a signatory listed more than twice", async () => {
    const page = "letters/beta-letter/index.html";
    const copy = '<p id="adam" data-signatory="alpha-letter/adam">Adam</p>';
    expect(await verifyTampered(page, (h) => h.replace("</main>", `${copy}${copy}</main>`))).toEqual([
      `${page}: the id "adam" is used twice on this page`,
      `${page}: signatory alpha-letter/adam is listed canonically 3 times (also in ${ALPHA}); only one entry may carry its id`,
    ]);
  });

  it("accepts a listing outside the search body and refuses one inside it, canonical or not", async () => {
    const outside = await verifyTampered("index.html", (h) => h.replace("</main>", '<p data-signatory="alpha-letter/adam">Adam</p></main>'));
    expect(outside).toEqual([]);
    expect(await verifyTampered(ALPHA, (h) => h.replace("</article>", '<p data-signatory="alpha-letter/bea">Bea</p></article>'))).toEqual([
      `${ALPHA}: alpha-letter/bea is listed inside data-pagefind-body; signatories are indexed from their search blocks, so mark the list data-pagefind-ignore or search finds the signatory twice`,
    ]);
    expect(await verifyTampered(ALPHA, (h) => h.replace('<section class="signatories" aria-labelledby="signatories_heading" data-pagefind-ignore>', '<section class="signatories" aria-labelledby="signatories_heading">'))).toEqual(
      ["quoted", "html-name", "aerzte", "zeta", "adam", "bea"].map((slug) => `${ALPHA}: alpha-letter/${slug} is listed inside data-pagefind-body; signatories are indexed from their search blocks, so mark the list data-pagefind-ignore or search finds the signatory twice`),
    );
    expect(await verifyTampered(ALPHA, (h) => h.replace("</article>", '<p data-pagefind-ignore data-signatory="alpha-letter/bea">Bea</p></article>'))).toEqual([]);
  });

  it("finds a withdrawn or invalid signatory that still appears", async () => {
    const withdrawn: SiteExpectation = { ...expected, signatories: new Map([...expected.signatories].map(([l, slugs]) => [l, slugs.filter((s) => s !== "zeta")])) };
    const dir = await tempDir("undersigned-withdrawn-");
    await cp(built, dir, { recursive: true });
    const { problems } = await verifySite(dir, withdrawn);
    // Pages in file order; on each, problems in document order (the counts come before the list); then the search blocks.
    expect(problems.map((p) => `${p.page}: ${p.message}`)).toEqual([
      "index.html: the count for alpha-letter says 6, but the letter has 5 valid signatories",
      'letters/alpha-letter/by-date/index.html: data-signatory="alpha-letter/zeta" is not a valid signatory (withdrawn, invalid or unknown); it must not appear',
      'letters/alpha-letter/countries/global/index.html: data-signatory="alpha-letter/zeta" is not a valid signatory (withdrawn, invalid or unknown); it must not appear',
      `${ALPHA}: the count for alpha-letter says 6, but the letter has 5 valid signatories`,
      `${ALPHA}: the count for alpha-letter says 6, but the letter has 5 valid signatories`,
      `${ALPHA}: data-signatory="alpha-letter/zeta" is not a valid signatory (withdrawn, invalid or unknown); it must not appear`,
      'letters/alpha-letter/print/index.html: data-signatory="alpha-letter/zeta" is not a valid signatory (withdrawn, invalid or unknown); it must not appear',
      '/letters/alpha-letter/_part-1/: data-signatory="alpha-letter/zeta" is not a valid signatory (withdrawn, invalid or unknown); it must not be searchable',
    ]);
  });

  it.each([
    ["by a second thread alone", { mainThreadAfter: new Promise<never>(() => {}) }],
    ["by both threads", {}],
  ])("finds the same problems, in the same order, with the pages read %s", async (_, options) => {
    const withdrawn: SiteExpectation = { ...expected, signatories: new Map([...expected.signatories].map(([l, slugs]) => [l, slugs.filter((s) => s !== "zeta")])) };
    const dir = await tempDir("undersigned-threads-");
    await cp(built, dir, { recursive: true });
    const alpha = join(dir, ALPHA);
    await writeFile(alpha, (await readFile(alpha, "utf8")).replace('class="entry" id="bea" ', 'class="entry" id="bea-2" '));
    const alone = await verifySite(dir, withdrawn);
    expect(alone.problems.length).toBe(11);
    expect(await verifySite(dir, withdrawn, { secondThreadAfter: Promise.resolve(), secondThreadMinSignatories: 0, ...options })).toEqual(alone);
  });

  it("finds a signatory that no search block lists, or that two list", async () => {
    const [first, second, ...rest] = expected.searchBlocks;
    const withoutFirst = await verifySite(built, { ...expected, searchBlocks: [second!, ...rest] });
    expect(withoutFirst.problems.map((p) => `${p.page}: ${p.message}`)).toEqual(
      // In the repository's order of files.
      ["aerzte", "html-name", "quoted", "zeta"].map((slug) => `(search): signatory alpha-letter/${slug} is not in the search index: no search block lists it`),
    );
    const twice = await verifySite(built, { ...expected, searchBlocks: [first!, second!, { ...second!, url: "/letters/alpha-letter/_part-3/" }, ...rest] });
    expect(twice.problems.map((p) => `${p.page}: ${p.message}`)).toEqual(
      ["adam", "bea"].map((slug) => `/letters/alpha-letter/_part-3/: signatory alpha-letter/${slug} is in 2 search blocks (also in /letters/alpha-letter/_part-2/); search would show it 2 times`),
    );
  });

  it("finds search blocks that share a URL, or whose results would link to the wrong page", async () => {
    const [first, second, ...rest] = expected.searchBlocks;
    const shared = await verifySite(built, { ...expected, searchBlocks: [first!, { ...second!, url: first!.url }, ...rest] });
    expect(shared.problems.map((p) => `${p.page}: ${p.message}`)).toEqual([
      "/letters/alpha-letter/_part-1/: two search blocks have this URL, and the search index keeps only one of them; every block needs its own URL",
    ]);
    const elsewhere = await verifySite(built, { ...expected, searchBlocks: [first!, { ...second!, page: "/letters/beta-letter/" }, ...rest] });
    expect(elsewhere.problems.map((p) => `${p.page}: ${p.message}`)).toEqual(
      ["adam", "bea"].map((slug) => `/letters/alpha-letter/_part-2/: the search result for alpha-letter/${slug} links to /letters/beta-letter/#${slug}, but its entry is on ${ALPHA}`),
    );
  });

  it("finds search entries that a country filter would never list: places missing from data-places or from the block's filters", async () => {
    const [first, second, ...rest] = expected.searchBlocks;
    const tampered = [
      { ...first!, html: first!.html.replace('<span data-pagefind-filter="country[data-country]" data-country="de"></span>', "") },
      { ...second!, html: second!.html.replace(', &quot;international&quot;]"', ']"') },
      ...rest,
    ];
    expect(tampered.map((block, i) => block.html === expected.searchBlocks[i]!.html)).toEqual([false, false, true]);
    const { problems } = await verifySite(built, { ...expected, searchBlocks: tampered });
    expect(problems.map((p) => `${p.page}: ${p.message}`)).toEqual([
      '/letters/alpha-letter/_part-1/: the search entry for alpha-letter/aerzte is from "de", which is not one of its block\'s country filters; filtered by "de", search would never find it',
      '/letters/alpha-letter/_part-2/: the search block has no data-places with the place keys of its 2 entries in order (a JSON array of country codes and scopes such as ["ke", "global"]); filtered by country, search would list none of them',
    ]);
    const notJson = await verifySite(built, { ...expected, searchBlocks: [first!, { ...second!, html: second!.html.replace('data-places="[', 'data-places="[[') }, ...rest] });
    expect(notJson.problems.map((p) => `${p.page}: ${p.message}`)).toEqual([
      '/letters/alpha-letter/_part-2/: the search block has no data-places with the place keys of its 2 entries in order (a JSON array of country codes and scopes such as ["ke", "global"]); filtered by country, search would list none of them',
    ]);
  });

  it("finds search blocks keyed in a language instead of by code, or filtered by another letter", async () => {
    const [first, ...rest] = expected.searchBlocks;
    // As blocks were before: the place named in the letter's language, in its filter and in data-places.
    const named = first!.html.replace('data-country="de"', 'data-country="Germany"').replace("&quot;de&quot;", "&quot;Germany&quot;");
    const { problems } = await verifySite(built, { ...expected, searchBlocks: [{ ...first!, html: named }, ...rest] });
    expect(problems.map((p) => `${p.page}: ${p.message}`)).toEqual([
      '/letters/alpha-letter/_part-1/: the search entry for alpha-letter/aerzte has the place "Germany" in data-places, not its key (a lower-case country code such as "ke", or "global", "international" or "regional"); the country filter would list that place once in each language',
    ]);
    const otherLetter = await verifySite(built, { ...expected, searchBlocks: [{ ...first!, html: first!.html.replace('data-letter-id="alpha-letter"', 'data-letter-id="beta-letter"') }, ...rest] });
    expect(otherLetter.problems.map((p) => `${p.page}: ${p.message}`)).toEqual(
      ["quoted", "html-name", "aerzte", "zeta"].map((slug) => `/letters/alpha-letter/_part-1/: the search entry for alpha-letter/${slug} is in a block whose letterid filter is "beta-letter"; filtered by its letter, "alpha-letter", search would never find it`),
    );
  });

  it("finds a count that disagrees with the list or with the number shown", async () => {
    expect(await verifyTampered(ALPHA, (h) => h.replace('data-count="6">6 signatories</p>', 'data-count="6">5 signatories</p>'))).toEqual([
      `${ALPHA}: the count for alpha-letter shows "5 signatories", not the number 6`,
    ]);
  });

  it("finds internal links and assets that do not resolve under the path prefix", async () => {
    const links = '<a href="/repo-name/letters/nope/">a</a><a href="/letters/alpha-letter/">b</a><a href="/repo-name/letters/beta-letter/#nowhere">c</a><a href="#adam">d</a><img src="/repo-name/assets/missing.png" alt="">';
    expect(await verifyTampered(ALPHA, (h) => h.replace("</footer>", `${links}</footer>`))).toEqual([
      `${ALPHA}: href="/repo-name/letters/nope/" points to a file that does not exist in the built site`,
      `${ALPHA}: href="/letters/alpha-letter/" is outside the path prefix /repo-name/`,
      `${ALPHA}: href="/repo-name/letters/beta-letter/#nowhere" points to #nowhere, which is not an id on letters/beta-letter/index.html`,
      `${ALPHA}: src="/repo-name/assets/missing.png" points to a file that does not exist in the built site`,
    ]);
  });

  it("resolves relative links from each page's own folder and leaves external links alone", async () => {
    const links = '<a href="../beta-letter/#nowhere">a</a><a href="print/">b</a><a href="print/missing/">c</a><a href="https://example.org/x">d</a><a href="//cdn.example.org/y">e</a><a href="mailto:someone@example.org">f</a>';
    const problems = await verifyTampered(ALPHA, (h) => h.replace("</footer>", `${links}</footer>`));
    expect(problems).toEqual([
      `${ALPHA}: href="../beta-letter/#nowhere" points to #nowhere, which is not an id on letters/beta-letter/index.html`,
      `${ALPHA}: href="print/missing/" points to a file that does not exist in the built site`,
    ]);
    // A %-escape that is not UTF-8 is a broken link, not a crash.
    expect(await verifyTampered(ALPHA, (h) => h.replace("</footer>", '<a href="/repo-name/letters/%E0/">a</a><a href="#%E0">b</a></footer>'))).toEqual([
      `${ALPHA}: href="/repo-name/letters/%E0/" contains a %-escape that does not decode as UTF-8, so it points to no file; correct the link`,
      `${ALPHA}: href="#%E0" points to #%E0, whose %-escape does not decode as UTF-8, so it matches no id on ${ALPHA}; correct the link`,
    ]);
    // The same relative link on a page one folder down reaches a different file.
    const page = "letters/alpha-letter/print/index.html";
    expect(await verifyTampered(page, (h) => h.replace("</footer>", '<a href="../">up</a><a href="print/">down</a></footer>'))).toEqual([
      `${page}: href="print/" points to a file that does not exist in the built site`,
    ]);
  });
});

describe("pageFileOf", () => {
  it.each([
    ["/", "index.html"],
    ["/letters/x/", "letters/x/index.html"],
    ["/letters/x/es/", "letters/x/es/index.html"],
    ["/feed.xml", "feed.xml"],
    ["/letters/caf%C3%A9/", "letters/café/index.html"],
  ])("finds the file of %s at %s", (url, file) => {
    expect(pageFileOf(url)).toBe(file);
  });
});

describe("npm run verify-site and npm run build", () => {
  it("the command prints each problem and exits 1", async () => {
    const dir = await tempDir("undersigned-cli-verify-");
    await cp(built, dir, { recursive: true });
    const page = join(dir, ALPHA);
    await writeFile(page, (await readFile(page, "utf8")).replace('class="entry" id="bea" ', 'class="entry" id="bea-2" '));
    const result = await runScript("verify-site", ["--site", dir, "--root", fixture("repos", "site"), `--pathprefix=${PREFIX}`]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe(
      `${ALPHA}: the entry for alpha-letter/bea has id="bea-2"; its canonical id must be "bea"\n` +
        'letters/alpha-letter/by-date/index.html: href="/repo-name/letters/alpha-letter/#bea" points to #bea, which is not an id on letters/alpha-letter/index.html\n' +
        'letters/alpha-letter/countries/international/index.html: href="/repo-name/letters/alpha-letter/#bea" points to #bea, which is not an id on letters/alpha-letter/index.html\n',
    );
    expect(result.stderr).toBe("\nThe built site failed verification: 3 problems (see above).\n");
  });

  it("the command says when there is no built site to check, rather than crashing", async () => {
    const missing = join(await tempDir("undersigned-no-site-"), "_site");
    const result = await runScript("verify-site", ["--site", missing, "--root", fixture("repos", "site")]);
    expect(result).toEqual({ code: 1, stdout: "", stderr: `There is no built site in ${missing}: build it with npm run build, or name its folder with --site.\n` });
  });

  it("a build whose letter links to a page that does not exist fails and keeps the previous site", async () => {
    const root = await copyFixtureRepo("site");
    const letter = join(root, "content", "letters", "beta-letter", "index.md");
    await writeFile(letter, `${await readFile(letter, "utf8")}\n[Read more](/letters/gamma-letter/) and [the notes](#%E0)\n`);
    const out = await tempDir("undersigned-kept-");
    await cp(built, out, { recursive: true });
    const result = await runScript("build", ["--root", root, "--output", out, `--pathprefix=${PREFIX}`, "--quiet"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('letters/beta-letter/index.html: href="/repo-name/letters/gamma-letter/" points to a file that does not exist in the built site\n');
    expect(result.stderr).toContain('letters/beta-letter/print/index.html: href="/repo-name/letters/gamma-letter/" points to a file that does not exist in the built site\n');
    for (const page of ["letters/beta-letter/index.html", "letters/beta-letter/print/index.html"]) {
      expect(result.stderr).toContain(`${page}: href="#%E0" points to #%E0, whose %-escape does not decode as UTF-8, so it matches no id on ${page}; correct the link\n`);
    }
    expect(result.stderr).toContain("The built site failed verification: 4 problems (see above); the previous site was kept.");
    expect(await readFile(join(out, ALPHA), "utf8")).toBe(await readFile(join(built, ALPHA), "utf8"));
  });
});
