import type { SearchBlock } from "./search-blocks.ts";
import type { Repository } from "./types.ts";
import type { SiteExpectation } from "./verify-site.ts";

/**
 * What a site built from this repository must show: the valid signatories of every valid letter,
 * each in one of the search blocks made for it. Letters with errors, their signatories and
 * signatories of unknown letters are left out, so the verifier reports them if they appear.
 * @example verifySite("_site", expectationOf(repo, "/", searchBlocks(site)))
 */
export function expectationOf(repo: Repository, pathPrefix: string, searchBlocks: readonly SearchBlock[]): SiteExpectation {
  const letters = new Set(repo.letters.map((l) => l.slug));
  const signatories = new Map<string, string[]>();
  for (const slug of letters) signatories.set(slug, (repo.signatories.get(slug) ?? []).map((s) => s.slug));
  return { signatories, pathPrefix, searchBlocks };
}
