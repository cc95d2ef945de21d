import { describe, expect, it } from "vitest";
import { markdownTable, measureCommand, median } from "../../../scripts/lib/bench/measure.ts";

describe("bench measurement helpers", () => {
  it("takes the median", () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2);
  });

  it("formats a Markdown table with numbers right-aligned", () => {
    expect(markdownTable(["stage", "wall s"], [["validate", "0.41"], ["build", "12.30"]])).toBe(
      ["| stage    | wall s |", "|----------|-------:|", "| validate |   0.41 |", "| build    |  12.30 |"].join("\n"),
    );
  });

  it("measures a real process: exit code, time and peak memory", async () => {
    const m = await measureCommand(process.execPath, ["-e", "const a = Buffer.alloc(64 * 1024 * 1024, 1); process.exit(a[0] === 1 ? 3 : 0)"], process.cwd());
    expect(m.code).toBe(3);
    expect(m.seconds).toBeGreaterThan(0);
    expect(m.peakMb).toBeGreaterThan(64);
  });
});
