import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { builtPathPrefix } from "../../scripts/lib/built-prefix.ts";
import { tempDir } from "../helpers/run.ts";

async function siteWithHome(html: string | undefined): Promise<string> {
  const dir = await tempDir("undersigned-prefix-");
  await mkdir(dir, { recursive: true });
  if (html !== undefined) await writeFile(join(dir, "index.html"), html);
  return dir;
}

describe("builtPathPrefix", () => {
  it.each([
    ['<link rel="stylesheet" href="/assets/site.css">', "/"],
    ['<link rel="stylesheet" href="/repo-name/assets/site.css">', "/repo-name/"],
    ["<p>no stylesheet</p>", undefined],
    [undefined, undefined],
  ])("reads %j as %j", async (html, prefix) => {
    expect(builtPathPrefix(await siteWithHome(html))).toBe(prefix);
  });
});
