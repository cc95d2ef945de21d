#!/usr/bin/env node
// Starts scripts/cli.ts through tsx, so `npx undersigned <command>` works without a build step.
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const cli = fileURLToPath(new URL("../scripts/cli.ts", import.meta.url));
const tsx = require.resolve("tsx");
const result = spawnSync(process.execPath, ["--import", tsx, cli, ...process.argv.slice(2)], { stdio: "inherit" });
process.exitCode = result.status ?? 1;
