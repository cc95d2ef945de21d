import { describe, expect, it } from "vitest";
import { INLINE_LIST_LIMIT, LIST_PAGE_SIZE, RECENT_COUNT } from "../../scripts/lib/letter-lists.ts";
import { syntheticSignatories } from "../../scripts/lib/synthetic.ts";
import type { SignatoryFields } from "../../scripts/lib/types.ts";
import { letterViewOf } from "../helpers/site-data.ts";

const org = (slug: string, name: string, signed: string, extra: Partial<SignatoryFields> = {}) => ({ slug, fields: { name, type: "organisation" as const, country: "KE", signed, ...extra } });
const manyOrganisations = (count: number) => Array.from({ length: count }, (_, i) => org(`org-${i}`, `Organisation ${i}`, "2024-02-01"));

describe("planLetterLists", () => {
  it("keeps a list of up to INLINE_LIST_LIMIT on the letter page, each entry addressed there", () => {
    const letter = letterViewOf(manyOrganisations(INLINE_LIST_LIMIT));
    const group = letter.lists.groups.find((g) => g.key === "organisations")!;
    expect(group).toMatchObject({ inline: true, count: INLINE_LIST_LIMIT, pageCount: 0 });
    expect(group.entries).toHaveLength(INLINE_LIST_LIMIT);
    expect(letter.lists.paginated).toBe(false);
    expect(letter.organisations.every((s) => s.href === `/letters/test-letter/#${s.slug}`)).toBe(true);
    expect(letter.lists.pages.filter((p) => p.canonical)).toEqual([]);
  });

  it("moves a longer list to alphabetical pages of LIST_PAGE_SIZE, each signatory on exactly one", () => {
    const count = 2 * LIST_PAGE_SIZE + 1;
    const letter = letterViewOf([...manyOrganisations(count), { slug: "ind", fields: { name: "Ada Person", type: "individual", scope: "global", signed: "2024-03-01" } }]);
    const group = letter.lists.groups.find((g) => g.key === "organisations")!;
    expect(group).toMatchObject({ inline: false, count, pageCount: 3, url: "/letters/test-letter/organisations/", entries: [] });
    const canonical = letter.lists.pages.filter((p) => p.canonical);
    expect(canonical.map((p) => [p.url, p.entries.length, p.pageNumber, p.pageCount])).toEqual([
      ["/letters/test-letter/organisations/", LIST_PAGE_SIZE, 1, 3],
      ["/letters/test-letter/organisations/2/", LIST_PAGE_SIZE, 2, 3],
      ["/letters/test-letter/organisations/3/", 1, 3, 3],
    ]);
    const listed = canonical.flatMap((p) => p.entries.map((s) => s.slug)).sort();
    expect(listed).toEqual(letter.organisations.map((s) => s.slug).sort());
    for (const page of canonical) for (const s of page.entries) expect(s.href).toBe(`${page.url}#${s.slug}`);
    // The individual stays inline: the threshold is per type.
    expect(letter.lists.groups[1]).toMatchObject({ key: "individuals", inline: true, count: 1 });
    expect(letter.individuals[0]!.href).toBe("/letters/test-letter/#ind");
    expect(letter.lists.paginated).toBe(true);
    expect(letter.lists.recent).toHaveLength(RECENT_COUNT);
    expect(letter.lists.recent[0]!.slug).toBe("ind");
  });

  it("sorts pages with the letter language's collation and names each page's range", () => {
    const names = ["Émile Org", "Zebra Org", "apple Org", "Banana Org"];
    const letter = letterViewOf([...names.map((n, i) => org(`n-${i}`, n, "2024-01-02")), ...manyOrganisations(INLINE_LIST_LIMIT)]);
    const first = letter.lists.pages.find((p) => p.kind === "organisations")!;
    expect(first.entries.slice(0, 3).map((s) => s.name)).toEqual(["apple Org", "Banana Org", "Émile Org"]);
    expect(first.firstName).toBe("apple Org");
    expect(first.lastName).toBe("Zebra Org");
  });

  it("lists everyone by date signed, newest first, and per country or scope with counts", () => {
    const letter = letterViewOf([
      org("a", "Alpha", "2024-01-03"),
      org("b", "Beta", "2024-01-05", { country: "BR" }),
      org("c", "Gamma", "2024-01-04"),
      { slug: "d", fields: { name: "Delta Person", type: "individual", scope: "international", signed: "2024-01-05" } },
    ]);
    const byDate = letter.lists.pages.filter((p) => p.kind === "by-date");
    expect(byDate.map((p) => p.entries.map((s) => s.slug))).toEqual([["b", "d", "c", "a"]]);
    expect(byDate[0]!.canonical).toBe(false);
    // A by-date page spans the dates of its first and last entries; the others span names.
    expect(byDate[0]).toMatchObject({ firstSigned: "2024-01-05", lastSigned: "2024-01-03", firstName: "Beta", lastName: "Alpha" });
    expect(letter.lists.places).toEqual([
      { key: "ke", name: "Kenya", url: "/letters/test-letter/countries/ke/", organisations: 2, individuals: 0, total: 2 },
      { key: "br", name: "Brazil", url: "/letters/test-letter/countries/br/", organisations: 1, individuals: 0, total: 1 },
      { key: "international", name: "International", url: "/letters/test-letter/countries/international/", organisations: 0, individuals: 1, total: 1 },
    ]);
    const kenya = letter.lists.pages.find((p) => p.place?.key === "ke")!;
    expect(kenya).toMatchObject({ kind: "place", canonical: false, place: { key: "ke", name: "Kenya", total: 2 } });
    expect(kenya.entries.map((s) => s.slug)).toEqual(["a", "c"]);
  });

  it("plans 20,000 synthetic signatories into pages of at most LIST_PAGE_SIZE with one canonical place each", () => {
    const letter = letterViewOf(syntheticSignatories(20_000));
    const canonical = letter.lists.pages.filter((p) => p.canonical);
    expect(canonical.every((p) => p.entries.length <= LIST_PAGE_SIZE)).toBe(true);
    const slugs = canonical.flatMap((p) => p.entries.map((s) => s.slug));
    expect(slugs).toHaveLength(20_000);
    expect(new Set(slugs).size).toBe(20_000);
    expect(letter.lists.places.reduce((n, row) => n + row.total, 0)).toBe(20_000);
  });
});
