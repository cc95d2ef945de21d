import { checkInterfaceStrings } from "./check-strings.ts";
import { loadRepository, type LoadOptions } from "./load-repository.ts";
import { createMarkdown } from "./markdown.ts";
import { formatProblem, sortProblems } from "./problem.ts";
import { loadSettings } from "./settings.ts";
import { buildSiteData, viewsOfLetter, type LetterViews, type SiteData } from "./site-data.ts";
import { todayIso } from "./today.ts";
import type { Letter, Problem, Repository, Signatory } from "./types.ts";

/** Thrown when the repository has errors: the build stops, with the validator's own messages. */
export class RepositoryInvalidError extends Error {
  override readonly name = "RepositoryInvalidError";
  constructor(readonly problems: readonly Problem[]) {
    const errors = problems.filter((p) => p.severity === "error");
    super(`${errors.length} ${errors.length === 1 ? "problem" : "problems"} in the content; nothing was built:\n${errors.map((p) => formatProblem(p)).join("\n")}`);
  }
}

/**
 * Loads settings, letters and signatories and shapes them for the templates, refusing to return
 * anything when any file has an error, so an invalid signature can never silently disappear.
 * @throws {RepositoryInvalidError} listing every error.
 * The loaded repository is returned too, so the site verifier checks against the very data that
 * was rendered instead of parsing every file again.
 * `options` choose how signatory files are checked (see {@link LoadOptions}); every file is loaded.
 * @example const { site, warnings } = await loadSite(process.cwd());
 */
export async function loadSite(root: string, options: Omit<LoadOptions, "only" | "letterLoaded"> = {}): Promise<{ site: SiteData; repo: Repository; warnings: Problem[] }> {
  const today = todayIso();
  // Each letter's views are made as soon as the letter is loaded, while the worker threads check the
  // next letters' files: made after the loading, they kept the main thread busy with the other core
  // idle (docs/performance.md).
  const markdown = createMarkdown();
  const made = new Map<string, LetterViews>();
  const letterLoaded = (letter: Letter, signatories: readonly Signatory[]) => made.set(letter.slug, { signatories, views: viewsOfLetter(letter, signatories, markdown, today) });
  const [{ settings, problems: settingsProblems }, repo] = await Promise.all([loadSettings(root), loadRepository(root, { ...options, letterLoaded })]);
  const problems = sortProblems([...settingsProblems, ...repo.problems, ...checkInterfaceStrings()]);
  if (settings === undefined || problems.some((p) => p.severity === "error")) throw new RepositoryInvalidError(problems);
  return { site: buildSiteData(repo, settings, today, made), repo, warnings: problems };
}
