import { describe, expect, it } from "vitest";
import { signatureFromIssue } from "../../scripts/lib/signatory-from-issue.ts";

const OPTIONS = { today: "2026-02-01", file: "issue.md" };

function fieldsFor(answers: Record<string, string>) {
  const base = { letter: "alpha-letter", name: "Ida Individual", type: "individual", place: "KE" };
  const values = { text: new Map(Object.entries({ ...base, ...answers })), ticked: new Map([["consent", ["I agree"]]]) };
  return signatureFromIssue(values, OPTIONS).signature?.fields;
}

describe("signatureFromIssue", () => {
  it.each(["N/A", "n/a", "NA", "none", "None", "no", "-", "—", "–", "nil", "null", ".", "  N/A  "])("treats the optional answer %j as no answer", (nothing) => {
    expect(fieldsFor({ url: nothing, affiliation: nothing, role: nothing })).toEqual({ name: "Ida Individual", type: "individual", country: "KE", signed: "2026-02-01" });
  });

  it("keeps optional answers that say something", () => {
    expect(fieldsFor({ url: "example.org", affiliation: "None Such University", role: "No. 2" })).toEqual({
      name: "Ida Individual",
      type: "individual",
      country: "KE",
      url: "https://example.org",
      affiliation: "None Such University",
      role: "No. 2",
      signed: "2026-02-01",
    });
  });
});
