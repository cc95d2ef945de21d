import { describe, expect, it } from "vitest";
import { DeferredContent } from "../../scripts/lib/deferred-content.ts";

describe("DeferredContent", () => {
  it("renders each marker's pieces when the page is expanded, not before, one after another", () => {
    const deferred = new DeferredContent();
    const rendered: string[] = [];
    const first = deferred.defer(() => {
      rendered.push("first");
      return ["<li>A</li>", "<li>B</li>"];
    });
    const second = deferred.defer(() => {
      rendered.push("second");
      return ["<li>C</li>"];
    });
    expect(rendered).toEqual([]);
    expect(deferred.pending).toBe(2);
    expect(deferred.expand(`<ul>${first}</ul><ol>${second}</ol>`)).toBe("<ul><li>A</li><li>B</li></ul><ol><li>C</li></ol>");
    expect(rendered).toEqual(["first", "second"]);
    expect(deferred.pending).toBe(0);
  });

  it("hands a page over piece by piece: the text around the markers, and each piece as its renderer makes it", () => {
    const deferred = new DeferredContent();
    const events: string[] = [];
    function* pieces(): Generator<string> {
      for (const piece of ["<li>1</li>", "\n<li>2</li>"]) {
        events.push(`made ${piece}`);
        yield piece;
      }
    }
    const page = `<ul>\n${deferred.defer(pieces)}\n</ul>${deferred.defer(() => [])}<p>end</p>`;
    deferred.expandInto(page, (piece) => events.push(`emitted ${piece}`));
    // Each piece is made only once the one before it is handed over.
    expect(events).toEqual(["emitted <ul>\n", "made <li>1</li>", "emitted <li>1</li>", "made \n<li>2</li>", "emitted \n<li>2</li>", "emitted \n</ul>", "emitted <p>end</p>"]);
  });

  it.each([
    ["a page without markers", "<p>No list here <!-- a comment --></p>"],
    ["an empty page", ""],
  ])("leaves %s as it is, whole or in pieces", (_, page) => {
    const deferred = new DeferredContent();
    expect(deferred.expand(page)).toBe(page);
    const pieces: string[] = [];
    deferred.expandInto(page, (piece) => pieces.push(piece));
    expect(pieces.join("")).toBe(page);
  });

  it("puts the content in literally, replacement patterns included", () => {
    const deferred = new DeferredContent();
    expect(deferred.expand(`[${deferred.defer(() => ["$& $1 $$"])}]`)).toBe("[$& $1 $$]");
  });

  it("never expands a marker it did not make, even one written like its own", () => {
    const deferred = new DeferredContent();
    const other = new DeferredContent();
    const foreign = other.defer(() => ["<li>other build</li>"]);
    const forged = "<!--deferred:00000000-0000-0000-0000-000000000000:0-->";
    deferred.defer(() => ["<li>mine</li>"]);
    expect(deferred.expand(`${foreign}${forged}`)).toBe(`${foreign}${forged}`);
    expect(deferred.pending).toBe(1);
  });

  it("refuses to put one content into two pages, rather than leave the second without it", () => {
    const deferred = new DeferredContent();
    const marker = deferred.defer(() => ["<li>A</li>"]);
    expect(deferred.expand(marker)).toBe("<li>A</li>");
    expect(() => deferred.expand(marker)).toThrow("deferred content 0 was already put into another page; a page's content cannot be reused");
  });
});
