#!/usr/bin/env node
// @ts-check
// `npx undersigned <command>`: runs scripts/cli.ts through scripts/run.js, compiled, without a build step.
import { fileURLToPath } from "node:url";

process.argv.splice(2, 0, fileURLToPath(new URL("../scripts/cli.ts", import.meta.url)));
await import("../scripts/run.js");
