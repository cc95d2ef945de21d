import { describe, expect, it } from "vitest";
import { COUNTRY_CODES, parsePlace } from "../../scripts/lib/place.ts";

describe("parsePlace", () => {
  it.each([
    ["Kenya", "KE"],
    ["ke", "KE"],
    ["Bosnia and Herzegovina", "BA"],
    ["Bosnia & Herzegovina", "BA"],
    ["Trinidad and Tobago", "TT"],
    ["Antigua and Barbuda", "AG"],
    ["Saint Lucia", "LC"],
    ["St Lucia", "LC"],
    ["St. Lucia", "LC"],
    ["Saint Kitts and Nevis", "KN"],
    ["Saint Vincent and the Grenadines", "VC"],
    ["São Tomé and Príncipe", "ST"],
    ["Sao Tome and Principe", "ST"],
    ["Democratic Republic of the Congo", "CD"],
    ["DR Congo", "CD"],
    ["DRC", "CD"],
    ["Congo - Kinshasa", "CD"],
    ["Republic of the Congo", "CG"],
    ["Congo-Brazzaville", "CG"],
    ["The Netherlands", "NL"],
    ["Netherlands", "NL"],
    ["The Gambia", "GM"],
    ["Gambia", "GM"],
    ["The Bahamas", "BS"],
    ["The Philippines", "PH"],
    ["UAE", "AE"],
    ["Swaziland", "SZ"],
    ["Burma", "MM"],
    ["East Timor", "TL"],
    ["Turkey", "TR"],
    ["Macedonia", "MK"],
    ["Holy See", "VA"],
    ["The United States", "US"],
    ["Sainte-Lucie", "LC"],
    ["Alemania", "DE"],
  ])("reads %s as %s", (name, code) => {
    expect(parsePlace(name, "en")).toEqual({ country: code });
  });

  it("reads every English name Intl gives, long and short, as its own code", () => {
    for (const code of COUNTRY_CODES) {
      for (const style of ["long", "short"] as const) {
        const name = new Intl.DisplayNames(["en"], { type: "region", style, fallback: "none" }).of(code);
        if (name !== undefined) expect([name, parsePlace(name, "en")]).toEqual([name, { country: code }]);
      }
    }
  });

  it.each([["Global", { scope: "global" }], [" regional ", { scope: "regional" }]])("reads the scope %s", (text, place) => {
    expect(parsePlace(text, "en")).toEqual(place);
  });

  it.each(["Narnia", "The", "and", "", "Saint"])("does not read %j as a place", (text) => {
    expect(parsePlace(text, "en")).toBeUndefined();
  });
});
