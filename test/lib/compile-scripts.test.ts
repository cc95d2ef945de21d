import { mkdir, readFile, readdir, symlink, writeFile, copyFile, stat } from "node:fs/promises";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { beforeEach, describe, expect, it } from "vitest";
import { PROJECT_ROOT, runNode, tempDir, type RunResult } from "../helpers/run.ts";

// A small project of its own, with the real compile-scripts.js and scripts/run.js: its compiled
// commands go into its own node_modules/.cache, never into this project's.
let project: string;

beforeEach(async () => {
  project = await tempDir("undersigned-compile-");
  await mkdir(join(project, "scripts", "lib"), { recursive: true });
  await mkdir(join(project, "node_modules"));
  await symlink(join(PROJECT_ROOT, "node_modules", "esbuild"), join(project, "node_modules", "esbuild"));
  await copyFile(join(PROJECT_ROOT, "scripts", "lib", "compile-scripts.js"), join(project, "scripts", "lib", "compile-scripts.js"));
  await copyFile(join(PROJECT_ROOT, "scripts", "run.js"), join(project, "scripts", "run.js"));
  await writeFile(join(project, ".eleventy.ts"), "export default function (): void {}\n");
  await writeFile(join(project, "scripts", "lib", "greeting.ts"), 'export const greeting: string = "hello";\n');
  await writeFile(
    join(project, "scripts", "hello.ts"),
    [
      'import { greeting } from "./lib/greeting.ts";',
      'const text = "import.meta.url";',
      "console.log(JSON.stringify({ greeting, args: process.argv.slice(2), script: process.argv[1], url: import.meta.url, text }));",
      "",
    ].join("\n"),
  );
});

function run(...args: string[]): Promise<RunResult> {
  return runNode([join(project, "scripts", "run.js"), ...args], { cwd: project });
}

async function currentBuild(): Promise<string> {
  return (JSON.parse(await readFile(join(project, "node_modules", ".cache", "undersigned", "current.json"), "utf8")) as { dir: string }).dir;
}

describe("compiled commands (scripts/run.js)", () => {
  it("run with their own path and arguments, and their own import.meta.url", async () => {
    const result = await run("scripts/hello.ts", "--name", "Ada", "two words");
    expect(result.stderr).toBe("");
    expect(JSON.parse(result.stdout)).toEqual({
      greeting: "hello",
      args: ["--name", "Ada", "two words"],
      script: join(project, "scripts", "hello.ts"),
      url: pathToFileURL(join(project, "scripts", "hello.ts")).href,
      text: "import.meta.url",
    });
  });

  it("are compiled once, and again when a source they import changes", async () => {
    await run("scripts/hello.ts");
    const first = await currentBuild();
    const made = (await stat(join(project, "node_modules", ".cache", "undersigned", first))).mtimeMs;
    await run("scripts/hello.ts");
    expect(await currentBuild()).toBe(first);
    expect((await stat(join(project, "node_modules", ".cache", "undersigned", first))).mtimeMs).toBe(made);

    await writeFile(join(project, "scripts", "lib", "greeting.ts"), 'export const greeting: string = "bonjour";\n');
    const changed = await run("scripts/hello.ts");
    expect(JSON.parse(changed.stdout).greeting).toBe("bonjour");
    expect(await currentBuild()).not.toBe(first);
  });

  it("include a command added since the last compile", async () => {
    await run("scripts/hello.ts");
    await writeFile(join(project, "scripts", "added.ts"), 'console.log("added");\n');
    expect((await run("scripts/added.ts")).stdout).toBe("added\n");
  });

  it("keep the two newest older builds, and no more", async () => {
    for (const greeting of ["a", "b", "c", "d"]) {
      await writeFile(join(project, "scripts", "lib", "greeting.ts"), `export const greeting: string = "${greeting}";\n`);
      expect(JSON.parse((await run("scripts/hello.ts")).stdout).greeting).toBe(greeting);
    }
    const folders = (await readdir(join(project, "node_modules", ".cache", "undersigned"))).filter((f) => f !== "current.json");
    expect(folders).toHaveLength(3);
    expect(folders).toContain(await currentBuild());
  });

  it("stop with esbuild's message, its file, line and column, when the sources do not compile", async () => {
    await writeFile(join(project, "scripts", "lib", "greeting.ts"), 'export const greeting: string = "unclosed;\n');
    const result = await run("scripts/hello.ts");
    expect(result.code).toBe(1);
    expect(result.stderr).toBe("The TypeScript commands could not be compiled:\nscripts/lib/greeting.ts:1:43: Unterminated string literal\n");
  });

  it("refuse a file that is not a command, and explain how to run one", async () => {
    await writeFile(join(project, "scripts", "lib", "helper.ts"), "export {};\n");
    const notCommand = await run("scripts/lib/helper.ts");
    expect(notCommand.code).toBe(1);
    expect(notCommand.stderr).toBe("scripts/lib/helper.ts is not a command that can be compiled: expected one of .eleventy.ts, scripts/hello.ts\n");
    const usage = await run();
    expect(usage.code).toBe(2);
    expect(usage.stderr).toBe("Usage: node scripts/run.js scripts/<command>.ts [arguments…]\n");
  });
});
