import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { problemAt, type YamlSource } from "./check-fields.ts";
import { changedPaths, exportPaths, GIT_MODE, type Change } from "./git.ts";
import { signatoriesAt } from "./git-signatories.ts";
import { MAX_SIGNATORY_BYTES } from "./limits.ts";
import { LETTERS_DIR, loadRepository, SIGNATORIES_DIR } from "./load-repository.ts";
import { urlKey } from "./normalise.ts";
import { formatProblem, problem, sortProblems } from "./problem.ts";
import { readTextFileSync } from "./read-text.ts";
import { rules, type RuleContext } from "./rules/index.ts";
import { TEMPLATE_AFFILIATION, TEMPLATE_FILE_SLUG, TEMPLATE_NAME, TEMPLATE_URL } from "./sign-links.ts";
import { isOpenOn } from "./letter-life.ts";
import type { Problem, Repository, Signatory, SignatoryFields, Verification } from "./types.ts";
import { checkSignatoryText } from "./validate-signatory.ts";

/** The label a maintainer puts on a pull request to lift the one-signature limit. */
export const MAINTENANCE_LABEL = "maintenance";

/** GitHub's author associations that mean "may write to this repository". */
export const MAINTAINER_ASSOCIATIONS: readonly string[] = ["OWNER", "MEMBER", "COLLABORATOR"];

/**
 * The account the repository's own workflows act as. Its signature pull requests come only from the
 * issue-to-pr workflow, which has already matched `github:` against the issue's author.
 */
export const WORKFLOW_BOT = "github-actions[bot]";

/** Who opened a pull request and how it is labelled, as the workflow passes it in. */
export interface PullRequestInfo {
  author?: string;
  /** GitHub's `author_association` of the pull request. */
  association?: string;
  labels: readonly string[];
}

/**
 * Whether a pull request may change anything: it comes from someone with write access, or a
 * maintainer labelled it for maintenance (only people with triage rights can add labels).
 * @example isUnlimited({ association: "OWNER", labels: [] }) // true
 */
export function isUnlimited(pr: PullRequestInfo): boolean {
  return MAINTAINER_ASSOCIATIONS.includes(pr.association ?? "") || pr.labels.includes(MAINTENANCE_LABEL);
}

/** The two sides of a pull request, loaded: the repository before and after, and where "after" is on disk. */
export interface PullRequestSides {
  base: Repository;
  head: Repository;
  /** Folder holding the head's `signatories/` and `content/letters/`. */
  headRoot: string;
  /** YYYY-MM-DD, for closing dates. */
  today: string;
}

/**
 * Runs the scope check on git: what `head` changes since it split from `base`, judged against the
 * letters and signatories of both commits (read from git, not from the working tree).
 * @throws {GitError} when a revision is unknown or git fails.
 * @example await checkPullRequestInGit(".", "origin/main", "HEAD", { author: "octocat", labels: [] }, "2026-05-01")
 */
export async function checkPullRequestInGit(root: string, base: string, head: string, pr: PullRequestInfo, today: string): Promise<{ changes: Change[]; problems: Problem[] }> {
  const changes = await changedPaths(root, base, head);
  if (isUnlimited(pr)) return { changes, problems: [] };
  // A PR that only touches signature files is judged against its own letters: every rule compares a
  // signatory with its letter's others only, so the other letters' thousands of files are not read.
  // The head is the base plus the changed files: only they are taken from it, and signatureProblems
  // compares them with the base's other signatories, read straight from git (git-signatories.ts).
  const signatureFiles = changes.map((c) => c.path).filter((path) => SIGNATURE_FILE.test(path));
  const scoped = signatureFiles.length > 0 && signatureFiles.length === changes.length;
  const folders = [...new Set(signatureFiles.map((path) => path.split("/").slice(0, 2).join("/")))];
  const [baseRoot, headRoot] = await Promise.all([mkdtemp(join(tmpdir(), "undersigned-base-")), mkdtemp(join(tmpdir(), "undersigned-head-"))]);
  try {
    const [basePaths, headPaths] = scoped ? [[LETTERS_DIR], [LETTERS_DIR, ...signatureFiles]] : [[LETTERS_DIR, SIGNATORIES_DIR], [LETTERS_DIR, SIGNATORIES_DIR]];
    const options = scoped ? { only: signatureFiles } : {};
    const load = async (rev: string, paths: readonly string[], into: string) => {
      await exportPaths(root, rev, paths, into);
      return loadRepository(into, options);
    };
    const [baseSignatories, baseRepo, headRepo] = await Promise.all([scoped ? signatoriesAt(root, base, folders) : undefined, load(base, basePaths, baseRoot), load(head, headPaths, headRoot)]);
    const baseSide = baseSignatories === undefined ? baseRepo : { ...baseRepo, signatories: baseSignatories };
    return { changes, problems: await checkPullRequest(changes, { base: baseSide, head: headRepo, headRoot, today }, pr) };
  } finally {
    await Promise.all([rm(baseRoot, { recursive: true, force: true }), rm(headRoot, { recursive: true, force: true })]);
  }
}

const SIGNATURE_FILE = /^signatories\/[^/]+\/[^/]+$/;
const OUTSIDE = `a signature pull request may only add one file in ${SIGNATORIES_DIR}/<letter>/`;
const MAINTAINER_HINT = `undo this change, or ask a maintainer to label the pull request "${MAINTENANCE_LABEL}"`;

/**
 * The scope check of a pull request from someone without write access: it adds exactly one regular
 * file `signatories/<open letter>/<name>.yaml` under the size cap and touches nothing else; or it
 * deletes or corrects one signature whose `github:` names the pull request's author. The changed
 * file must also pass the validator, duplicates included (problems named with the existing file).
 * @example await checkPullRequest(changes, sides, { author: "octocat", labels: [] })
 */
export async function checkPullRequest(changes: readonly Change[], sides: PullRequestSides, pr: PullRequestInfo): Promise<Problem[]> {
  if (isUnlimited(pr)) return [];
  const inside = changes.filter((c) => c.path.split("/")[0] === SIGNATORIES_DIR);
  const example = `${SIGNATORIES_DIR}/${sides.base.letters.length === 1 ? sides.base.letters[0]!.slug : "<letter>"}/acme-foundation.yaml`;
  const problems = changes
    .filter((c) => !inside.includes(c))
    .map((c) =>
      // A lone YAML file added outside any dot-folder is a signature in the wrong place: moved, not undone.
      changes.length === 1 && c.status === "A" && /\.ya?ml$/.test(c.path) && !c.path.split("/").some((part) => part.startsWith("."))
        ? problem("error", c.path, `${OUTSIDE}, and this file is outside it — move it into the letter's folder and name it after the signatory, such as ${example}`)
        : problem("error", c.path, `${OUTSIDE}; this pull request ${inside.length > 0 ? "also " : ""}${verb(c)} this file — ${MAINTAINER_HINT}`),
    );
  if (inside.length > 1) {
    problems.push(...inside.map((c) => problem("error", c.path, `this pull request changes ${inside.length} signature files; a pull request holds exactly one signature — open one pull request per signature`)));
  }
  if (problems.length > 0 || inside.length === 0) return sortProblems(problems);
  return sortProblems(await checkOneSignatureChange(inside[0]!, sides, pr));
}

async function checkOneSignatureChange(change: Change, sides: PullRequestSides, pr: PullRequestInfo): Promise<Problem[]> {
  const { path } = change;
  if (change.newMode === GIT_MODE.symlink || change.oldMode === GIT_MODE.symlink) {
    return [problem("error", path, "is a symbolic link; a signature must be a regular file — delete the link and create the file with the signature itself")];
  }
  if (change.newMode === GIT_MODE.submodule || change.oldMode === GIT_MODE.submodule) {
    return [problem("error", path, "is a submodule; a signature must be a regular file — remove the submodule and create a file")];
  }
  if (change.status === "T" || (change.status === "M" && change.oldMode !== change.newMode)) {
    return [problem("error", path, `changes the file mode from ${change.oldMode} to ${change.newMode}; a signature pull request must not change modes — set it back with git update-index --chmod=-x ${path}`)];
  }
  if (change.newMode === GIT_MODE.executable) {
    return [problem("error", path, `is marked executable (mode ${GIT_MODE.executable}); a signature must be a plain file — run git update-index --chmod=-x ${path}`)];
  }
  if (path.split("/").length === 3 && path.endsWith(".yml")) {
    return [problem("error", path, `a signature file's name ends in .yaml, not .yml — rename it to ${path.split("/")[2]!.slice(0, -".yml".length)}.yaml`)];
  }
  if (path.split("/").length !== 3 || !path.endsWith(".yaml")) {
    return [problem("error", path, `${OUTSIDE}, named <name>.yaml directly inside the letter's folder, such as ${SIGNATORIES_DIR}/itu-pp14-openness/acme-foundation.yaml — move the file there`)];
  }
  if (change.size !== undefined && change.size > MAX_SIGNATORY_BYTES) {
    return [problem("error", path, `is ${change.size} bytes; a signature file is at most ${MAX_SIGNATORY_BYTES} bytes — keep only the signature's fields`)];
  }
  const owner = (s: Signatory | undefined) => s?.github !== undefined && pr.author !== undefined && s.github.toLowerCase() === pr.author.toLowerCase();
  if (change.status === "D") {
    if (owner(findSignatory(sides.base, path))) {
      // The letter's count of withdrawals is a maintainer's edit: this pull request may not touch the letter.
      const letter = sides.base.letters.find((l) => l.slug === path.split("/")[1]);
      return [problem("warning", path, `withdraws this signature; when merging, a maintainer also records it in ${letter?.file ?? "the letter"}, under withdrawals: (a date and a count, never the name), so that the letter's count stays right`)];
    }
    return [problem("error", path, `deletes a signature, which only the GitHub account named in its "github" field can do by pull request; ask for a withdrawal with the "Withdraw a signature" issue form instead, and a maintainer will handle it`)];
  }
  if (change.status === "M" && !owner(findSignatory(sides.base, path))) {
    return [problem("error", path, `changes an existing signature, which only the GitHub account named in its "github" field can do by pull request; to correct a signature, open an issue and a maintainer will handle it`)];
  }
  return signatureProblems(path, sides, { author: pr.author });
}

/**
 * Every problem of a new or changed signature file: the validator's own (read from the head), the
 * cross-file rules run again with this file placed after every existing signature (so a duplicate is
 * always reported on the newcomer, naming the existing file), a closed letter, the web editor's
 * template left unchanged, a `github:` naming an account other than the one proposing it, and a
 * `verified:` that a maintainer did not give, or that its owner keeps while changing who signed. These
 * last three are judged even in a file that fails the schema, so that one run shows every problem.
 * Shared by `check-pr` and `issue-to-signatory`, so both say the same.
 * @example await signatureProblems("signatories/x/acme.yaml", sides, { author: "octocat" })
 */
export async function signatureProblems(file: string, sides: PullRequestSides, options: { author?: string | undefined }): Promise<Problem[]> {
  const problems = sides.head.problems.filter((p) => p.file === file);
  const [, letterSlug, name] = file.split("/");
  if (name === `${TEMPLATE_FILE_SLUG}.yaml`) {
    problems.push(problem("error", file, `the file still has the example name ${TEMPLATE_FILE_SLUG}.yaml; rename it after yourself or your organisation, such as acme-foundation.yaml`));
  }
  const text = readIfPossible(join(sides.headRoot, file));
  const checked = text === undefined ? undefined : checkSignatoryText(file, text);
  const signatory = checked?.signatory;
  const letter = sides.base.letters.find((l) => l.slug === letterSlug);
  // A signature dated after `closes` is already reported by the signed-before-closing rule.
  const reportedByRule = letter?.closes !== undefined && signatory !== undefined && signatory.signed > letter.closes;
  if (letter !== undefined && !isOpenOn(letter, sides.today) && !reportedByRule) {
    problems.push(problem("error", file, `the letter "${letter.slug}" is closed${letter.closes === undefined ? "" : ` since ${letter.closes}`}; signatures are no longer accepted, so this file cannot be added`));
  }
  if (text !== undefined && checked !== undefined) {
    const source = { file, text, lineOffset: 0 };
    if (signatory !== undefined) problems.push(...crossFileProblems(signatory, text, sides.base));
    // The cross-file rules compare whole signatories; the field checks need only the fields YAML read.
    const fields = signatory ?? checked.fields;
    if (fields !== undefined) problems.push(...fieldProblems(source, fields, checked.problems, findSignatory(sides.base, file), options.author));
  }
  const seen = new Set<string>();
  return sortProblems(problems).filter((p) => {
    const key = formatProblem(p);
    return !seen.has(key) && Boolean(seen.add(key));
  });
}

/** A signature file's fields as YAML reads them, whether or not the schema accepts them. */
type RawFields = Partial<Record<keyof SignatoryFields, unknown>>;

// The example values, `github:` and `verified:`, on fields that may still fail the schema. A value the
// validator already reported on its line is left to that message: it says how to write what is there,
// and judging the value as well could only contradict it (a login written "@octocat" by octocat, the
// example affiliation on an organisation). `verified:` is judged whatever its contents: deleting it is
// the fix either way.
function fieldProblems(source: YamlSource, fields: RawFields, reported: readonly Problem[], before: Signatory | undefined, author: string | undefined): Problem[] {
  const reportedLines = new Set(reported.map((p) => p.line));
  const valueProblems: Problem[] = [];
  if (fields.name === TEMPLATE_NAME) valueProblems.push(problemAt(source, ["name"], "value", `"name" is still the example; write your organisation's name or your full name`));
  if (typeof fields.url === "string" && urlKey(fields.url) === urlKey(TEMPLATE_URL)) valueProblems.push(problemAt(source, ["url"], "value", `"url" is still the example; write your own website, or delete the url line`));
  if (fields.affiliation === TEMPLATE_AFFILIATION) valueProblems.push(problemAt(source, ["affiliation"], "value", `"affiliation" is still the example; write the organisation you work for, or delete the affiliation line`));
  if (typeof fields.github === "string" && author !== undefined && author !== WORKFLOW_BOT && fields.github.toLowerCase() !== author.toLowerCase()) {
    valueProblems.push(problemAt(source, ["github"], "value", `"github" is ${fields.github}, but this signature is proposed by ${author}; a signature may only name the account that proposes it — delete the github line or propose it from that account`));
  }
  const problems = valueProblems.filter((p) => !reportedLines.has(p.line));
  // A mark of trust the site shows ("✓ verified"): only a maintainer may give it, never the signature itself.
  if (fields.verified !== undefined && !sameVerification(fields.verified, before?.verified)) {
    problems.push(problemAt(source, ["verified"], "key", `"verified" is for maintainers, who add it with npx undersigned verify once they have checked who signed; delete the verified lines`));
  } else if (fields.verified !== undefined && before !== undefined) {
    const changed = IDENTITY_FIELDS.filter((field) => !sameIdentityValue(field, fields[field], before[field]));
    if (changed.length > 0) {
      const list = FIELD_LIST.format(changed.map((field) => `"${field}"`));
      problems.push(problemAt(source, ["verified"], "key", `"verified" was given for this signature's earlier details, and this change alters its ${list}; delete the verified lines so that a maintainer can check the new details and verify them again, or undo those changes`));
    }
  }
  return problems;
}

// What a maintainer's verification vouches for, so what its owner may not change under the mark: who
// signed (name, type); what the site shows beside the name to tell signatories apart (country or
// scope, and affiliation and role "for identification purposes only"; the duplicate rule tells two
// people of one name apart by type, place and affiliation); and what the github and domain methods
// checked (github, url). Only the day of signing says nothing about who signed.
const IDENTITY_FIELDS = ["name", "type", "country", "scope", "url", "affiliation", "role", "github"] as const;
const FIELD_LIST = new Intl.ListFormat("en-GB", { type: "conjunction" });

// GitHub logins ignore letter case, and two links to the same website are the same site (as for duplicates).
function sameIdentityValue(field: (typeof IDENTITY_FIELDS)[number], now: unknown, before: string | undefined): boolean {
  if (typeof now !== "string" || before === undefined) return now === before;
  if (field === "github") return now.toLowerCase() === before.toLowerCase();
  if (field === "url") return urlKey(now) === urlKey(before);
  return now === before;
}

// The repository's own cross-file rules, the newcomer taken as the second of any duplicate.
function crossFileProblems(newcomer: Signatory, text: string, base: Repository): Problem[] {
  const signatories = new Map(base.signatories);
  signatories.set(newcomer.letter, [...(base.signatories.get(newcomer.letter) ?? []).filter((s) => s.file !== newcomer.file), newcomer]);
  const context: RuleContext = {
    letters: new Map(base.letters.map((l) => [l.slug, l])),
    signatories,
    at: (s, path, message, severity) => problemAt({ file: s.file, text: s.file === newcomer.file ? text : "", lineOffset: 0 }, path, "value", message, severity),
    newcomers: new Set([newcomer.file]),
  };
  return rules.flatMap((rule) => rule(context)).filter((p) => p.file === newcomer.file);
}

// Unreadable files (a link, bad UTF-8, too large) are already reported by the loader.
function readIfPossible(path: string): string | undefined {
  try {
    return readTextFileSync(path, MAX_SIGNATORY_BYTES);
  } catch {
    return undefined;
  }
}

function sameVerification(a: unknown, b: Verification | undefined): boolean {
  if (b === undefined || a === null || typeof a !== "object") return false;
  const given = a as Partial<Record<keyof Verification, unknown>>;
  return given.method === b.method && given.by === b.by && given.date === b.date;
}

function findSignatory(repo: Repository, file: string): Signatory | undefined {
  return repo.signatories.get(file.split("/")[1] ?? "")?.find((s) => s.file === file);
}

function verb(change: Change): string {
  return { A: "adds", M: "changes", D: "deletes", T: "changes the type of" }[change.status];
}
