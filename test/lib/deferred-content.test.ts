import { describe, expect, it } from "vitest";
import { DeferredContent, LINES_PER_PIECE } from "../../scripts/lib/deferred-content.ts";

describe("DeferredContent", () => {
  it("renders each marker's lines when the page is expanded, not before, joined with newlines", () => {
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
    expect(deferred.expand(`<ul>${first}</ul><ol>${second}</ol>`)).toBe("<ul><li>A</li>\n<li>B</li></ul><ol><li>C</li></ol>");
    expect(rendered).toEqual(["first", "second"]);
    expect(deferred.pending).toBe(0);
  });

  it("hands a page over piece by piece: the text around the markers, and LINES_PER_PIECE lines at a time", () => {
    const deferred = new DeferredContent();
    const lines = Array.from({ length: LINES_PER_PIECE + 1 }, (_, i) => `<li>${i}</li>`);
    const page = `<ul>\n${deferred.defer(() => lines)}\n</ul>${deferred.defer(() => [])}<p>end</p>`;
    const pieces: string[] = [];
    deferred.expandInto(page, (piece) => pieces.push(piece));
    expect(pieces).toEqual(["<ul>\n", lines.slice(0, LINES_PER_PIECE).join("\n"), `\n<li>${LINES_PER_PIECE}</li>`, "\n</ul>", "<p>end</p>"]);
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
