#!/usr/bin/env node
// @ts-check
// Runs scripts/cli.ts, compiled (scripts/lib/compile-scripts.js), so `npx undersigned <command>` works
// without a build step.
import { fileURLToPath } from "node:url";
import { importCompiled } from "../scripts/lib/compile-scripts.js";

const cli = fileURLToPath(new URL("../scripts/cli.ts", import.meta.url));
process.argv.splice(1, 1, cli);
await importCompiled(cli);
