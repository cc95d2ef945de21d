import { absoluteUrl } from "./exports.ts";
import { translate } from "./i18n.ts";
import type { LetterView, SiteData } from "./site-data.ts";
import { escapeXml } from "./svg.ts";

interface AtomEntry {
  id: string;
  title: string;
  updated: string;
  link: string;
  summary?: string;
  /** HTML content, escaped into the feed as Atom's type="html". */
  html?: string;
}

function atom(feed: { id: string; title: string; self: string; alternate: string; lang: string; updated: string; entries: AtomEntry[] }): string {
  const entries = feed.entries.map((e) =>
    [
      "  <entry>",
      `    <id>${escapeXml(e.id)}</id>`,
      `    <title>${escapeXml(e.title)}</title>`,
      `    <updated>${e.updated}T00:00:00Z</updated>`,
      `    <link rel="alternate" type="text/html" href="${escapeXml(e.link)}"/>`,
      ...(e.summary === undefined ? [] : [`    <summary>${escapeXml(e.summary)}</summary>`]),
      ...(e.html === undefined ? [] : [`    <content type="html">${escapeXml(e.html)}</content>`]),
      "  </entry>",
    ].join("\n"),
  );
  return [
    `<?xml version="1.0" encoding="utf-8"?>`,
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${escapeXml(feed.lang)}">`,
    `  <id>${escapeXml(feed.id)}</id>`,
    `  <title>${escapeXml(feed.title)}</title>`,
    `  <updated>${feed.updated}T00:00:00Z</updated>`,
    `  <link rel="self" type="application/atom+xml" href="${escapeXml(feed.self)}"/>`,
    `  <link rel="alternate" type="text/html" href="${escapeXml(feed.alternate)}"/>`,
    `  <author><name>${escapeXml(feed.title)}</name></author>`,
    ...entries,
    `</feed>`,
    "",
  ].join("\n");
}

/**
 * The site's Atom feed of letters, newest first; a letter's entry changes when someone signs it.
 * `siteUrl` is the absolute URL of the site root, path prefix included.
 * @example lettersFeed(site, "https://example.github.io/repo/")
 */
export function lettersFeed(site: SiteData, siteUrl: string): string {
  const letters = [...site.letters].sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
  const updated = letters.reduce((latest, l) => (l.asOf > latest ? l.asOf : latest), "1970-01-01");
  return atom({
    id: absoluteUrl(siteUrl, "/"),
    title: site.settings.name,
    self: absoluteUrl(siteUrl, "/feed.xml"),
    alternate: absoluteUrl(siteUrl, "/"),
    lang: site.settings.lang,
    updated,
    entries: letters.map((l) => ({ id: absoluteUrl(siteUrl, l.url), title: l.title, updated: l.asOf, link: absoluteUrl(siteUrl, l.url), summary: l.summary })),
  });
}

/**
 * A letter's Atom feed: its updates (delivery, response, coverage) and its newest signatures,
 * newest first.
 * @example letterFeed(letter, "Undersigned", "https://example.github.io/")
 */
export function letterFeed(letter: LetterView, siteName: string, siteUrl: string): string {
  const updates: AtomEntry[] = letter.updates.map((u) => ({
    id: absoluteUrl(siteUrl, `${letter.url}#${u.id}`),
    title: u.title,
    updated: u.date,
    link: absoluteUrl(siteUrl, `${letter.url}#${u.id}`),
    html: u.html,
  }));
  const signatures: AtomEntry[] = letter.lists.feedEntries.map((s) => ({
    id: absoluteUrl(siteUrl, s.href),
    title: translate(letter.lang, "feed_signed", { name: s.name, place: s.place }),
    updated: s.signed,
    link: absoluteUrl(siteUrl, s.href),
  }));
  // Sorting is stable, so same-day entries keep updates first, then signatures in their own order.
  const entries = [...updates, ...signatures].sort((a, b) => (a.updated < b.updated ? 1 : a.updated > b.updated ? -1 : 0));
  return atom({
    id: absoluteUrl(siteUrl, letter.lists.feedUrl),
    title: `${letter.title} · ${siteName}`,
    self: absoluteUrl(siteUrl, letter.lists.feedUrl),
    alternate: absoluteUrl(siteUrl, letter.url),
    lang: letter.lang,
    updated: entries.reduce((latest, e) => (e.updated > latest ? e.updated : latest), letter.asOf),
    entries,
  });
}

/**
 * Every page worth a search engine's visit, as absolute URLs: home, search, each letter in every
 * language it is published in (the original first), then its lists. Print views are left out (they
 * repeat the letter page), and so are translations' lists, which are the original's.
 * @example sitemapUrls(site, "https://example.github.io/")[0] // "https://example.github.io/"
 */
export function sitemapUrls(site: SiteData, siteUrl: string): string[] {
  const paths = ["/", "/search/", ...site.letters.flatMap((l) => [...l.versions.map((v) => v.url), ...l.lists.pages.map((p) => p.url)])];
  return paths.map((path) => absoluteUrl(siteUrl, path));
}

/**
 * A sitemap (sitemaps.org protocol) of the given absolute URLs.
 * @example sitemapXml(["https://example.github.io/"])
 */
export function sitemapXml(urls: readonly string[]): string {
  return [
    `<?xml version="1.0" encoding="utf-8"?>`,
    `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">`,
    ...urls.map((url) => `  <url><loc>${escapeXml(url)}</loc></url>`),
    `</urlset>`,
    "",
  ].join("\n");
}
