import { lstatSync } from "node:fs";
import { join } from "node:path";
import { problem } from "./problem.ts";
import type { Problem } from "./types.ts";

/** The repository's files that `npm run validate` checks: a file named elsewhere is checked by nothing. */
const CHECKED_PLACES = ["settings.yaml", "content/letters/", "signatories/", "i18n/"] as const;

/**
 * What is wrong with the files named to `npm run validate`, before any is read: one that does not
 * exist, is a folder or lies outside the repository is an error, and one that nothing checks is a
 * warning. Without these, a mistyped path was "checked" and passed. `files` are relative to `root`.
 * @example namedFileProblems(".", ["signatories/x/nobdy.yaml"]) // [{ severity: "error", file: "signatories/x/nobdy.yaml", message: "there is no such file; …" }]
 */
export function namedFileProblems(root: string, files: readonly string[]): Problem[] {
  const problems: Problem[] = [];
  for (const file of files) {
    if (file === ".." || file.startsWith("../")) {
      problems.push(problem("error", file, "this is outside the repository; name a file inside it, or give its folder with --root"));
      continue;
    }
    let isFolder: boolean;
    try {
      isFolder = lstatSync(join(root, file)).isDirectory();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
      problems.push(problem("error", file, "there is no such file; check the path, such as signatories/<letter>/<name>.yaml from the repository's root"));
      continue;
    }
    if (isFolder) {
      problems.push(problem("error", file, "this is a folder; name the files in it, or run npm run validate without a file to check them all"));
    } else if (!CHECKED_PLACES.some((place) => (place.endsWith("/") ? file.startsWith(place) : file === place))) {
      problems.push(problem("warning", file, `nothing checks this file: npm run validate checks ${CHECKED_PLACES.join(", ")}`));
    }
  }
  return problems;
}
