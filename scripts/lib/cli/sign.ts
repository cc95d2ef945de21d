import { MAX_SLUG_LENGTH, SLUG_PATTERN } from "../limits.ts";
import { formatProblem } from "../problem.ts";
import type { Signatory } from "../types.ts";
import { CliError } from "./cli-error.ts";
import { assertNoNewRuleErrors } from "./check-changes.ts";
import { DuplicateIndex, fieldsFromAnswers, SlugAllocator, type SignatoryAnswers } from "./candidate.ts";
import { line, type Outcome } from "./outcome.ts";
import { assertValidSignatoryText, signatoryFile, signatoryText } from "./signatory-text.ts";
import { findLetter, signatoriesOf, type Workspace } from "./workspace.ts";

/** What `undersigned sign` needs: the letter, the answers, and optionally the file slug. */
export interface SignInput extends SignatoryAnswers {
  letter: string | undefined;
  slug?: string | undefined;
}

/**
 * Adds one signature to a letter: reads the answers as people write them, refuses a duplicate
 * (naming the file that already holds it), picks a unique file slug, and checks the new file with the
 * real validator, file and cross-file rules, before proposing to write it.
 * @throws {CliError} on a missing letter, a bad answer, a duplicate or a validation error.
 * @example sign(ws, { letter: "x", name: "ACME", type: "organisation", place: "KE" }, "2024-03-05")
 */
export function sign(ws: Workspace, input: SignInput, today: string): Outcome {
  const letter = findLetter(ws, input.letter);
  if (letter.status === "closed" && letter.closes === undefined) {
    throw new CliError("invalid", `The letter "${letter.slug}" is closed, so it takes no new signatures. Expected an open letter, or a closing date in its front matter (undersigned close ${letter.slug} --date <YYYY-MM-DD>) for late signatures dated before it.`);
  }
  const built = fieldsFromAnswers(input, letter.lang, today);
  if (built.fields === undefined) throw new CliError("usage", `The signature cannot be written: ${built.reasons.join("; ")}.`);
  const fields = built.fields;

  const existing = signatoriesOf(ws, letter);
  const index = new DuplicateIndex();
  for (const s of existing) index.add({ fields: s, file: s.file });
  const twin = index.find(fields);
  if (twin !== undefined) {
    const why = twin.reason === "name" ? `"${fields.name}" has already signed this letter` : `the website ${fields.url} already belongs to "${twin.entry.fields.name}"`;
    throw new CliError("duplicate", `${why}: ${twin.entry.file}. Nothing was written; edit that file if its details need changing.`);
  }

  const slugs = new SlugAllocator(existing.map((s) => s.slug));
  let slug: string;
  if (input.slug !== undefined) {
    if (!SLUG_PATTERN.test(input.slug) || input.slug.length > MAX_SLUG_LENGTH) {
      throw new CliError("usage", `Invalid --slug: ${input.slug}. Expected lowercase letters a-z, digits and single hyphens, at most ${MAX_SLUG_LENGTH} characters.`);
    }
    if (slugs.has(input.slug)) throw new CliError("duplicate", `${signatoryFile(letter.slug, input.slug)} already exists. Expected a new file name; choose another --slug.`);
    slug = input.slug;
  } else {
    slug = slugs.next(fields.name);
  }

  const file = signatoryFile(letter.slug, slug);
  const text = signatoryText(fields);
  assertValidSignatoryText(file, text);
  const signatory: Signatory = { ...fields, slug, letter: letter.slug, file };
  const warnings = assertNoNewRuleErrors(ws.repo, { added: [{ signatory, text }] }, "The signature");
  return {
    changes: [{ kind: "create", file, text }],
    lines: [line("success", `Added "${fields.name}" to "${letter.title}": ${file}`), ...warnings.map((p) => line("warning", formatProblem(p)))],
  };
}
