import { join } from "node:path";
import { schemaProblems } from "./check-fields.ts";
import { parseYaml, YamlInputError } from "./parse-yaml.ts";
import { problem } from "./problem.ts";
import { readTextFileSync, ReadTextError } from "./read-text.ts";
import { readSchema, validateAgainst } from "./schemas.ts";
import type { Problem } from "./types.ts";

/** Site-wide settings from `settings.yaml`. */
export interface Settings {
  name: string;
  description?: string;
  lang: string;
  repository: string;
  branch: string;
  base_url: string;
}

/** Where the settings live, relative to the repository root. */
export const SETTINGS_FILE = "settings.yaml";
const MAX_SETTINGS_BYTES = 16 * 1024;

/**
 * Reads and validates `settings.yaml`.
 * @example const { settings, problems } = await loadSettings(process.cwd());
 */
export async function loadSettings(root: string): Promise<{ settings?: Settings; problems: Problem[] }> {
  let text: string;
  try {
    text = readTextFileSync(join(root, SETTINGS_FILE), MAX_SETTINGS_BYTES);
  } catch (error) {
    if (error instanceof ReadTextError) return { problems: [problem("error", SETTINGS_FILE, error.message, 1, 1)] };
    if ((error as NodeJS.ErrnoException).code === "ENOENT") {
      return { problems: [problem("error", SETTINGS_FILE, "the site settings file is missing; copy settings.yaml from the Undersigned repository and edit it")] };
    }
    throw error;
  }
  try {
    const data = parseYaml(text);
    const fields = Object.keys(readSchema("settings").properties as object);
    const problems = schemaProblems({ file: SETTINGS_FILE, text, lineOffset: 0 }, validateAgainst("settings", data), data, fields);
    return problems.length > 0 ? { problems } : { settings: data as Settings, problems };
  } catch (error) {
    if (error instanceof YamlInputError) return { problems: [problem("error", SETTINGS_FILE, error.message, error.line, error.column)] };
    throw error;
  }
}
