// Property tests, bounded to one build: many random valid signatories go into one generated
// repository, built once; every one must come out unchanged, once, and as text.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { load } from "cheerio";
import { parse } from "csv-parse/sync";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { placeName } from "../../scripts/lib/format.ts";
import { loadRepository } from "../../scripts/lib/load-repository.ts";
import { loadSite } from "../../scripts/lib/load-site.ts";
import { searchBlocks, type SearchBlock } from "../../scripts/lib/search-blocks.ts";
import { nameKey } from "../../scripts/lib/normalise.ts";
import { checkSignatoryText } from "../../scripts/lib/validate-signatory.ts";
import { dump } from "js-yaml";
import { writeRepository } from "../helpers/signatories.ts";
import { runScript, tempDir } from "../helpers/run.ts";

const LETTER = "random-letter";
const SEED = 20260828;
// Characters an attacker reaches for, mixed into otherwise random text.
const HOSTILE = fc.constantFrom("<", ">", '"', "'", "&", "`", "=", "{{", "}}", "{%", "%}", "${", "</li>", "<script>", " onerror=", "javascript:", "[x](y)", "**", "\\", "#", ": ", "- ");
const text = fc.array(fc.oneof(fc.string({ unit: "grapheme", maxLength: 6 }), HOSTILE), { minLength: 1, maxLength: 12 }).map((parts) => parts.join(""));
const signatory = fc.record({
  name: text,
  type: fc.constant("organisation"),
  place: fc.oneof(fc.constantFrom("KE", "BR", "FR", "JP", "US").map((country) => ({ country })), fc.constantFrom("global", "regional").map((scope) => ({ scope }))),
  signed: fc.date({ min: new Date("2000-01-01"), max: new Date("2030-12-31"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
});

interface Expected {
  slug: string;
  name: string;
  /** Where the signatory is from: the key search filters on, and the name its entry shows. */
  place: { key: string; name: string };
}

let expected: Expected[];
let html: string;
let out: string;
let blocks: SearchBlock[];

beforeAll(async () => {
  const samples = fc.sample(signatory, { numRuns: 400, seed: SEED });
  const files = new Map<string, Record<string, string>>();
  const keys = new Set<string>();
  expected = [];
  for (const [i, s] of samples.entries()) {
    const fields = { name: s.name, type: s.type, ...s.place, signed: s.signed };
    const slug = `s-${i}`;
    // Keep only what the validator accepts on its own and that no other sample duplicates.
    const check = checkSignatoryText(`signatories/${LETTER}/${slug}.yaml`, dump(fields, { lineWidth: -1 }));
    if (check.signatory === undefined || keys.has(nameKey(check.signatory.name))) continue;
    keys.add(nameKey(check.signatory.name));
    files.set(slug, fields);
    const key = "country" in s.place ? s.place.country.toLowerCase() : s.place.scope;
    expected.push({ slug, name: check.signatory.name, place: { key, name: placeName(s.place, "en") } });
  }
  const root = await tempDir("undersigned-props-");
  await writeRepository(root, LETTER, files);
  out = await tempDir("undersigned-props-site-");
  const result = await runScript("build", ["--root", root, "--output", out, "--quiet"]);
  expect(result.stderr).toBe("");
  expect(result.code).toBe(0);
  html = await readFile(join(out, "letters", LETTER, "index.html"), "utf8");
  blocks = searchBlocks((await loadSite(root)).site);
});

describe("random valid signatories through load, build and page", () => {
  it("enough of them were valid to mean something", () => {
    expect(expected.length).toBeGreaterThan(200);
  });

  it("each appears exactly once, canonically, with its name unchanged", () => {
    const $ = load(html);
    for (const { slug, name } of expected) {
      const entries = $(`[data-signatory="${LETTER}/${slug}"]`);
      expect(entries.length, slug).toBe(1);
      expect(entries.attr("id")).toBe(slug);
      expect(entries.find(".name").text(), slug).toBe(name);
    }
    expect($("[data-signatory]").length).toBe(expected.length);
  });

  it("each is in exactly one search block, with its name unchanged, linking to its entry", () => {
    const indexed = blocks.map((block) => ({ block, $: load(block.html) }));
    for (const { slug, name, place } of expected) {
      const found = indexed.filter(({ $ }) => $(`[data-signatory="${LETTER}/${slug}"]`).length > 0);
      expect(found, slug).toHaveLength(1);
      const entry = found[0]!.$(`[data-signatory="${LETTER}/${slug}"]`);
      expect(entry.attr("id")).toBe(slug);
      // The heading reads "<name>, <place>", and the block's places meta has the place's key at the entry's position.
      const $block = found[0]!.$;
      const places = JSON.parse($block("[data-pagefind-body]").attr("data-places")!) as string[];
      expect(places, slug).toHaveLength($block("[data-signatory]").length);
      expect(places[$block("[data-signatory]").index(entry)], slug).toBe(place.key);
      expect(entry.text(), slug).toBe(`${name}, ${place.name}`);
      expect(found[0]!.block.page).toBe(`/letters/${LETTER}/`);
    }
    expect(indexed.reduce((n, { $ }) => n + $("[data-signatory]").length, 0)).toBe(expected.length);
  });

  it("each appears exactly once in the CSV and JSON exports, unchanged (formulas behind an apostrophe in the CSV only)", async () => {
    const rows = parse(await readFile(join(out, "letters", LETTER, "signatories.csv"), "utf8"), { bom: true, columns: true }) as Record<string, string>[];
    const json = JSON.parse(await readFile(join(out, "letters", LETTER, "signatories.json"), "utf8")) as { signatories: { id: string; name: string }[] };
    for (const { slug, name } of expected) {
      const inCsv = rows.filter((r) => r.id === slug);
      expect(inCsv, slug).toHaveLength(1);
      expect(inCsv[0]!.name, slug).toBe(/^[=+\-@]/.test(name) ? `'${name}` : name);
      const inJson = json.signatories.filter((s) => s.id === slug);
      expect(inJson, slug).toHaveLength(1);
      expect(inJson[0]!.name, slug).toBe(name);
    }
    expect(rows).toHaveLength(expected.length);
    expect(json.signatories).toHaveLength(expected.length);
  });

  it("no value ever becomes markup, a script or an event attribute", () => {
    const $ = load(html);
    const tags = new Set($("body *").map((_, el) => (el as { tagName: string }).tagName).get());
    for (const tag of tags) expect(["a", "article", "div", "dd", "dl", "dt", "footer", "h1", "h2", "h3", "header", "li", "main", "nav", "p", "section", "small", "span", "sup", "time", "ul", "ol", "hr",
      // The site's own search form, badge, growth chart and tables: markup of the templates, never of a value.
      "h4", "form", "label", "input", "button", "noscript", "img", "pre", "code", "figure", "figcaption", "svg", "g", "rect", "line", "details", "summary", "table", "caption", "thead", "tbody", "tr", "th", "td"]).toContain(tag);
    $("*").each((_, el) => {
      for (const attribute of Object.keys((el as { attribs: Record<string, string> }).attribs)) expect(attribute).not.toMatch(/^on/i);
    });
    expect($("script").map((_, el) => $(el).attr("src")).get().every((src) => src.endsWith("/assets/search.js"))).toBe(true);
  });
});

describe("nameKey", () => {
  it("is idempotent", () => {
    fc.assert(fc.property(fc.string({ unit: "binary", maxLength: 40 }), (s) => nameKey(nameKey(s)) === nameKey(s)), { seed: SEED, numRuns: 2000 });
  });

  it("two names it calls equal are reported as duplicates", async () => {
    // Variants a second signer might type: other case, decomposed accents, full-width letters, extra punctuation.
    const variants = [(s: string) => s.toUpperCase(), (s: string) => s.normalize("NFD"), (s: string) => s.replace(/[A-Za-z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)), (s: string) => `${s}.`];
    const bases = fc.sample(fc.stringMatching(/^[A-Z][a-zé]{2,8} [A-Z][a-zè]{2,8}$/), { numRuns: 60, seed: SEED });
    const files = new Map<string, Record<string, string>>();
    const pairs: string[] = [];
    const seen = new Set<string>();
    for (const [i, base] of bases.entries()) {
      const variant = variants[i % variants.length]!(base);
      if (seen.has(nameKey(base)) || nameKey(variant) !== nameKey(base) || variant === base) continue;
      seen.add(nameKey(base));
      files.set(`a-${i}`, { name: base, type: "organisation", scope: "global", signed: "2020-01-01" });
      files.set(`b-${i}`, { name: variant, type: "organisation", scope: "global", signed: "2020-01-02" });
      pairs.push(`signatories/${LETTER}/b-${i}.yaml`);
    }
    expect(pairs.length).toBeGreaterThan(20);
    const root = await tempDir("undersigned-twins-");
    await writeRepository(root, LETTER, files);
    const repo = await loadRepository(root);
    const flagged = repo.problems.filter((p) => p.message.includes("has already signed this letter")).map((p) => p.file).sort();
    expect(flagged).toEqual(pairs.sort());
  });
});
