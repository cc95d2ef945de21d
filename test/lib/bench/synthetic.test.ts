import { readFile, readdir } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { writeSyntheticRepository } from "../../../scripts/lib/bench/synthetic.ts";
import { loadRepository } from "../../../scripts/lib/load-repository.ts";
import { tempDir } from "../../helpers/run.ts";

describe("writeSyntheticRepository", () => {
  it("writes a valid repository, spread over the letters, the same for the same seed", async () => {
    const [a, b] = [await tempDir(), await tempDir()];
    await writeSyntheticRepository(a, { signatories: 300, letters: 3, seed: 7 });
    await writeSyntheticRepository(b, { signatories: 300, letters: 3, seed: 7 });
    const repo = await loadRepository(a);
    expect(repo.problems).toEqual([]);
    expect(repo.letters.map((l) => l.slug)).toEqual(["letter-1", "letter-2", "letter-3"]);
    expect([...repo.signatories.values()].map((list) => list.length)).toEqual([100, 100, 100]);
    const file = join("signatories", "letter-2", "signatory-5.yaml");
    expect(await readFile(join(a, file), "utf8")).toBe(await readFile(join(b, file), "utf8"));
    const all = [...repo.signatories.values()].flat();
    expect(new Set(all.map((s) => s.type))).toEqual(new Set(["organisation", "individual"]));
    expect(all.some((s) => /[\u0400-\u04FF]/.test(s.name)) && all.some((s) => /[\u0600-\u06FF]/.test(s.name)) && all.some((s) => /[\u4E00-\u9FFF]/.test(s.name))).toBe(true);
    expect(new Set(all.map((s) => s.signed)).size).toBeGreaterThan(10);
    expect(await readdir(join(a, "content", "letters"))).toEqual(["letter-1", "letter-2", "letter-3"]);
  });
});
