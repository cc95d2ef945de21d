import { nameKey } from "../normalise.ts";
import type { Problem, Signatory } from "../types.ts";
import { sharingKey, type Rule } from "./rule.ts";

/**
 * No two signatories of a letter may be the same once names are normalised. Organisations with the
 * same name are always an error; two individuals only when nothing tells them apart (same country
 * or scope and same affiliation), otherwise a warning naming both files.
 */
export const uniqueNames: Rule = ({ signatories, at, newcomers }) => {
  const problems: Problem[] = [];
  for (const list of signatories.values()) {
    for (const group of sharingKey(list, (s) => nameKey(s.name), newcomers)) {
      const earlier: Signatory[] = [];
      for (const s of group) {
        const twin = earlier.find((e) => isSameSignatory(e, s));
        if (twin !== undefined) {
          problems.push(at(s, ["name"], `"${s.name}" has already signed this letter in ${twin.file} (names are compared ignoring case, accents, punctuation and look-alike letters); delete this file`));
        } else if (earlier.length > 0) {
          const other = earlier[0]!;
          problems.push(
            at(s, ["name"], `"${s.name}" has the same name as ${other.file}, but a different ${other.type === s.type ? "country or affiliation" : "type"}; if they are the same signatory, delete one of the two files`, "warning"),
          );
        }
        earlier.push(s);
      }
    }
  }
  return problems;
};

/**
 * Whether two signatories with the same normalised name are the same signatory: organisations
 * always, individuals when nothing tells them apart (place and affiliation). Shared with the importer.
 * @example isSameSignatory(a, b) // true for two organisations named "ACME" and "Acme"
 */
export function isSameSignatory(a: Pick<Signatory, "type" | "country" | "scope" | "affiliation">, b: Pick<Signatory, "type" | "country" | "scope" | "affiliation">): boolean {
  if (a.type !== b.type) return false;
  if (a.type === "organisation") return true;
  const place = (s: Pick<Signatory, "country" | "scope">) => s.country ?? s.scope;
  return place(a) === place(b) && nameKey(a.affiliation ?? "") === nameKey(b.affiliation ?? "");
}
