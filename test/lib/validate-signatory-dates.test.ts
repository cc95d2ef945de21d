import { afterEach, describe, expect, it, vi } from "vitest";
import { formatProblem } from "../../scripts/lib/problem.ts";
import { checkSignatoryText } from "../../scripts/lib/validate-signatory.ts";

// Today is 2026-11-29 (UTC) in these tests.
const TODAY_EPOCH = String(Date.UTC(2026, 10, 29, 12) / 1000);
const FILE = "signatories/alpha/acme.yaml";
const signedOn = (date: string) => checkSignatoryText(FILE, `name: ACME\ntype: organisation\ncountry: KE\nsigned: ${date}\n`).problems.map((p) => formatProblem(p));

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("checkSignatoryText: the signing date", () => {
  it.each([["2026-11-29"], ["2026-11-30"], ["2014-10-09"]])("accepts %s (today, tomorrow where it already is, or any day before)", (date) => {
    vi.stubEnv("SOURCE_DATE_EPOCH", TODAY_EPOCH);
    expect(signedOn(date)).toEqual([]);
  });

  it.each([["2026-12-01"], ["2030-01-01"]])("refuses %s, a day still to come, saying what to write", (date) => {
    vi.stubEnv("SOURCE_DATE_EPOCH", TODAY_EPOCH);
    expect(signedOn(date)).toEqual([`${FILE}:4:9: "signed" is ${date}, a day still to come; write the day you signed, such as 2026-11-29`]);
  });
});
