import type { Growth } from "./growth.ts";

/** Size of a share card: the 1.91:1 shape that Open Graph previews use. */
export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;
/** Characters per line and lines of a letter title on a share card; longer titles end with "…". */
export const CARD_TITLE_LINE_CHARS = 32;
export const CARD_TITLE_MAX_LINES = 4;
/** Growth chart drawing area, in SVG units (it scales with the page). */
export const CHART_WIDTH = 600;
export const CHART_HEIGHT = 120;
/** Average width of one character of the badge's 11px sans-serif text, in pixels: enough for digits and Latin text. */
const BADGE_CHAR_WIDTH = 6.6;
const BADGE_PADDING = 10;

/**
 * Escapes text for XML content and attribute values.
 * @example escapeXml('a < "b"') // "a &lt; &quot;b&quot;"
 */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&${{ "&": "amp", "<": "lt", ">": "gt", '"': "quot", "'": "apos" }[c]};`);
}

/**
 * Draws signatures per period as bars, for inline use in a page. `label` names the chart for
 * assistive technology (the page also gives the numbers as a table).
 * @example growthChartSvg(signatureGrowth(dates), "Signatures per week")
 */
export function growthChartSvg(growth: Growth, label: string): string {
  const n = growth.points.length;
  const slot = n > 0 ? CHART_WIDTH / n : CHART_WIDTH;
  const barWidth = Math.max(1, slot * 0.8);
  const bars = growth.points
    .map((p, i) => {
      const height = growth.max > 0 ? Math.max(p.count > 0 ? 1 : 0, (p.count / growth.max) * CHART_HEIGHT) : 0;
      return `<rect x="${(i * slot + (slot - barWidth) / 2).toFixed(1)}" y="${(CHART_HEIGHT - height).toFixed(1)}" width="${barWidth.toFixed(1)}" height="${height.toFixed(1)}"/>`;
    })
    .join("");
  return `<svg class="growth-chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${CHART_WIDTH} ${CHART_HEIGHT + 2}" role="img" aria-label="${escapeXml(label)}"><g fill="currentColor">${bars}</g><line x1="0" y1="${CHART_HEIGHT + 1}" x2="${CHART_WIDTH}" y2="${CHART_HEIGHT + 1}" stroke="currentColor" stroke-width="1"/></svg>`;
}

/**
 * A share card for a letter: site name, title and count, as a standalone SVG file.
 * @example shareCardSvg({ site: "Undersigned", title: "Open the ITU", count: "31 signatories", lang: "en" })
 */
export function shareCardSvg(card: { site: string; title: string; count: string; lang: string }): string {
  const lines = wrapTitle(card.title);
  const title = lines.map((line, i) => `<tspan x="80" y="${230 + i * 78}">${escapeXml(line)}</tspan>`).join("");
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${CARD_WIDTH}" height="${CARD_HEIGHT}" viewBox="0 0 ${CARD_WIDTH} ${CARD_HEIGHT}" role="img" lang="${escapeXml(card.lang)}">`,
    `<title>${escapeXml(`${card.title} — ${card.count}`)}</title>`,
    `<rect width="${CARD_WIDTH}" height="${CARD_HEIGHT}" fill="#fdfdfb"/>`,
    `<rect width="${CARD_WIDTH}" height="16" fill="#0b5cad"/>`,
    `<text x="80" y="120" font-family="system-ui, sans-serif" font-size="36" font-weight="700" fill="#4a4a4a">${escapeXml(card.site)}</text>`,
    `<text font-family="Georgia, serif" font-size="64" font-weight="700" fill="#1a1a1a">${title}</text>`,
    `<text x="80" y="560" font-family="system-ui, sans-serif" font-size="48" font-weight="700" fill="#0b5cad">${escapeXml(card.count)}</text>`,
    `</svg>`,
    "",
  ].join("\n");
}

/**
 * An embeddable badge ("1,234 signatories") as a standalone SVG file.
 * @example badgeSvg("31 signatories")
 */
export function badgeSvg(text: string): string {
  const width = Math.ceil(text.length * BADGE_CHAR_WIDTH + 2 * BADGE_PADDING);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="20" viewBox="0 0 ${width} 20" role="img" aria-label="${escapeXml(text)}">`,
    `<title>${escapeXml(text)}</title>`,
    `<rect width="${width}" height="20" rx="3" fill="#0b5cad"/>`,
    `<text x="${width / 2}" y="14" text-anchor="middle" font-family="Verdana, DejaVu Sans, sans-serif" font-size="11" fill="#fff">${escapeXml(text)}</text>`,
    `</svg>`,
    "",
  ].join("\n");
}

function wrapTitle(title: string): string[] {
  const lines: string[] = [];
  let current = "";
  for (const word of title.split(/\s+/)) {
    const candidate = current === "" ? word : `${current} ${word}`;
    if ([...candidate].length > CARD_TITLE_LINE_CHARS && current !== "") {
      lines.push(current);
      current = word;
    } else current = candidate;
  }
  if (current !== "") lines.push(current);
  if (lines.length <= CARD_TITLE_MAX_LINES) return lines;
  const kept = lines.slice(0, CARD_TITLE_MAX_LINES);
  kept[CARD_TITLE_MAX_LINES - 1] = `${kept[CARD_TITLE_MAX_LINES - 1]} …`;
  return kept;
}
