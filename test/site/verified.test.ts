import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { load, type CheerioAPI } from "cheerio";
import { beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.ts";
import { copyFixtureRepo, runScript, tempDir } from "../helpers/run.ts";

let $: CheerioAPI;
let $beta: CheerioAPI;

beforeAll(async () => {
  const root = await copyFixtureRepo("site");
  const verified = await runCli(root, ["verify", "alpha-letter", "zeta", "--method", "domain", "--by", "octocat", "--date", "2024-03-01"]);
  expect(verified.code).toBe(0);
  const output = await tempDir("undersigned-verified-");
  const build = await runScript("build", ["--root", root, "--output", output, "--quiet"]);
  expect(build.code).toBe(0);
  $ = load(await readFile(join(output, "letters", "alpha-letter", "index.html"), "utf8"));
  $beta = load(await readFile(join(output, "letters", "beta-letter", "index.html"), "utf8"));
});

describe("a signature verified with undersigned verify", () => {
  it("carries a small mark that links to its explanation", () => {
    const mark = $("#zeta .verified");
    expect(mark.text()).toBe("✓ verified");
    expect(mark.attr("href")).toBe("#verified_note");
    expect(mark.find('[aria-hidden="true"]').text()).toBe("✓");
    expect($("#verified_note").text()).toBe("✓ Verified: a maintainer checked that this signature is genuine, through the signatory's own GitHub account, by e-mail, through the organisation's website or domain, or because a maintainer knows them.");
  });

  it("marks no other signatory, and explains nothing on a letter without verified signatures", () => {
    expect($(".verified").length).toBe(1);
    expect($beta(".verified, #verified_note").length).toBe(0);
  });
});
