import { describe, expect, it } from "vitest";
import { loadRepository } from "../../scripts/lib/load-repository.ts";
import { loadSettings } from "../../scripts/lib/settings.ts";
import { buildSiteData, todayIso } from "../../scripts/lib/site-data.ts";
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

describe("todayIso", () => {
  it("honours SOURCE_DATE_EPOCH", () => {
    expect(todayIso({ SOURCE_DATE_EPOCH: "1412812800" })).toBe("2014-10-09");
  });
});
