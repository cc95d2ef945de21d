// `npm run validate`: checks letters and signatories and prints every problem, one per line.
import { existsSync } from "node:fs";
import { appendFile } from "node:fs/promises";
import { isAbsolute, relative, resolve } from "node:path";
import { checkInterfaceStrings } from "./lib/check-strings.ts";
import { argumentsOrExit, parseCommandLine } from "./lib/command-line.ts";
import { changedPaths, GitError } from "./lib/git.ts";
import { validationSummary } from "./lib/job-summary.ts";
import { loadRepository, SIGNATORIES_DIR } from "./lib/load-repository.ts";
import { namedFileProblems } from "./lib/named-files.ts";
import { formatProblem, sortProblems, type ProblemFormat } from "./lib/problem.ts";
import { loadSettings } from "./lib/settings.ts";

const USAGE = `Usage: npm run validate -- [files…] [--format text|github] [--root <content repo>] [--summary <file>]
                           [--new-since <ref>]
Checks every letter and signatory, or only the files named (with the rules across files they take
part in: duplicates, closing date), and prints each problem as file:line:column: message.
  --format    text (default), or github for GitHub Actions annotations
  --root      the repository with the content (default: this folder)
  --summary   also append the outcome and every problem as Markdown to this file ($GITHUB_STEP_SUMMARY)
  --new-since the commit a pull request branched from: of two duplicates, the signature it adds is the
              one reported, whatever the dates say`;
const { values, positionals } = argumentsOrExit(parseCommandLine("npm run validate", USAGE, {
  format: { type: "string", default: "text" },
  root: { type: "string", default: "." },
  summary: { type: "string" },
  "new-since": { type: "string" },
}, process.argv.slice(2), true), process);

if (values.format !== "text" && values.format !== "github") {
  console.error(`Invalid value for --format: ${values.format}. Expected one of: text, github.`);
  process.exit(2);
}
const format = values.format as ProblemFormat;
const root = resolve(values.root);
const only = positionals.length > 0 ? positionals.map((file) => relative(root, fromWhereStarted(file)).split("\\").join("/") || ".") : undefined;

const newcomers = values["new-since"] === undefined ? undefined : await addedSignatories(root, values["new-since"]);
const [repo, settings] = await Promise.all([loadRepository(root, { ...(only === undefined ? {} : { only }), ...(newcomers === undefined ? {} : { newcomers }) }), loadSettings(root)]);
const besides = [...settings.problems, ...checkInterfaceStrings()];
const problems = sortProblems(only === undefined ? [...repo.problems, ...besides] : [...repo.problems, ...besides.filter((p) => only.includes(p.file)), ...namedFileProblems(root, only)]);
for (const p of problems) console.log(formatProblem(p, format));

const errors = problems.filter((p) => p.severity === "error").length;
const warnings = problems.length - errors;
const signatories = [...repo.signatories.values()].reduce((n, list) => n + list.length, 0);
const checked = only === undefined ? `${repo.letters.length} ${repo.letters.length === 1 ? "letter" : "letters"} and ${signatories} ${signatories === 1 ? "signatory" : "signatories"}` : `${only.length} ${only.length === 1 ? "file" : "files"}`;
const outcome =
  errors > 0
    ? `${errors} ${errors === 1 ? "error" : "errors"}${warnings ? `, ${warnings} ${warnings === 1 ? "warning" : "warnings"}` : ""}.`
    : `Checked ${checked}: no errors${warnings ? `, ${warnings} ${warnings === 1 ? "warning" : "warnings"}` : ""}.`;
const located = problems.filter((p) => p.line !== undefined).length;
const names = located === problems.length ? "the file, line and column" : located === 0 ? "the file" : "the file (and the line and column where it has them)";
const explain = (where: string) => (errors > 0 ? `${outcome} Each line ${where} names ${names}, what is wrong and how to fix it.` : outcome);
console.error(errors > 0 ? `\n${explain("above")}` : outcome);
if (values.summary !== undefined) await appendFile(values.summary, validationSummary(problems, explain("below")));
if (errors > 0) process.exitCode = 1;

/**
 * The full path of a file named on the command line. npm runs every script from the package's
 * folder and says in INIT_CWD where the command was typed, so a name given from inside
 * signatories/<letter>/ is looked for there first.
 */
function fromWhereStarted(file: string): string {
  const started = process.env.INIT_CWD;
  return started !== undefined && !isAbsolute(file) && existsSync(resolve(started, file)) ? resolve(started, file) : resolve(file);
}

/** The signatory files added since `base`, or an exit with what is wrong. */
async function addedSignatories(from: string, base: string): Promise<string[]> {
  try {
    return (await changedPaths(from, base, "HEAD")).filter((c) => c.status === "A" && c.path.startsWith(`${SIGNATORIES_DIR}/`)).map((c) => c.path);
  } catch (error) {
    if (!(error instanceof GitError)) throw error;
    console.error(`validate --new-since: ${error.message}`);
    process.exit(2);
  }
}
