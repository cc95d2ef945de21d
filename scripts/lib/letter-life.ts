import type { Letter, Revision, Withdrawal } from "./types.ts";

/**
 * The day of the latest substantive revision (`substantive` is true unless set to false), or
 * undefined when the text never changed in substance. Signatures from before that day endorsed an
 * earlier text.
 * @example latestSubstantiveRevision([{ date: "2020-02-01", summary: "…" }, { date: "2020-03-01", summary: "typo", substantive: false }]) // "2020-02-01"
 */
export function latestSubstantiveRevision(revisions: readonly Revision[] = []): string | undefined {
  return revisions.filter((r) => r.substantive !== false).reduce<string | undefined>((latest, r) => (latest === undefined || r.date > latest ? r.date : latest), undefined);
}

/**
 * Whether a signature dated `signed` endorsed an earlier version of the text. A signature dated on
 * the day of the revision counts as signing the revised text: the revision is published first, and
 * a date has no time of day to tell otherwise.
 * @example signedEarlierVersion("2020-01-20", "2020-02-01") // true
 */
export function signedEarlierVersion(signed: string, revisedOn: string | undefined): boolean {
  return revisedOn !== undefined && signed < revisedOn;
}

/**
 * How many signatures were withdrawn in all (each entry counts 1 unless it says otherwise).
 * @example withdrawnCount([{ date: "2020-03-01" }, { date: "2020-04-01", count: 2 }]) // 3
 */
export function withdrawnCount(withdrawals: readonly Withdrawal[] = []): number {
  return withdrawals.reduce((sum, w) => sum + (w.count ?? 1), 0);
}

/**
 * Whether a letter still accepts signatures on `today` (YYYY-MM-DD): its status is open and its
 * closing day, if any, has not passed.
 * @example isOpenOn({ status: "open", closes: "2014-10-31" }, "2014-11-01") // false
 */
export function isOpenOn(letter: Pick<Letter, "status" | "closes">, today: string): boolean {
  return letter.status === "open" && (letter.closes === undefined || letter.closes >= today);
}
