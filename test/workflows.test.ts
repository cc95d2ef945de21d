import { execFile } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import jsYaml from "js-yaml";
import { describe, expect, it } from "vitest";
import { isUnlimited } from "../scripts/lib/pr-scope.ts";
import { readSchema } from "../scripts/lib/schemas.ts";
import { PROJECT_ROOT, tempDir } from "./helpers/run.ts";

/** The commit of each action release, read from the actions' own repositories; a pin elsewhere is a typo or a swap. */
const PINS: Record<string, { sha: string; version: string }> = {
  "actions/checkout": { sha: "3d3c42e5aac5ba805825da76410c181273ba90b1", version: "v7.0.1" },
  "actions/setup-node": { sha: "820762786026740c76f36085b0efc47a31fe5020", version: "v7.0.0" },
  "actions/configure-pages": { sha: "983d7736d9b0ae728b81ab479565c72886d7745b", version: "v5.0.0" },
  "actions/upload-pages-artifact": { sha: "fc324d3547104276b827a68afc52ff2a11cc49c9", version: "v5.0.0" },
  "actions/deploy-pages": { sha: "cd2ce8fcbc39b97be8ca5fce6e763baed58fa128", version: "v5.0.0" },
};

interface Step {
  name?: string;
  uses?: string;
  "working-directory"?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
  if?: string;
}
interface Job {
  permissions?: Record<string, string>;
  environment?: { name: string };
  container?: string;
  steps: Step[];
}
interface Workflow {
  on: Record<string, any>;
  permissions?: Record<string, string>;
  concurrency?: { group: string };
  jobs: Record<string, Job>;
}

const DIR = join(PROJECT_ROOT, ".github", "workflows");
const names = readdirSync(DIR).filter((f) => f.endsWith(".yml")).sort();
const text = (name: string) => readFileSync(join(DIR, name), "utf8");
const workflow = (name: string) => jsYaml.load(text(name)) as Workflow;
const steps = (name: string) => Object.values(workflow(name).jobs).flatMap((job) => job.steps);

function actionlint(cwd: string, pattern: string): Promise<{ code: number; output: string }> {
  const bin = join(PROJECT_ROOT, "node_modules", "@tktco", "node-actionlint", "bin", "node-actionlint.js");
  return new Promise((resolve) => {
    execFile(process.execPath, [bin, pattern], { cwd }, (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, output: stdout + stderr }));
  });
}

describe("every workflow", () => {
  it("exists: validate, scope, deploy and issue-to-pr", () => {
    expect(names).toEqual(["deploy.yml", "issue-to-pr.yml", "scope.yml", "validate.yml"]);
  });

  it.each(names)("%s pins every action to its release commit, with the version in a comment", (name) => {
    const uses = text(name).split("\n").filter((line) => /^\s*(?:-\s+)?uses:/.test(line));
    expect(uses.length).toBeGreaterThan(0);
    for (const line of uses) {
      const match = /uses: ([\w.-]+\/[\w.-]+)@([0-9a-f]{40}) # (v\d+\.\d+\.\d+)$/.exec(line);
      expect(match, line).not.toBeNull();
      expect({ sha: match![2], version: match![3] }, line).toEqual(PINS[match![1]!]);
    }
  });

  it.each(names)("%s puts no expression inside a run: script (event text reaches scripts only through env:)", (name) => {
    for (const step of steps(name).filter((s) => s.run !== undefined)) expect(step.run).not.toContain("${{");
  });

  it.each(names)("%s sets permissions explicitly and never checks out with a stored token; only scope.yml uses pull_request_target, and only it checks out another commit", (name) => {
    const w = workflow(name);
    expect(w.permissions).toBeDefined();
    expect(text(name)).not.toMatch(/write-all/);
    if (name !== "scope.yml") expect(text(name)).not.toMatch(/pull_request_target/);
    const checkouts = steps(name).filter((s) => s.uses?.startsWith("actions/checkout@"));
    for (const step of checkouts) expect(step.with?.["persist-credentials"]).toBe(false);
    const refs = checkouts.map((s) => s.with?.ref).filter((ref) => ref !== undefined);
    expect(refs).toEqual(name === "scope.yml" ? ["refs/pull/${{ github.event.pull_request.number }}/head"] : []);
  });

  it("pass actionlint", async () => {
    const { code, output } = await actionlint(PROJECT_ROOT, ".github/workflows/*.yml");
    expect(output).toContain("✓ All workflow files passed lint checks");
    expect(code).toBe(0);
  });

  it("are checked by an actionlint that does catch an injected event value", async () => {
    const dir = await tempDir("undersigned-actionlint-");
    await mkdir(join(dir, ".github", "workflows"), { recursive: true });
    const bad = "on: issues\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ github.event.issue.title }}\n";
    await writeFile(join(dir, ".github", "workflows", "bad.yml"), bad);
    const { code, output } = await actionlint(dir, ".github/workflows/*.yml");
    expect(code).toBe(1);
    expect(output).toContain('"github.event.issue.title" is potentially untrusted');
  });
});

describe("validate.yml", () => {
  const w = workflow("validate.yml");
  const all = steps("validate.yml");
  const running = (fragment: string) => all.find((s) => s.run?.includes(fragment));

  it("runs on every pull request and push to main, with a read-only token and no secrets", () => {
    expect(w.on).toEqual({ pull_request: null, push: { branches: ["main"] } });
    expect(w.permissions).toEqual({ contents: "read" });
    for (const job of Object.values(w.jobs)) expect(job.permissions).toBeUndefined();
    expect(text("validate.yml")).not.toMatch(/secrets\.|github\.token/);
  });

  it("installs without install scripts, validates with annotations and a job summary, builds and tests; the scope check is scope.yml's", () => {
    const installs = all.filter((s) => s.run?.startsWith("npm ci"));
    expect(installs.length).toBe(2);
    for (const s of installs) expect(s.run).toContain("--ignore-scripts");
    expect(running("npm run --silent validate")?.run).toBe('npm run --silent validate -- --format github --summary "$GITHUB_STEP_SUMMARY" ${BASE_SHA:+--new-since "$BASE_SHA"}');
    expect(running("npm run --silent validate")?.env).toEqual({ BASE_SHA: "${{ github.event.pull_request.base.sha }}" });
    expect(w.jobs.content!.steps[0]!.with?.["fetch-depth"]).toBe(0);
    expect(running("npm run build")).toBeDefined();
    expect(running("npm test")).toBeDefined();
    expect(running("check-pr")).toBeUndefined();
  });
});

describe("scope.yml", () => {
  const w = workflow("scope.yml");
  const job = w.jobs.scope!;

  // A pull request cannot switch this check off: the workflow and the code that run are the base branch's.
  it("runs the base branch's workflow on every pull request, again when labels change, one run per pull request, with a read-only token and no secrets", () => {
    expect(w.on).toEqual({ pull_request_target: { types: ["opened", "synchronize", "reopened", "labeled", "unlabeled"] } });
    expect(w.permissions).toEqual({ contents: "read" });
    expect(job.permissions).toBeUndefined();
    expect(w.concurrency).toEqual({ group: "scope-${{ github.event.pull_request.number }}", "cancel-in-progress": true });
    expect(text("scope.yml")).not.toMatch(/secrets\.|github\.token/);
  });

  it("runs only the base's code: the pull request's commits are fetched as data and their checkout removed before anything is installed", () => {
    expect(job.steps.map((s) => s.uses?.split("@")[0] ?? s.run?.split("\n")[0])).toEqual([
      "actions/checkout",
      "actions/checkout",
      "git fetch --quiet --no-tags .pull-request +HEAD:refs/undersigned/pull-request",
      "actions/setup-node",
      "npm ci --ignore-scripts --no-audit --no-fund",
      'npm run --silent check-pr -- --base "$BASE_SHA" --head refs/undersigned/pull-request --format github',
    ]);
    const [base, pullRequest, fetch] = job.steps;
    expect(base!.with).toEqual({ "fetch-depth": 0, "persist-credentials": false });
    expect(pullRequest!.with).toEqual({ ref: "refs/pull/${{ github.event.pull_request.number }}/head", path: ".pull-request", "fetch-depth": 0, "persist-credentials": false });
    expect(fetch!.run).toBe("git fetch --quiet --no-tags .pull-request +HEAD:refs/undersigned/pull-request\nrm -rf .pull-request\n");
    for (const step of job.steps.slice(3)) {
      expect(JSON.stringify(step)).not.toContain(".pull-request");
      expect(step["working-directory"]).toBeUndefined();
    }
  });

  it("passes the pull request's base, author, association and labels to check-pr through env:", () => {
    expect(job.steps.at(-1)!.env).toEqual({
      BASE_SHA: "${{ github.event.pull_request.base.sha }}",
      UNDERSIGNED_PR_AUTHOR: "${{ github.event.pull_request.user.login }}",
      UNDERSIGNED_PR_ASSOCIATION: "${{ github.event.pull_request.author_association }}",
      UNDERSIGNED_PR_LABELS: "${{ toJSON(github.event.pull_request.labels.*.name) }}",
    });
  });
});

describe("deploy.yml", () => {
  const w = workflow("deploy.yml");

  it("deploys from main and by hand, one run at a time", () => {
    expect(w.on.push).toEqual({ branches: ["main"] });
    expect(w.on).toHaveProperty("workflow_dispatch");
    expect(w.concurrency).toEqual({ group: "pages", "cancel-in-progress": false });
    expect(w.permissions).toEqual({ contents: "read" });
  });

  it("gives only the deploy job the Pages permissions, in the github-pages environment", () => {
    expect(w.jobs.deploy!.permissions).toEqual({ pages: "write", "id-token": "write" });
    expect(w.jobs.deploy!.environment!.name).toBe("github-pages");
    expect(w.jobs.build!.permissions).toBeUndefined();
    expect(w.jobs.deploy!.steps.map((s) => s.uses?.split("@")[0])).toEqual(["actions/deploy-pages"]);
    expect(w.jobs.build!.steps.some((s) => s.uses?.startsWith("actions/upload-pages-artifact@") && s.with?.path === "_site")).toBe(true);
  });

  it("builds under a path prefix taken from the repository name", () => {
    const build = w.jobs.build!.steps.find((s) => s.run?.includes("npm run build"))!;
    expect(build.env).toEqual({ REPOSITORY_NAME: "${{ github.event.repository.name }}" });
    expect(build.run).toContain('prefix="/$REPOSITORY_NAME/"');
    expect(build.run).toContain('npm run build -- --pathprefix="$prefix"');
  });
});

describe("issue-to-pr.yml", () => {
  const w = workflow("issue-to-pr.yml");
  const job = w.jobs.sign!;

  it("runs on sign issues only, with no default permissions and only what it needs on its job", () => {
    expect(w.on).toEqual({ issues: { types: ["opened", "edited"] } });
    expect(w.permissions).toEqual({});
    expect(job.permissions).toEqual({ contents: "write", "pull-requests": "write", issues: "write" });
    expect((job as Job & { if: string }).if).toBe("contains(github.event.issue.labels.*.name, 'signature') && github.event.issue.state == 'open'");
  });

  it("reads the issue's text only through env:, and gives the token only to steps that run git and gh, never npm", () => {
    const convert = job.steps.find((s) => s.run?.includes("issue-to-signatory"))!;
    expect(convert.env).toEqual({ ISSUE_BODY: "${{ github.event.issue.body }}", ISSUE_AUTHOR: "${{ github.event.issue.user.login }}" });
    for (const step of job.steps) {
      const hasToken = JSON.stringify(step.env ?? {}).includes("github.token");
      if (step.run?.includes("npm")) expect(hasToken, step.run).toBe(false);
      if (step.run?.includes("gh ")) expect(hasToken, step.run).toBe(true);
    }
  });
});

describe("issue-to-pr.yml, on an edited issue", () => {
  it("updates the open pull request's title and text to the file made from the edited answers", () => {
    const open = workflow("issue-to-pr.yml").jobs.sign!.steps.find((s) => s.run?.includes("gh pr create"))!.run!;
    expect(open).toContain('gh pr create --base "$DEFAULT_BRANCH" --head "$branch" --title "Signature: $file" --body-file "$RUNNER_TEMP/pr.md"');
    expect(open).toContain('gh pr edit "$url" --title "Signature: $file" --body-file "$RUNNER_TEMP/pr.md"');
  });
});

describe("the issue forms and repository files", () => {
  const form = (name: string) => jsYaml.load(readFileSync(join(PROJECT_ROOT, ".github", "ISSUE_TEMPLATE", name), "utf8")) as { labels: string[]; body: Array<{ type: string; id?: string; attributes: { options?: unknown[] }; validations?: { required: boolean } }> };

  it("the sign form asks what issue-to-signatory reads, offers the schema's types and requires consent", () => {
    const sign = form("sign.yml");
    expect(sign.labels).toEqual(["signature"]);
    expect(sign.body.filter((b) => b.id).map((b) => b.id)).toEqual(["letter", "name", "type", "place", "url", "affiliation", "role", "consent"]);
    expect(sign.body.find((b) => b.id === "type")!.attributes.options).toEqual(readSchema("signatory").properties.type.enum);
    expect(sign.body.find((b) => b.id === "consent")!.attributes.options).toEqual([expect.objectContaining({ required: true })]);
  });

  it("the withdrawal form requires its confirmation", () => {
    const withdraw = form("withdraw.yml");
    expect(withdraw.labels).toEqual(["withdrawal"]);
    expect(withdraw.body.find((b) => b.id === "confirm")!.attributes.options).toEqual([expect.objectContaining({ required: true })]);
  });

  it("Dependabot watches the actions and npm, each update labelled so that the scope check lets it through", () => {
    const config = jsYaml.load(readFileSync(join(PROJECT_ROOT, ".github", "dependabot.yml"), "utf8")) as { updates: Array<{ "package-ecosystem": string; labels?: string[] }> };
    expect(config.updates.map((u) => u["package-ecosystem"]).sort()).toEqual(["github-actions", "npm"]);
    for (const update of config.updates) expect(isUnlimited({ author: "dependabot[bot]", association: "NONE", labels: update.labels ?? [] })).toBe(true);
  });
});
