/** Periods a chart may count by: the smallest that keeps the chart to at most MAX_GROWTH_BARS bars (months are the fallback). */
export type GrowthUnit = "day" | "week" | "month";
/** A chart with more bars than this becomes unreadable at the width of a letter page. */
export const MAX_GROWTH_BARS = 60;

/** Signatures counted in one period. `start` is the period's first day (YYYY-MM-DD, UTC). */
export interface GrowthPoint {
  start: string;
  count: number;
  /** Signatures up to and including this period. */
  total: number;
}

/** Signatures per period, from the first signature to the last, empty periods included. */
export interface Growth {
  unit: GrowthUnit;
  points: GrowthPoint[];
  /** The largest count of one period (0 when there are no signatures). */
  max: number;
}

const DAY_MS = 86_400_000;

/**
 * Counts signatures per day, per week (starting Monday) or per month, whichever is the smallest
 * unit that needs no more than MAX_GROWTH_BARS periods.
 * @example signatureGrowth(["2024-01-01", "2024-01-03"]).points.map((p) => p.count) // [1, 0, 1]
 */
export function signatureGrowth(dates: readonly string[]): Growth {
  if (dates.length === 0) return { unit: "day", points: [], max: 0 };
  // Count per day first: there are far fewer distinct days than signatures.
  const perDay = new Map<string, number>();
  for (const date of dates) perDay.set(date, (perDay.get(date) ?? 0) + 1);
  const days = [...perDay.keys()].sort();
  const first = days[0]!;
  const last = days.at(-1)!;
  const spanDays = (Date.parse(last) - Date.parse(first)) / DAY_MS + 1;
  const unit: GrowthUnit = spanDays <= MAX_GROWTH_BARS ? "day" : spanDays <= MAX_GROWTH_BARS * 7 ? "week" : "month";
  const counts = new Map<string, number>();
  for (const day of days) {
    const start = periodStart(day, unit);
    counts.set(start, (counts.get(start) ?? 0) + perDay.get(day)!);
  }
  const points: GrowthPoint[] = [];
  let total = 0;
  for (let start = periodStart(first, unit); start <= last; start = nextPeriod(start, unit)) {
    const count = counts.get(start) ?? 0;
    total += count;
    points.push({ start, count, total });
  }
  return { unit, points, max: Math.max(...points.map((p) => p.count)) };
}

function periodStart(iso: string, unit: GrowthUnit): string {
  if (unit === "day") return iso;
  if (unit === "month") return `${iso.slice(0, 7)}-01`;
  const date = new Date(`${iso}T00:00:00Z`);
  const sinceMonday = (date.getUTCDay() + 6) % 7;
  return new Date(date.getTime() - sinceMonday * DAY_MS).toISOString().slice(0, 10);
}

function nextPeriod(start: string, unit: GrowthUnit): string {
  const date = new Date(`${start}T00:00:00Z`);
  if (unit === "month") date.setUTCMonth(date.getUTCMonth() + 1);
  else date.setUTCDate(date.getUTCDate() + (unit === "week" ? 7 : 1));
  return date.toISOString().slice(0, 10);
}
