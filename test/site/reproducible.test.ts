import { createHash } from "node:crypto";
import { readFile, readdir } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fixture, runScript, tempDir } from "../helpers/run.ts";

/** Every file of a built site with the SHA-256 of its bytes, in path order. */
async function fingerprint(dir: string): Promise<Record<string, string>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name).slice(dir.length + 1)).sort();
  const result: Record<string, string> = {};
  for (const file of files) result[file] = createHash("sha256").update(await readFile(join(dir, file))).digest("hex");
  return result;
}

describe("reproducible builds", () => {
  it("two builds of the same content into different folders are byte-identical, Pagefind index included", async () => {
    const env = { SOURCE_DATE_EPOCH: "1700000000" };
    const args = (out: string) => ["--root", fixture("repos", "site"), "--output", out, "--pathprefix=/repo-name/", "--quiet"];
    const [first, second] = [await tempDir("undersigned-repro-a-"), await tempDir("undersigned-repro-b-")];
    expect((await runScript("build", args(first), { env })).code).toBe(0);
    expect((await runScript("build", args(second), { env })).code).toBe(0);
    const a = await fingerprint(first);
    expect(Object.keys(a).filter((f) => f.startsWith("pagefind/index/") || f.startsWith("pagefind/fragment/")).length).toBeGreaterThan(0);
    expect(Object.keys(a)).toContain("letters/alpha-letter/index.html");
    expect(await fingerprint(second)).toEqual(a);
  });
});
