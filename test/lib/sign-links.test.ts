import { describe, expect, it } from "vitest";
import { checkSignatoryText } from "../../scripts/lib/validate-signatory.ts";
import { formatProblem } from "../../scripts/lib/problem.ts";
import { signatoryTemplate, signLinks } from "../../scripts/lib/sign-links.ts";

const letter = { slug: "itu-pp14-openness", title: "Open the ITU", lang: "en" };

describe("signLinks", () => {
  const links = signLinks({ repository: "civil/letters", branch: "release/2026" }, letter, "2026-05-01");

  it("opens GitHub's editor on a new file in the letter's folder, on the configured branch, pre-filled with the template", () => {
    const url = new URL(links.editor);
    expect(`${url.origin}${url.pathname}`).toBe("https://github.com/civil/letters/new/release/2026");
    expect(url.searchParams.get("filename")).toBe("signatories/itu-pp14-openness/your-name.yaml");
    expect(url.searchParams.get("value")).toBe(signatoryTemplate(letter, "2026-05-01"));
    expect(links.editor).not.toContain("+");
  });

  it("opens the sign and withdrawal forms with the letter filled in", () => {
    expect(links.form).toBe("https://github.com/civil/letters/issues/new?template=sign.yml&letter=itu-pp14-openness&title=Signature%3A%20itu-pp14-openness");
    expect(links.withdraw).toBe("https://github.com/civil/letters/issues/new?template=withdraw.yml&letter=itu-pp14-openness&title=Withdrawal%3A%20itu-pp14-openness");
  });
});

describe("signatoryTemplate", () => {
  const template = signatoryTemplate(letter, "2026-05-01");

  it("is commented YAML dated today", () => {
    expect(template.split("\n").slice(0, 4)).toEqual([
      '# Signing "Open the ITU". Replace the example values below with yours.',
      "# Then rename this file (the box above) after yourself or your organisation, for example acme-foundation.yaml: lowercase letters, digits and hyphens only.",
      "# Never write an e-mail address in this file: it is public.",
      "name: Your name or your organisation's name",
    ]);
    expect(template).toContain("\nsigned: 2026-05-01   # today's date, YYYY-MM-DD\n");
  });

  it("fails validation until the country is filled in, with a message that says how", () => {
    expect(checkSignatoryText("signatories/x/your-name.yaml", template).problems.map((p) => formatProblem(p))).toEqual([
      'signatories/x/your-name.yaml:6:10: "country" must be a two-letter ISO 3166-1 code such as KE or BR (got "XX")',
    ]);
    const filled = template.replace("country: XX", "country: KE").replace("Your name or your organisation's name", "Acme");
    expect(checkSignatoryText("signatories/x/acme.yaml", filled).problems).toEqual([]);
  });

  it("keeps a letter title on one comment line", () => {
    expect(signatoryTemplate({ ...letter, title: "Two\nlines" }, "2026-05-01").split("\n")[0]).toBe('# Signing "Two lines". Replace the example values below with yours.');
  });
});
