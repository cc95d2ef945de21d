// Signatories reach the search index in small blocks made from the loaded data, not from the pages
// that list them. Pagefind hands a result's whole record to the browser: with one record per list
// page, every search read up to a thousand entries per page it touched, which took 0.6–1.1 s; a block
// of a hundred takes under 0.15 s (docs/performance.md). The pages keep their lists out of the index.
// A block's filters and meta are language-neutral keys, the same for every letter whatever its
// language: the letter's slug, `organisation` or `individual`, and each place's key (a lower-case
// country code or scope, as in the per-country pages' URLs); the search page names them in its own
// language. Named in the letter's language, one country or type became one filter option per
// language, and choosing "Kenya" dropped the Kenyans of an Arabic letter. The `lang` filter tells the
// search script the language of the entries, for their `lang` and `dir`.
// An entry's place is plain text in its heading: a block names each of its places once as a `country`
// filter and gives every entry's place key in its `places` meta, from which the search script keeps
// the entries from the chosen country only. A filter and an anchor on every entry's place, as before,
// cost Pagefind about 1.7 s of CPU at 100,000 signatories. Pagefind 1.6 indexes meta values as
// searchable words, so a block has no other meta: a title meta naming the letter made every block a
// match for the letter's title ("ITU" found whole blocks of names), and a type meta for "Individual".
// The places meta is a JSON array in entry order, not an object by file slug, whose slugs glued to
// the places made words of their own (docs/decisions.md).
import { escapeHtml } from "./html.ts";
import type { ListGroup } from "./letter-lists.ts";
import { renderEntries } from "./render-entries.ts";
import type { LetterView, SignatoryView, SiteData } from "./site-data.ts";

/** Signatories in one search record. */
export const SEARCH_BLOCK_SIZE = 100;

/** One search record: up to SEARCH_BLOCK_SIZE canonical entries of one list, with that list's filters. */
export interface SearchBlock {
  /**
   * The record's URL in the index: its page's URL followed by `_part-<n>/`, since Pagefind keeps one
   * record per URL and each block is indexed from a file of its own (search-index.ts). No page's
   * path has an underscore (slugs and language tags have none), so the search script drops that last
   * segment and a result links to `<page>#<file-slug>`.
   */
  url: string;
  /** The root-relative URL of the page that lists the entries with their ids. */
  page: string;
  /**
   * A small HTML document for Pagefind: the entries as canonical headings, the block's filters
   * (`letterid`, `type`, `lang` and a `country` for each of its places), and the entries' place keys
   * in the `places` meta, a JSON array in entry order, every value escaped.
   */
  html: string;
}

/**
 * Cuts every letter's canonical lists (on the letter page, or on its alphabetical list pages) into
 * search blocks, in page order. Translations are left out: their lists are the original's.
 * @example searchBlocks(site).length // 1,000 for 100,000 signatories
 */
export function searchBlocks(site: SiteData): SearchBlock[] {
  const blocks: SearchBlock[] = [];
  // A letter page lists both types: its parts are numbered across them, so every URL is its own.
  const parts = new Map<string, number>();
  for (const letter of site.letters) {
    for (const group of letter.lists.groups) {
      if (group.count === 0) continue;
      const lists = group.inline
        ? [{ page: letter.url, entries: group.entries }]
        : letter.lists.pages.filter((p) => p.kind === group.key).map((p) => ({ page: p.url, entries: p.entries }));
      for (const { page, entries } of lists) {
        const made = blocksOfPage(letter, group, page, entries, parts.get(page) ?? 0);
        parts.set(page, (parts.get(page) ?? 0) + made.length);
        blocks.push(...made);
      }
    }
  }
  return blocks;
}

function blocksOfPage(letter: LetterView, group: ListGroup, page: string, entries: readonly SignatoryView[], partsBefore: number): SearchBlock[] {
  const lang = escapeHtml(letter.lang);
  const blocks: SearchBlock[] = [];
  for (let start = 0; start < entries.length; start += SEARCH_BLOCK_SIZE) {
    const part = entries.slice(start, start + SEARCH_BLOCK_SIZE);
    const items = renderEntries(part, { letter, lang: letter.lang, canonical: true, onLetterPage: false, forSearch: true });
    // A space after each comma, so that Pagefind reads each key as a word of its own.
    const places = escapeHtml(`[${part.map((s) => JSON.stringify(s.placeKey)).join(", ")}]`);
    // Empty elements, so that a country adds no text to the record: Pagefind reads the value from the attribute.
    const countries = [...new Set(part.map((s) => s.placeKey))].map((key) => `<span data-pagefind-filter="country[data-country]" data-country="${escapeHtml(key)}"></span>`).join("");
    // No <title> and no title meta: Pagefind makes words of a record's title, and a block is found by its entries alone.
    const html =
      `<!DOCTYPE html><html lang="${lang}"><head><meta charset="utf-8"></head><body>` +
      `<div data-pagefind-body data-pagefind-filter="letterid[data-letter-id], type[data-type], lang[data-lang]" data-pagefind-meta="places[data-places]" ` +
      `data-letter-id="${escapeHtml(letter.slug)}" data-type="${escapeHtml(group.type)}" data-lang="${lang}" data-places="${places}">` +
      `\n${countries}\n${items}\n</div></body></html>`;
    blocks.push({ url: `${page}_part-${partsBefore + start / SEARCH_BLOCK_SIZE + 1}/`, page, html });
  }
  return blocks;
}
