import type { Problem, Severity } from "./types.ts";

/** Output formats for problems: plain lines for people, workflow commands for GitHub Actions. */
export type ProblemFormat = "text" | "github";

/**
 * Creates a problem record.
 * @example problem("error", "signatories/x/a.yaml", '"name" is required', 2, 1)
 */
export function problem(severity: Severity, file: string, message: string, line?: number, column?: number): Problem {
  const result: Problem = { severity, file, message };
  if (line !== undefined) result.line = line;
  if (column !== undefined) result.column = column;
  return result;
}

/** Orders problems by file, then line, then column, so output is stable. */
export function sortProblems(problems: readonly Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) =>
      (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
      (a.line ?? 0) - (b.line ?? 0) ||
      (a.column ?? 0) - (b.column ?? 0) ||
      (a.message < b.message ? -1 : a.message > b.message ? 1 : 0),
  );
}

/**
 * Formats one problem as a single line.
 * @example formatProblem(p) // 'signatories/x/acme.yaml:3:10: "country" must be …'
 */
export function formatProblem(p: Problem, format: ProblemFormat = "text"): string {
  if (format === "github") {
    const props = [`file=${escapeProperty(p.file)}`];
    if (p.line !== undefined) props.push(`line=${p.line}`);
    if (p.column !== undefined) props.push(`col=${p.column}`);
    return `::${p.severity} ${props.join(",")}::${escapeData(p.message)}`;
  }
  const where = p.line === undefined ? p.file : `${p.file}:${p.line}:${p.column ?? 1}`;
  return `${where}: ${p.severity === "warning" ? "warning: " : ""}${p.message}`;
}

// GitHub's workflow-command syntax treats these characters as delimiters.
function escapeData(s: string): string {
  return s.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, "%3A").replace(/,/g, "%2C");
}
