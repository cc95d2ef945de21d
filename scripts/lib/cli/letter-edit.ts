import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { Document } from "yaml";
import { formatProblem } from "../problem.ts";
import type { Letter } from "../types.ts";
import { checkLetterText } from "../validate-letter.ts";
import { CliError } from "./cli-error.ts";
import { editFrontMatter } from "./edit-yaml.ts";
import type { Workspace } from "./workspace.ts";

/** A letter file's new text and the letter as the validator reads it. */
export interface EditedLetter {
  text: string;
  letter: Letter;
}

/**
 * Reads a letter's file, applies an edit to its front matter and checks the result with the real
 * letter validator before anything is written.
 * @throws {CliError} with the validator's messages when the edited letter would be invalid.
 * @example await editLetter(ws, letter, (doc) => doc.set("status", "closed"))
 */
export async function editLetter(ws: Workspace, letter: Letter, edit: (doc: Document) => void): Promise<EditedLetter> {
  const before = await readFile(join(ws.root, letter.file), "utf8");
  const text = editFrontMatter(before, letter.file, edit);
  const check = checkLetterText(letter.file, text);
  if (check.letter === undefined) {
    throw new CliError("invalid", `The edited letter would not pass validation, so ${letter.file} was not changed:`, check.problems.map((p) => formatProblem(p)));
  }
  return { text, letter: check.letter };
}
