import { describe, expect, it } from "vitest";
import { HeldWrites } from "../../scripts/lib/held-writes.ts";

describe("HeldWrites", () => {
  it("writes at once when no page is awaited", () => {
    const written: string[] = [];
    const writes = new HeldWrites([]);
    writes.write(() => written.push("index.html"));
    expect(written).toEqual(["index.html"]);
  });

  it("holds writes until the last awaited page arrives, then writes them in order, and later ones at once", () => {
    const written: string[] = [];
    const writes = new HeldWrites(["letters/a/index.html", "letters/a/es/index.html"]);
    writes.write(() => written.push("letters/a/signatories.csv"));
    writes.write(() => written.push("letters/a/signatories.json"));
    writes.arrived("letters/a/index.html");
    writes.arrived("letters/b/index.html");
    expect(written).toEqual([]);
    writes.arrived("letters/a/es/index.html");
    expect(written).toEqual(["letters/a/signatories.csv", "letters/a/signatories.json"]);
    writes.write(() => written.push("letters/a/organisations/index.html"));
    expect(written).toEqual(["letters/a/signatories.csv", "letters/a/signatories.json", "letters/a/organisations/index.html"]);
  });

  it("writes what it holds when released before an awaited page came, and nothing twice", () => {
    const written: string[] = [];
    const writes = new HeldWrites(["letters/a/index.html"]);
    writes.write(() => written.push("feed.xml"));
    writes.release();
    expect(written).toEqual(["feed.xml"]);
    writes.arrived("letters/a/index.html");
    writes.release();
    writes.write(() => written.push("sitemap.xml"));
    expect(written).toEqual(["feed.xml", "sitemap.xml"]);
  });
});
