import { describe, expect, it } from "vitest";
import type { Document } from "yaml";
import { editYaml } from "../../../scripts/lib/cli/edit-yaml.ts";

const TEXT = "title: A letter\nsummary: >-\n  Folded over\n  two lines.\nstatus: open    # until it closes\ntags: [a,  b]\n";

describe("editYaml", () => {
  it.each([
    ["changes one field's line and keeps every other as written", (doc: Document) => doc.set("status", "closed"), TEXT.replace("status: open    # until it closes", "status: closed # until it closes")],
    ["puts new fields after the last one, in the document's order", (doc: Document) => {
      doc.set("one", 1);
      doc.set("two", [{ date: "2020-01-02" }]);
    }, `${TEXT}one: 1\ntwo:\n  - date: 2020-01-02\n`],
    ["removes a field's lines, its folded value included", (doc: Document) => doc.delete("summary"), TEXT.replace("summary: >-\n  Folded over\n  two lines.\n", "")],
    ["keeps Windows line ends", (doc: Document) => doc.set("status", "closed"), TEXT.replace("status: open    # until it closes", "status: closed # until it closes").replace(/\n/g, "\r\n"), true],
  ])("%s", (_, edit, expected, crlf = false) => {
    expect(editYaml(crlf ? TEXT.replace(/\n/g, "\r\n") : TEXT, "f.yaml", edit)).toBe(expected);
  });

  it("writes the whole document back when a key is not plain text at the start of its line", () => {
    expect(editYaml('"title": A\nstatus: open\n', "f.yaml", (doc) => doc.set("status", "closed"))).toBe('"title": A\nstatus: closed\n');
  });
});
