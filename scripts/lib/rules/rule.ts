import type { Letter, Problem, Signatory } from "../types.ts";
import type { PathSegment } from "../locate.ts";

/** What a cross-file rule sees: every valid letter and signatory, and a way to point into a file. */
export interface RuleContext {
  letters: ReadonlyMap<string, Letter>;
  /** Valid signatories by letter slug, each list sorted by slug. */
  signatories: ReadonlyMap<string, readonly Signatory[]>;
  /** Builds a problem located at a field of a signatory file. */
  at(signatory: Signatory, path: readonly PathSegment[], message: string, severity?: Problem["severity"]): Problem;
  /**
   * Files being added (by a pull request, or the issue form's bot): of two duplicates, such a file is
   * the second, whatever the dates say, so that it is the one reported and the signature already
   * there stays. Without them, the later signature is the second.
   */
  newcomers?: ReadonlySet<string>;
  /** Letters whose file is there but has errors, reported on it: their signatories are in the right folder. */
  invalidLetters?: ReadonlySet<string>;
}

/** A rule that a schema cannot express: returns the problems it finds, or none. */
export type Rule = (context: RuleContext) => Problem[];

/**
 * The signatories that share a key with another, in groups, each group with the files already in the
 * repository first (see `RuleContext.newcomers`), then oldest signature first, then by file, so that
 * of two duplicates the newcomer, or else the later one, is reported and the original stays. A
 * signatory whose key is undefined is in no group. Only the groups are sorted: at 100,000
 * signatories, sorting every list took 0.28 s of a validation, and duplicates are few.
 * @example sharingKey(list, (s) => s.url) // [[first, second]] when two use one address
 */
export function sharingKey<K>(list: readonly Signatory[], keyOf: (signatory: Signatory) => K | undefined, newcomers: ReadonlySet<string> = NO_NEWCOMERS): Signatory[][] {
  const byKey = new Map<K, Signatory | Signatory[]>();
  const groups: Signatory[][] = [];
  for (const s of list) {
    const key = keyOf(s);
    if (key === undefined) continue;
    const found = byKey.get(key);
    if (found === undefined) {
      byKey.set(key, s);
    } else if (Array.isArray(found)) {
      found.push(s);
    } else {
      const group = [found, s];
      byKey.set(key, group);
      groups.push(group);
    }
  }
  const isNew = (s: Signatory) => Number(newcomers.has(s.file));
  for (const group of groups) group.sort((a, b) => isNew(a) - isNew(b) || (a.signed < b.signed ? -1 : a.signed > b.signed ? 1 : a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return groups;
}

const NO_NEWCOMERS: ReadonlySet<string> = new Set();
