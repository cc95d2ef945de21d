import { fencedBlock } from "./fenced-block.ts";
import { formatProblem } from "./problem.ts";
import type { Problem } from "./types.ts";

/**
 * The comment on a sign issue whose signature was written: the file, and what happens next.
 * The workflow appends the pull request's address.
 * @example successComment("signatories/x/acme.yaml", "name: ACME\n")
 */
export function successComment(file: string, yamlText: string): string {
  return [
    `Thank you! Your answers became the file \`${file}\`:`,
    "",
    fencedBlock(yamlText, "yaml"),
    "",
    "A maintainer reviews the pull request below and publishes your signature. To change something, edit this issue: the pull request is updated when you save.",
  ].join("\n");
}

/**
 * The comment on a sign issue that could not become a signature: every problem in plain words, and
 * the file made from the answers when there was one, so nothing typed into the form is lost.
 * Problems located in the issue body itself are shown without its temporary file name.
 * @example failureComment([problem("error", "body.md", "…")], "body.md")
 */
export function failureComment(problems: readonly Problem[], bodyFile: string, yamlText?: string): string {
  const lines = problems.map((p) => (p.file === bodyFile ? `${p.severity === "warning" ? "warning: " : ""}${p.message}` : formatProblem(p)));
  const parts = ["Your signature could not be added yet:", "", fencedBlock(lines.join("\n"), "text")];
  if (yamlText !== undefined) parts.push("", "The file made from your answers (the line numbers above count its lines):", "", fencedBlock(yamlText, "yaml"));
  parts.push("", "Edit this issue (the ··· menu → Edit) to correct your answers; the check runs again when you save.");
  return parts.join("\n");
}
