import { signatureGrowth, type Growth } from "./growth.ts";
import type { LetterCore, SignatoryView } from "./site-data.ts";
import type { SignatoryType } from "./types.ts";

/** Up to this many signatories of one type are listed on the letter page itself. */
export const INLINE_LIST_LIMIT = 500;
/** Entries on one page of a full list, a per-country list or the by-date list. */
export const LIST_PAGE_SIZE = 1000;
/** Newest signatories shown on the letter page when a list is too long to show there. */
export const RECENT_COUNT = 20;
/** Newest signatures in a letter's Atom feed. */
export const FEED_ENTRY_COUNT = 50;

/** The two lists of a letter, in the order they are shown. */
export type GroupKey = "organisations" | "individuals";
export const GROUP_KEYS: readonly GroupKey[] = ["organisations", "individuals"];
const GROUP_TYPE: Record<GroupKey, SignatoryType> = { organisations: "organisation", individuals: "individual" };

/** One type's list on the letter page: either inline, or a count and a link to its paginated pages. */
export interface ListGroup {
  key: GroupKey;
  type: SignatoryType;
  count: number;
  /** True when the whole list is on the letter page (and its entries are canonical there). */
  inline: boolean;
  /** The entries shown inline (empty when not inline). */
  entries: SignatoryView[];
  /** First page of the full list, when not inline. */
  url?: string;
  pageCount: number;
}

/** What a list page lists. */
export type ListKind = GroupKey | "by-date" | "place";

/** One generated page of a list: Eleventy paginates over these, one HTML page each. */
export interface ListPage {
  url: string;
  letter: string;
  kind: ListKind;
  /** Entries here are canonical (carry their id, are indexed for search) only on full alphabetical pages. */
  canonical: boolean;
  /** For per-country (or per-scope) pages. */
  place?: { key: string; name: string; total: number };
  pageNumber: number;
  pageCount: number;
  /** URL of every page of this list, in order, for the page navigation. */
  pageUrls: string[];
  entries: SignatoryView[];
  /** The names of the page's first and last entries, for the summary under an alphabetical page's title. */
  firstName: string;
  lastName: string;
  /** The days its first and last entries were signed (YYYY-MM-DD), for the summary under a by-date page's title. */
  firstSigned: string;
  lastSigned: string;
}

/** One row of the table of counts by country or scope. */
export interface PlaceRow {
  key: string;
  name: string;
  url: string;
  organisations: number;
  individuals: number;
  total: number;
}

/** Everything about a letter's lists that the templates show. */
export interface LetterLists {
  groups: ListGroup[];
  /** True when some list is not on the letter page. */
  paginated: boolean;
  /** Newest first; shown on the letter page only when `paginated`. */
  recent: SignatoryView[];
  /** Newest first, for the per-letter feed. */
  feedEntries: SignatoryView[];
  places: PlaceRow[];
  growth: Growth;
  pages: ListPage[];
  byDateUrl: string;
  printUrl: string;
  csvUrl: string;
  jsonUrl: string;
  feedUrl: string;
  cardUrl: string;
  badgeUrl: string;
}

/**
 * Plans how a letter's signatories are shown: inline on the letter page up to INLINE_LIST_LIMIT per
 * type, otherwise on alphabetical pages of LIST_PAGE_SIZE; a by-date list; one list per country or
 * scope; counts; growth. Sets each entry's `href` to its canonical address, the one place it has an id.
 * `collator` is the letter language's, used for names and for the country table.
 * @example planLetterLists(view, new Intl.Collator("en")).groups[0].inline // true for a small letter
 */
export function planLetterLists(letter: LetterCore, collator: Intl.Collator): LetterLists {
  const base = letter.url;
  const pages: ListPage[] = [];
  const groups = GROUP_KEYS.map((key): ListGroup => {
    const all = letter[key];
    if (all.length <= INLINE_LIST_LIMIT) {
      for (const s of all) s.href = `${base}#${s.slug}`;
      return { key, type: GROUP_TYPE[key], count: all.length, inline: true, entries: all, pageCount: 0 };
    }
    const listPages = paginate(all, `${base}${key}/`, { letter: letter.slug, kind: key, canonical: true });
    for (const page of listPages) for (const s of page.entries) s.href = `${page.url}#${s.slug}`;
    pages.push(...listPages);
    return { key, type: GROUP_TYPE[key], count: all.length, inline: false, entries: [], url: listPages[0]!.url, pageCount: listPages.length };
  });

  const alphabetical = mergeSorted(letter.organisations, letter.individuals, (a, b) => collator.compare(a.name, b.name) || (a.slug < b.slug ? -1 : 1));
  // Sorting is stable: people who signed on the same day stay in alphabetical order.
  const newest = [...alphabetical].sort((a, b) => (a.signed < b.signed ? 1 : a.signed > b.signed ? -1 : 0));
  const byDateUrl = `${base}by-date/`;
  pages.push(...paginate(newest, byDateUrl, { letter: letter.slug, kind: "by-date", canonical: false }));

  const places = placeRows(alphabetical, base, collator);
  const byPlace = new Map<string, SignatoryView[]>();
  for (const s of alphabetical) {
    const list = byPlace.get(s.placeKey);
    if (list === undefined) byPlace.set(s.placeKey, [s]);
    else list.push(s);
  }
  for (const row of places) {
    const entries = byPlace.get(row.key) ?? [];
    pages.push(...paginate(entries, row.url, { letter: letter.slug, kind: "place", canonical: false, place: { key: row.key, name: row.name, total: row.total } }));
  }

  return {
    groups,
    paginated: groups.some((g) => !g.inline),
    recent: newest.slice(0, RECENT_COUNT),
    feedEntries: newest.slice(0, FEED_ENTRY_COUNT),
    places,
    growth: signatureGrowth(alphabetical.map((s) => s.signed)),
    pages,
    byDateUrl,
    printUrl: `${base}print/`,
    csvUrl: `${base}signatories.csv`,
    jsonUrl: `${base}signatories.json`,
    feedUrl: `${base}feed.xml`,
    cardUrl: `${base}card.svg`,
    badgeUrl: `${base}badge.svg`,
  };
}

/** Merges two lists already sorted by `compare` (the letter's two lists are sorted by the loader's view). */
function mergeSorted<T>(a: readonly T[], b: readonly T[], compare: (x: T, y: T) => number): T[] {
  const merged: T[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) merged.push(compare(a[i]!, b[j]!) <= 0 ? a[i++]! : b[j++]!);
  return merged.concat(a.slice(i), b.slice(j));
}

function paginate(entries: SignatoryView[], firstUrl: string, common: Pick<ListPage, "letter" | "kind" | "canonical" | "place">): ListPage[] {
  const pageCount = Math.max(1, Math.ceil(entries.length / LIST_PAGE_SIZE));
  const pageUrls = Array.from({ length: pageCount }, (_, i) => (i === 0 ? firstUrl : `${firstUrl}${i + 1}/`));
  return pageUrls.map((url, i) => {
    const slice = entries.slice(i * LIST_PAGE_SIZE, (i + 1) * LIST_PAGE_SIZE);
    const page: ListPage = { url, ...common, pageNumber: i + 1, pageCount, pageUrls, entries: slice, firstName: slice[0]?.name ?? "", lastName: slice.at(-1)?.name ?? "", firstSigned: slice[0]?.signed ?? "", lastSigned: slice.at(-1)?.signed ?? "" };
    if (common.place === undefined) delete page.place;
    return page;
  });
}

function placeRows(signatories: readonly SignatoryView[], base: string, collator: Intl.Collator): PlaceRow[] {
  const rows = new Map<string, PlaceRow>();
  for (const s of signatories) {
    let row = rows.get(s.placeKey);
    if (row === undefined) {
      row = { key: s.placeKey, name: s.place, url: `${base}countries/${s.placeKey}/`, organisations: 0, individuals: 0, total: 0 };
      rows.set(s.placeKey, row);
    }
    row[s.type === "organisation" ? "organisations" : "individuals"] += 1;
    row.total += 1;
  }
  return [...rows.values()].sort(byTotalThenName(collator));
}

/**
 * A translation's table of places: the original's rows, with their counts and links, each named as the
 * translation's own entries name that place, and ordered by the translation's collation where counts tie.
 * @example placeRowsIn(original.lists.places, translation, new Intl.Collator("es"))[0].name // "Alemania"
 */
export function placeRowsIn(places: readonly PlaceRow[], translation: Pick<LetterCore, "organisations" | "individuals">, collator: Intl.Collator): PlaceRow[] {
  const names = new Map<string, string>();
  for (const s of translation.organisations) names.set(s.placeKey, s.place);
  for (const s of translation.individuals) names.set(s.placeKey, s.place);
  return places.map((row) => ({ ...row, name: names.get(row.key) ?? row.name })).sort(byTotalThenName(collator));
}

function byTotalThenName(collator: Intl.Collator): (a: PlaceRow, b: PlaceRow) => number {
  return (a, b) => b.total - a.total || collator.compare(a.name, b.name);
}
