import { describe, expect, it } from "vitest";
import { exportLetter } from "../../../scripts/lib/cli/export.ts";
import { openWorkspace } from "../../../scripts/lib/cli/workspace.ts";
import { runCli } from "../../helpers/cli.ts";
import { copyFixtureRepo } from "../../helpers/run.ts";

const TODAY = "2024-03-09";

describe("exportLetter with a path prefix", () => {
  it.each([
    ["/repo-name/", "https://example.github.io/repo-name/letters/alpha-letter/#adam"],
    ["repo-name", "https://example.github.io/repo-name/letters/alpha-letter/#adam"],
    ["/", "https://example.github.io/letters/alpha-letter/#adam"],
    [undefined, "https://example.github.io/letters/alpha-letter/#adam"],
  ])("gives each address under the prefix %s, as the built site's downloads do", async (pathPrefix, address) => {
    const ws = await openWorkspace(await copyFixtureRepo("site"));
    const csv = exportLetter(ws, "alpha-letter", "csv", TODAY, pathPrefix);
    expect(csv.split("\r\n").find((row) => row.startsWith("adam,"))).toBe(`adam,Adam Individual,individual,JP,,Example University,Professor,,2020-02-01,,${address}`);
    const json = JSON.parse(exportLetter(ws, "alpha-letter", "json", TODAY, pathPrefix)) as { signatories: { id: string; address: string }[] };
    expect(json.signatories.find((s) => s.id === "adam")?.address).toBe(address);
  });
});

describe("undersigned export --pathprefix", () => {
  it("takes the build's option and says so in --help", async () => {
    const root = await copyFixtureRepo("site");
    const result = await runCli(root, ["export", "alpha-letter", "--format", "csv", "--pathprefix=/repo-name/"]);
    expect(result.stderr).toBe("");
    expect(result.stdout).toContain(",https://example.github.io/repo-name/letters/alpha-letter/#adam\r\n");
    const help = await runCli(root, ["export", "--help"]);
    const option = help.stdout.split("\n").find((l) => l.trimStart().startsWith("--pathprefix"));
    expect(option?.replace(/ {2,}/g, "  ")).toBe("  --pathprefix <prefix>  where the site is served from, as given to npm run build: /repo-name/ for a GitHub Pages project site, so that the csv and json addresses match the site's own downloads (default: /)");
  });
});
