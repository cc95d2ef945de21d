// The sitemap lists every page a search engine should visit: home, search, and each letter in every
// language it is published in, followed by its list pages (by date, by country).
import { describe, expect, it } from "vitest";
import { sitemapUrls, sitemapXml } from "../../scripts/lib/feeds.ts";
import type { LetterTranslation } from "../../scripts/lib/types.ts";
import { siteDataOf } from "../helpers/site-data.ts";

const SITE = "https://example.github.io/repo/";
const LISTS = [`${SITE}letters/test-letter/by-date/`, `${SITE}letters/test-letter/countries/ke/`];

function translation(lang: string, title: string): LetterTranslation {
  return { slug: "test-letter", file: `content/letters/test-letter/${lang}.md`, body: "Texto.", lang, title, summary: title };
}

describe("sitemapUrls", () => {
  it.each([
    { name: "a letter without translations", translations: [], expected: [`${SITE}`, `${SITE}search/`, `${SITE}letters/test-letter/`, ...LISTS] },
    {
      name: "a letter in three languages, each version's page after the original's, before the lists",
      translations: [translation("es", "La carta"), translation("ar", "الرسالة")],
      expected: [`${SITE}`, `${SITE}search/`, `${SITE}letters/test-letter/`, `${SITE}letters/test-letter/es/`, `${SITE}letters/test-letter/ar/`, ...LISTS],
    },
  ])("lists $name", ({ translations, expected }) => {
    const site = siteDataOf([{ slug: "acme", fields: { name: "Acme", type: "organisation", country: "KE", signed: "2024-02-01" } }], { translations });
    expect(sitemapUrls(site, SITE)).toEqual(expected);
  });
});

describe("sitemapXml", () => {
  it("writes one <url> per address, escaped", () => {
    expect(sitemapXml([`${SITE}`, `${SITE}letters/a&b/`])).toBe(
      [
        `<?xml version="1.0" encoding="utf-8"?>`,
        `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">`,
        `  <url><loc>${SITE}</loc></url>`,
        `  <url><loc>${SITE}letters/a&amp;b/</loc></url>`,
        `</urlset>`,
        "",
      ].join("\n"),
    );
  });
});
