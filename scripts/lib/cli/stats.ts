import { placeName } from "../format.ts";
import { withdrawnCount } from "../letter-life.ts";
import type { Signatory } from "../types.ts";
import { assertDate } from "./close.ts";
import { line, type Line } from "./outcome.ts";
import { findLetter, signatoriesOf, type Workspace } from "./workspace.ts";

/** Counts of one letter's signatures. */
export interface LetterStats {
  slug: string;
  title: string;
  total: number;
  byType: { organisation: number; individual: number };
  /** Place name (in the letter's language) and count, most first, then by name. */
  byPlace: [string, number][];
  /** ISO week (2024-W09) and count, oldest first. */
  byWeek: [string, number][];
  /** Signatures dated on or after `since`, when asked. */
  since?: { date: string; count: number };
  withdrawn: number;
}

/**
 * ISO 8601 week of a YYYY-MM-DD date, such as 2024-W09 (weeks start on Monday; week 1 holds the
 * year's first Thursday).
 * @example isoWeek("2024-01-01") // "2024-W01"
 */
export function isoWeek(iso: string): string {
  const date = new Date(`${iso}T00:00:00Z`);
  const day = (date.getUTCDay() + 6) % 7;
  // The Thursday of the same week decides the year and the week number.
  date.setUTCDate(date.getUTCDate() - day + 3);
  const year = date.getUTCFullYear();
  const week = 1 + Math.floor((date.getTime() - Date.UTC(year, 0, 1)) / (7 * 86_400_000));
  return `${year}-W${String(week).padStart(2, "0")}`;
}

function tally(keys: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  return counts;
}

/**
 * Counts signatures by type, place and week for one letter or all, and those since a date.
 * @example letterStats(ws, "itu-pp14-openness", "2014-10-10")[0].since.count
 */
export function letterStats(ws: Workspace, slug: string | undefined, since: string | undefined): LetterStats[] {
  if (since !== undefined) assertDate("--since", since);
  const letters = slug === undefined ? ws.repo.letters : [findLetter(ws, slug)];
  return letters.map((letter) => {
    const list: readonly Signatory[] = signatoriesOf(ws, letter);
    const collator = new Intl.Collator(letter.lang, { sensitivity: "base", numeric: true });
    const byPlace = [...tally(list.map((s) => placeName(s, letter.lang)))].sort((a, b) => b[1] - a[1] || collator.compare(a[0], b[0]));
    const byWeek = [...tally(list.map((s) => isoWeek(s.signed)))].sort((a, b) => (a[0] < b[0] ? -1 : 1));
    const stats: LetterStats = {
      slug: letter.slug,
      title: letter.title,
      total: list.length,
      byType: { organisation: list.filter((s) => s.type === "organisation").length, individual: list.filter((s) => s.type === "individual").length },
      byPlace,
      byWeek,
      withdrawn: withdrawnCount(letter.withdrawals),
    };
    if (since !== undefined) stats.since = { date: since, count: list.filter((s) => s.signed >= since).length };
    return stats;
  });
}

/**
 * Lays out statistics as report lines, one table per letter.
 * @example renderStats(letterStats(ws, undefined, undefined))
 */
export function renderStats(all: readonly LetterStats[]): Line[] {
  const lines: Line[] = [];
  const width = (rows: readonly [string, number][]) => Math.max(0, ...rows.map(([k]) => [...k].length));
  const table = (rows: readonly [string, number][]) => {
    const w = width(rows);
    for (const [key, count] of rows) lines.push(line("plain", `  ${key}${" ".repeat(w - [...key].length)}  ${String(count).padStart(5)}`));
  };
  for (const s of all) {
    if (lines.length > 0) lines.push(line("plain", ""));
    lines.push(line("heading", `${s.title} (${s.slug})`));
    lines.push(line("plain", `Signatures: ${s.total} (${s.byType.organisation} ${s.byType.organisation === 1 ? "organisation" : "organisations"}, ${s.byType.individual} ${s.byType.individual === 1 ? "individual" : "individuals"})${s.withdrawn > 0 ? `; ${s.withdrawn} withdrawn` : ""}`));
    if (s.since !== undefined) lines.push(line("success", `New since ${s.since.date}: ${s.since.count}`));
    if (s.total === 0) continue;
    lines.push(line("muted", "By country or scope:"));
    table(s.byPlace);
    lines.push(line("muted", "By week signed:"));
    table(s.byWeek);
  }
  return lines;
}
