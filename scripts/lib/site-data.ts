import { formatDate, placeName, textDirection } from "./format.ts";
import { createMarkdown } from "./markdown.ts";
import type { Settings } from "./settings.ts";
import type { Addressee, Letter, Repository, Signatory, SignatoryType } from "./types.ts";

/** A signatory as the templates show it. */
export interface SignatoryView {
  slug: string;
  name: string;
  type: SignatoryType;
  url?: string;
  /** Country name in the letter's language, or the scope label. */
  place: string;
  /** "Role, Affiliation" for individuals, when given. */
  identification?: string;
  signed: string;
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
  /** Date of the newest signature, or of the letter when no one has signed. */
  asOf: string;
  asOfLabel: string;
}

/** Everything the templates need. */
export interface SiteData {
  settings: Settings;
  /** Open letters first, then newest first. */
  letters: LetterView[];
}

/**
 * Shapes a loaded repository for the templates: Markdown rendered, signatories split by type and
 * sorted with the letter language's collation, places named in that language.
 * `today` (YYYY-MM-DD) decides whether a letter past its closing date is still open.
 * @example buildSiteData(repo, settings, "2026-11-28").letters[0].count
 */
export function buildSiteData(repo: Repository, settings: Settings, today: string): SiteData {
  const markdown = createMarkdown();
  const letters = repo.letters.map((letter) => letterView(letter, repo.signatories.get(letter.slug) ?? [], markdown.render(letter.body), today));
  letters.sort((a, b) => Number(b.isOpen) - Number(a.isOpen) || (a.date < b.date ? 1 : a.date > b.date ? -1 : 0) || a.title.localeCompare(b.title));
  return { settings, letters };
}

function letterView(letter: Letter, signatories: readonly Signatory[], bodyHtml: string, today: string): LetterView {
  const lang = letter.lang;
  const collator = new Intl.Collator(lang, { sensitivity: "base", numeric: true });
  const views = signatories.map((s) => signatoryView(s, lang));
  const byName = (a: SignatoryView, b: SignatoryView) => collator.compare(a.name, b.name) || (a.slug < b.slug ? -1 : 1);
  const asOf = signatories.reduce((latest, s) => (s.signed > latest ? s.signed : latest), signatories.length > 0 ? "" : letter.date);
  const view: LetterView = {
    slug: letter.slug,
    url: `/letters/${letter.slug}/`,
    title: letter.title,
    date: letter.date,
    dateLabel: formatDate(letter.date, lang),
    lang,
    dir: textDirection(lang),
    summary: letter.summary,
    from: letter.from,
    to: letter.to.map(addresseeLine),
    cc: (letter.cc ?? []).map(addresseeLine),
    tags: letter.tags ?? [],
    isOpen: letter.status === "open" && (letter.closes === undefined || letter.closes >= today),
    bodyHtml,
    organisations: views.filter((s) => s.type === "organisation").sort(byName),
    individuals: views.filter((s) => s.type === "individual").sort(byName),
    count: signatories.length,
    asOf,
    asOfLabel: formatDate(asOf, lang),
  };
  if (letter.closes !== undefined) {
    view.closes = letter.closes;
    view.closesLabel = formatDate(letter.closes, lang);
  }
  return view;
}

function addresseeLine(person: Addressee): string {
  return [person.name, person.role, person.organisation].filter((part) => part !== undefined).join(", ");
}

function signatoryView(s: Signatory, lang: string): SignatoryView {
  const view: SignatoryView = { slug: s.slug, name: s.name, type: s.type, place: placeName(s, lang), signed: s.signed };
  if (s.url !== undefined) view.url = s.url;
  const identification = [s.role, s.affiliation].filter((part) => part !== undefined).join(", ");
  if (identification !== "") view.identification = identification;
  return view;
}

/**
 * Today's date as YYYY-MM-DD in UTC, or the date of SOURCE_DATE_EPOCH when set, so that a rebuild of
 * the same commit can be made byte-identical.
 * @example todayIso({ SOURCE_DATE_EPOCH: "0" }) // "1970-01-01"
 */
export function todayIso(env: NodeJS.ProcessEnv = process.env): string {
  const epoch = env.SOURCE_DATE_EPOCH;
  const date = epoch !== undefined && /^\d+$/.test(epoch) ? new Date(Number(epoch) * 1000) : new Date();
  return date.toISOString().slice(0, 10);
}
