import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { loadRepository, SIGNATORIES_DIR } from "../load-repository.ts";
import { formatProblem } from "../problem.ts";
import { loadSettings, type Settings } from "../settings.ts";
import type { Letter, Repository, Signatory } from "../types.ts";
import { CliError } from "./cli-error.ts";

/** A loaded, valid repository that commands work on. */
export interface Workspace {
  root: string;
  repo: Repository;
  settings: Settings;
}

/** The file at the top of every Undersigned repository, by which its folder is found. */
const ROOT_MARKER = "settings.yaml";

/**
 * The repository a command run in `start` works on: `start` or the nearest folder above it that holds
 * settings.yaml, so that `npx undersigned` works from any of the repository's folders, as git does.
 * @throws {CliError} when no folder on the way up holds one.
 * @example findRepositoryRoot("/work/letters/signatories/itu-pp14-openness") // "/work/letters"
 */
export function findRepositoryRoot(start: string): string {
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, ROOT_MARKER))) return dir;
    if (dirname(dir) === dir) break;
  }
  throw new CliError("usage", `${start} is not inside an Undersigned repository: neither it nor any folder above it holds ${ROOT_MARKER}. Run the command from the repository's folder, or give it with --root <folder>.`);
}

/**
 * Loads settings, letters and signatories through the same loader as the build, and refuses to
 * work on a repository that already has errors: a command should never make a broken state worse.
 * @throws {CliError} with the validator's messages.
 * @example const ws = await openWorkspace(process.cwd());
 */
export async function openWorkspace(root: string): Promise<Workspace> {
  const [{ settings, problems }, repo] = await Promise.all([loadSettings(root), loadRepository(root)]);
  const errors = [...problems, ...repo.problems].filter((p) => p.severity === "error");
  if (settings === undefined || errors.length > 0) {
    throw new CliError("invalid", `The repository has ${errors.length} ${errors.length === 1 ? "error" : "errors"}; fix ${errors.length === 1 ? "it" : "them"} first (npm run validate lists them), then run this command again.`, errors.map((p) => formatProblem(p)));
  }
  return { root, repo, settings };
}

/**
 * Finds a letter by slug.
 * @throws {CliError} naming the letters that exist.
 * @example findLetter(ws, "itu-pp14-openness").title
 */
export function findLetter(ws: Workspace, slug: string | undefined): Letter {
  const known = ws.repo.letters.map((l) => l.slug);
  if (slug === undefined || slug === "") {
    throw new CliError("usage", `No letter given. Expected one of: ${known.join(", ") || "(none yet: create one with undersigned new-letter)"}.`);
  }
  const letter = ws.repo.letters.find((l) => l.slug === slug);
  if (letter === undefined) {
    throw new CliError("not-found", `No letter "${slug}" in content/letters/. Expected one of: ${known.join(", ") || "(none yet: create one with undersigned new-letter)"}.`);
  }
  return letter;
}

/**
 * Finds a signatory of a letter by its file slug (or file name).
 * @throws {CliError} when there is no such file.
 * @example findSignatory(ws, letter, "acme").name
 */
export function findSignatory(ws: Workspace, letter: Letter, slug: string): Signatory {
  const wanted = slug.replace(/^.*\//, "").replace(/\.yaml$/, "");
  const found = (ws.repo.signatories.get(letter.slug) ?? []).find((s) => s.slug === wanted);
  if (found === undefined) {
    throw new CliError("not-found", `No signatory "${wanted}" in ${SIGNATORIES_DIR}/${letter.slug}/. Expected a file name without .yaml, such as those listed by: ls ${SIGNATORIES_DIR}/${letter.slug}/`);
  }
  return found;
}

/** Every signatory of a letter. */
export function signatoriesOf(ws: Workspace, letter: Letter): readonly Signatory[] {
  return ws.repo.signatories.get(letter.slug) ?? [];
}
