// Lists of signatories are the bulk of every large site: each signatory appears on its canonical
// page, the by-date list, its country's page and the print view. Written here in TypeScript rather
// than as a Nunjucks macro, they cost a string join instead of a template call per entry (see
// docs/performance.md). The markup contract is in docs/decisions.md ("data-signatory").
import { formatDate } from "./format.ts";
import { escapeHtml } from "./html.ts";
import { translate } from "./i18n.ts";
import type { SignatoryView } from "./site-data.ts";

/** Where a list is shown, which decides the markup of its entries. */
export interface EntryOptions {
  /** The letter's slug and URL, and the language the list is shown in. */
  letter: { slug: string; url: string };
  lang: string;
  /** The entries are the signatories' one address, each with its id. */
  canonical: boolean;
  /** Shown on the letter's own page, so links to its notes stay on the page. */
  onLetterPage: boolean;
  /**
   * Written for a search block (search-blocks.ts): a bare `h2` with the same text as on the page,
   * without links or classes (a third less for Pagefind to read), since Pagefind makes a sub-result
   * of each heading with an id. Its place is plain text: the block
   * carries the `country` filter once per distinct place and each entry's place in its `places` meta,
   * because a filter and an anchor on every entry's place cost Pagefind about 1.7 s of CPU at 100,000
   * signatories (docs/decisions.md).
   */
  forSearch?: boolean;
  /** Each entry that links to its address starts with the day it was signed, in the list's language (the newest-first list). */
  dated?: boolean;
  /**
   * The language of the page the entries link to, when it is not the list's: a translation's entries
   * link to the original's page (`hreflang`, WCAG 3.1.2's spirit for links; the page says so once).
   */
  hreflang?: string;
}

/**
 * Renders the `<li>` entries of a list, one per line, every value escaped. A canonical entry carries
 * the signatory's id; any other entry links to that address. For a search block, the
 * entries are bare headings (see `forSearch`).
 * @example renderEntries(list.entries, { letter, lang: "en", canonical: true, onLetterPage: false })
 */
export function renderEntries(entries: readonly SignatoryView[], options: EntryOptions): string {
  return entries.map(entryLine(options)).join("\n");
}

/**
 * Renders one entry of {@link renderEntries} as one line, for a list written piece by piece (pieces.ts).
 * @example linePieces(list.entries, entryLine(options))
 */
export function entryLine(options: EntryOptions): (s: SignatoryView) => string {
  const { letter, lang, canonical } = options;
  const notesUrl = options.onLetterPage ? "" : escapeHtml(letter.url);
  const forSearch = options.forSearch === true;
  const identificationOnly = escapeHtml(translate(lang, "identification_only"));
  const verified = escapeHtml(translate(lang, "verified_label"));
  const earlierVersion = escapeHtml(translate(lang, "signed_earlier_version"));
  const text = {
    separator: escapeHtml(translate(lang, "list_separator")),
    identification: forSearch ? (value: string) => ` — ${value} (${identificationOnly})` : (value: string) => `<span class="identification"> — ${value} <small>(${identificationOnly})</small></span>`,
    verified: forSearch ? `✓ ${verified}` : `<a class="verified" href="${notesUrl}#verified_note"><span aria-hidden="true">✓</span> ${verified}</a>`,
    earlierVersion: forSearch ? `(${earlierVersion})` : `<a class="earlier-version" href="${notesUrl}#changes_heading">(${earlierVersion})</a>`,
  };
  const letterSlug = escapeHtml(letter.slug);
  const linkLang = !options.hreflang ? "" : ` hreflang="${escapeHtml(options.hreflang)}"`;
  const signedOn = options.dated === true && !forSearch ? datedPrefix(lang) : () => "";
  return (s) => {
    const slug = escapeHtml(s.slug);
    const name = escapeHtml(s.name);
    const rest =
      (s.identification === undefined ? "" : text.identification(escapeHtml(s.identification))) +
      (s.verified === undefined ? "" : ` ${text.verified}`) +
      (s.earlierVersion ? ` ${text.earlierVersion}` : "");
    if (forSearch) {
      return `<h2 id="${slug}" data-signatory="${letterSlug}/${slug}">${name}${text.separator}${escapeHtml(s.place)}${rest}</h2>`;
    }
    if (!canonical) {
      return `<li data-signatory="${letterSlug}/${slug}">${signedOn(s.signed)}<a class="name" dir="auto" href="${escapeHtml(s.href)}"${linkLang}>${name}</a>${text.separator}<span class="place">${escapeHtml(s.place)}</span>${rest}</li>`;
    }
    const linked = s.url === undefined ? name : `<a href="${escapeHtml(s.url)}" rel="nofollow ugc noopener">${name}</a>`;
    // A list item, not a heading: a thousand headings of names would bury the page's own outline.
    return `<li class="entry" id="${slug}" data-signatory="${letterSlug}/${slug}"><span class="name" dir="auto">${linked}</span>${text.separator}<span class="place">${escapeHtml(s.place)}</span>${rest}</li>`;
  };
}

/**
 * The start of a dated entry, `<time …>March 1, 2024</time>: `, for each YYYY-MM-DD day. Made once
 * per day: a list by date holds many entries of each day, and formatting a date costs more than a
 * lookup.
 */
function datedPrefix(lang: string): (iso: string) => string {
  const separator = escapeHtml(translate(lang, "list_date_separator"));
  const made = new Map<string, string>();
  return (iso) => {
    let prefix = made.get(iso);
    if (prefix === undefined) {
      prefix = `<time class="signed" datetime="${escapeHtml(iso)}">${escapeHtml(formatDate(iso, lang))}</time>${separator}`;
      made.set(iso, prefix);
    }
    return prefix;
  };
}

/**
 * Renders entries as printed: plain text, no link and no id, so the print view never competes
 * with a signatory's address. A signature of an earlier text says so, as on the letter's page: the
 * printed letter is what its recipient reads.
 * @example renderPrintedEntries(letter.organisations, letter, "en")
 */
export function renderPrintedEntries(entries: readonly SignatoryView[], letter: { slug: string }, lang: string): string {
  return entries.map(printedEntryLine(letter, lang)).join("\n");
}

/**
 * Renders one entry of {@link renderPrintedEntries} as one line, for a list written piece by piece (pieces.ts).
 * @example linePieces(letter.organisations, printedEntryLine(letter, "en"))
 */
export function printedEntryLine(letter: { slug: string }, lang: string): (s: SignatoryView) => string {
  const separator = escapeHtml(translate(lang, "list_separator"));
  const identificationOnly = escapeHtml(translate(lang, "identification_only"));
  const earlierVersion = ` (${escapeHtml(translate(lang, "signed_earlier_version"))})`;
  const letterSlug = escapeHtml(letter.slug);
  return (s) =>
    `<li data-signatory="${letterSlug}/${escapeHtml(s.slug)}"><span dir="auto">${escapeHtml(s.name)}</span>${separator}${escapeHtml(s.place)}` +
    (s.identification === undefined ? "" : ` — ${escapeHtml(s.identification)} (${identificationOnly})`) +
    (s.earlierVersion ? earlierVersion : "") +
    "</li>";
}
