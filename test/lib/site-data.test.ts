import { describe, expect, it } from "vitest";
import { loadRepository } from "../../scripts/lib/load-repository.ts";
import { loadSettings } from "../../scripts/lib/settings.ts";
import { createMarkdown } from "../../scripts/lib/markdown.ts";
import { buildSiteData, viewsOfLetter, type LetterViews } from "../../scripts/lib/site-data.ts";
import { fixture } from "../helpers/run.ts";

async function site(today: string) {
  const root = fixture("repos", "site");
  const [repo, { settings }] = await Promise.all([loadRepository(root), loadSettings(root)]);
  return buildSiteData(repo, settings!, today);
}

describe("buildSiteData", () => {
  it("puts open letters first and counts signatories", async () => {
    const data = await site("2026-11-28");
    expect(data.letters.map((l) => [l.slug, l.isOpen, l.count, l.asOf])).toEqual([
      ["alpha-letter", true, 6, "2020-02-01"],
      ["beta-letter", false, 1, "2019-05-02"],
    ]);
  });

  it("shows addressees as Name, Role, Organisation", async () => {
    const [alpha] = (await site("2026-11-28")).letters;
    expect(alpha?.to).toEqual(["Jane Recipient, Director, Example Agency"]);
  });

  it("joins role and affiliation of individuals for identification", async () => {
    const [alpha] = (await site("2026-11-28")).letters;
    expect(alpha?.individuals.map((s) => [s.slug, s.place, s.identification])).toEqual([
      ["adam", "Japan", "Professor, Example University"],
      ["bea", "International", undefined],
    ]);
  });
});

describe("buildSiteData with letters' views made already", () => {
  it("takes a letter's views made from the signatories it has, and makes them again from any others", async () => {
    const root = fixture("repos", "site");
    const [repo, { settings }] = await Promise.all([loadRepository(root), loadSettings(root)]);
    const [alpha, beta] = repo.letters;
    const alphaSignatories = repo.signatories.get(alpha!.slug)!;
    const made = new Map<string, LetterViews>([
      [alpha!.slug, { signatories: alphaSignatories, views: viewsOfLetter(alpha!, alphaSignatories, createMarkdown(), "2026-11-28") }],
      // Made from a list the repository did not end up with: one signatory fewer.
      [beta!.slug, { signatories: [], views: viewsOfLetter(beta!, [], createMarkdown(), "2026-11-28") }],
    ]);
    const data = buildSiteData(repo, settings!, "2026-11-28", made);
    expect(data).toEqual(buildSiteData(repo, settings!, "2026-11-28"));
    expect(data.letters.find((l) => l.slug === alpha!.slug)).toBe(made.get(alpha!.slug)!.views[0]);
    expect(data.letters.find((l) => l.slug === beta!.slug)).not.toBe(made.get(beta!.slug)!.views[0]);
    expect(data.letters.find((l) => l.slug === beta!.slug)?.count).toBe(1);
  });
});

describe("a letter with a closing date", () => {
  it.each([
    ["2020-01-31", true],
    ["2020-02-01", false],
  ])("on %s is open: %s", async (today, open) => {
    const root = fixture("repos", "rule-signed-before-closing");
    const [repo, { settings }] = await Promise.all([loadRepository(root), loadSettings(root)]);
    expect(buildSiteData(repo, settings!, today).letters[0]?.isOpen).toBe(open);
  });
});

