import { afterEach, describe, expect, it, vi } from "vitest";
import { formatProblem } from "../../scripts/lib/problem.ts";
import { checkLetterText } from "../../scripts/lib/validate-letter.ts";

// Today is 2026-11-29 (UTC) in these tests; a date is "still to come" after tomorrow, as for a signature.
const NOW = new Date(Date.UTC(2026, 10, 29, 12));
const FILE = "content/letters/x/index.md";
const HEAD = "---\ntitle: T\ndate: 2026-02-10\nto:\n  - name: A\nfrom: us\nsummary: S.\n";
const messages = (rest: string) => checkLetterText(FILE, `${HEAD}${rest}---\nText\n`).problems.map((p) => formatProblem(p));

afterEach(() => {
  vi.useRealTimers();
});

describe("checkLetterText: the closing date and the letter's date", () => {
  it.each([["2026-02-10"], ["2026-03-31"]])("accepts closes: %s, on or after the letter's date", (closes) => {
    vi.useFakeTimers({ now: NOW });
    expect(messages(`status: open\ncloses: ${closes}\n`)).toEqual([]);
  });

  it("refuses a closing date before the letter's own date, on the closes line", () => {
    vi.useFakeTimers({ now: NOW });
    expect(messages("status: open\ncloses: 2025-01-01\n")).toEqual([
      `${FILE}:9:9: "closes" is 2025-01-01, before the letter's "date", 2026-02-10; a letter cannot close before it is dated, so correct "closes" (the last day signatures are accepted) or "date"`,
    ]);
  });
});

describe("checkLetterText: a closed letter's closing date", () => {
  it.each([["2026-11-29"], ["2026-11-30"], ["2026-03-31"]])("accepts status: closed with closes: %s (today, tomorrow where it already is, or any day before)", (closes) => {
    vi.useFakeTimers({ now: NOW });
    expect(messages(`status: closed\ncloses: ${closes}\n`)).toEqual([]);
  });

  it("refuses status: closed with a closing day still to come, which would say closed while signatures are still accepted", () => {
    vi.useFakeTimers({ now: NOW });
    expect(messages("status: closed\ncloses: 2030-01-01\n")).toEqual([
      `${FILE}:9:9: "closes" is 2030-01-01, a day still to come, but "status" is closed; to keep accepting signatures until then, write status: open (the letter closes by itself after 2030-01-01), or to close it now, write closes: 2026-11-29`,
    ]);
  });

  it("accepts status: open with a closing day still to come", () => {
    vi.useFakeTimers({ now: NOW });
    expect(messages("status: open\ncloses: 2030-01-01\n")).toEqual([]);
  });
});

describe("checkLetterText: withdrawals", () => {
  it("accepts a withdrawal dated today or tomorrow (where it already is tomorrow)", () => {
    vi.useFakeTimers({ now: NOW });
    expect(messages("status: open\nwithdrawals:\n  - date: 2026-11-29\n  - date: 2026-11-30\n")).toEqual([]);
  });

  it("refuses a withdrawal dated on a day still to come, on its date line", () => {
    vi.useFakeTimers({ now: NOW });
    expect(messages("status: open\nwithdrawals:\n  - date: 2026-03-01\n  - date: 2030-06-01\n    count: 2\n")).toEqual([
      `${FILE}:11:11: "withdrawals", entry 2, "date" is 2030-06-01, a day still to come; write the day the signatures were withdrawn, such as 2026-11-29`,
    ]);
  });
});
