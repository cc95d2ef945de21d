import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../../helpers/cli.ts";
import { copyFixtureRepo } from "../../helpers/run.ts";

let root: string;

beforeAll(async () => {
  root = await copyFixtureRepo("site");
  await runCli(root, ["verify", "alpha-letter", "zeta", "--method", "email", "--by", "octocat", "--date", "2024-03-01"]);
});

describe("undersigned export", () => {
  it("writes the site's CSV download, grouped and sorted as on the site", async () => {
    const result = await runCli(root, ["export", "alpha-letter", "--format", "csv"]);
    expect(result.stdout.split("\r\n")).toEqual([
      "\uFEFFid,name,type,country,scope,affiliation,role,url,signed,verified,address",
      `quoted,"""Quoted"" & <b>bold</b>",organisation,BR,,,,https://quote.example.org/?a=1&b='x',2020-01-18,,https://example.github.io/letters/alpha-letter/#quoted`,
      "html-name,<img src=x onerror=alert(1)>,organisation,KE,,,,,2020-01-16,,https://example.github.io/letters/alpha-letter/#html-name",
      "aerzte,Ärzte für Menschenrechte,organisation,DE,,,,,2020-01-17,,https://example.github.io/letters/alpha-letter/#aerzte",
      "zeta,Zeta Organisation,organisation,,global,,,https://zeta.example.org,2020-01-20,email by octocat on 2024-03-01,https://example.github.io/letters/alpha-letter/#zeta",
      "adam,Adam Individual,individual,JP,,Example University,Professor,,2020-02-01,,https://example.github.io/letters/alpha-letter/#adam",
      "bea,Bea Person,individual,,international,,,,2020-01-19,,https://example.github.io/letters/alpha-letter/#bea",
      "",
    ]);
  });

  it("writes Markdown with names escaped, and plain text to a file", async () => {
    const md = await runCli(root, ["export", "alpha-letter", "--format", "md"]);
    expect(md.stdout).toBe(
      [
        "# Alpha letter \\& friends",
        "",
        "Signed (as of February 1, 2020) — 6 signatories",
        "",
        "## Organisations (4)",
        "",
        `- ["Quoted" \\& \\<b\\>bold\\</b\\>](<https://quote.example.org/?a=1&b='x'>), Brazil`,
        "- \\<img src=x onerror=alert(1)\\>, Kenya",
        "- Ärzte für Menschenrechte, Germany",
        "- [Zeta Organisation](<https://zeta.example.org>), Global (verified)",
        "",
        "## Individuals (2)",
        "",
        "- Adam Individual, Japan — Professor, Example University (for identification purposes only)",
        "- Bea Person, International",
        "",
      ].join("\n"),
    );
    const out = join(root, "list.txt");
    const txt = await runCli(root, ["export", "alpha-letter", "--format", "txt", "--output", out]);
    expect(txt.stdout).toBe(`Wrote ${out}\n`);
    expect((await readFile(out, "utf8")).split("\n").slice(0, 8)).toEqual(["Alpha letter & friends", "======================", "", "Signed (as of February 1, 2020) — 6 signatories", "", "Organisations (4)", "-----------------", ""]);
  });

  it("never writes over what the site is built from, and over another existing file only with --force", async () => {
    const signatory = join(root, "signatories", "alpha-letter", "zeta.yaml");
    const before = await readFile(signatory, "utf8");
    const intoSignatories = await runCli(root, ["export", "alpha-letter", "--format", "md", "--output", signatory, "--force"]);
    expect(intoSignatories).toMatchObject({ code: 2, stdout: "" });
    expect(intoSignatories.stderr).toBe(`error: ${signatory} is inside signatories/, which the site is built from; write the export elsewhere, such as signatories.csv at the top of the repository.\n`);
    expect(await readFile(signatory, "utf8")).toBe(before);

    const notes = join(root, "notes.txt");
    await writeFile(notes, "keep me\n");
    const existing = await runCli(root, ["export", "alpha-letter", "--output", notes]);
    expect(existing).toMatchObject({ code: 2, stderr: `error: ${notes} already exists; choose another file name, or add --force to replace it.\n` });
    expect(await readFile(notes, "utf8")).toBe("keep me\n");
    const forced = await runCli(root, ["export", "alpha-letter", "--output", notes, "--force"]);
    expect(forced).toMatchObject({ code: 0, stdout: `Wrote ${notes}\n` });
    expect(await readFile(notes, "utf8")).toMatch(/^Alpha letter & friends\n/);
  });

  it("writes JSON and refuses an unknown format", async () => {
    const json = JSON.parse((await runCli(root, ["export", "beta-letter", "--format", "json"])).stdout) as { count: number; signatories: { id: string; address: string }[] };
    expect(json.count).toBe(1);
    expect(json.signatories.map((o) => [o.id, o.address])).toEqual([["organisation-francaise", "https://example.github.io/letters/beta-letter/#organisation-francaise"]]);
    const bad = await runCli(root, ["export", "alpha-letter", "--format", "pdf"]);
    expect(bad.stderr).toBe("error: Invalid --format: pdf. Expected one of: csv, json, md, txt.\n");
    expect(bad.code).toBe(2);
  });
});

describe("undersigned stats", () => {
  it("counts by type, place and ISO week, and those since a date", async () => {
    const result = await runCli(root, ["stats", "alpha-letter", "--since", "2020-01-19"]);
    expect(result.stdout).toBe(
      [
        "Alpha letter & friends (alpha-letter)",
        "Signatures: 6 (4 organisations, 2 individuals)",
        "New since 2020-01-19: 3",
        "By country or scope:",
        "  Brazil             1",
        "  Germany            1",
        "  Global             1",
        "  International      1",
        "  Japan              1",
        "  Kenya              1",
        "By week signed:",
        "  2020-W03      4",
        "  2020-W04      1",
        "  2020-W05      1",
        "",
      ].join("\n"),
    );
    const bad = await runCli(root, ["stats", "--since", "yesterday"]);
    expect(bad.stderr).toBe("error: Invalid --since: yesterday. Expected a real date as YYYY-MM-DD, such as 2024-03-05.\n");
  });
});
