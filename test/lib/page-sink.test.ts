import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { SiteFileWriter } from "../../scripts/lib/page-sink.ts";
import { tempDir } from "../helpers/run.ts";

describe("SiteFileWriter", () => {
  it("writes files into folders it makes as needed, and counts them", async () => {
    const site = await tempDir("undersigned-sink-");
    const files = new SiteFileWriter();
    const written: [string, string][] = [
      ["index.html", "<p>home</p>"],
      ["letters/a/index.html", "<p>a</p>"],
      ["letters/a/signatories.csv", "\uFEFFid,name\r\n"],
      ["letters/a/organisations/2/index.html", "<p>page 2</p>"],
    ];
    for (const [path, content] of written) files.write(join(site, path), content);
    for (const [path, content] of written) expect(await readFile(join(site, path), "utf8")).toBe(content);
    expect(files.count).toBe(written.length);
  });
});
