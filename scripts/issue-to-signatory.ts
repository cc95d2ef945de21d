// `npm run issue-to-signatory`: turns the body of a "Sign a letter" issue into a signatory file.
// Usage: npm run issue-to-signatory -- --body-file <file> [--author <github-login>] [--root <repo>]
//          [--signed YYYY-MM-DD] [--comment-file <file>]
// On success prints the new file's path (stdout) and exits 0; otherwise prints every problem (stderr,
// the validator's own messages), writes nothing into the repository and exits 1. --comment-file
// receives the Markdown answer for the issue either way.
import { mkdir, readdir, readFile, unlink, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { failureComment, successComment } from "./lib/issue-comment.ts";
import { issueFormFields, MAX_ISSUE_BODY_BYTES, parseIssueBody } from "./lib/issue-form.ts";
import { loadRepository, SIGNATORIES_DIR } from "./lib/load-repository.ts";
import { signatureProblems } from "./lib/pr-scope.ts";
import { formatProblem, problem } from "./lib/problem.ts";
import { quoteValue } from "./lib/quote.ts";
import { readTextFile, ReadTextError } from "./lib/read-text.ts";
import { ISSUE_FORMS } from "./lib/sign-links.ts";
import { chooseSlug, signatoryYaml, signatureFromIssue } from "./lib/signatory-from-issue.ts";
import { isOpenOn } from "./lib/letter-life.ts";
import { todayIso } from "./lib/site-data.ts";
import type { Problem } from "./lib/types.ts";

const { values } = parseArgs({
  options: {
    "body-file": { type: "string" },
    author: { type: "string" },
    root: { type: "string", default: "." },
    signed: { type: "string" },
    "comment-file": { type: "string" },
  },
});

const bodyFile = values["body-file"];
if (bodyFile === undefined) {
  console.error("Missing --body-file <file>: the issue's body, saved as a file.");
  process.exit(2);
}
const root = resolve(values.root);
const today = values.signed ?? todayIso();

async function convert(): Promise<{ problems: Problem[]; file?: string; yaml?: string }> {
  let body: string;
  try {
    body = await readTextFile(bodyFile!, MAX_ISSUE_BODY_BYTES);
  } catch (error) {
    if (error instanceof ReadTextError) return { problems: [problem("error", bodyFile!, error.message, 1, 1)] };
    throw error;
  }
  const form = issueFormFields(await readFile(join(root, ".github", "ISSUE_TEMPLATE", ISSUE_FORMS.sign), "utf8"));
  const parsed = parseIssueBody(bodyFile!, body, form);
  if (parsed.problems.length > 0) return { problems: parsed.problems };
  const { signature, problems } = signatureFromIssue(parsed.values, { author: values.author, today, file: bodyFile! });
  if (signature === undefined) return { problems };

  const base = await loadRepository(root);
  const letter = base.letters.find((l) => l.slug === signature.letter);
  const open = base.letters.filter((l) => isOpenOn(l, today)).map((l) => l.slug);
  if (letter === undefined) {
    return { problems: [problem("error", bodyFile!, `there is no letter called ${quoteValue(signature.letter)}; write the short name from the letter's web address, one of: ${open.join(", ") || "(no open letters)"}`)] };
  }
  const folder = join(root, SIGNATORIES_DIR, letter.slug);
  await mkdir(folder, { recursive: true });
  const taken = new Set((await readdir(folder)).map((name) => name.replace(/\.yaml$/, "")));
  const file = `${SIGNATORIES_DIR}/${letter.slug}/${chooseSlug(signature.fields.name ?? "", taken, values.author)}.yaml`;
  const yaml = signatoryYaml(signature.fields);
  // "wx": never overwrite a file, even one created since the folder was read.
  await writeFile(join(root, file), yaml, { flag: "wx" });
  const head = await loadRepository(root);
  const found = await signatureProblems(file, { base, head, headRoot: root, today }, { author: values.author });
  if (found.some((p) => p.severity === "error")) await unlink(join(root, file));
  return { problems: found, file, yaml };
}

const result = await convert();
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
