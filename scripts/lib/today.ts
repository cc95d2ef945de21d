/**
 * Today's date as YYYY-MM-DD in UTC, or the date of SOURCE_DATE_EPOCH when set, so that a rebuild of
 * the same commit can be made byte-identical.
 * @example todayIso({ SOURCE_DATE_EPOCH: "0" }) // "1970-01-01"
 */
export function todayIso(env: NodeJS.ProcessEnv = process.env): string {
  const epoch = env.SOURCE_DATE_EPOCH;
  return epoch !== undefined && /^\d+$/.test(epoch) ? utcDay(Number(epoch) * 1000) : utcDay();
}

/**
 * The date of a time (by default the clock's, whatever SOURCE_DATE_EPOCH says) as YYYY-MM-DD in UTC.
 * @example utcDay(Date.UTC(2024, 1, 29)) // "2024-02-29"
 */
export function utcDay(time: number = Date.now()): string {
  return new Date(time).toISOString().slice(0, 10);
}

/** How long {@link latestSigningDay} keeps its answer. */
const LATEST_SIGNING_DAY_KEPT_MS = 60_000;
let latest = { until: 0, day: "" };

/**
 * The last day a signature may be dated: tomorrow in UTC, since where it already is tomorrow people
 * still sign "today". The clock's, not SOURCE_DATE_EPOCH's: that one fixes the dates a rebuild
 * writes, and a rebuild of an old commit must accept the signatures it had. Worked out once a
 * minute: once per file, the dates cost about 0.1 s of validating 100,000 files.
 * @example latestSigningDay() // "2026-11-30" on 2026-11-29
 */
export function latestSigningDay(now: number = Date.now()): string {
  if (now >= latest.until || now < latest.until - LATEST_SIGNING_DAY_KEPT_MS) {
    latest = { until: now + LATEST_SIGNING_DAY_KEPT_MS, day: nextDay(utcDay(now)) };
  }
  return latest.day;
}

/**
 * The day after `day` (YYYY-MM-DD), in the calendar.
 * @example nextDay("2024-02-28") // "2024-02-29"
 */
export function nextDay(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return utcDay(date.getTime());
}
