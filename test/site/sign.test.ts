import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { load, type CheerioAPI } from "cheerio";
import { beforeAll, describe, expect, it } from "vitest";
import { fixture, runScript, tempDir } from "../helpers/run.ts";

let output: string;

async function page(path: string): Promise<CheerioAPI> {
  return load(await readFile(join(output, path), "utf8"));
}

beforeAll(async () => {
  output = await tempDir("undersigned-sign-");
  const build = await runScript("build", ["--root", fixture("repos", "site"), "--output", output, "--pathprefix=/repo-name/", "--quiet"], { env: { SOURCE_DATE_EPOCH: "1777593600" } });
  expect(build.code).toBe(0);
});

describe("the Sign this letter section", () => {
  it("on an open letter, links to GitHub's editor for the repository and branch in settings, and to the form", async () => {
    const $ = await page("letters/alpha-letter/index.html");
    const section = $("section.sign");
    expect(section.attr("aria-labelledby")).toBe("sign_heading");
    expect(section.is("[data-pagefind-ignore]")).toBe(true);
    expect($("#sign_heading").text()).toBe("Sign this letter");
    expect(section.find("ol li").length).toBe(3);
    const editor = new URL($("#sign_editor").attr("href")!);
    expect(`${editor.origin}${editor.pathname}`).toBe("https://github.com/example/fixture-site/new/main");
    expect(editor.searchParams.get("filename")).toBe("signatories/alpha-letter/your-name.yaml");
    expect(editor.searchParams.get("value")).toContain("\nsigned: 2026-05-01   # today's date, YYYY-MM-DD\n");
    expect(editor.searchParams.get("value")).toContain('# Signing "Alpha letter & friends".');
    expect($("#sign_form").attr("href")).toBe("https://github.com/example/fixture-site/issues/new?template=sign.yml&letter=alpha-letter&title=Signature%3A%20alpha-letter");
    expect($("#sign_editor").text()).toBe("Sign on GitHub");
  });

  it("comes between the letter and the list of signatories", async () => {
    const $ = await page("letters/alpha-letter/index.html");
    expect($("article > *").map((_, el) => $(el).attr("class")).get()).toEqual(expect.arrayContaining(["letter-body", "sign", "signatories"]));
    const order = $("article").children().map((_, el) => $(el).attr("class")).get();
    expect(order.indexOf("sign")).toBe(order.indexOf("letter-body") + 1);
    expect(order.indexOf("signatories")).toBe(order.indexOf("sign") + 1);
  });

  it("on a closed letter, says it is closed and offers no way to sign", async () => {
    const $ = await page("letters/beta-letter/index.html");
    expect($("html").attr("lang")).toBe("fr");
    expect($(".sign-closed").text()).toBe("Cette lettre est close. Les nouvelles signatures ne sont plus acceptées.");
    expect($("#sign_editor, #sign_form").length).toBe(0);
    expect($("#sign_withdraw").attr("href")).toContain("template=withdraw.yml&letter=beta-letter");
  });
});
