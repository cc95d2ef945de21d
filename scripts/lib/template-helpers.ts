import type { DeferredContent } from "./deferred-content.ts";
import { countryName, formatDate } from "./format.ts";
import { escapeHtml } from "./html.ts";
import { formatNumber, translate } from "./i18n.ts";
import { linePieces } from "./pieces.ts";
import { readerFilters, readerPieceFilters } from "./reader-helpers.ts";
import { entryLine, printedEntryLine, renderEntries, renderPrintedEntries, type EntryOptions } from "./render-entries.ts";
import { signLinks, type SignTarget } from "./sign-links.ts";
import type { LanguageVersion, LetterView, SignatoryView } from "./site-data.ts";
import { todayIso } from "./today.ts";

/**
 * Nunjucks filters, registered by name in `.eleventy.ts`.
 * @example {{ letter.date | formatDate(letter.lang) }}
 */
export const filters: Record<string, (...args: any[]) => unknown> = {
  formatDate: (iso: string, lang: string) => formatDate(iso, lang),
  formatNumber: (n: number, lang: string) => formatNumber(n, lang),
  ...readerFilters,
};

/**
 * Nunjucks global functions, registered by name in `.eleventy.ts`.
 * @example {{ t(letter.lang, "signed_as_of", { date: letter.asOfLabel }) }}
 */
export const globals: Record<string, (...args: any[]) => unknown> = {
  t: (lang: string, key: string, params?: Record<string, string | number>) => translate(lang, key, params),
  signLinks: (target: SignTarget, letter: { slug: string; title: string; lang: string }) => signLinks(target, letter, todayIso()),
  signatoryEntries: (entries: SignatoryView[], options: EntryOptions) => renderEntries(entries, options),
  printedEntries: (entries: SignatoryView[], letter: { slug: string }, lang: string) => renderPrintedEntries(entries, letter, lang),
  languageNote,
  linkedString,
  countryLabels,
};

/**
 * The name of every country the letters list signatories from, by its place key (the lower-case
 * code the search filters on), in `lang`: the names the site's own pages use, for the search form's
 * country filter. Scopes are named by the form's own strings.
 * @example countryLabels(site.letters, "fr") // { ke: "Kenya", sd: "Soudan", … }
 */
function countryLabels(letters: readonly Pick<LetterView, "lists">[], lang: string): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const letter of letters) for (const row of letter.lists.places) if (/^[a-z]{2}$/.test(row.key)) labels[row.key] = countryName(row.key.toUpperCase(), lang);
  return labels;
}

/**
 * A string of the page's language that names another language (`{language}`), as HTML: the language
 * in its own words (`LanguageVersion.name`), marked with its `lang` and `dir`, everything escaped. For
 * a translation's links to pages that exist only in the original's language.
 * @example languageNote("es", "in_language", { lang: "en", dir: "ltr", name: "English" }) // '(en <span lang="en" dir="ltr">English</span>)'
 */
function languageNote(lang: string, key: string, language: Pick<LanguageVersion, "lang" | "dir" | "name">): string {
  return withMarkup(lang, key, "language", `<span lang="${escapeHtml(language.lang)}" dir="${escapeHtml(language.dir)}">${escapeHtml(language.name)}</span>`);
}

/**
 * A string of the page's language with a link in it (`{link}`), as HTML: the link's words are the
 * string `linkKey`, so that the sentence itself is what a reader follows, everything escaped.
 * @example linkedString("en", "search_no_js", "/", "search_no_js_link") // 'Search needs JavaScript. … from <a href="/">the list of letters</a>.'
 */
function linkedString(lang: string, key: string, href: string, linkKey: string): string {
  return withMarkup(lang, key, "link", `<a href="${escapeHtml(href)}">${escapeHtml(translate(lang, linkKey))}</a>`);
}

// The string `key` escaped, with the HTML given in place of `{placeholder}`.
function withMarkup(lang: string, key: string, placeholder: string, html: string): string {
  return translate(lang, key)
    .split(`{${placeholder}}`)
    .map((part) => escapeHtml(part))
    .join(html);
}

/**
 * The helpers that render a list or an export of every signatory, the bulk of a large site: each
 * as the pieces of its text, made as they are written (pieces.ts).
 */
const PIECE_HELPERS: Record<string, (...args: any[]) => Iterable<string>> = {
  signatoryEntries: (entries: SignatoryView[], options: EntryOptions) => linePieces(entries, entryLine(options)),
  printedEntries: (entries: SignatoryView[], letter: { slug: string }, lang: string) => linePieces(entries, printedEntryLine(letter, lang)),
  ...readerPieceFilters,
};

/**
 * The helpers as one Eleventy configuration registers them: a list of signatories or an export is
 * rendered when its page is finished, not with its template (see deferred-content.ts), and the
 * template gets a marker.
 * @example deferringHelpers(globals, deferred).signatoryEntries(entries, options) // "<!--deferred:…-->"
 */
export function deferringHelpers(helpers: Record<string, (...args: any[]) => unknown>, deferred: DeferredContent): Record<string, (...args: any[]) => unknown> {
  return Object.fromEntries(
    Object.entries(helpers).map(([name, fn]) => {
      const pieces = PIECE_HELPERS[name];
      return [name, pieces === undefined ? fn : (...args: any[]) => deferred.defer(() => pieces(...args))];
    }),
  );
}
