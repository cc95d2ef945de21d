import { createRequire } from "node:module";
import type * as Yaml from "yaml";

// The `yaml` library is only needed for a file that fails a check (to point at its line) or holds a
// character an anchor, alias, tag or directive starts with; js-yaml parses every other file. Loading
// it took 50-77 ms of every command and every worker thread that checks files, so it is loaded on
// first use.
const require = createRequire(import.meta.url);
let library: typeof Yaml | undefined;

/**
 * The `yaml` library, loaded the first time it is asked for.
 * @example yamlLibrary().parseDocument("name: ACME\n")
 */
export function yamlLibrary(): typeof Yaml {
  library ??= require("yaml") as typeof Yaml;
  return library;
}
