// Signatories reach the search index in small blocks made from the loaded data, not from the pages
// that list them. Pagefind hands a result's whole record to the browser: with one record per list
// page, every search read up to a thousand entries per page it touched, which took 0.6–1.1 s; a block
// of a hundred takes under 0.15 s (docs/performance.md). The pages keep their lists out of the index.
// An entry's place is plain text in its heading: a block names each of its places once as a `country`
// filter and gives every entry's place in its `places` meta, from which the search script keeps the
// entries from the chosen country only. A filter and an anchor on every entry's place, as before,
// cost Pagefind about 1.7 s of CPU at 100,000 signatories. The meta is a JSON array of the places in
// the order of the entries, not an object by file slug: Pagefind indexes meta values as searchable
// words, and the slugs glued to the places made words of their own, which took back most of that
// saving and made every slug searchable (docs/decisions.md).
import { escapeHtml } from "./html.ts";
import { translate } from "./i18n.ts";
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
   * A small HTML document for Pagefind: the entries as canonical headings, the block's filters, and
   * the entries' places in the `places` meta, a JSON array in entry order, every value escaped.
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
  const lang = letter.lang;
  const type = escapeHtml(translate(lang, `type_${group.type}`));
  const title = escapeHtml(`${translate(lang, group.key)} — ${letter.title}`);
  const blocks: SearchBlock[] = [];
  for (let start = 0; start < entries.length; start += SEARCH_BLOCK_SIZE) {
    const part = entries.slice(start, start + SEARCH_BLOCK_SIZE);
    const items = renderEntries(part, { letter, lang, level: 2, canonical: true, onLetterPage: false, forSearch: true });
    // A space after each comma, so that Pagefind reads each place's own words and no word made of two.
    const places = escapeHtml(`[${part.map((s) => JSON.stringify(s.place)).join(", ")}]`);
    // Empty elements, so that a country adds no text to the record: Pagefind reads the value from the attribute.
    const countries = [...new Set(part.map((s) => s.place))].map((place) => `<span data-pagefind-filter="country[data-country]" data-country="${escapeHtml(place)}"></span>`).join("");
    const html =
      `<!DOCTYPE html><html lang="${escapeHtml(lang)}"><head><meta charset="utf-8"><title>${title}</title></head><body>` +
      `<div data-pagefind-body data-pagefind-filter="letterid[data-letter-id], letter[data-letter-title], type[data-type]" data-pagefind-meta="title[data-title], type[data-type], places[data-places]" ` +
      `data-letter-id="${escapeHtml(letter.slug)}" data-letter-title="${escapeHtml(letter.title)}" data-type="${type}" data-title="${title}" data-places="${places}">` +
      `\n${countries}\n${items}\n</div></body></html>`;
    blocks.push({ url: `${page}_part-${partsBefore + start / SEARCH_BLOCK_SIZE + 1}/`, page, html });
  }
  return blocks;
}
