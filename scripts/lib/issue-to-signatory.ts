import { mkdir, readdir, readFile, unlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { issueFormFields, MAX_ISSUE_BODY_BYTES, parseIssueBody } from "./issue-form.ts";
import { loadRepository, SIGNATORIES_DIR } from "./load-repository.ts";
import { signatureProblems } from "./pr-scope.ts";
import { problem } from "./problem.ts";
import { quoteValue } from "./quote.ts";
import { readTextFileSync, ReadTextError } from "./read-text.ts";
import { ISSUE_FORMS } from "./sign-links.ts";
import { chooseSlug, signatoryYaml, signatureFromIssue, withAnswerProblems } from "./signatory-from-issue.ts";
import { isOpenOn } from "./letter-life.ts";
import type { Problem } from "./types.ts";

/** What became of a sign issue: the file written (when no error), the YAML made, and every problem. */
export interface IssueConversion {
  problems: Problem[];
  file?: string;
  yaml?: string;
}

/**
 * Turns a saved sign-issue body into `signatories/<letter>/<slug>.yaml` under `root`, reading the
 * questions from the repository's own issue form. The file is written under a slug no other file
 * has (never overwriting), then judged exactly as a pull request adding it would be; on any error it
 * is removed again, and the problems and the YAML are returned so nothing the endorser typed is lost.
 * @example await signatoryFileFromIssue(".", "body.md", { author: "octocat", today: "2026-05-01" })
 */
export async function signatoryFileFromIssue(root: string, bodyFile: string, options: { author?: string | undefined; today: string }): Promise<IssueConversion> {
  let body: string;
  try {
    body = readTextFileSync(bodyFile, MAX_ISSUE_BODY_BYTES);
  } catch (error) {
    if (error instanceof ReadTextError) return { problems: [problem("error", bodyFile, error.message, 1, 1)] };
    throw error;
  }
  const form = issueFormFields(await readFile(join(root, ".github", "ISSUE_TEMPLATE", ISSUE_FORMS.sign), "utf8"));
  const parsed = parseIssueBody(bodyFile, body, form);
  if (parsed.problems.length > 0) return { problems: parsed.problems };
  const { signature, problems } = signatureFromIssue(parsed.values, { author: options.author, today: options.today, file: bodyFile });
  if (signature === undefined) return { problems };

  // Every letter, and the signatories of the one asked for: a new signature is compared with them only.
  const base = await loadRepository(root, { signatoriesOf: [signature.letter] });
  const letter = base.letters.find((l) => l.slug === signature.letter);
  if (letter === undefined) {
    const open = base.letters.filter((l) => isOpenOn(l, options.today)).map((l) => l.slug);
    return { problems: [problem("error", bodyFile, `there is no letter called ${quoteValue(signature.letter)}; write the short name from the letter's web address, one of: ${open.join(", ") || "(no open letters)"}`)] };
  }
  const folder = join(root, SIGNATORIES_DIR, letter.slug);
  await mkdir(folder, { recursive: true });
  const taken = new Set((await readdir(folder)).map((name) => name.replace(/\.yaml$/, "")));
  const file = `${SIGNATORIES_DIR}/${letter.slug}/${chooseSlug(signature.fields.name ?? "", taken, options.author)}.yaml`;
  const yaml = signatoryYaml(signature.fields);
  // "wx": never overwrite a file, even one created since the folder was read.
  await writeFile(join(root, file), yaml, { flag: "wx" });
  // After the new file, only its letter's signatories are read again: they are all it is compared with.
  const head = await loadRepository(root, { only: [file] });
  const found = withAnswerProblems(problems, signature, file, await signatureProblems(file, { base, head, headRoot: root, today: options.today }, { author: options.author }));
  if (found.some((p) => p.severity === "error")) await unlink(join(root, file));
  return { problems: found, file, yaml };
}
