import { fencedBlock } from "./fenced-block.ts";
import { formatProblem } from "./problem.ts";
import type { Problem } from "./types.ts";

/**
 * The Markdown a validation run adds to a GitHub Actions job summary: the outcome, then every
 * problem as a plain line in a code block (annotations alone stop at 10 per step on GitHub).
 * @example validationSummary([], "Checked 1 letter and 31 signatories: no errors.")
 */
export function validationSummary(problems: readonly Problem[], outcome: string): string {
  const parts = ["## Validation", "", outcome];
  if (problems.length > 0) parts.push("", fencedBlock(problems.map((p) => formatProblem(p)).join("\n"), "text"));
  return `${parts.join("\n")}\n`;
}
