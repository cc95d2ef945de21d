import { describe, expect, it } from "vitest";
import { DeferredContent } from "../../scripts/lib/deferred-content.ts";

describe("DeferredContent", () => {
  it("renders each marker's content when the page is expanded, not before", () => {
    const deferred = new DeferredContent();
    const rendered: string[] = [];
    const first = deferred.defer(() => {
      rendered.push("first");
      return "<li>A</li>";
    });
    const second = deferred.defer(() => {
      rendered.push("second");
      return "<li>B</li>";
    });
    expect(rendered).toEqual([]);
    expect(deferred.pending).toBe(2);
    expect(deferred.expand(`<ul>${first}</ul><ol>${second}</ol>`)).toBe("<ul><li>A</li></ul><ol><li>B</li></ol>");
    expect(rendered).toEqual(["first", "second"]);
    expect(deferred.pending).toBe(0);
  });

  it("leaves a page without markers as it is", () => {
    const deferred = new DeferredContent();
    const page = "<p>No list here <!-- a comment --></p>";
    expect(deferred.expand(page)).toBe(page);
  });

  it("puts the content in literally, replacement patterns included", () => {
    const deferred = new DeferredContent();
    expect(deferred.expand(`[${deferred.defer(() => "$& $1 $$")}]`)).toBe("[$& $1 $$]");
  });

  it("never expands a marker it did not make, even one written like its own", () => {
    const deferred = new DeferredContent();
    const other = new DeferredContent();
    const foreign = other.defer(() => "<li>other build</li>");
    const forged = "<!--deferred:00000000-0000-0000-0000-000000000000:0-->";
    deferred.defer(() => "<li>mine</li>");
    expect(deferred.expand(`${foreign}${forged}`)).toBe(`${foreign}${forged}`);
    expect(deferred.pending).toBe(1);
  });

  it("refuses to put one content into two pages, rather than leave the second without it", () => {
    const deferred = new DeferredContent();
    const marker = deferred.defer(() => "<li>A</li>");
    expect(deferred.expand(marker)).toBe("<li>A</li>");
    expect(() => deferred.expand(marker)).toThrow("deferred content 0 was already put into another page; a page's content cannot be reused");
  });
});
