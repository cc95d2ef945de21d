import { describe, expect, it } from "vitest";
import { namedFileProblems } from "../../scripts/lib/named-files.ts";
import { formatProblem } from "../../scripts/lib/problem.ts";
import { fixture } from "../helpers/run.ts";

const root = fixture("repos", "site");

describe("namedFileProblems", () => {
  it.each([
    ["settings.yaml", []],
    ["content/letters/alpha-letter/index.md", []],
    ["signatories/alpha-letter/adam.yaml", []],
    ["signatories/alpha-letter/not-yet.yaml", ["signatories/alpha-letter/not-yet.yaml: there is no such file; check the path, such as signatories/<letter>/<name>.yaml from the repository's root"]],
    ["signatories", ["signatories: this is a folder; name the files in it, or run npm run validate without a file to check them all"]],
    ["../elsewhere.yaml", ["../elsewhere.yaml: this is outside the repository; name a file inside it, or give its folder with --root"]],
    ["content/letters/alpha-letter", ["content/letters/alpha-letter: this is a folder; name the files in it, or run npm run validate without a file to check them all"]],
  ])("for %s: %j", (file, lines) => {
    expect(namedFileProblems(root, [file]).map((p) => formatProblem(p))).toEqual(lines);
  });
});
