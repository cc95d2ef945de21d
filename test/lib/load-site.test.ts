import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { writeSyntheticRepository } from "../../scripts/lib/bench/synthetic.ts";
import { CHECK_CHUNK_FILES } from "../../scripts/lib/check-signatory-files.ts";
import { loadRepository } from "../../scripts/lib/load-repository.ts";
import { loadSite } from "../../scripts/lib/load-site.ts";
import { loadSettings } from "../../scripts/lib/settings.ts";
import { buildSiteData } from "../../scripts/lib/site-data.ts";
import { todayIso } from "../../scripts/lib/today.ts";
import { tempDir } from "../helpers/run.ts";

// A fixed day, so that the site made while loading and the one made after are made for the same one.
const EPOCH = String(Date.parse("2024-03-01T12:00:00Z") / 1000);
let epochBefore: string | undefined;
beforeEach(() => {
  epochBefore = process.env.SOURCE_DATE_EPOCH;
  process.env.SOURCE_DATE_EPOCH = EPOCH;
});
afterEach(() => {
  if (epochBefore === undefined) delete process.env.SOURCE_DATE_EPOCH;
  else process.env.SOURCE_DATE_EPOCH = epochBefore;
});

describe("loadSite", () => {
  it("makes the site data that the loaded repository makes, with each letter's views made as it was loaded", async () => {
    const root = await tempDir("undersigned-load-site-");
    // Several chunks per letter, shared by two worker threads and the main thread.
    await writeSyntheticRepository(root, { signatories: CHECK_CHUNK_FILES * 6, letters: 3 });
    const { site, repo } = await loadSite(root, { threads: 2 });
    const { settings } = await loadSettings(root);
    expect(repo.letters).toHaveLength(3);
    expect(site).toEqual(buildSiteData(await loadRepository(root, { threads: 0 }), settings!, todayIso()));
  });
});
