import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { nameKey, tidyText, urlKey } from "../../scripts/lib/normalise.ts";

describe("nameKey", () => {
  it.each([
    ["case", "ACME", "acme"],
    ["full-width letters", "Ａｃｍｅ", "ACME"],
    ["Cyrillic look-alikes", "АСМЕ", "ACME"],
    ["Greek look-alikes", "ΑΒΕ", "abe"],
    ["mathematical bold letters", "𝐀𝐂𝐌𝐄", "acme"],
    ["accents", "Asociación Colombiana", "Asociacion Colombiana"],
    ["NFD and NFC forms", "Cafe\u0301", "Caf\u00e9"],
    ["punctuation and spacing", "I.T. for  Change!", "IT for change"],
    ["hyphens for spaces", "Bytes-for-All", "Bytes for All"],
    ["ampersand", "Center for Democracy & Technology", "Center for Democracy Technology"],
    ["dashes", "ICT Watch – Indonesia", "ICT Watch - Indonesia"],
  ])("treats %s as the same", (_what, a, b) => {
    expect(nameKey(a)).toBe(nameKey(b));
  });

  it.each([
    ["different names", "Article19", "Article 20"],
    ["Devanagari vowel signs", "कमल", "कमला"],
    ["Arabic names", "محمد", "محمود"],
  ])("tells %s apart", (_what, a, b) => {
    expect(nameKey(a)).not.toBe(nameKey(b));
  });

  it("is idempotent", () => {
    for (const name of ["Ａｃｍｅ", "АСМЕ Ltd.", "Straße", "İstanbul Bilgi", "ǅemal", "Ⅻ Club"]) {
      expect(nameKey(nameKey(name))).toBe(nameKey(name));
    }
  });

  it("folds printable ASCII as the full folding does, character by character and in any mix", () => {
    const printable = Array.from({ length: 0x7f - 0x20 }, (_, i) => String.fromCharCode(0x20 + i));
    for (const c of printable) expect(nameKey(`A${c}b`), JSON.stringify(c)).toBe(nameKey(`A${c}b\u00e9`).slice(0, -1));
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom(...printable) }), (name) => nameKey(name) === nameKey(`${name}\u00e9`).replace(/e$/, "")), { numRuns: 2000 });
  });

  it("is idempotent for any text, whether its key is plain ASCII after one pass or not", () => {
    fc.assert(fc.property(fc.string({ unit: "grapheme" }), (name) => nameKey(nameKey(name)) === nameKey(name)), { numRuns: 2000 });
  });

  it.each([
    ["I.T. for  Change!", "itforchange"],
    ["Asociación Colombiana", "asociacioncolombiana"],
    ["Ａｃｍｅ", "acme"],
    ["АСМЕ", "acme"],
    ["Straße", "strasse"],
    // Only the Cyrillic letters that look like Latin ones become Latin: ф, д and б have no twin.
    ["Фонд Свобода", "фohдcboбoдa"],
    ["自由 基金会", "自由基金会"],
  ])("makes %s the key %s", (name, key) => {
    expect(nameKey(name)).toBe(key);
  });
});

describe("tidyText", () => {
  it("trims and stores NFC", () => {
    expect(tidyText("  Cafe\u0301  Libre ")).toBe("Caf\u00e9  Libre");
  });
});

describe("urlKey", () => {
  it.each([
    ["https://www.example.org/", "https://example.org"],
    ["https://EXAMPLE.org/path/", "https://example.org/path"],
    ["https://example.org/#about", "https://example.org"],
  ])("treats %s and %s as the same site", (a, b) => {
    expect(urlKey(a)).toBe(urlKey(b));
  });

  it("keeps different paths apart", () => {
    expect(urlKey("https://example.org/a")).not.toBe(urlKey("https://example.org/b"));
  });
});
