import { cp, mkdir, readdir } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkSignatoryFiles, checkSignatoryFilesInParallel } from "../../scripts/lib/check-signatory-files.ts";
import { fixture, tempDir } from "../helpers/run.ts";

describe("checkSignatoryFilesInParallel", () => {
  it("gives the same signatories, texts and problems, in the same order, as one thread", async () => {
    const root = await tempDir("undersigned-parallel-");
    await mkdir(join(root, "signatories"), { recursive: true });
    await cp(fixture("signatory-files"), join(root, "signatories", "a-letter"), { recursive: true });
    // A valid file that sorts first, so that both halves hold valid and invalid files.
    await cp(fixture("signatory-files", "valid-organisation.yaml"), join(root, "signatories", "a-letter", "a-valid-copy.yaml"));
    const files = (await readdir(join(root, "signatories", "a-letter"))).sort().map((name) => `signatories/a-letter/${name}`);
    const oneThread = checkSignatoryFiles(root, files);
    const middle = Math.ceil(files.length / 2);
    for (const half of [files.slice(0, middle), files.slice(middle)]) {
      expect(half.some((f) => oneThread.texts.has(f))).toBe(true);
      expect(oneThread.problems.some((p) => half.includes(p.file))).toBe(true);
    }
    expect(await checkSignatoryFilesInParallel(root, files, 2)).toEqual(oneThread);
  });
});
