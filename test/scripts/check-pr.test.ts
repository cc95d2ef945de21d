import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import jsYaml from "js-yaml";
import { beforeAll, describe, expect, it } from "vitest";
import { fixtureGitRepo, git, pullRequestBranch } from "../helpers/git-repo.ts";
import { PROJECT_ROOT, runScript, type RunResult } from "../helpers/run.ts";

// The rules themselves are tested in process (test/lib/pr-scope.test.ts); this is the command's wiring.
const A = "signatories/alpha-letter";
let repo: string;

function checkPr(branch: string, env: Record<string, string>, ...args: string[]): Promise<RunResult> {
  const none = { UNDERSIGNED_PR_AUTHOR: "", UNDERSIGNED_PR_ASSOCIATION: "", UNDERSIGNED_PR_LABELS: "" };
  return runScript("check-pr", ["--root", repo, "--base", "main", "--head", branch, ...args], { env: { ...none, ...env } });
}

beforeAll(async () => {
  repo = await fixtureGitRepo("site");
  pullRequestBranch(repo, "good", [{ write: `${A}/new-org.yaml`, text: "name: New Org\ntype: organisation\ncountry: KE\nsigned: 2026-01-10\n" }]);
  pullRequestBranch(repo, "letter-edit", [{ write: "content/letters/alpha-letter/index.md", text: "---\ntitle: Changed\n---\n" }]);
});

describe("npm run check-pr", () => {
  it("passes one good signature and says so", async () => {
    const run = await checkPr("good", { UNDERSIGNED_PR_AUTHOR: "octocat", UNDERSIGNED_PR_ASSOCIATION: "NONE" });
    expect(run).toMatchObject({ code: 0, stdout: "" });
    expect(run.stderr).toContain(`Scope check passed: ${A}/new-org.yaml.`);
  });

  it("fails an edit to a letter, as a GitHub annotation with --format github", async () => {
    const run = await checkPr("letter-edit", { UNDERSIGNED_PR_AUTHOR: "octocat", UNDERSIGNED_PR_ASSOCIATION: "NONE", UNDERSIGNED_PR_LABELS: '["documentation"]' }, "--format", "github");
    expect(run.code).toBe(1);
    expect(run.stdout).toBe(
      '::error file=content/letters/alpha-letter/index.md::a signature pull request may only add one file in signatories/<letter>/; this pull request changes this file — undo this change, or ask a maintainer to label the pull request "maintenance"\n',
    );
    expect(run.stderr).toContain("Scope check failed: 1 error.");
  });

  it("reads maintainers and the maintenance label from the environment", async () => {
    const [member, labelled] = await Promise.all([
      checkPr("letter-edit", { UNDERSIGNED_PR_AUTHOR: "octocat", UNDERSIGNED_PR_ASSOCIATION: "MEMBER" }),
      checkPr("letter-edit", { UNDERSIGNED_PR_AUTHOR: "stranger", UNDERSIGNED_PR_ASSOCIATION: "NONE", UNDERSIGNED_PR_LABELS: '["maintenance"]' }),
    ]);
    expect(member).toMatchObject({ code: 0, stdout: "" });
    expect(member.stderr).toContain("Scope check: not limited — this pull request is opened by octocat (MEMBER). It changes 1 file.");
    expect(labelled.code).toBe(0);
    expect(labelled.stderr).toContain('Scope check: not limited — this pull request is labelled "maintenance".');
  });

  it("stops with a clear message on an unknown revision or malformed labels", async () => {
    const [unknown, labels] = await Promise.all([checkPr("no-such-branch", {}), checkPr("good", { UNDERSIGNED_PR_LABELS: "maintenance" })]);
    expect(unknown).toMatchObject({ code: 2, stderr: 'check-pr: "no-such-branch" is not a commit in this repository; fetch it first (actions/checkout needs fetch-depth: 0)\n' });
    expect(labels).toMatchObject({ code: 2, stderr: 'Invalid UNDERSIGNED_PR_LABELS: "maintenance". Expected a JSON list of label names, such as ["maintenance"].\n' });
  });

  it("checks a pull request as scope.yml does: its commits fetched from their own checkout into the base's repository", async () => {
    const workflow = jsYaml.load(readFileSync(join(PROJECT_ROOT, ".github", "workflows", "scope.yml"), "utf8")) as { jobs: { scope: { steps: Array<{ run?: string }> } } };
    const [fetch, , check] = workflow.jobs.scope.steps.filter((step) => step.run !== undefined).map((step) => step.run!);
    const base = await fixtureGitRepo("site");
    pullRequestBranch(base, "letter-edit", [{ write: "content/letters/alpha-letter/index.md", text: "---\ntitle: Changed\n---\n" }]);
    git(base, "clone", "--quiet", "--branch", "letter-edit", base, join(base, ".pull-request"));
    git(base, "branch", "--quiet", "--delete", "--force", "letter-edit");
    execFileSync("bash", ["-e", "-c", fetch!], { cwd: base });
    expect(existsSync(join(base, ".pull-request"))).toBe(false);

    const args = check!.split(" -- ")[1]!.split(" ").map((arg) => (arg === '"$BASE_SHA"' ? "main" : arg));
    const run = await runScript("check-pr", ["--root", base, ...args], { env: { UNDERSIGNED_PR_AUTHOR: "octocat", UNDERSIGNED_PR_ASSOCIATION: "NONE", UNDERSIGNED_PR_LABELS: "[]" } });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("::error file=content/letters/alpha-letter/index.md::a signature pull request may only add one file in signatories/<letter>/");
  });
});
