import { describe, expect, it } from "vitest";
import { formatNumber, translate } from "../../scripts/lib/i18n.ts";

describe("translate", () => {
  it("fills placeholders and picks the plural form", () => {
    expect(translate("en", "signed_as_of", { date: "October 9, 2014" })).toBe("Signed (as of October 9, 2014)");
    expect(translate("en", "signature_count", { count: 1 })).toBe("1 signatory");
    expect(translate("en", "signature_count", { count: 1234 })).toBe("1,234 signatories");
  });

  it("falls back to English for a language without its own file, and to the key when no language has it", () => {
    expect(translate("xx", "identification_only")).toBe("for identification purposes only");
    expect(translate("en", "no_such_key")).toBe("no_such_key");
  });
});

describe("formatNumber", () => {
  it.each([
    ["en", 100000, "100,000"],
    ["fr", 100000, "100\u202f000"],
    ["ar", 1234, "1,234"],
    ["en", 7, "7"],
  ])("writes in %s %d as %s", (lang, value, shown) => {
    expect(formatNumber(value, lang)).toBe(shown);
  });

  it("keeps each language's own digits and separators when languages alternate", () => {
    expect([formatNumber(1234, "de"), formatNumber(1234, "en"), formatNumber(1234, "de")]).toEqual(["1.234", "1,234", "1.234"]);
  });
});
