import type { Settings } from "../../scripts/lib/settings.ts";
import { buildSiteData, type LetterView } from "../../scripts/lib/site-data.ts";
import type { Letter, Signatory, SignatoryFields } from "../../scripts/lib/types.ts";

const SETTINGS: Settings = { name: "Test Site", lang: "en", repository: "example/test", branch: "main", base_url: "https://example.github.io" };

/** Shapes one letter with the given signatories through the real buildSiteData, for library tests. */
export function letterViewOf(signatories: ReadonlyArray<{ slug: string; fields: SignatoryFields }>, lang = "en"): LetterView {
  const letter: Letter = { slug: "test-letter", file: "content/letters/test-letter/index.md", body: "Text.", title: "Test letter", date: "2024-01-01", to: [{ name: "R" }], from: "us", summary: "A test.", lang, status: "open" };
  const loaded: Signatory[] = signatories.map(({ slug, fields }) => ({ ...fields, slug, letter: letter.slug, file: `signatories/${letter.slug}/${slug}.yaml` }));
  return buildSiteData({ letters: [letter], signatories: new Map([[letter.slug, loaded]]), problems: [] }, SETTINGS, "2024-06-01").letters[0]!;
}
