import { lstat, readdir } from "node:fs/promises";
import { join } from "node:path";
import type { Dirent } from "node:fs";
import { problemAt } from "./check-fields.ts";
import { languageWithoutStrings } from "./check-strings.ts";
import { signatoryChecker, type CheckOptions, type ChunkChecked, type SignatoryChecker } from "./check-signatory-files.ts";
import { availableLanguages } from "./i18n.ts";
import { LANGUAGE_TAG_PATTERN, MAX_LETTER_BYTES, MAX_SIGNATORY_BYTES, MAX_SLUG_LENGTH, SLUG_PATTERN } from "./limits.ts";
import { problem, sortProblems } from "./problem.ts";
import { readChecked, SYMLINK_MESSAGE } from "./read-text.ts";
import { rules, type RuleContext } from "./rules/index.ts";
import { slugify } from "./slug.ts";
import type { Letter, LetterTranslation, Problem, Repository, Signatory } from "./types.ts";
import { checkLetterText } from "./validate-letter.ts";
import { checkTranslationText } from "./validate-translation.ts";

/** Where letters and signatories live, relative to the repository root. */
export const LETTERS_DIR = "content/letters";
export const SIGNATORIES_DIR = "signatories";

/** Options for {@link loadRepository}. */
export interface LoadOptions {
  /**
   * Repository-relative files to report on; only problems in these files are kept. Every letter is
   * still loaded, and so is every signatory of the letters these files belong to, because the
   * cross-file rules (duplicates, closing dates) compare a signatory with its own letter's others.
   * Signatories of other letters take part in no rule with them and are not read.
   */
  only?: readonly string[];
  /**
   * Letters (slugs) whose signatories are read; those of the others are not, and take part in no
   * rule. By default every letter's, or those `only` needs.
   */
  signatoriesOf?: readonly string[];
  /** Worker threads to check signatory files in; by default one per spare core for a large repository. */
  threads?: number;
  /** See {@link CheckOptions.mainThreadAfter}. */
  mainThreadAfter?: Promise<unknown>;
  /**
   * Gets each letter with its valid signatories, sorted by slug, as soon as all of its files are
   * checked and its rules have run, when none of them has an error: while the files of other letters
   * may still be being checked. Only what {@link loadRepository} returns is final.
   */
  letterLoaded?: (letter: Letter, signatories: readonly Signatory[]) => void;
  /**
   * Signatory files a pull request adds: of two duplicates, such a file is the one reported, whatever
   * the dates say (see `RuleContext.newcomers`).
   */
  newcomers?: readonly string[];
}

/**
 * Loads and validates a whole repository: every letter and every signatory, each file on its own
 * and then the cross-file rules. Nothing invalid is returned as data: it is in `problems` instead.
 * @example const repo = await loadRepository(process.cwd()); repo.problems.length === 0
 */
export async function loadRepository(root: string, options: LoadOptions = {}): Promise<Repository> {
  // Started before the listing, so that its worker threads load while the files are listed.
  const checker = signatoryChecker(root, { threads: options.threads, mainThreadAfter: options.mainThreadAfter });
  try {
    return await loadWith(checker, root, options);
  } finally {
    checker.stop();
  }
}

async function loadWith(checker: SignatoryChecker, root: string, options: LoadOptions): Promise<Repository> {
  const problems: Problem[] = [];
  const translationFiles: string[] = [];
  const only = options.only === undefined ? undefined : new Set(options.only.map(normalisePath));
  const [letterFiles, signatoryFiles] = await Promise.all([
    listLetterFiles(root, problems, translationFiles),
    listSignatoryFiles(root, problems, checker, options.signatoriesOf !== undefined ? new Set(options.signatoriesOf) : only === undefined ? undefined : signatoryFoldersOf(only)),
  ]);

  const letters = new Map<string, Letter>();

  for (const file of letterFiles) {
    const text = readChecked(root, file, MAX_LETTER_BYTES, problems);
    if (text === undefined) continue;
    const check = checkLetterText(file, text);
    problems.push(...check.problems);
    if (check.letter) letters.set(check.letter.slug, check.letter);
  }
  const translations: LetterTranslation[] = [];
  for (const file of translationFiles) {
    const text = readChecked(root, file, MAX_LETTER_BYTES, problems);
    if (text === undefined) continue;
    const check = checkTranslationText(file, text);
    problems.push(...check.problems);
    if (check.translation) translations.push(check.translation);
  }
  problems.push(...attachTranslations(letters, translations));
  const languages = availableLanguages();
  for (const item of [...letters.values(), ...translations]) problems.push(...languageWithoutStrings(item.file, item.lang, languages));
  // Only a file with a problem is read again, to point at the line.
  const at: RuleContext["at"] = (s, path, message, severity = "error") =>
    problemAt({ file: s.file, text: readChecked(root, s.file, MAX_SIGNATORY_BYTES, []) ?? "", lineOffset: 0 }, path, "value", message, severity);
  const invalidLetters = new Set(letterFiles.map((file) => file.split("/")[2]!).filter((slug) => !letters.has(slug)));
  const newcomers = new Set(options.newcomers?.map(normalisePath));
  const byLetter = rulesByLetter(signatoryFiles, { letters, at, invalidLetters, newcomers }, options.letterLoaded);
  const checks = await checker.check(signatoryFiles, byLetter.checked);
  for (const check of checks) problems.push(...check.problems);
  const { signatories, problems: ruleProblems } = byLetter.finish();
  problems.push(...ruleProblems);

  const failed = new Set(problems.filter((p) => p.severity === "error").map((p) => p.file));
  const reported = only === undefined ? undefined : new Set([...only, ...foldersOf(only)]);
  for (const [slug, list] of signatories) signatories.set(slug, list.filter((s) => !failed.has(s.file)));
  return {
    letters: [...letters.values()].filter((l) => !failed.has(l.file)).sort((a, b) => (a.slug < b.slug ? -1 : 1)),
    signatories,
    problems: sortProblems(reported === undefined ? problems : problems.filter((p) => reported.has(p.file))),
  };
}

// A problem with a folder that holds a named file (such as a sub-folder of a letter's) is that file's
// problem too: without it, the file was "checked" and passed where the whole check refuses it.
function foldersOf(files: ReadonlySet<string>): Set<string> {
  const folders = new Set<string>();
  for (const file of files) for (let end = file.lastIndexOf("/"); end > 0; end = file.lastIndexOf("/", end - 1)) folders.add(file.slice(0, end));
  return folders;
}

/** The rules run letter by letter (see {@link rulesByLetter}). */
interface LetterRules {
  /** Takes each chunk of checked files, for {@link SignatoryChecker.check}. */
  checked: ChunkChecked;
  /** Once every file is checked: the valid signatories by letter, and what the rules found. */
  finish(): { signatories: Map<string, Signatory[]>; problems: Problem[] };
}

/**
 * Runs the cross-file rules on each letter's valid signatories as soon as the last of its files is
 * checked, while the worker threads go on with the next letters' files, and gathers the signatories
 * by letter, each list sorted by slug. Every rule compares a signatory only with its own letter's.
 * Run after all the checking, the rules kept the main thread busy with the other core idle: 0.3–0.4 s
 * at 100,000 signatories over 10 letters (docs/performance.md).
 */
function rulesByLetter(files: readonly string[], shared: Omit<RuleContext, "signatories">, loaded: LoadOptions["letterLoaded"]): LetterRules {
  const pending = new Map<string, { list: Signatory[]; unchecked: number; failed: boolean }>();
  const letterOf = (file: string) => file.slice(SIGNATORIES_DIR.length + 1, file.lastIndexOf("/"));
  for (const file of files) {
    const letter = letterOf(file);
    const entry = pending.get(letter);
    if (entry === undefined) pending.set(letter, { list: [], unchecked: 1, failed: false });
    else entry.unchecked += 1;
  }
  const problems: Problem[] = [];
  // A rule, or `loaded`, that throws must fail the load, not the thread's message handler it may be running in.
  let failure: { error: unknown } | undefined;
  const checked: ChunkChecked = (first, checks) => {
    checks.forEach((check, i) => {
      const letter = letterOf(files[first + i]!);
      const entry = pending.get(letter)!;
      if (check.signatory) entry.list.push(check.signatory);
      entry.failed ||= check.problems.some((p) => p.severity === "error");
      entry.unchecked -= 1;
      if (entry.unchecked > 0 || failure !== undefined) return;
      // Each chunk comes sorted by file; the chunks may not come in order.
      entry.list.sort(bySlug);
      try {
        const context: RuleContext = { ...shared, signatories: new Map([[letter, entry.list]]) };
        for (const rule of rules) {
          const found = rule(context);
          problems.push(...found);
          entry.failed ||= found.some((p) => p.severity === "error");
        }
        const known = shared.letters.get(letter);
        if (known !== undefined && !entry.failed) loaded?.(known, entry.list);
      } catch (error) {
        failure = { error };
      }
    });
  };
  return {
    checked,
    finish() {
      if (failure !== undefined) throw failure.error;
      const signatories = new Map<string, Signatory[]>();
      for (const [letter, { list }] of pending) if (list.length > 0) signatories.set(letter, list);
      return { signatories, problems };
    },
  };
}

// The order of each letter's signatories the loader returns, so results never depend on read order.
function bySlug(a: Signatory, b: Signatory): number {
  return a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0;
}

/**
 * Groups signatories by letter, each list sorted by slug so results never depend on read order.
 * @example groupByLetter(list).get("itu-pp14-openness")
 */
export function groupByLetter(list: readonly Signatory[]): Map<string, Signatory[]> {
  const grouped = new Map<string, Signatory[]>();
  for (const s of list) {
    const group = grouped.get(s.letter);
    if (group === undefined) grouped.set(s.letter, [s]);
    else group.push(s);
  }
  // Grouped first, since each letter's files are read in nearly that order already, and sorting a
  // nearly sorted list costs little; all letters' signatories together are not (0.2 s at 100,000).
  for (const group of grouped.values()) group.sort(bySlug);
  return grouped;
}

function normalisePath(path: string): string {
  return path.replace(/\\/g, "/").replace(/^\.\//, "");
}

/**
 * Gives each letter its translations, ordered by language tag. A translation in the letter's own
 * language is refused: it would compete with index.md for the same address.
 */
function attachTranslations(letters: ReadonlyMap<string, Letter>, translations: readonly LetterTranslation[]): Problem[] {
  const problems: Problem[] = [];
  for (const translation of [...translations].sort((a, b) => (a.lang < b.lang ? -1 : a.lang > b.lang ? 1 : 0))) {
    const letter = letters.get(translation.slug);
    if (letter === undefined) continue;
    // Language tags ignore case (BCP 47): de-DE and de-de are one language, and one file name on Windows and macOS.
    const lang = translation.lang.toLowerCase();
    if (lang === letter.lang.toLowerCase()) {
      problems.push(problem("error", translation.file, `this translation is in ${translation.lang}, the language of index.md; translate the letter into another language, or change "lang" in index.md`, 1, 1));
      continue;
    }
    const twin = letter.translations?.find((t) => t.lang.toLowerCase() === lang);
    if (twin !== undefined) {
      const twinName = twin.file.split("/").at(-1)!;
      problems.push(problem("error", translation.file, `this translation is in ${translation.lang}, the same language as ${twinName} (letter case does not matter in a language tag, and some computers cannot hold both files); delete one of the two files`, 1, 1));
      continue;
    }
    (letter.translations ??= []).push(translation);
  }
  return problems;
}

async function listLetterFiles(root: string, problems: Problem[], translationFiles: string[]): Promise<string[]> {
  const entries = (await isRealFolder(root, LETTERS_DIR, problems)) ? await readDirectory(join(root, LETTERS_DIR)) : [];
  const files: string[] = [];
  for (const entry of entries) {
    const path = `${LETTERS_DIR}/${entry.name}`;
    if (entry.isSymbolicLink()) {
      problems.push(problem("error", path, SYMLINK_MESSAGE));
      continue;
    }
    if (!entry.isDirectory()) {
      problems.push(problem("error", path, `only letter folders belong in ${LETTERS_DIR}/; move this ${describeEntry(entry)} into a letter's folder or delete it`));
      continue;
    }
    if (!isSlug(entry.name)) {
      problems.push(problem("error", path, slugMessage("letter folder", entry.name)));
      continue;
    }
    const inner = await readDirectory(join(root, path));
    const index = inner.find((e) => e.name === "index.md");
    if (index === undefined) problems.push(problem("error", path, "this letter folder has no index.md; add the letter as index.md"));
    else if (index.isSymbolicLink()) problems.push(problem("error", `${path}/index.md`, SYMLINK_MESSAGE));
    else if (!index.isFile()) problems.push(problem("error", `${path}/index.md`, `a ${describeEntry(index)} is not accepted; index.md must be a regular file`));
    else files.push(`${path}/index.md`);
    for (const entry of inner.filter((e) => e.name.endsWith(".md") && e.name !== "index.md")) {
      const file = `${path}/${entry.name}`;
      if (!LANGUAGE_TAG_PATTERN.test(entry.name.slice(0, -3))) {
        problems.push(problem("error", file, "this file name is not accepted: a letter folder holds index.md and translations named after their language, such as es.md or pt-BR.md; rename or delete it"));
      } else if (entry.isSymbolicLink()) {
        problems.push(problem("error", file, SYMLINK_MESSAGE));
      } else if (!entry.isFile()) {
        problems.push(problem("error", file, `a ${describeEntry(entry)} is not accepted; a translation must be a regular file`));
      } else {
        translationFiles.push(file);
      }
    }
  }
  return files;
}

// The signatory folders that files to report on belong to, or undefined when any file lies elsewhere
// (a letter, settings): then every folder must be read.
function signatoryFoldersOf(only: ReadonlySet<string>): Set<string> | undefined {
  const folders = new Set<string>();
  for (const file of only) {
    const match = /^signatories\/([^/]+)\/[^/]+$/.exec(file);
    if (match === null) return undefined;
    folders.add(match[1]!);
  }
  return folders;
}

async function listSignatoryFiles(root: string, problems: Problem[], checker: SignatoryChecker, onlyFolders?: ReadonlySet<string>): Promise<string[]> {
  const files: string[] = [];
  const folders = (await isRealFolder(root, SIGNATORIES_DIR, problems)) ? await readDirectory(join(root, SIGNATORIES_DIR)) : [];
  for (const folder of folders) {
    if (onlyFolders !== undefined && !onlyFolders.has(folder.name)) continue;
    const path = `${SIGNATORIES_DIR}/${folder.name}`;
    if (folder.isSymbolicLink()) {
      problems.push(problem("error", path, SYMLINK_MESSAGE));
      continue;
    }
    if (!folder.isDirectory()) {
      problems.push(problem("error", path, `only one folder per letter belongs in ${SIGNATORIES_DIR}/; move this ${describeEntry(folder)} into signatories/<letter>/ or delete it`));
      continue;
    }
    if (!isSlug(folder.name)) {
      problems.push(problem("error", path, slugMessage("folder", folder.name)));
      continue;
    }
    for (const entry of await readDirectory(join(root, path))) {
      const file = `${path}/${entry.name}`;
      if (entry.isSymbolicLink()) {
        problems.push(problem("error", file, SYMLINK_MESSAGE));
      } else if (!entry.isFile()) {
        problems.push(problem("error", file, `a ${describeEntry(entry)} is not accepted here; each signatory is one regular file named <name>.yaml`));
      } else if (!entry.name.endsWith(".yaml") || !isSlug(entry.name.slice(0, -5))) {
        problems.push(problem("error", file, slugMessage("file", entry.name)));
      } else {
        files.push(file);
      }
    }
    checker.listed(files.length);
  }
  return files;
}

/**
 * Whether a repository path is where the loader takes a signatory file from: directly in a letter's
 * folder, `signatories/<letter>/<name>.yaml`, both names slugs.
 * @example isSignatoryFilePath("signatories/x/acme.yaml") // true
 */
export function isSignatoryFilePath(path: string): boolean {
  const parts = path.split("/");
  return parts.length === 3 && parts[0] === SIGNATORIES_DIR && isSlug(parts[1]!) && parts[2]!.endsWith(".yaml") && isSlug(parts[2]!.slice(0, -5));
}

function isSlug(name: string): boolean {
  return name.length <= MAX_SLUG_LENGTH && SLUG_PATTERN.test(name);
}

function slugMessage(what: string, name: string): string {
  const suggestion = slugify(name.replace(/\.ya?ml$/i, ""));
  const example = what === "file" ? `${suggestion || "example-organisation"}.yaml` : suggestion || "example-letter";
  return `this ${what} name is not accepted: use only lowercase letters a-z, digits and hyphens, at most ${MAX_SLUG_LENGTH} characters${what === "file" ? ", ending in .yaml" : ""}; rename it, e.g. to ${example}`;
}

function describeEntry(entry: Dirent): string {
  if (entry.isDirectory()) return "folder";
  if (entry.isFile()) return "file";
  return "special file";
}

// `signatories/` or `content/letters/` as a link to `/etc` would have the loader list and read
// files outside the repository: every folder on the way must be real.
async function isRealFolder(root: string, path: string, problems: Problem[]): Promise<boolean> {
  const parts = path.split("/");
  for (let i = 1; i <= parts.length; i += 1) {
    const partial = parts.slice(0, i).join("/");
    try {
      if ((await lstat(join(root, partial))).isSymbolicLink()) {
        problems.push(problem("error", partial, SYMLINK_MESSAGE));
        return false;
      }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return false;
      throw error;
    }
  }
  return true;
}

async function readDirectory(path: string): Promise<Dirent[]> {
  try {
    const entries = await readdir(path, { withFileTypes: true });
    return entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
}
