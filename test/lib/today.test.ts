import { describe, expect, it } from "vitest";
import { latestSigningDay, nextDay, todayIso, utcDay } from "../../scripts/lib/today.ts";

describe("todayIso", () => {
  it("is the UTC date of SOURCE_DATE_EPOCH when set, else of now", () => {
    expect(todayIso({ SOURCE_DATE_EPOCH: "0" })).toBe("1970-01-01");
    expect(todayIso({ SOURCE_DATE_EPOCH: "1732838399" })).toBe("2024-11-28");
    expect(todayIso({ SOURCE_DATE_EPOCH: "1412812800" })).toBe("2014-10-09");
    expect(todayIso({})).toBe(new Date().toISOString().slice(0, 10));
  });
});

describe("utcDay", () => {
  it("is a time's date in UTC, by default the clock's", () => {
    expect(utcDay(Date.UTC(2024, 1, 29, 23, 59))).toBe("2024-02-29");
    expect(utcDay()).toBe(new Date().toISOString().slice(0, 10));
  });
});

describe("nextDay", () => {
  it.each([
    ["2024-02-28", "2024-02-29"],
    ["2023-02-28", "2023-03-01"],
    ["2024-12-31", "2025-01-01"],
  ])("after %s comes %s", (day, next) => {
    expect(nextDay(day)).toBe(next);
  });
});

describe("latestSigningDay", () => {
  it("is the day after the clock's day in UTC, whatever SOURCE_DATE_EPOCH says, and follows the clock", () => {
    expect(latestSigningDay(Date.UTC(2024, 1, 28, 23, 59))).toBe("2024-02-29");
    expect(latestSigningDay(Date.UTC(2024, 1, 29, 0, 0))).toBe("2024-03-01");
    expect(latestSigningDay(Date.UTC(2020, 0, 1))).toBe("2020-01-02");
  });
});
