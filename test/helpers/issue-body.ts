import { readFileSync } from "node:fs";
import { join } from "node:path";
import { issueFormFields, NO_RESPONSE } from "../../scripts/lib/issue-form.ts";
import { PROJECT_ROOT } from "./run.ts";

/** The project's sign issue form, as the tests read it. */
export const SIGN_FORM_PATH = join(PROJECT_ROOT, ".github", "ISSUE_TEMPLATE", "sign.yml");

/**
 * Writes an issue body the way GitHub does for an issue made from the sign form: every field of the
 * form in order, `### <label>`, a blank line, the answer or `_No response_`; tick boxes as
 * `- [X] <label>` / `- [ ] <label>`. `answers` are by field id; `ticked` false leaves the boxes empty.
 */
export function signIssueBody(answers: Record<string, string>, ticked = true): string {
  const fields = issueFormFields(readFileSync(SIGN_FORM_PATH, "utf8"));
  return fields
    .map((field) => {
      const value = field.type === "checkboxes" ? field.options.map((o) => `- [${ticked ? "X" : " "}] ${o}`).join("\n") : answers[field.id] || NO_RESPONSE;
      return `### ${field.label}\n\n${value}`;
    })
    .join("\n\n");
}
