import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { nodeOptionsByScript } from "../../../scripts/lib/bench/node-options.ts";

describe("nodeOptionsByScript", () => {
  it("takes what comes between node and the script file, and skips what is not a node script", () => {
    const options = nodeOptionsByScript({
      build: "node --expose-gc --max-semi-space-size=32 scripts/run.js scripts/build.ts",
      validate: "node scripts/run.js scripts/validate.ts",
      start: "node --import tsx node_modules/@11ty/eleventy/cmd.cjs --serve",
      typecheck: "tsc --noEmit",
    });
    expect([...options]).toEqual([
      ["build.ts", ["--expose-gc", "--max-semi-space-size=32", "scripts/run.js"]],
      ["validate.ts", ["scripts/run.js"]],
    ]);
  });

  it("finds the build's options in this repository's package.json", () => {
    const { scripts } = JSON.parse(readFileSync("package.json", "utf8")) as { scripts: Record<string, string> };
    expect(nodeOptionsByScript(scripts).get("build.ts")).toEqual(["--expose-gc", "scripts/run.js"]);
  });
});
