import type { Letter, Problem, Signatory } from "../types.ts";
import type { PathSegment } from "../locate.ts";

/** What a cross-file rule sees: every valid letter and signatory, and a way to point into a file. */
export interface RuleContext {
  letters: ReadonlyMap<string, Letter>;
  /** Valid signatories by letter slug, each list sorted by slug. */
  signatories: ReadonlyMap<string, readonly Signatory[]>;
  /** Builds a problem located at a field of a signatory file. */
  at(signatory: Signatory, path: readonly PathSegment[], message: string, severity?: Problem["severity"]): Problem;
}

/** A rule that a schema cannot express: returns the problems it finds, or none. */
export type Rule = (context: RuleContext) => Problem[];

/**
 * Orders signatories oldest signature first, then by file, so that of two duplicates the later one
 * is reported and the original stays.
 * @example inSigningOrder(list)[0] // the earliest signature
 */
export function inSigningOrder(list: readonly Signatory[]): Signatory[] {
  return [...list].sort((a, b) => (a.signed < b.signed ? -1 : a.signed > b.signed ? 1 : a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}
