import { afterEach, describe, expect, it, vi } from "vitest";
import { formatProblem } from "../../scripts/lib/problem.ts";
import { checkSignatoryText } from "../../scripts/lib/validate-signatory.ts";

// Today is 2026-11-29 (UTC) in these tests.
const NOW = new Date(Date.UTC(2026, 10, 29, 12));
const FILE = "signatories/alpha/acme.yaml";
const problemsOf = (text: string) => checkSignatoryText(FILE, text).problems.map((p) => formatProblem(p));
const signedOn = (date: string) => problemsOf(`name: ACME\ntype: organisation\ncountry: KE\nsigned: ${date}\n`);

afterEach(() => {
  vi.useRealTimers();
});

describe("checkSignatoryText: the signing date", () => {
  it.each([["2026-11-29"], ["2026-11-30"], ["2014-10-09"]])("accepts %s (today, tomorrow where it already is, or any day before)", (date) => {
    vi.useFakeTimers({ now: NOW });
    expect(signedOn(date)).toEqual([]);
  });

  it.each([["2026-12-01"], ["2030-01-01"]])("refuses %s, a day still to come, saying what to write", (date) => {
    vi.useFakeTimers({ now: NOW });
    expect(signedOn(date)).toEqual([`${FILE}:4:9: "signed" is ${date}, a day still to come; write the day you signed, such as 2026-11-29`]);
  });
});

describe("checkSignatoryText: the verification date", () => {
  const verifiedOn = (date: string) => problemsOf(`name: ACME\ntype: organisation\ncountry: KE\nsigned: 2026-01-05\nverified:\n  method: email\n  by: bob\n  date: ${date}\n`);

  it.each([["2026-01-05"], ["2026-11-29"], ["2026-11-30"]])("accepts %s (the day of the signature, today, tomorrow where it already is, or any day between)", (date) => {
    vi.useFakeTimers({ now: NOW });
    expect(verifiedOn(date)).toEqual([]);
  });

  it.each([
    ["2026-12-01", `${FILE}:8:9: "verified", "date" is 2026-12-01, a day still to come; write the day the signature was checked, such as 2026-11-29`],
    ["2030-01-01", `${FILE}:8:9: "verified", "date" is 2030-01-01, a day still to come; write the day the signature was checked, such as 2026-11-29`],
    ["2026-01-04", `${FILE}:8:9: "verified", "date" is 2026-01-04, before the signature itself (signed: 2026-01-05); write the day the signature was checked, on or after 2026-01-05`],
    ["2026-02-30", `${FILE}:8:9: "verified", "date" is not a real date (got "2026-02-30"); check the month and day`],
  ])("refuses %s, saying what to write", (date, expected) => {
    vi.useFakeTimers({ now: NOW });
    expect(verifiedOn(date)).toEqual([expected]);
  });
});

describe("checkSignatoryText: e-mail addresses", () => {
  const NOT_ALLOWED = "an e-mail address is not allowed anywhere in this file (spammers harvest addresses from public repositories)";

  it.each([
    ["in a link's path", "url: https://acme.org/contact/jo@acme.org", `${FILE}:4:31: ${NOT_ALLOWED}; delete it`],
    ["in a link's query", "url: https://acme.org/?mail=a@b.org", `${FILE}:4:29: ${NOT_ALLOWED}; delete it`],
  ])("refuses one %s", (_, line, expected) => {
    expect(problemsOf(`name: ACME\ntype: organisation\ncountry: KE\n${line}\nsigned: 2020-01-20\n`)).toContain(expected);
  });

  it("refuses one written with escapes, on its field", () => {
    expect(problemsOf('name: "ACME jo\\u0040acme.org"\ntype: organisation\ncountry: KE\nsigned: 2020-01-20\n')).toEqual([
      `${FILE}:1:7: "name" holds an e-mail address once its escapes are read; ${NOT_ALLOWED} — delete it`,
    ]);
  });
});
