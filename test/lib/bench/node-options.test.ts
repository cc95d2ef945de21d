import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { nodeOptionsByScript } from "../../../scripts/lib/bench/node-options.ts";

describe("nodeOptionsByScript", () => {
  it("takes the options between node and the script file, and skips what is not a node script", () => {
    const options = nodeOptionsByScript({
      build: "node --expose-gc --max-semi-space-size=32 --import tsx scripts/build.ts",
      validate: "node --import tsx scripts/validate.ts",
      start: "node --import tsx node_modules/@11ty/eleventy/cmd.cjs --serve",
      typecheck: "tsc --noEmit",
    });
    expect([...options]).toEqual([
      ["build.ts", ["--expose-gc", "--max-semi-space-size=32", "--import", "tsx"]],
      ["validate.ts", ["--import", "tsx"]],
    ]);
  });

  it("finds the build's options in this repository's package.json", () => {
    const { scripts } = JSON.parse(readFileSync("package.json", "utf8")) as { scripts: Record<string, string> };
    expect(nodeOptionsByScript(scripts).get("build.ts")).toEqual(["--expose-gc", "--import", "tsx"]);
  });
});
