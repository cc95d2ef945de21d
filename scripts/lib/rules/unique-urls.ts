import { urlKey } from "../normalise.ts";
import type { Problem } from "../types.ts";
import { sharingKey, type Rule } from "./rule.ts";

/** No two signatories of a letter may share a website address. */
export const uniqueUrls: Rule = ({ signatories, at, newcomers }) => {
  const problems: Problem[] = [];
  for (const list of signatories.values()) {
    for (const [original, ...others] of sharingKey(list, (s) => (s.url === undefined ? undefined : urlKey(s.url)), newcomers)) {
      for (const s of others) {
        problems.push(at(s, ["url"], `"url" ${s.url} is already used by ${original!.file}; each signatory has its own website, so this is probably a second signature — delete this file or correct the url`));
      }
    }
  }
  return problems;
};
