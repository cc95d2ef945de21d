import { describe, expect, it } from "vitest";
import { latestSigningDay, nextDay, todayIso } from "../../scripts/lib/today.ts";

describe("todayIso", () => {
  it("is the UTC date of SOURCE_DATE_EPOCH when set, else of now", () => {
    expect(todayIso({ SOURCE_DATE_EPOCH: "0" })).toBe("1970-01-01");
    expect(todayIso({ SOURCE_DATE_EPOCH: "1732838399" })).toBe("2024-11-28");
    expect(todayIso({})).toBe(new Date().toISOString().slice(0, 10));
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
  it("is the day after today, following SOURCE_DATE_EPOCH as soon as it changes", () => {
    expect(latestSigningDay({ SOURCE_DATE_EPOCH: "1732838399" })).toBe("2024-11-29");
    expect(latestSigningDay({ SOURCE_DATE_EPOCH: "0" })).toBe("1970-01-02");
    expect(latestSigningDay({})).toBe(nextDay(todayIso({})));
  });
});
