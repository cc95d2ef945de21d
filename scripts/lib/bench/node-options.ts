/**
 * What `package.json` passes to Node before each script file, by file: from
 * `"build": "node --expose-gc scripts/run.js scripts/build.ts"`, `build.ts` gets
 * `["--expose-gc", "scripts/run.js"]`. The benchmark runs every stage as its npm script does, so a
 * flag added to a script is measured without being written twice.
 * @example nodeOptionsByScript({ build: "node --expose-gc scripts/run.js scripts/build.ts" }).get("build.ts")
 */
export function nodeOptionsByScript(scripts: Readonly<Record<string, string>>): Map<string, string[]> {
  const options = new Map<string, string[]>();
  for (const command of Object.values(scripts)) {
    const words = command.trim().split(/\s+/);
    const file = words.findIndex((word) => /^scripts\/[\w-]+\.ts$/.test(word));
    if (words[0] !== "node" || file === -1) continue;
    options.set(words[file]!.slice("scripts/".length), words.slice(1, file));
  }
  return options;
}
