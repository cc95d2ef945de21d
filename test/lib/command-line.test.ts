import { describe, expect, it } from "vitest";
import { argumentsOrExit, parseCommandLine, type CommandProcess } from "../../scripts/lib/command-line.ts";

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

describe("argumentsOrExit", () => {
  // A process that records what the command wrote and how it exited, and stops the command there as exit does.
  function recording() {
    const seen = { stdout: "", stderr: "", code: undefined as number | undefined };
    const proc: CommandProcess = {
      stdout: { write: (text: string) => (seen.stdout += text) },
      stderr: { write: (text: string) => (seen.stderr += text) },
      exit: (code: number) => {
        seen.code = code;
        throw new Error("exited");
      },
    };
    return { seen, proc };
  }

  it("gives the arguments to run with, writing nothing", () => {
    const { seen, proc } = recording();
    expect(argumentsOrExit(parseCommandLine("npm run build", USAGE, OPTIONS, ["--quiet"]), proc)).toEqual({ values: { root: ".", quiet: true }, positionals: [] });
    expect(seen).toEqual({ stdout: "", stderr: "", code: undefined });
  });

  it.each([
    ["--help", ["--help"], { stdout: `${USAGE}\n`, stderr: "", code: 0 }],
    ["a mistake", ["--quite"], { stdout: "", stderr: `Unknown option --quite. ${TAKES}\n`, code: 2 }],
  ])("on %s, writes the text where it belongs and exits with its code", (_what, args, expected) => {
    const { seen, proc } = recording();
    expect(() => argumentsOrExit(parseCommandLine("npm run build", USAGE, OPTIONS, args), proc)).toThrow("exited");
    expect(seen).toEqual(expected);
  });
});
