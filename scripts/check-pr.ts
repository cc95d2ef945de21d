// `npm run check-pr`: the scope check of a pull request, on git. Prints every problem, one per line.
// Who opened the pull request comes from the environment, set by the workflow from the event
// (never typed into a script): UNDERSIGNED_PR_AUTHOR (login), UNDERSIGNED_PR_ASSOCIATION
// (OWNER, MEMBER, COLLABORATOR, CONTRIBUTOR, NONE…), UNDERSIGNED_PR_LABELS (a JSON list of label names).
import { resolve } from "node:path";
import { argumentsOrExit, parseCommandLine } from "./lib/command-line.ts";
import { GitError } from "./lib/git.ts";
import { checkPullRequestInGit, isUnlimited, MAINTENANCE_LABEL, type PullRequestInfo } from "./lib/pr-scope.ts";
import { formatProblem, type ProblemFormat } from "./lib/problem.ts";
import { todayIso } from "./lib/today.ts";

const USAGE = `Usage: npm run check-pr -- --base <ref> [--head <ref>] [--format text|github] [--root <repo>]
Checks what a pull request changes, from git: one signature file, and nothing else, unless a
maintainer opened it or labelled it "maintenance" (UNDERSIGNED_PR_AUTHOR, UNDERSIGNED_PR_ASSOCIATION
and UNDERSIGNED_PR_LABELS say who and which labels).
  --base     the commit the pull request is compared with, such as origin/main
  --head     the pull request's commit (default HEAD)
  --format   text (default), or github for GitHub Actions annotations
  --root     the git repository (default: this folder)`;
const { values } = argumentsOrExit(parseCommandLine("npm run check-pr", USAGE, {
  base: { type: "string" },
  head: { type: "string", default: "HEAD" },
  format: { type: "string", default: "text" },
  root: { type: "string", default: "." },
}, process.argv.slice(2)), process);

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

if (values.base === undefined) fail("Missing --base <ref>: the commit the pull request is compared with, such as origin/main.");
if (values.format !== "text" && values.format !== "github") fail(`Invalid value for --format: ${values.format}. Expected one of: text, github.`);
const format = values.format as ProblemFormat;
const root = resolve(values.root);
const pr: PullRequestInfo = { labels: readLabels(process.env.UNDERSIGNED_PR_LABELS) };
if (process.env.UNDERSIGNED_PR_AUTHOR) pr.author = process.env.UNDERSIGNED_PR_AUTHOR;
if (process.env.UNDERSIGNED_PR_ASSOCIATION) pr.association = process.env.UNDERSIGNED_PR_ASSOCIATION;

try {
  const { changes, problems } = await checkPullRequestInGit(root, values.base, values.head, pr, todayIso());
  for (const p of problems) console.log(formatProblem(p, format));
  const errors = problems.filter((p) => p.severity === "error").length;
  if (isUnlimited(pr)) {
    const why = pr.labels.includes(MAINTENANCE_LABEL) ? `labelled "${MAINTENANCE_LABEL}"` : `opened by ${pr.author ?? "a maintainer"} (${pr.association})`;
    console.error(`Scope check: not limited — this pull request is ${why}. It changes ${changes.length} ${changes.length === 1 ? "file" : "files"}.`);
  } else if (errors > 0) {
    console.error(`\nScope check failed: ${errors} ${errors === 1 ? "error" : "errors"}. Each line above names the file and what to do.`);
    process.exitCode = 1;
  } else {
    console.error(`Scope check passed: ${changes.map((c) => c.path).join(", ") || "no files changed"}.`);
  }
} catch (error) {
  if (error instanceof GitError) fail(`check-pr: ${error.message}`);
  throw error;
}

function readLabels(json: string | undefined): string[] {
  if (json === undefined || json.trim() === "") return [];
  try {
    const labels: unknown = JSON.parse(json);
    if (Array.isArray(labels) && labels.every((l) => typeof l === "string")) return labels;
  } catch {
    // Reported below, with what was expected.
  }
  return fail(`Invalid UNDERSIGNED_PR_LABELS: ${JSON.stringify(json.slice(0, 80))}. Expected a JSON list of label names, such as ["maintenance"].`);
}
