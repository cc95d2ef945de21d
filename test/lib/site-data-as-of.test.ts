// The day a letter's list last changed ("Signed (as of …)", the exports' asOf, the feeds' <updated>):
// a withdrawal changes the list as much as a new signature does.
import { describe, expect, it } from "vitest";
import type { SignatoryFields } from "../../scripts/lib/types.ts";
import { siteDataOf } from "../helpers/site-data.ts";

const signed = (slug: string, day: string) => ({ slug, fields: { name: slug, type: "organisation", country: "KE", signed: day } as SignatoryFields });

describe("a letter's asOf", () => {
  it.each([
    ["the newest signature, with no withdrawal", [signed("a", "2024-02-01"), signed("b", "2024-03-01")], undefined, "2024-03-01", "March 1, 2024"],
    ["the newest signature, when withdrawals came before it", [signed("a", "2024-03-01")], [{ date: "2024-02-20" }], "2024-03-01", "March 1, 2024"],
    ["the newest withdrawal, when it came after every signature", [signed("a", "2024-03-01")], [{ date: "2024-02-20" }, { date: "2024-03-20", count: 2 }], "2024-03-20", "March 20, 2024"],
    ["the newest withdrawal, when every signature was withdrawn", [], [{ date: "2024-04-02" }], "2024-04-02", "April 2, 2024"],
    ["the letter's date, when no one has signed", [], undefined, "2024-01-01", "January 1, 2024"],
  ])("is %s", (_, signatories, withdrawals, asOf, asOfLabel) => {
    const letter = siteDataOf(signatories, withdrawals === undefined ? {} : { withdrawals }).letters[0]!;
    expect([letter.asOf, letter.asOfLabel]).toEqual([asOf, asOfLabel]);
  });
});
