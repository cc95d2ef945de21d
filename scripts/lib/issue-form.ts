import { parseYaml } from "./parse-yaml.ts";
import { problem, sortProblems } from "./problem.ts";
import type { Problem } from "./types.ts";

/** One field of a GitHub issue form (`.github/ISSUE_TEMPLATE/*.yml`), as far as the body shows it. */
export interface IssueFormField {
  id: string;
  type: "input" | "textarea" | "dropdown" | "checkboxes";
  label: string;
  /** Dropdown options, or checkbox labels. */
  options: string[];
}

/** The values of an issue body, by field id: text for inputs, textareas and dropdowns, ticked labels for checkboxes. */
export interface IssueFormValues {
  text: Map<string, string>;
  ticked: Map<string, string[]>;
}

/** What GitHub writes for a field left empty. */
export const NO_RESPONSE = "_No response_";

/** Largest issue body read; GitHub itself stops at 65,536 characters. */
export const MAX_ISSUE_BODY_BYTES = 256 * 1024;

/**
 * Reads the fields of an issue form from its YAML text (markdown blocks have no value and are skipped).
 * @example issueFormFields(readFileSync(".github/ISSUE_TEMPLATE/sign.yml", "utf8"))[0].label // "Letter"
 */
export function issueFormFields(yamlText: string): IssueFormField[] {
  const form = parseYaml(yamlText) as { body?: Array<{ type: string; id?: string; attributes?: { label?: string; options?: Array<string | { label: string }> } }> };
  return (form.body ?? [])
    .filter((item) => item.type !== "markdown")
    .map((item) => ({
      id: item.id ?? "",
      type: item.type as IssueFormField["type"],
      label: item.attributes?.label ?? "",
      options: (item.attributes?.options ?? []).map((o) => (typeof o === "string" ? o : o.label)),
    }));
}

/**
 * Reads an issue body written by GitHub from an issue form: one `### <label>` heading per field, in
 * the form's order, then the value (`_No response_` when empty; `- [X] <label>` for ticked boxes).
 * Anything that does not fit — text before the first heading, an unknown or repeated heading, a
 * missing field, a line break in a one-line field — is a problem, never silently dropped.
 * `file` names the body in problems.
 * @example parseIssueBody("issue.md", "### Name\n\nACME", fields).values.text.get("name") // "ACME"
 */
export function parseIssueBody(file: string, body: string, fields: readonly IssueFormField[]): { values: IssueFormValues; problems: Problem[] } {
  const lines = body.replace(/\r\n?/g, "\n").split("\n");
  const problems: Problem[] = [];
  const sections: Section[] = [];
  // Lines under an unknown heading are collected too, so that nothing is ever attributed to the wrong field.
  let current: { lines: string[] } | undefined;
  lines.forEach((text, index) => {
    const heading = /^###\s+(.*?)\s*$/.exec(text);
    const field = heading === null ? undefined : fields.find((f) => f.label === heading[1]);
    if (heading !== null && field === undefined) {
      problems.push(problem("error", file, `the heading "### ${heading[1]}" is not part of the form; write your answers under the form's own headings (${fields.map((f) => f.label).join(", ")})`, index + 1, 1));
      current = { lines: [] };
    } else if (field !== undefined) {
      if (sections.some((s) => s.field === field)) {
        problems.push(problem("error", file, `"${field.label}" appears twice; keep one answer under one "### ${field.label}" heading`, index + 1, 1));
      }
      const section: Section = { field, line: index + 1, lines: [] };
      sections.push(section);
      current = section;
    } else if (current === undefined) {
      if (text.trim() !== "") problems.push(problem("error", file, "there is text before the first question of the form; move it under one of the form's headings or delete it", index + 1, 1));
    } else {
      current.lines.push(text);
    }
  });

  const values: IssueFormValues = { text: new Map(), ticked: new Map() };
  for (const field of fields) {
    const section = sections.find((s) => s.field === field);
    if (section === undefined) {
      problems.push(problem("error", file, `the answer to "${field.label}" is missing; open a new issue from the form, which asks every question`));
      continue;
    }
    const value = section.lines.join("\n").trim();
    if (field.type === "checkboxes") {
      values.ticked.set(field.id, readCheckboxes(value, field, section.line, file, problems));
    } else if (value !== NO_RESPONSE) {
      if (field.type !== "textarea" && value.includes("\n")) {
        problems.push(problem("error", file, `the answer to "${field.label}" must be one line; join its lines`, section.line, 1));
      }
      values.text.set(field.id, value);
    }
  }
  return { values, problems: sortProblems(problems) };
}

interface Section {
  field: IssueFormField;
  /** 1-based line of the heading. */
  line: number;
  lines: string[];
}

function readCheckboxes(value: string, field: IssueFormField, line: number, file: string, problems: Problem[]): string[] {
  const ticked: string[] = [];
  for (const row of value === NO_RESPONSE ? [] : value.split("\n")) {
    const box = /^- \[([ xX])\] (.*)$/.exec(row.trim());
    if (box === null || !field.options.includes(box[2]!.trim())) {
      if (row.trim() !== "") problems.push(problem("error", file, `"${field.label}" holds something other than its tick boxes; leave only the boxes of the form there`, line, 1));
      continue;
    }
    if (box[1] !== " ") ticked.push(box[2]!.trim());
  }
  return ticked;
}
