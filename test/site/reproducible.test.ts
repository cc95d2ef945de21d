import { createHash } from "node:crypto";
import { readFile, readdir } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { writeReaderRepo } from "../helpers/reader-site.ts";
import { fixture, runNode, runScript, tempDir } from "../helpers/run.ts";

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

  // `npm run build` runs Eleventy dry and writes the files itself; `npm start` lets Eleventy write
  // them. Both render the lists and exports when each page is finished (scripts/lib/deferred-content.ts).
  it("Eleventy on its own, as `npm start` runs it, writes the same site as `npm run build`", async () => {
    const env = { SOURCE_DATE_EPOCH: "1700000000" };
    const root = await writeReaderRepo();
    const [built, alone] = [await tempDir("undersigned-built-"), await tempDir("undersigned-alone-")];
    expect((await runScript("build", ["--root", root, "--output", built, "--quiet"], { env })).code).toBe(0);
    const eleventy = await runNode(["--import", "tsx", "node_modules/@11ty/eleventy/cmd.cjs", "--config=.eleventy.ts", `--output=${alone}`, "--quiet"], { env: { ...env, UNDERSIGNED_ROOT: root } });
    expect(eleventy.stderr).toBe("");
    expect(eleventy.code).toBe(0);
    // Pagefind numbers its records as it lists its temporary folder, which each run puts elsewhere.
    const withoutIndex = (files: Record<string, string>) => Object.fromEntries(Object.entries(files).filter(([file]) => !file.startsWith("pagefind/")));
    const [a, b] = [await fingerprint(built), await fingerprint(alone)];
    expect(Object.keys(a)).toEqual(expect.arrayContaining(["letters/big-letter/organisations/2/index.html", "letters/big-letter/signatories.csv", "letters/big-letter/print/index.html", "assets/search.js", "pagefind/pagefind.js"]));
    expect(Object.keys(b)).toContain("pagefind/pagefind.js");
    expect(withoutIndex(b)).toEqual(withoutIndex(a));
    for (const file of Object.keys(a)) if (!file.startsWith("pagefind/")) expect(await readFile(join(built, file), "utf8"), file).not.toContain("<!--deferred:");
  });
});
