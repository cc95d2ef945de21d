import { describe, expect, it } from "vitest";
import { translate } from "../../scripts/lib/i18n.ts";

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
