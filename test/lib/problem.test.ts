import { describe, expect, it } from "vitest";
import { formatProblem, problem, sortProblems } from "../../scripts/lib/problem.ts";

describe("formatProblem", () => {
  const p = problem("error", "signatories/a,b/x.yaml", "50% done\nnext: line", 3, 10);

  it("prints file:line:column: message for people", () => {
    expect(formatProblem(p)).toBe("signatories/a,b/x.yaml:3:10: 50% done\nnext: line");
    expect(formatProblem(problem("warning", "f.yaml", "w", 1, 2))).toBe("f.yaml:1:2: warning: w");
    expect(formatProblem(problem("error", "signatories/x", "no line"))).toBe("signatories/x: no line");
  });

  it("escapes GitHub workflow-command syntax", () => {
    expect(formatProblem(p, "github")).toBe("::error file=signatories/a%2Cb/x.yaml,line=3,col=10::50%25 done%0Anext: line");
  });

  it("sorts by file, line and column", () => {
    const sorted = sortProblems([problem("error", "b", "x", 1, 1), problem("error", "a", "y", 2, 1), problem("error", "a", "z", 1, 5)]);
    expect(sorted.map((q) => `${q.file}:${q.line}:${q.column}`)).toEqual(["a:1:5", "a:2:1", "b:1:1"]);
  });
});
