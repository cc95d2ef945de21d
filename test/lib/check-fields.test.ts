import { describe, expect, it } from "vitest";
import { isRealDate } from "../../scripts/lib/check-fields.ts";

describe("isRealDate", () => {
  it.each([
    ["2014-10-09", true],
    ["2024-02-29", true],
    ["2000-02-29", true],
    ["1900-02-29", false],
    ["2023-02-29", false],
    ["2014-04-31", false],
    ["2014-12-31", true],
    ["2014-00-10", false],
    ["2014-10-00", false],
  ])("%s is a real date: %s", (value, expected) => {
    expect(isRealDate(value)).toBe(expected);
  });
});
