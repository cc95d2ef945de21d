import { formatDate, languageName, placeName, textDirection } from "./format.ts";
import { translate } from "./i18n.ts";
import { isOpenOn, latestSubstantiveRevision, signedEarlierVersion, withdrawnCount } from "./letter-life.ts";
import { placeRowsIn, planLetterLists, type LetterLists, type ListPage } from "./letter-lists.ts";
import { createMarkdown, UPDATE_TOP_HEADING } from "./markdown.ts";
import type { Settings } from "./settings.ts";
import type { Addressee, Letter, LetterTranslation, Repository, Scope, Signatory, SignatoryType, Verification } from "./types.ts";

/** A signatory as the templates show it. */
export interface SignatoryView {
  slug: string;
  name: string;
  type: SignatoryType;
  url?: string;
  /** Country name in the letter's language, or the scope label. */
  place: string;
  /** Lower-case country code or scope name: the per-country page's URL segment. */
  placeKey: string;
  country?: string;
  scope?: Scope;
  affiliation?: string;
  role?: string;
  /** "Role, Affiliation" for individuals, when given. */
  identification?: string;
  signed: string;
  /** Signed before the latest substantive revision: endorsed an earlier version of the text. */
  earlierVersion: boolean;
  /** The canonical address of this entry (`<list page URL>#<slug>`), set by planLetterLists. */
  href: string;
  /** How the signature was verified, when a maintainer recorded it. */
  verified?: Verification;
}

/** One language version of a letter, for the language switcher and hreflang alternates. */
export interface LanguageVersion {
  lang: string;
  dir: "ltr" | "rtl";
  /** The language's name in that language ("Español", "العربية"). */
  name: string;
  url: string;
}

/** A change to the text, with its date in the page's language. */
export interface RevisionView {
  date: string;
  dateLabel: string;
  summary: string;
  substantive: boolean;
}

/** News about the letter, its Markdown rendered. `id` is the update's anchor on the page. */
export interface UpdateView {
  id: string;
  date: string;
  dateLabel: string;
  title: string;
  html: string;
}

/** Withdrawn signatures on one day: a count, never names. */
export interface WithdrawalView {
  date: string;
  dateLabel: string;
  count: number;
}

/** A letter as the templates show it. */
export interface LetterView {
  slug: string;
  url: string;
  title: string;
  date: string;
  dateLabel: string;
  lang: string;
  dir: "ltr" | "rtl";
  summary: string;
  from: string;
  /** Addressees as display lines: "Name, Role, Organisation". */
  to: string[];
  cc: string[];
  tags: string[];
  isOpen: boolean;
  closes?: string;
  closesLabel?: string;
  bodyHtml: string;
  organisations: SignatoryView[];
  individuals: SignatoryView[];
  count: number;
  /**
   * The day the list last changed: the newest signature or withdrawal, or the letter's date when
   * there is neither. The pages, the exports and the feeds all date the list by it.
   */
  asOf: string;
  asOfLabel: string;
  /** True on a translation's page (`/letters/<slug>/<lang>/`): its list entries are not canonical. */
  isTranslation: boolean;
  /** The language of index.md, in which revision summaries and updates are written. */
  sourceLang: string;
  sourceDir: "ltr" | "rtl";
  /** Every language version, the original first; the switcher marks the one whose `lang` is this page's. */
  versions: LanguageVersion[];
  /** Changes to the text, oldest first. */
  revisions: RevisionView[];
  /** Day of the latest substantive revision, when there is one. */
  revisedOn?: string;
  revisedOnLabel?: string;
  /** How many signed the current text, and how many an earlier one. */
  currentCount: number;
  earlierCount: number;
  /** News, oldest first. */
  updates: UpdateView[];
  withdrawals: WithdrawalView[];
  withdrawnCount: number;
  /** Lists, pages, counts, growth and the URLs of exports and feeds: the original's, on a translation too. */
  lists: LetterLists;
}

/** A letter view before its lists are planned. */
export type LetterCore = Omit<LetterView, "lists">;

/** Everything the templates need. */
export interface SiteData {
  settings: Settings;
  /** Open letters first, then newest first; each in its original language. */
  letters: LetterView[];
  /** Every language version of every letter, one page each: each original followed by its translations. */
  letterPages: LetterView[];
  /** Every generated list page with its (original) letter: one HTML page each (content/list.njk). */
  listPages: Array<{ letter: LetterView; list: ListPage }>;
}

/** The words of one language version: index.md itself or one translation. */
type Version = Pick<LetterTranslation, "lang" | "title" | "summary" | "from" | "to" | "cc" | "body">;

/**
 * Shapes a loaded repository for the templates: Markdown rendered, signatories split by type and
 * sorted with the letter language's collation, places named in that language.
 * `today` (YYYY-MM-DD) decides whether a letter past its closing date is still open. `made` holds
 * letters' views made already by {@link viewsOfLetter}, by letter slug: each is used when it was made
 * from the signatories the repository has for that letter, and made again otherwise.
 * @example buildSiteData(repo, settings, "2026-11-28").letters[0].count
 */
export function buildSiteData(repo: Repository, settings: Settings, today: string, made: ReadonlyMap<string, LetterViews> = new Map()): SiteData {
  const markdown = createMarkdown();
  const pages = repo.letters.map((letter) => {
    const signatories = repo.signatories.get(letter.slug) ?? [];
    const early = made.get(letter.slug);
    return early !== undefined && sameList(early.signatories, signatories) ? early.views : viewsOfLetter(letter, signatories, markdown, today);
  });
  const byRank = (a: LetterView, b: LetterView) => Number(b.isOpen) - Number(a.isOpen) || (a.date < b.date ? 1 : a.date > b.date ? -1 : 0) || a.title.localeCompare(b.title);
  pages.sort((a, b) => byRank(a[0]!, b[0]!));
  const letters = pages.map((versions) => versions[0]!);
  const listPages = letters.flatMap((letter) => letter.lists.pages.map((list) => ({ letter, list })));
  return { settings, letters, letterPages: pages.flat(), listPages };
}

/** One letter's views, made from these signatories (see {@link viewsOfLetter}). */
export interface LetterViews {
  signatories: readonly Signatory[];
  views: LetterView[];
}

/**
 * The views of one letter, one for each language version (a page each): the original first, with its
 * lists planned, then its translations. They depend on nothing but the letter and its signatories, so
 * the loader can have them made while it still checks other letters' files (load-site.ts);
 * {@link buildSiteData} makes the others.
 * @example viewsOfLetter(letter, repo.signatories.get(letter.slug) ?? [], createMarkdown(), "2026-11-28")[0].count
 */
export function viewsOfLetter(letter: Letter, signatories: readonly Signatory[], markdown: ReturnType<typeof createMarkdown>, today: string): LetterView[] {
  const versions: Version[] = [letter, ...(letter.translations ?? [])];
  const updates = (letter.updates ?? []).map((u, i) => ({ ...u, html: markdown.render(u.text, { docId: `update${i + 1}`, topHeading: UPDATE_TOP_HEADING }) }));
  const links = versions.map((v) => versionLink(letter, v));
  const [original, ...translations] = versions.map((v) => letterView(letter, v, links, signatories, markdown.render(v.body), updates, today));
  const withLists: LetterView = { ...original!, lists: planLetterLists(original!, new Intl.Collator(original!.lang, COLLATION)) };
  return [withLists, ...translations.map((t) => sharingLists(t, withLists))];
}

// The same signatories, the same objects in the same order: views made early are used only for the
// very list the repository ended up with.
function sameList(a: readonly Signatory[], b: readonly Signatory[]): boolean {
  return a.length === b.length && a.every((s, i) => s === b[i]);
}

/** How names are sorted: the language's collation, ignoring case and accents, numbers by value. */
const COLLATION: Intl.CollatorOptions = { sensitivity: "base", numeric: true };

/**
 * A translation shows the same lists as its original: the lists, pages and exports are the original's,
 * and each of the translation's own entries links to the original's canonical address. Only its table
 * of places names the places in its own language.
 */
function sharingLists(translation: LetterCore, original: LetterView): LetterView {
  const hrefs = new Map([...original.organisations, ...original.individuals].map((s) => [s.slug, s.href]));
  for (const s of [...translation.organisations, ...translation.individuals]) s.href = hrefs.get(s.slug) ?? "";
  return { ...translation, lists: { ...original.lists, places: placeRowsIn(original.lists.places, translation, new Intl.Collator(translation.lang, COLLATION)) } };
}

function versionLink(letter: Letter, version: Version): LanguageVersion {
  const url = version === letter ? `/letters/${letter.slug}/` : `/letters/${letter.slug}/${version.lang}/`;
  return { lang: version.lang, dir: textDirection(version.lang), name: languageName(version.lang), url };
}

function letterView(
  letter: Letter,
  version: Version,
  versions: LanguageVersion[],
  signatories: readonly Signatory[],
  bodyHtml: string,
  updates: ReadonlyArray<{ date: string; title: string; html: string }>,
  today: string,
): LetterCore {
  const lang = version.lang;
  const collator = new Intl.Collator(lang, COLLATION);
  const revisedOn = latestSubstantiveRevision(letter.revisions);
  const views = signatories.map((s) => signatoryView(s, lang, revisedOn));
  const byName = (a: SignatoryView, b: SignatoryView) => collator.compare(a.name, b.name) || (a.slug < b.slug ? -1 : 1);
  const changes = [...signatories.map((s) => s.signed), ...(letter.withdrawals ?? []).map((w) => w.date)];
  const asOf = changes.reduce((latest, day) => (day > latest ? day : latest), changes.length > 0 ? "" : letter.date);
  const earlierCount = views.filter((s) => s.earlierVersion).length;
  const view: LetterCore = {
    slug: letter.slug,
    url: versions.find((v) => v.lang === lang)!.url,
    title: version.title,
    date: letter.date,
    dateLabel: formatDate(letter.date, lang),
    lang,
    dir: textDirection(lang),
    summary: version.summary,
    from: version.from ?? letter.from,
    to: (version.to ?? letter.to).map((person) => addresseeLine(person, lang)),
    cc: (version.cc ?? letter.cc ?? []).map((person) => addresseeLine(person, lang)),
    tags: letter.tags ?? [],
    isOpen: isOpenOn(letter, today),
    bodyHtml,
    organisations: views.filter((s) => s.type === "organisation").sort(byName),
    individuals: views.filter((s) => s.type === "individual").sort(byName),
    count: signatories.length,
    asOf,
    asOfLabel: formatDate(asOf, lang),
    isTranslation: version !== letter,
    sourceLang: letter.lang,
    sourceDir: textDirection(letter.lang),
    versions,
    revisions: (letter.revisions ?? []).map((r) => ({ date: r.date, dateLabel: formatDate(r.date, lang), summary: r.summary, substantive: r.substantive !== false })),
    currentCount: signatories.length - earlierCount,
    earlierCount,
    updates: updates.map((u, i) => ({ id: `update_${i + 1}`, date: u.date, dateLabel: formatDate(u.date, lang), title: u.title, html: u.html })),
    withdrawals: (letter.withdrawals ?? []).map((w) => ({ date: w.date, dateLabel: formatDate(w.date, lang), count: w.count ?? 1 })),
    withdrawnCount: withdrawnCount(letter.withdrawals),
  };
  if (revisedOn !== undefined) {
    view.revisedOn = revisedOn;
    view.revisedOnLabel = formatDate(revisedOn, lang);
  }
  if (letter.closes !== undefined) {
    view.closes = letter.closes;
    view.closesLabel = formatDate(letter.closes, lang);
  }
  return view;
}

function addresseeLine(person: Addressee, lang: string): string {
  return [person.name, person.role, person.organisation].filter((part) => part !== undefined).join(translate(lang, "list_separator"));
}

function signatoryView(s: Signatory, lang: string, revisedOn: string | undefined): SignatoryView {
  const placeKey = s.country?.toLowerCase() ?? s.scope ?? "global";
  const view: SignatoryView = { slug: s.slug, name: s.name, type: s.type, place: placeName(s, lang), placeKey, signed: s.signed, earlierVersion: signedEarlierVersion(s.signed, revisedOn), href: "" };
  if (s.url !== undefined) view.url = s.url;
  if (s.country !== undefined) view.country = s.country;
  if (s.scope !== undefined) view.scope = s.scope;
  if (s.affiliation !== undefined) view.affiliation = s.affiliation;
  if (s.role !== undefined) view.role = s.role;
  if (s.verified !== undefined) view.verified = s.verified;
  // The signatory's own words, so joined as written rather than with the page language's separator.
  const identification = [s.role, s.affiliation].filter((part) => part !== undefined).join(", ");
  if (identification !== "") view.identification = identification;
  return view;
}

