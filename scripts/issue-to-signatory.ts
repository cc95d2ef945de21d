// `npm run issue-to-signatory`: turns the body of a "Sign a letter" issue into a signatory file.
// On success prints the new file's path (stdout) and exits 0; otherwise prints every problem (stderr,
// the validator's own messages), writes nothing into the repository and exits 1. --comment-file
// receives the Markdown answer for the issue either way.
import { statSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import { argumentsOrExit, parseCommandLine } from "./lib/command-line.ts";
import { failureComment, successComment } from "./lib/issue-comment.ts";
import { signatoryFileFromIssue } from "./lib/issue-to-signatory.ts";
import { formatProblem } from "./lib/problem.ts";
import { todayIso } from "./lib/today.ts";

const USAGE = `Usage: npm run issue-to-signatory -- --body-file <file> [--author <github-login>] [--root <repo>]
                                     [--signed YYYY-MM-DD] [--comment-file <file>]
Turns the body of a "Sign a letter" issue into a signatory file, checked as a pull request would be.
  --body-file      the issue's body, saved as a file
  --author         the issue author's GitHub login
  --root           the repository (default: this folder)
  --signed         the signature's date (default: today, in UTC)
  --comment-file   where to write the answer for the issue, in Markdown`;
const { values } = argumentsOrExit(parseCommandLine("npm run issue-to-signatory", USAGE, {
  "body-file": { type: "string" },
  author: { type: "string" },
  root: { type: "string", default: "." },
  signed: { type: "string" },
  "comment-file": { type: "string" },
}, process.argv.slice(2)), process);

const bodyFile = values["body-file"];
if (bodyFile === undefined) {
  console.error("Missing --body-file <file>: the issue's body, saved as a file.");
  process.exit(2);
}
if (statSync(bodyFile, { throwIfNoEntry: false })?.isFile() !== true) {
  console.error(`There is no file ${bodyFile}: --body-file names the issue's body, saved as a file.`);
  process.exit(2);
}
const root = resolve(values.root);
const today = values.signed ?? todayIso();

const result = await signatoryFileFromIssue(root, bodyFile, { author: values.author, today });
for (const p of result.problems) console.error(formatProblem(p));
const failed = result.problems.some((p) => p.severity === "error");
if (values["comment-file"] !== undefined) {
  const comment = failed || result.file === undefined ? failureComment(result.problems, bodyFile, result.yaml) : successComment(result.file, result.yaml!);
  await writeFile(values["comment-file"], `${comment}\n`);
}
if (failed) {
  console.error("\nNo signature was written. Each line above says what is wrong and how to fix it.");
  process.exitCode = 1;
} else {
  console.log(result.file);
}
