import type { Rule } from "./rule.ts";

/** No signature may be dated after the letter's closing date. */
export const signedBeforeClosing: Rule = ({ letters, signatories, at }) =>
  [...signatories].flatMap(([slug, list]) => {
    const closes = letters.get(slug)?.closes;
    if (closes === undefined) return [];
    return list
      .filter((s) => s.signed > closes)
      .map((s) => at(s, ["signed"], `"signed" is ${s.signed}, after this letter closed on ${closes}; signatures are no longer accepted`));
  });
