import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadRepository } from "../../scripts/lib/load-repository.ts";
import { formatProblem } from "../../scripts/lib/problem.ts";
import { copyFixtureRepo } from "../helpers/run.ts";

describe("a closed letter", () => {
  it("refuses a new signature: one dated after the day it closed", async () => {
    const root = await copyFixtureRepo("life");
    const letter = join(root, "content", "letters", "past-letter", "index.md");
    await writeFile(letter, (await readFile(letter, "utf8")).replace("status: open", "status: closed"));
    await writeFile(join(root, "signatories", "past-letter", "late.yaml"), "name: Late Organisation\ntype: organisation\ncountry: AT\nsigned: 2019-04-01\n");
    expect((await loadRepository(root)).problems.map((p) => formatProblem(p))).toEqual([
      'signatories/past-letter/late.yaml:4:9: "signed" is 2019-04-01, after this letter closed on 2019-03-31; signatures are no longer accepted',
    ]);
  });
});
