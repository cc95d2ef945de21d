import { describe, expect, it } from "vitest";
import { DeferredContent } from "../../scripts/lib/deferred-content.ts";
import { deferringHelpers, filters, globals } from "../../scripts/lib/template-helpers.ts";

const entries = [
  { slug: "b", name: "B <Org>", type: "organisation", place: "Kenya", placeKey: "ke", signed: "2024-01-02", earlierVersion: false, href: "/letters/x/#b" },
  { slug: "a", name: "A & Co", type: "organisation", place: "Chile", placeKey: "cl", signed: "2024-01-01", earlierVersion: false, href: "/letters/x/#a" },
];
const letter = { slug: "x", url: "/letters/x/", lang: "en", title: "X", asOf: "2024-01-02", count: 2, organisations: entries, individuals: [] };

describe("deferringHelpers", () => {
  it.each([
    ["signatoryEntries", globals, [entries, { letter, lang: "en", canonical: true, onLetterPage: false }]],
    ["printedEntries", globals, [entries, letter, "en"]],
    ["signatoriesCsv", filters, [letter, "https://example.org/"]],
    ["signatoriesJson", filters, [letter, "https://example.org/"]],
  ] as const)("has %s give a marker that expands to what the helper renders", (name, helpers, args) => {
    const deferred = new DeferredContent();
    const marker = deferringHelpers(helpers, deferred)[name]!(...args) as string;
    expect(marker).toMatch(/^<!--deferred:[0-9a-f-]{36}:0-->$/);
    expect(deferred.expand(`before ${marker} after`)).toBe(`before ${helpers[name]!(...args) as string} after`);
  });

  it("leaves every other helper as it is", () => {
    const deferred = new DeferredContent();
    const wrapped = deferringHelpers({ ...filters, ...globals }, deferred);
    const kept = Object.keys(wrapped).filter((name) => !["signatoryEntries", "printedEntries", "signatoriesCsv", "signatoriesJson"].includes(name));
    expect(kept.length).toBeGreaterThan(5);
    for (const name of kept) expect(wrapped[name]).toBe({ ...filters, ...globals }[name]);
  });
});

describe("languageNote", () => {
  const english = { lang: "en", dir: "ltr" as const, name: "English" };

  it("says in the page's language which language a linked page is in, the language named in its own words and marked as such", () => {
    expect(globals.languageNote!("es", "in_language", english)).toBe('(en <span lang="en" dir="ltr">English</span>)');
    expect(globals.languageNote!("ar", "in_language", english)).toBe('(باللغة <span lang="en" dir="ltr">English</span>)');
    expect(globals.languageNote!("ar", "links_in_language", { lang: "fr", dir: "ltr", name: "Français" })).toBe('تؤدي الأسماء والأماكن إلى قوائم باللغة <span lang="fr" dir="ltr">Français</span>.');
  });

  it("escapes the string and the name", () => {
    expect(globals.languageNote!("en", "in_language", { lang: 'x"', dir: "ltr", name: "<b>&" })).toBe('(in <span lang="x&quot;" dir="ltr">&lt;b&gt;&amp;</span>)');
  });
});

describe("linkedString", () => {
  it("puts the link in the sentence, its words in the page's language", () => {
    expect(globals.linkedString!("en", "search_no_js", "/", "search_no_js_link")).toBe('Search needs JavaScript. Every letter and its full list of signatories can also be read from <a href="/">the list of letters</a>.');
    expect(globals.linkedString!("ar", "search_no_js", "/", "search_no_js_link")).toBe('يحتاج البحث إلى JavaScript. ويمكن أيضًا قراءة كل رسالة وقائمة موقّعيها كاملة من <a href="/">قائمة الرسائل</a>.');
  });

  it("escapes the address", () => {
    expect(globals.linkedString!("en", "search_no_js", '/x"><script>', "search_no_js_link")).toContain('<a href="/x&quot;&gt;&lt;script&gt;">the list of letters</a>');
  });
});

describe("countryLabels", () => {
  const row = (key: string) => ({ key, name: key, url: `/c/${key}/`, organisations: 1, individuals: 0, total: 1 });
  const letter = (...keys: string[]) => ({ lists: { places: keys.map(row) } }) as never;

  it("names every country of the letters once, by its key, as the site's pages do, leaving scopes to the form's strings", () => {
    expect(globals.countryLabels!([letter("ke", "global", "hk"), letter("ke", "sd")], "en")).toEqual({ ke: "Kenya", hk: "Hong Kong SAR China", sd: "Sudan" });
    expect(globals.countryLabels!([letter("sd", "ss")], "fr")).toEqual({ sd: "Soudan", ss: "Soudan du Sud" });
  });
});
