import { describe, expect, it } from "vitest";
import { runCli, readRepoFile, signatoryFiles } from "../../helpers/cli.ts";
import { copyFixtureRepo, runScript } from "../../helpers/run.ts";

describe("undersigned sign, with flags", () => {
  it("writes a valid file under the letter, reading the type and country as people write them", async () => {
    const root = await copyFixtureRepo("site");
    const result = await runCli(root, ["sign", "alpha-letter", "--name", "  Example Foundation ", "--type", "Organization", "--country", "kenya", "--url", "https://example.org"]);
    expect(result.stderr).toBe("");
    expect(result.stdout).toBe('Added "Example Foundation" to "Alpha letter & friends": signatories/alpha-letter/example-foundation.yaml\n');
    expect(result.code).toBe(0);
    expect(await readRepoFile(root, "signatories/alpha-letter/example-foundation.yaml")).toBe("name: Example Foundation\ntype: organisation\ncountry: KE\nurl: https://example.org\nsigned: 2024-03-09\n");
    const validate = await runScript("validate", ["--root", root]);
    expect(validate.code).toBe(0);
  });

  it("quotes values the YAML reader would otherwise turn into something else", async () => {
    const root = await copyFixtureRepo("site");
    const result = await runCli(root, ["sign", "alpha-letter", "--name", "null", "--type", "individual", "--country", "global", "--role", "#1 fan", "--signed", "2024-01-02"]);
    expect(result.code).toBe(0);
    expect(await readRepoFile(root, "signatories/alpha-letter/null.yaml")).toBe('name: "null"\ntype: individual\nscope: global\nrole: "#1 fan"\nsigned: 2024-01-02\n');
  });

  it("refuses a duplicate and names the file that already holds it", async () => {
    const root = await copyFixtureRepo("site");
    const before = await signatoryFiles(root, "alpha-letter");
    const result = await runCli(root, ["sign", "alpha-letter", "--name", "ARZTE fur Menschenrechte!", "--type", "organisation", "--country", "DE"]);
    expect(result.stderr).toBe('error: "ARZTE fur Menschenrechte!" has already signed this letter: signatories/alpha-letter/aerzte.yaml. Nothing was written; edit that file if its details need changing.\n');
    expect(result.code).toBe(1);
    expect(await signatoryFiles(root, "alpha-letter")).toEqual(before);
  });

  it("refuses a second signature from the same website", async () => {
    const root = await copyFixtureRepo("site");
    const result = await runCli(root, ["sign", "alpha-letter", "--name", "Zeta Two", "--type", "organisation", "--country", "KE", "--url", "https://www.zeta.example.org/"]);
    expect(result.stderr).toBe('error: the website https://www.zeta.example.org/ already belongs to "Zeta Organisation": signatories/alpha-letter/zeta.yaml. Nothing was written; edit that file if its details need changing.\n');
    expect(result.code).toBe(1);
  });

  it("prints the validator's own message and writes nothing when a value is invalid", async () => {
    const root = await copyFixtureRepo("site");
    const result = await runCli(root, ["sign", "alpha-letter", "--name", "Insecure", "--type", "organisation", "--country", "KE", "--url", "http://insecure.example.org"]);
    expect(result.stderr).toBe('error: The signatory would not pass validation, so signatories/alpha-letter/insecure.yaml was not written:\n  signatories/alpha-letter/insecure.yaml:4:6: "url" must start with https:// (got "http://insecure.example.org")\n');
    expect(result.code).toBe(1);
    expect(await signatoryFiles(root, "alpha-letter")).not.toContain("insecure.yaml");
  });

  it("explains an unknown country, a missing answer and an unknown option", async () => {
    const root = await copyFixtureRepo("site");
    const country = await runCli(root, ["sign", "alpha-letter", "--name", "X", "--type", "organisation", "--country", "Narnia"]);
    expect(country.stderr).toBe('error: The signature cannot be written: unknown country "Narnia"; expected a country name (Kenya), a two-letter ISO code (KE), or global, international or regional.\n');
    expect(country.code).toBe(2);
    const missing = await runCli(root, ["sign", "alpha-letter", "--name", "X"]);
    expect(missing.stderr).toBe('error: Missing --type, --country. Expected every answer as a flag when not on a terminal, such as: undersigned sign <letter> --name "Example Foundation" --type organisation --country KE; see undersigned sign --help.\n');
    expect(missing.code).toBe(2);
    const option = await runCli(root, ["sign", "alpha-letter", "--nmae", "X"]);
    expect(option.stderr).toBe("error: Unknown option '--nmae' for undersigned sign. Expected one of: --name, --type, --country, --url, --affiliation, --role, --github, --signed, --slug, --yes, --root; see undersigned sign --help.\n");
    const letter = await runCli(root, ["sign", "no-such", "--name", "X", "--type", "individual", "--country", "KE"]);
    expect(letter.stderr).toBe('error: No letter "no-such" in content/letters/. Expected one of: alpha-letter, beta-letter.\n');
    expect(letter.code).toBe(1);
  });

  it("gives a unique slug to a second individual with the same name from another country", async () => {
    const root = await copyFixtureRepo("site");
    const result = await runCli(root, ["sign", "alpha-letter", "--name", "Adam Individual", "--type", "individual", "--country", "FR"]);
    expect(result.stdout).toBe(
      'Added "Adam Individual" to "Alpha letter & friends": signatories/alpha-letter/adam-individual.yaml\n' +
        'signatories/alpha-letter/adam-individual.yaml:1:7: warning: "Adam Individual" has the same name as signatories/alpha-letter/adam.yaml, but a different country or affiliation; if they are the same signatory, delete one of the two files\n',
    );
    const again = await runCli(root, ["sign", "alpha-letter", "--name", "Adam Individual", "--type", "individual", "--country", "ES"]);
    expect(again.stdout.split("\n")[0]).toBe('Added "Adam Individual" to "Alpha letter & friends": signatories/alpha-letter/adam-individual-2.yaml');
  });

  it("shows help for the command", async () => {
    const root = await copyFixtureRepo("site");
    const result = await runCli(root, ["sign", "--help"]);
    expect(result.stdout.split("\n")[0]).toBe("Usage: undersigned sign [letter] [options]");
    expect(result.stdout).toContain("  --country <name or code>        country name (Kenya) or ISO code (KE), or global, international, regional\n");
    expect(result.code).toBe(0);
  });
});
