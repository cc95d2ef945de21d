import type { Rule } from "./rule.ts";

/**
 * A signatory's folder must name an existing letter. A letter with errors of its own still exists:
 * its signatories are not told to move.
 */
export const letterExists: Rule = ({ letters, signatories, at, invalidLetters }) => {
  const known = [...letters.keys()].sort().join(", ") || "(no letters yet)";
  return [...signatories]
    .filter(([slug]) => !letters.has(slug) && invalidLetters?.has(slug) !== true)
    .flatMap(([slug, list]) =>
      list.map((s) => at(s, [], `the folder "${slug}" does not match any letter; move this file into signatories/<letter>/ for one of: ${known}`)),
    );
};
