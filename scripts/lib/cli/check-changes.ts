import { problemAt } from "../check-fields.ts";
import { groupByLetter } from "../load-repository.ts";
import { formatProblem, problem } from "../problem.ts";
import { rules, type RuleContext } from "../rules/index.ts";
import type { Letter, Problem, Repository, Signatory } from "../types.ts";
import { CliError } from "./cli-error.ts";

/** A proposed state: signatories added (with their file text), removed, or letters replaced. */
export interface ProposedChanges {
  added?: readonly { signatory: Signatory; text: string }[];
  removed?: readonly string[];
  letters?: readonly Letter[];
}

/**
 * Runs every cross-file rule of the validator (duplicates, closing dates, letters) on the
 * repository as it would be after the changes, and returns only the problems the changes cause.
 * The same rules run in the build and on pull requests, so what passes here passes there.
 * @example newRuleProblems(repo, { added: [{ signatory, text }] }) // []
 */
export function newRuleProblems(repo: Repository, changes: ProposedChanges): Problem[] {
  const before = runRules(repo.letters, [...repo.signatories.values()].flat(), new Map());
  const removed = new Set(changes.removed ?? []);
  const texts = new Map((changes.added ?? []).map((a) => [a.signatory.file, a.text]));
  const replaced = new Map((changes.letters ?? []).map((l) => [l.slug, l]));
  const letters = repo.letters.map((l) => replaced.get(l.slug) ?? l);
  const signatories = [...[...repo.signatories.values()].flat().filter((s) => !removed.has(s.file)), ...(changes.added ?? []).map((a) => a.signatory)];
  const seen = new Set(before.map((p) => formatProblem(p)));
  return runRules(letters, signatories, texts).filter((p) => !seen.has(formatProblem(p)));
}

/**
 * Like {@link newRuleProblems}, but stops the command when the changes cause an error.
 * @throws {CliError} with the validator's messages.
 * @returns the warnings the changes cause.
 */
export function assertNoNewRuleErrors(repo: Repository, changes: ProposedChanges, what: string): Problem[] {
  const problems = newRuleProblems(repo, changes);
  const errors = problems.filter((p) => p.severity === "error");
  if (errors.length > 0) throw new CliError("invalid", `${what} would not pass validation, so nothing was changed:`, errors.map((p) => formatProblem(p)));
  return problems;
}

function runRules(letterList: readonly Letter[], signatories: readonly Signatory[], texts: ReadonlyMap<string, string>): Problem[] {
  const context: RuleContext = {
    letters: new Map(letterList.map((l) => [l.slug, l])),
    signatories: groupByLetter(signatories),
    at: (s, path, message, severity = "error") => {
      const text = texts.get(s.file);
      return text === undefined ? problem(severity, s.file, message) : problemAt({ file: s.file, text, lineOffset: 0 }, path, "value", message, severity);
    },
  };
  return rules.flatMap((rule) => rule(context));
}
