import { load } from "cheerio";
import { describe, expect, it } from "vitest";
import { INLINE_LIST_LIMIT, LIST_PAGE_SIZE } from "../../scripts/lib/letter-lists.ts";
import { SEARCH_BLOCK_SIZE, searchBlocks } from "../../scripts/lib/search-blocks.ts";
import type { SignatoryFields } from "../../scripts/lib/types.ts";
import { siteDataOf } from "../helpers/site-data.ts";

function people(count: number, type: SignatoryFields["type"], prefix: string): Array<{ slug: string; fields: SignatoryFields }> {
  return Array.from({ length: count }, (_, i) => {
    const n = String(i + 1).padStart(5, "0");
    return { slug: `${prefix}-${n}`, fields: { name: `${prefix} ${n}`, type, country: "KE", signed: "2024-02-01" } };
  });
}

/** Each block as "<url> <page> <first slug>…<last slug> (<entries>)". */
function summary(blocks: ReturnType<typeof searchBlocks>): string[] {
  return blocks.map((block) => {
    const ids = load(block.html)("[data-signatory]").map((_, el) => el.attribs.id).get();
    return `${block.url} ${block.page} ${ids[0]}…${ids.at(-1)} (${ids.length})`;
  });
}

describe("searchBlocks", () => {
  it.each([
    {
      what: "lists on the letter page: parts numbered across both types",
      signatories: [...people(150, "organisation", "org"), ...people(3, "individual", "ind")],
      expected: [
        "/letters/test-letter/_part-1/ /letters/test-letter/ org-00001…org-00100 (100)",
        "/letters/test-letter/_part-2/ /letters/test-letter/ org-00101…org-00150 (50)",
        "/letters/test-letter/_part-3/ /letters/test-letter/ ind-00001…ind-00003 (3)",
      ],
    },
    {
      what: "a list too long for the letter page: blocks of each of its pages, under that page",
      signatories: people(LIST_PAGE_SIZE + 120, "organisation", "org"),
      expected: [
        ...Array.from({ length: LIST_PAGE_SIZE / SEARCH_BLOCK_SIZE }, (_, i) => {
          const first = String(i * SEARCH_BLOCK_SIZE + 1).padStart(5, "0");
          const last = String((i + 1) * SEARCH_BLOCK_SIZE).padStart(5, "0");
          return `/letters/test-letter/organisations/_part-${i + 1}/ /letters/test-letter/organisations/ org-${first}…org-${last} (100)`;
        }),
        "/letters/test-letter/organisations/2/_part-1/ /letters/test-letter/organisations/2/ org-01001…org-01100 (100)",
        "/letters/test-letter/organisations/2/_part-2/ /letters/test-letter/organisations/2/ org-01101…org-01120 (20)",
      ],
    },
    { what: "no signatories: no blocks", signatories: [], expected: [] },
  ])("$what", ({ signatories, expected }) => {
    expect(INLINE_LIST_LIMIT).toBeLessThan(LIST_PAGE_SIZE);
    expect(summary(searchBlocks(siteDataOf(signatories)))).toEqual(expected);
  });

  it("leaves translations out: their lists are the original's", () => {
    const site = siteDataOf(people(2, "organisation", "org"), { translations: [{ slug: "test-letter", file: "content/letters/test-letter/fr.md", body: "Texte.", lang: "fr", title: "Lettre", summary: "Une lettre." }] });
    expect(site.letterPages).toHaveLength(2);
    expect(summary(searchBlocks(site))).toEqual(["/letters/test-letter/_part-1/ /letters/test-letter/ org-00001…org-00002 (2)"]);
  });

  it("makes a document Pagefind indexes with language-neutral filters, and no title or meta of words that are not the entries'", () => {
    const [block] = searchBlocks(siteDataOf([{ slug: "x", fields: { name: '<img src=x onerror="alert(1)">', type: "individual", country: "BR", signed: "2024-02-01" } }], { title: 'A "letter" & <b>more</b>' }));
    const $ = load(block!.html);
    const body = $("[data-pagefind-body]");
    expect(body.attr("data-pagefind-filter")).toBe("letterid[data-letter-id], type[data-type], lang[data-lang]");
    expect(body.attr("data-pagefind-meta")).toBe("places[data-places]");
    expect([body.attr("data-letter-id"), body.attr("data-type"), body.attr("data-lang")]).toEqual(["test-letter", "individual", "en"]);
    // Pagefind makes searchable words of every meta value: the letter's title is found on its own page.
    expect(block!.html).not.toContain("letter&quot; &amp;");
    expect($("title")).toHaveLength(0);
    expect($("img, b, script")).toHaveLength(0);
    expect($("h2#x").text()).toBe('<img src=x onerror="alert(1)">, Brazil');
    expect($("html").attr("lang")).toBe("en");
  });

  it("gives a letter in another language the same keys: its slug, its type and its places' codes, with its language", () => {
    const site = siteDataOf(
      [
        { slug: "amina", fields: { name: "Amina Okafor", type: "individual", country: "KE", signed: "2024-02-01" } },
        { slug: "shabaka", fields: { name: "شبكة", type: "organisation", scope: "global", signed: "2024-02-01" } },
      ],
      { lang: "ar", title: "رسالة" },
    );
    expect(searchBlocks(site).map((block) => block.html)).toEqual([
      '<!DOCTYPE html><html lang="ar"><head><meta charset="utf-8"></head><body>' +
        '<div data-pagefind-body data-pagefind-filter="letterid[data-letter-id], type[data-type], lang[data-lang]" data-pagefind-meta="places[data-places]" ' +
        'data-letter-id="test-letter" data-type="organisation" data-lang="ar" data-places="[&quot;global&quot;]">\n' +
        '<span data-pagefind-filter="country[data-country]" data-country="global"></span>\n' +
        '<h2 id="shabaka" data-signatory="test-letter/shabaka">شبكة، عالمي</h2>\n' +
        "</div></body></html>",
      '<!DOCTYPE html><html lang="ar"><head><meta charset="utf-8"></head><body>' +
        '<div data-pagefind-body data-pagefind-filter="letterid[data-letter-id], type[data-type], lang[data-lang]" data-pagefind-meta="places[data-places]" ' +
        'data-letter-id="test-letter" data-type="individual" data-lang="ar" data-places="[&quot;ke&quot;]">\n' +
        '<span data-pagefind-filter="country[data-country]" data-country="ke"></span>\n' +
        '<h2 id="amina" data-signatory="test-letter/amina">Amina Okafor، كينيا</h2>\n' +
        "</div></body></html>",
    ]);
  });

  it("names each place of a block once as a country filter, and the entries' place keys in order in the places meta, every value escaped", () => {
    const site = siteDataOf([
      { slug: "ana", fields: { name: "Ana", type: "individual", country: "BR", signed: "2024-02-01" } },
      { slug: "bo", fields: { name: "Bo", type: "individual", country: "KE", signed: "2024-02-01" } },
      { slug: "cy", fields: { name: "Cy", type: "individual", country: "BR", signed: "2024-02-01" } },
    ]);
    // No country or scope has a key like this: the key is changed by hand to test the escaping.
    const hostile = `ss, "du" <sud> & l'est`;
    for (const entry of site.letters[0]!.lists.groups.flatMap((g) => g.entries)) if (entry.slug === "bo") entry.placeKey = hostile;
    const [block, ...others] = searchBlocks(site);
    expect(others).toEqual([]);
    expect(block!.html).toBe(
      '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"></head><body>' +
        '<div data-pagefind-body data-pagefind-filter="letterid[data-letter-id], type[data-type], lang[data-lang]" data-pagefind-meta="places[data-places]" ' +
        'data-letter-id="test-letter" data-type="individual" data-lang="en" ' +
        'data-places="[&quot;br&quot;, &quot;ss, &#92;&quot;du&#92;&quot; &lt;sud&gt; &amp; l&#39;est&quot;, &quot;br&quot;]">\n' +
        '<span data-pagefind-filter="country[data-country]" data-country="br"></span>' +
        '<span data-pagefind-filter="country[data-country]" data-country="ss, &quot;du&quot; &lt;sud&gt; &amp; l&#39;est"></span>\n' +
        '<h2 id="ana" data-signatory="test-letter/ana">Ana, Brazil</h2>\n' +
        '<h2 id="bo" data-signatory="test-letter/bo">Bo, Kenya</h2>\n' +
        '<h2 id="cy" data-signatory="test-letter/cy">Cy, Brazil</h2>\n' +
        "</div></body></html>",
    );
    // What Pagefind reads back from the attributes.
    const $ = load(block!.html);
    expect(JSON.parse($("[data-pagefind-body]").attr("data-places")!)).toEqual(["br", hostile, "br"]);
    expect($("[data-country]").map((_, el) => el.attribs["data-country"]).get()).toEqual(["br", hostile]);
  });
});
