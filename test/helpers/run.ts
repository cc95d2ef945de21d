import { execFile } from "node:child_process";
import { cp, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** The project's root folder. */
export const PROJECT_ROOT = fileURLToPath(new URL("../../", import.meta.url));

/** Path of a fixture under test/fixtures/. */
export function fixture(...parts: string[]): string {
  return join(PROJECT_ROOT, "test", "fixtures", ...parts);
}

/** What a finished command printed and how it exited. */
export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs one of the project's TypeScript commands (`scripts/<name>.ts`) in a child process, as npm would: through scripts/run.js. */
export function runScript(name: string, args: readonly string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<RunResult> {
  return runNode([join(PROJECT_ROOT, "scripts", "run.js"), join(PROJECT_ROOT, "scripts", `${name}.ts`), ...args], options);
}

/** Runs Node with `args` in a child process (in the project's folder unless `cwd` says otherwise). */
export function runNode(args: readonly string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<RunResult> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      args,
      { cwd: options.cwd ?? PROJECT_ROOT, env: { ...process.env, ...options.env }, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

// The temporary folders made by this test file's tests, removed once they have all run (test/helpers/cleanup.ts).
const made = new Set<string>();

/** Copies a fixture repository into a new temporary folder, so a test can change it freely. */
export async function copyFixtureRepo(name: string): Promise<string> {
  const dir = await tempDir(`undersigned-${name}-`);
  await cp(fixture("repos", name), dir, { recursive: true, verbatimSymlinks: true });
  return dir;
}

/** A new empty temporary folder, removed with everything in it once the test file's tests have run. */
export async function tempDir(prefix = "undersigned-"): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  made.add(dir);
  return dir;
}

/**
 * Removes the folders made by {@link tempDir} and {@link copyFixtureRepo}: each `npm test` made about
 * 120 of them, some 100 MB of built sites and repositories, and left them behind.
 */
export async function removeTempDirs(): Promise<void> {
  await Promise.all([...made].map((dir) => rm(dir, { recursive: true, force: true })));
  made.clear();
}
