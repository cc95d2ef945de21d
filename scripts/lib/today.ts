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

/** How long {@link latestSigningDay} keeps its answer. */
const LATEST_SIGNING_DAY_KEPT_MS = 60_000;
let latest: { until: number; epoch: string | undefined; day: string } = { until: 0, epoch: undefined, day: "" };

/**
 * The last day a signature may be dated: tomorrow (UTC, or after SOURCE_DATE_EPOCH), since where it
 * already is tomorrow people still sign "today". Worked out once a minute, or when SOURCE_DATE_EPOCH
 * changes: once per file, the dates cost about 0.1 s of validating 100,000 files.
 * @example latestSigningDay() // "2026-11-30" on 2026-11-29
 */
export function latestSigningDay(env: NodeJS.ProcessEnv = process.env): string {
  const now = Date.now();
  const epoch = env.SOURCE_DATE_EPOCH;
  if (now >= latest.until || epoch !== latest.epoch) latest = { until: now + LATEST_SIGNING_DAY_KEPT_MS, epoch, day: nextDay(todayIso(env)) };
  return latest.day;
}

/**
 * The day after `day` (YYYY-MM-DD), in the calendar.
 * @example nextDay("2024-02-28") // "2024-02-29"
 */
export function nextDay(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}
