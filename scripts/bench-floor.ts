// The bare floor for `npm run bench`: the least any generator must do — read every signatory file,
// parse its YAML and write one HTML page listing them all. No validation, no search, no exports.
// Usage: node scripts/run.js scripts/bench-floor.ts --root <repo> --output <file.html>
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import jsYaml from "js-yaml";

const { values } = parseArgs({ options: { root: { type: "string" }, output: { type: "string" } } });
if (values.root === undefined || values.output === undefined) {
  console.error("Usage: bench-floor --root <repo> --output <file.html>");
  process.exit(2);
}

const escape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
const items: string[] = [];
const dir = join(values.root, "signatories");
for (const letter of readdirSync(dir)) {
  for (const file of readdirSync(join(dir, letter))) {
    const data = jsYaml.load(readFileSync(join(dir, letter, file), "utf8"), { schema: jsYaml.CORE_SCHEMA }) as { name: string; country?: string };
    items.push(`<li id="${escape(file.slice(0, -5))}">${escape(data.name)}, ${escape(data.country ?? "")}</li>`);
  }
}
writeFileSync(values.output, `<!doctype html><html lang="en"><title>Signatories</title><ul>\n${items.join("\n")}\n</ul></html>\n`);
