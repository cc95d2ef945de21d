import { urlKey } from "../normalise.ts";
import type { Signatory } from "../types.ts";
import { inSigningOrder, type Rule } from "./rule.ts";

/** No two signatories of a letter may share a website address. */
export const uniqueUrls: Rule = ({ signatories, at }) =>
  [...signatories.values()].flatMap((list) => {
    const first = new Map<string, Signatory>();
    const problems = [];
    for (const s of inSigningOrder(list)) {
      if (s.url === undefined) continue;
      const key = urlKey(s.url);
      const earlier = first.get(key);
      if (earlier !== undefined) {
        problems.push(at(s, ["url"], `"url" ${s.url} is already used by ${earlier.file}; each signatory has its own website, so this is probably a second signature — delete this file or correct the url`));
      } else {
        first.set(key, s);
      }
    }
    return problems;
  });
