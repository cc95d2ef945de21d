import { parseDocument, type Document } from "yaml";
import { CliError } from "./cli-error.ts";

// Keeps long lines and flow lists as the author wrote them when the document is written back.
const OUTPUT_OPTIONS = { lineWidth: 0, flowCollectionPadding: false } as const;

/**
 * Edits a YAML text through the `yaml` package's Document API, which keeps comments, key order and
 * quoting of everything the edit does not touch.
 * @example editYaml(text, (doc) => doc.set("status", "closed"))
 */
export function editYaml(text: string, file: string, edit: (doc: Document) => void): string {
  const doc = parseDocument(text);
  if (doc.errors.length > 0) throw new CliError("invalid", `${file} could not be read as YAML (${doc.errors[0]!.message.split("\n")[0]}). Expected a file that passes npm run validate.`);
  edit(doc);
  return doc.toString(OUTPUT_OPTIONS);
}

// The front matter: an opening --- line, the YAML, a closing --- line; the rest is the body.
const FRONT_MATTER = /^(---[^\n]*\r?\n)([\s\S]*?\r?\n)?(---[ \t]*(?:\r?\n|$))/;

/**
 * Edits a letter's front matter, leaving the opening and closing lines and the body byte for byte.
 * @example editFrontMatter(text, file, (doc) => doc.set("status", "closed"))
 */
export function editFrontMatter(text: string, file: string, edit: (doc: Document) => void): string {
  const match = FRONT_MATTER.exec(text);
  if (match === null) throw new CliError("invalid", `${file} has no front matter between two --- lines. Expected a letter that passes npm run validate.`);
  const [whole, open, yaml = "", close] = match;
  return `${open}${editYaml(yaml, file, edit)}${close}${text.slice(whole.length)}`;
}
