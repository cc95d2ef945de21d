import type { Settings } from "../../scripts/lib/settings.ts";
import { buildSiteData, type LetterView, type SiteData } from "../../scripts/lib/site-data.ts";
import type { Letter, Signatory, SignatoryFields } from "../../scripts/lib/types.ts";

const SETTINGS: Settings = { name: "Test Site", lang: "en", repository: "example/test", branch: "main", base_url: "https://example.github.io" };

/** Shapes one letter with the given signatories through the real buildSiteData, for library tests. */
export function letterViewOf(signatories: ReadonlyArray<{ slug: string; fields: SignatoryFields }>, lang = "en"): LetterView {
  return siteDataOf(signatories, { lang }).letters[0]!;
}

/** The whole site data of one letter (changed by `letter`) with the given signatories, through the real buildSiteData. */
export function siteDataOf(signatories: ReadonlyArray<{ slug: string; fields: SignatoryFields }>, letter: Partial<Letter> = {}): SiteData {
  const whole: Letter = { slug: "test-letter", file: "content/letters/test-letter/index.md", body: "Text.", title: "Test letter", date: "2024-01-01", to: [{ name: "R" }], from: "us", summary: "A test.", lang: "en", status: "open", ...letter };
  const loaded: Signatory[] = signatories.map(({ slug, fields }) => ({ ...fields, slug, letter: whole.slug, file: `signatories/${whole.slug}/${slug}.yaml` }));
  return buildSiteData({ letters: [whole], signatories: new Map([[whole.slug, loaded]]), problems: [] }, SETTINGS, "2024-06-01");
}
