// `npm run validate`: checks letters and signatories and prints every problem, one per line.
// Usage: npm run validate -- [files…] [--format text|github] [--root <content repo>]
import { parseArgs } from "node:util";
import { relative, resolve } from "node:path";
import { checkInterfaceStrings } from "./lib/check-strings.ts";
import { loadRepository } from "./lib/load-repository.ts";
import { formatProblem, sortProblems, type ProblemFormat } from "./lib/problem.ts";
import { loadSettings } from "./lib/settings.ts";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    format: { type: "string", default: "text" },
    root: { type: "string", default: "." },
  },
});

if (values.format !== "text" && values.format !== "github") {
  console.error(`Invalid value for --format: ${values.format}. Expected one of: text, github.`);
  process.exit(2);
}
const format = values.format as ProblemFormat;
const root = resolve(values.root);
const only = positionals.length > 0 ? positionals.map((file) => relative(root, resolve(file)).split("\\").join("/")) : undefined;

const [repo, settings] = await Promise.all([loadRepository(root, only === undefined ? {} : { only }), loadSettings(root)]);
const problems = sortProblems(only === undefined ? [...settings.problems, ...repo.problems, ...checkInterfaceStrings()] : repo.problems);
for (const p of problems) console.log(formatProblem(p, format));

const errors = problems.filter((p) => p.severity === "error").length;
const warnings = problems.length - errors;
const signatories = [...repo.signatories.values()].reduce((n, list) => n + list.length, 0);
const checked = only === undefined ? `${repo.letters.length} ${repo.letters.length === 1 ? "letter" : "letters"} and ${signatories} ${signatories === 1 ? "signatory" : "signatories"}` : `${only.length} ${only.length === 1 ? "file" : "files"}`;
if (errors > 0) {
  console.error(`\n${errors} ${errors === 1 ? "error" : "errors"}${warnings ? `, ${warnings} ${warnings === 1 ? "warning" : "warnings"}` : ""}. Each line above names the file, line and column, what is wrong and how to fix it.`);
  process.exitCode = 1;
} else {
  console.error(`Checked ${checked}: no errors${warnings ? `, ${warnings} ${warnings === 1 ? "warning" : "warnings"}` : ""}.`);
}
