import { describe, expect, it } from "vitest";
import { isOpenOn, latestSubstantiveRevision, signedEarlierVersion, withdrawnCount } from "../../scripts/lib/letter-life.ts";

describe("latestSubstantiveRevision", () => {
  it("is the newest revision that is not marked substantive: false", () => {
    const revisions = [
      { date: "2020-02-10", summary: "Added a request." },
      { date: "2020-03-15", summary: "Fixed a typo.", substantive: false },
      { date: "2020-01-20", summary: "Reworded the ask.", substantive: true },
    ];
    expect(latestSubstantiveRevision(revisions)).toBe("2020-02-10");
    expect(latestSubstantiveRevision([{ date: "2020-03-15", summary: "Typo.", substantive: false }])).toBeUndefined();
    expect(latestSubstantiveRevision()).toBeUndefined();
  });
});

describe("signedEarlierVersion", () => {
  it("marks signatures from before the revision day, not from that day or later", () => {
    expect(signedEarlierVersion("2020-02-09", "2020-02-10")).toBe(true);
    expect(signedEarlierVersion("2020-02-10", "2020-02-10")).toBe(false);
    expect(signedEarlierVersion("2020-02-11", "2020-02-10")).toBe(false);
    expect(signedEarlierVersion("2020-02-09", undefined)).toBe(false);
  });
});

describe("withdrawnCount", () => {
  it("adds up the withdrawals, one each unless a count is given", () => {
    expect(withdrawnCount([{ date: "2020-02-20" }, { date: "2020-03-20", count: 2 }])).toBe(3);
    expect(withdrawnCount()).toBe(0);
  });
});

describe("isOpenOn", () => {
  it("is open until the end of the closing day, and never once closed", () => {
    expect(isOpenOn({ status: "open", closes: "2019-03-31" }, "2019-03-31")).toBe(true);
    expect(isOpenOn({ status: "open", closes: "2019-03-31" }, "2019-04-01")).toBe(false);
    expect(isOpenOn({ status: "open" }, "2099-01-01")).toBe(true);
    expect(isOpenOn({ status: "closed", closes: "2099-01-01" }, "2020-01-01")).toBe(false);
  });
});
