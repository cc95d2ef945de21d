import { describe, expect, it } from "vitest";
import { sharingKey } from "../../../scripts/lib/rules/rule.ts";
import type { Signatory } from "../../../scripts/lib/types.ts";

const signatory = (file: string, signed: string, url?: string) => ({ file: `signatories/alpha/${file}.yaml`, signed, url }) as Signatory;

describe("sharingKey", () => {
  it("groups only the signatories that share a key, each group oldest signature first, then by file", () => {
    const list = [
      signatory("c", "2020-01-03", "https://a.org"),
      signatory("lone", "2020-01-01", "https://lone.org"),
      signatory("b", "2020-01-02", "https://a.org"),
      signatory("no-url", "2020-01-01"),
      signatory("a2", "2020-01-02", "https://a.org"),
      signatory("x", "2020-01-05", "https://x.org"),
      signatory("w", "2020-01-04", "https://x.org"),
      signatory("no-url-either", "2020-01-01"),
    ];
    const groups = sharingKey(list, (s) => s.url);
    expect(groups.map((g) => g.map((s) => s.file.slice("signatories/alpha/".length, -".yaml".length)))).toEqual([
      ["a2", "b", "c"],
      ["w", "x"],
    ]);
  });

  it("puts the newcomers after the signatures already there, whatever their dates and files", () => {
    const list = [signatory("b", "2020-01-02", "https://a.org"), signatory("a", "2019-12-31", "https://a.org"), signatory("c", "2020-01-03", "https://a.org")];
    const groups = sharingKey(list, (s) => s.url, new Set(["signatories/alpha/a.yaml"]));
    expect(groups.map((g) => g.map((s) => s.file.slice("signatories/alpha/".length, -".yaml".length)))).toEqual([["b", "c", "a"]]);
  });

  it("finds no group in a list without shared keys", () => {
    expect(sharingKey([signatory("a", "2020-01-01", "https://a.org"), signatory("b", "2020-01-01", "https://b.org")], (s) => s.url)).toEqual([]);
  });
});
