import { describe, expect, it } from "vitest";
import { parseCommandLine } from "../../scripts/lib/command-line.ts";

const OPTIONS = { root: { type: "string", default: "." }, quiet: { type: "boolean", default: false } } as const;
const USAGE = "Usage: npm run build -- [--root <dir>] [--quiet]";
const TAKES = "npm run build takes: --root, --quiet; see npm run build -- --help.";

describe("parseCommandLine", () => {
  it("reads the options, with their defaults", () => {
    expect(parseCommandLine("npm run build", USAGE, OPTIONS, ["--root", "site", "--quiet"])).toEqual({ values: { root: "site", quiet: true }, positionals: [] });
    expect(parseCommandLine("npm run build", USAGE, OPTIONS, [])).toEqual({ values: { root: ".", quiet: false }, positionals: [] });
  });

  it("gives the usage for --help or -h, wherever it is", () => {
    for (const args of [["--help"], ["-h"], ["--root", "x", "--help"], ["--no-such", "--help"]]) {
      expect(parseCommandLine("npm run build", USAGE, OPTIONS, args)).toEqual({ stop: true, code: 0, text: USAGE });
    }
  });

  it.each([
    [["--path-prefix=/x/"], `Unknown option --path-prefix. ${TAKES}`],
    [["--root"], `--root needs a value. ${TAKES}`],
    [["--quiet=yes"], `--quiet takes no value. ${TAKES}`],
    [["notes.txt"], `Unexpected argument notes.txt. ${TAKES}`],
  ])("stops on %j with what is wrong and what the command takes", (args, text) => {
    expect(parseCommandLine("npm run build", USAGE, OPTIONS, args)).toEqual({ stop: true, code: 2, text });
  });

  it("takes file names where the command does, and says so", () => {
    expect(parseCommandLine("npm run validate", USAGE, OPTIONS, ["a.yaml", "b.yaml"], true)).toEqual({ values: { root: ".", quiet: false }, positionals: ["a.yaml", "b.yaml"] });
    expect(parseCommandLine("npm run validate", USAGE, OPTIONS, ["--quite"], true)).toEqual({
      stop: true,
      code: 2,
      text: "Unknown option --quite. npm run validate takes: file names, --root, --quiet; see npm run validate -- --help.",
    });
  });
});
