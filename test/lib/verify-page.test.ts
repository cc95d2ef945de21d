import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { verifyPage, wantedOf } from "../../scripts/lib/verify-page.ts";
import { tempDir } from "../helpers/run.ts";

async function countProblems(lang: string, shown: string, listed: number): Promise<string[]> {
  const dir = await tempDir("undersigned-count-");
  await writeFile(join(dir, "index.html"), `<!doctype html><html lang="${lang}"><body><p data-count-of="x" data-count="${listed}">${shown}</p></body></html>`);
  const signatories = new Map([["x", Array.from({ length: listed }, (_, i) => `s${i}`)]]);
  return verifyPage(dir, "index.html", wantedOf(signatories), signatories).problems.map((p) => p.message);
}

describe("verifyPage: the counts shown", () => {
  it.each([
    ["ar", "لا يوجد موقّعون", 0],
    ["ar", "موقّع واحد", 1],
    ["ar", "موقّعان", 2],
    ["ar", "3 موقّعين", 3],
    ["en", "2 signatories", 2],
  ])("accepts %s %j for %i, a count the language may write in words", async (lang, shown, listed) => {
    expect(await countProblems(lang, shown, listed)).toEqual([]);
  });

  it("refuses a count whose number is not shown, in words or digits", async () => {
    expect(await countProblems("ar", "موقّع واحد", 2)).toEqual(['the count for x shows "موقّع واحد", not the number 2']);
  });
});
