// The print view is what a recipient reads: a signature of an earlier text says so there too, in words
// rather than a link, since paper has no links.
import { describe, expect, it } from "vitest";
import { renderPrintedEntries } from "../../scripts/lib/render-entries.ts";
import type { SignatoryView } from "../../scripts/lib/site-data.ts";

const letter = { slug: "open-letter" };

function view(overrides: Partial<SignatoryView>): SignatoryView {
  return { slug: "acme", name: "Acme", type: "organisation", place: "Kenya", placeKey: "ke", country: "KE", signed: "2024-03-01", earlierVersion: false, href: "/letters/open-letter/#acme", ...overrides };
}

describe("renderPrintedEntries of signatures of an earlier text", () => {
  it.each([
    ["says so after the place", "en", view({ earlierVersion: true }), '<li data-signatory="open-letter/acme"><span dir="auto">Acme</span>, Kenya (signed an earlier version)</li>'],
    [
      "says so after the identification, in the list's language",
      "es",
      view({ slug: "ada", name: "Ada", type: "individual", place: "México", identification: "Directora, Acme", earlierVersion: true }),
      '<li data-signatory="open-letter/ada"><span dir="auto">Ada</span>, México — Directora, Acme (solo a efectos de identificación) (firmó una versión anterior)</li>',
    ],
    ["is silent for a signature of the current text", "en", view({ earlierVersion: false }), '<li data-signatory="open-letter/acme"><span dir="auto">Acme</span>, Kenya</li>'],
  ])("%s (%s)", (_, lang, entry, expected) => {
    expect(renderPrintedEntries([entry], letter, lang)).toBe(expected);
  });
});
