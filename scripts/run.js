#!/usr/bin/env node
// @ts-check
// Runs one of the TypeScript commands, compiled (scripts/lib/compile-scripts.js), as if Node ran the
// TypeScript file itself: the command sees its own path and arguments in process.argv.
// Usage: node scripts/run.js scripts/<command>.ts [arguments…]
import { resolve } from "node:path";
import { CompileError, importCompiled } from "./lib/compile-scripts.js";

const [source, ...args] = process.argv.slice(2);
if (source === undefined || !source.endsWith(".ts")) {
  console.error("Usage: node scripts/run.js scripts/<command>.ts [arguments…]");
  process.exit(2);
}
process.argv.splice(1, process.argv.length - 1, resolve(source), ...args);
try {
  await importCompiled(resolve(source));
} catch (error) {
  if (!(error instanceof CompileError)) throw error;
  console.error(error.message);
  process.exit(1);
}
