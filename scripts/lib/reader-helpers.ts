import { signatoriesCsv, signatoriesCsvPieces, signatoriesJson, signatoriesJsonPieces } from "./exports.ts";
import { letterFeed, lettersFeed, sitemapUrls, sitemapXml } from "./feeds.ts";
import { translate } from "./i18n.ts";
import type { LetterView, SiteData } from "./site-data.ts";
import { badgeSvg, growthChartSvg, shareCardSvg } from "./svg.ts";

/**
 * Nunjucks filters of the reader's site (lists, exports, feeds, images), merged into the filters
 * registered by `.eleventy.ts`. `siteUrl` is the absolute site root with its path prefix
 * (`"/" | htmlBaseUrl(settings.base_url)` in a template).
 * @example {{ letter | signatoriesCsv(siteUrl) | safe }}
 */
export const readerFilters: Record<string, (...args: any[]) => unknown> = {
  signatoriesCsv: (letter: LetterView, siteUrl: string) => signatoriesCsv(letter, siteUrl),
  signatoriesJson: (letter: LetterView, siteUrl: string) => signatoriesJson(letter, siteUrl),
  lettersFeed: (site: SiteData, siteUrl: string) => lettersFeed(site, siteUrl),
  letterFeed: (letter: LetterView, siteName: string, siteUrl: string) => letterFeed(letter, siteName, siteUrl),
  sitemap: (site: SiteData, siteUrl: string) => sitemapXml(sitemapUrls(site, siteUrl)),
  growthChart: (letter: LetterView) => growthChartSvg(letter.lists.growth, translate(letter.lang, `growth_label_${letter.lists.growth.unit}`)),
  shareCard: (letter: LetterView, siteName: string) =>
    shareCardSvg({ site: siteName, title: letter.title, count: translate(letter.lang, "signature_count", { count: letter.count }), lang: letter.lang }),
  badge: (letter: LetterView) => badgeSvg(translate(letter.lang, "signature_count", { count: letter.count })),
};

/**
 * The reader filters that render an export of every signatory, as the pieces of its text: the
 * build writes each piece as it is made (template-helpers.ts defers them, pieces.ts).
 */
export const readerPieceFilters: Record<string, (...args: any[]) => Iterable<string>> = {
  signatoriesCsv: (letter: LetterView, siteUrl: string) => signatoriesCsvPieces(letter, siteUrl),
  signatoriesJson: (letter: LetterView, siteUrl: string) => signatoriesJsonPieces(letter, siteUrl),
};
