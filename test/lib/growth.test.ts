import { describe, expect, it } from "vitest";
import { MAX_GROWTH_BARS, signatureGrowth } from "../../scripts/lib/growth.ts";

describe("signatureGrowth", () => {
  it("counts per day over a short span, empty days included", () => {
    expect(signatureGrowth(["2024-01-03", "2024-01-01", "2024-01-03"])).toEqual({
      unit: "day",
      max: 2,
      points: [
        { start: "2024-01-01", count: 1, total: 1 },
        { start: "2024-01-02", count: 0, total: 1 },
        { start: "2024-01-03", count: 2, total: 3 },
      ],
    });
  });

  it("counts per week, from Monday, once days would exceed MAX_GROWTH_BARS", () => {
    const growth = signatureGrowth(["2024-01-03", "2024-03-31"]); // a Wednesday and a Sunday, 89 days apart
    expect(growth.unit).toBe("week");
    expect(growth.points[0]).toEqual({ start: "2024-01-01", count: 1, total: 1 });
    expect(growth.points.at(-1)).toEqual({ start: "2024-03-25", count: 1, total: 2 });
    expect(growth.points.length).toBeLessThanOrEqual(MAX_GROWTH_BARS);
  });

  it("counts per month over long spans, and returns nothing for no signatures", () => {
    const growth = signatureGrowth(["2020-01-31", "2024-02-01"]);
    expect(growth.unit).toBe("month");
    expect(growth.points).toHaveLength(50);
    expect(growth.points.at(-1)).toEqual({ start: "2024-02-01", count: 1, total: 2 });
    expect(signatureGrowth([])).toEqual({ unit: "day", points: [], max: 0 });
  });
});
