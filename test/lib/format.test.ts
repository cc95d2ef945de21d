import { describe, expect, it } from "vitest";
import { countryName, formatDate, placeName, textDirection } from "../../scripts/lib/format.ts";

describe("format", () => {
  it.each([
    ["en", "October 9, 2014"],
    ["fr", "9 octobre 2014"],
    ["es", "9 de octubre de 2014"],
  ])("formats dates in %s without shifting a day", (lang, expected) => {
    expect(formatDate("2014-10-09", lang)).toBe(expected);
  });

  it("names countries and scopes in the page language", () => {
    expect(countryName("KE", "en")).toBe("Kenya");
    expect(countryName("DE", "fr")).toBe("Allemagne");
    // Names are kept once asked: each language keeps its own.
    expect(countryName("DE", "en")).toBe("Germany");
    expect(countryName("DE", "fr")).toBe("Allemagne");
    expect(placeName({ scope: "international" }, "en")).toBe("International");
    expect(placeName({ country: "BR" }, "pt")).toBe("Brasil");
  });

  it("knows right-to-left languages", () => {
    expect(textDirection("ar")).toBe("rtl");
    expect(textDirection("he")).toBe("rtl");
    expect(textDirection("en")).toBe("ltr");
    expect(textDirection("pt-BR")).toBe("ltr");
  });
});
