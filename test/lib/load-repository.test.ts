import { mkdir, readFile, symlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadRepository } from "../../scripts/lib/load-repository.ts";
import { formatProblem } from "../../scripts/lib/problem.ts";
import { copyFixtureRepo, fixture } from "../helpers/run.ts";

const lines = async (root: string, only?: string[]) =>
  (await loadRepository(root, only === undefined ? {} : { only })).problems.map((p) => formatProblem(p));

describe("loadRepository", () => {
  it("loads the fixture site: letters by slug, signatories by letter in file order", async () => {
    const repo = await loadRepository(fixture("repos", "site"));
    expect(repo.problems).toEqual([]);
    expect(repo.letters.map((l) => [l.slug, l.lang, l.file])).toEqual([
      ["alpha-letter", "en", "content/letters/alpha-letter/index.md"],
      ["beta-letter", "fr", "content/letters/beta-letter/index.md"],
    ]);
    expect(repo.signatories.get("alpha-letter")?.map((s) => s.slug)).toEqual(["adam", "aerzte", "bea", "html-name", "quoted", "zeta"]);
  });

  it("refuses stray files, bad names, symbolic links and folders where files belong", async () => {
    const root = await copyFixtureRepo("site");
    const dir = join(root, "signatories", "alpha-letter");
    await writeFile(join(dir, "README.md"), "notes\n");
    await writeFile(join(dir, "Jane Doe.yaml"), "name: Jane Doe\n");
    await writeFile(join(dir, "jane.yml"), "name: Jane\n");
    await writeFile(join(dir, `${"a".repeat(65)}.yaml`), "name: A\n");
    await writeFile(join(dir, "__proto__.yaml"), "name: A\n");
    await symlink("/etc/passwd", join(dir, "passwd.yaml"));
    await mkdir(join(dir, "nested"));
    await writeFile(join(root, "signatories", "notes.txt"), "x\n");
    await mkdir(join(root, "signatories", "Bad_Folder"));
    const slugRule = "use only lowercase letters a-z, digits and hyphens, at most 64 characters";
    expect(await lines(root)).toEqual([
      `signatories/Bad_Folder: this folder name is not accepted: ${slugRule}; rename it, e.g. to bad-folder`,
      `signatories/alpha-letter/Jane Doe.yaml: this file name is not accepted: ${slugRule}, ending in .yaml; rename it, e.g. to jane-doe.yaml`,
      `signatories/alpha-letter/README.md: this file name is not accepted: ${slugRule}, ending in .yaml; rename it, e.g. to readme-md.yaml`,
      `signatories/alpha-letter/__proto__.yaml: this file name is not accepted: ${slugRule}, ending in .yaml; rename it, e.g. to proto.yaml`,
      `signatories/alpha-letter/${"a".repeat(65)}.yaml: this file name is not accepted: ${slugRule}, ending in .yaml; rename it, e.g. to ${"a".repeat(64)}.yaml`,
      `signatories/alpha-letter/jane.yml: this file name is not accepted: ${slugRule}, ending in .yaml; rename it, e.g. to jane.yaml`,
      "signatories/alpha-letter/nested: a folder is not accepted here; each signatory is one regular file named <name>.yaml",
      "signatories/alpha-letter/passwd.yaml: a symbolic link is not accepted (it could point outside the repository); replace it with the file or folder itself",
      "signatories/notes.txt: only one folder per letter belongs in signatories/; move this file into signatories/<letter>/ or delete it",
    ]);
  });

  it("reports a letter with an error once, on the letter, not on each of its signatories as if it did not exist", async () => {
    const root = await copyFixtureRepo("site");
    const file = join(root, "content", "letters", "alpha-letter", "index.md");
    await writeFile(file, (await readFile(file, "utf8")).replace("status: open", "status: opne"));
    expect(await lines(root)).toEqual(['content/letters/alpha-letter/index.md:11:9: "status" must be open or closed (got "opne")']);
  });

  it("refuses a letter folder without index.md and an index.md that is a link", async () => {
    const root = await copyFixtureRepo("site");
    await mkdir(join(root, "content", "letters", "empty-letter"));
    await mkdir(join(root, "content", "letters", "linked-letter"));
    await symlink("../alpha-letter/index.md", join(root, "content", "letters", "linked-letter", "index.md"));
    expect(await lines(root)).toEqual([
      "content/letters/empty-letter: this letter folder has no index.md; add the letter as index.md",
      "content/letters/linked-letter/index.md: a symbolic link is not accepted (it could point outside the repository); replace it with the file or folder itself",
    ]);
  });

  it("with `only`, reports the problem of a folder that holds a named file, such as a sub-folder of a letter's", async () => {
    const root = await copyFixtureRepo("site");
    await mkdir(join(root, "signatories", "alpha-letter", "sub"));
    await writeFile(join(root, "signatories", "alpha-letter", "sub", "acme.yaml"), "name: ACME\ntype: organisation\ncountry: KE\nsigned: 2020-01-20\n");
    expect(await lines(root, ["signatories/alpha-letter/sub/acme.yaml"])).toEqual([
      "signatories/alpha-letter/sub: a folder is not accepted here; each signatory is one regular file named <name>.yaml",
    ]);
    expect(await lines(root, ["signatories/alpha-letter/zeta.yaml"])).toEqual([]);
  });

  it("with `only`, reports just the given files but still applies cross-file rules to them", async () => {
    const root = fixture("repos", "rule-unique-names");
    expect(await lines(root, ["signatories/alpha/acme-fullwidth.yaml"])).toEqual([
      'signatories/alpha/acme-fullwidth.yaml:1:7: "Ａｃｍｅ" has already signed this letter in signatories/alpha/acme.yaml (names are compared ignoring case, accents, punctuation and look-alike letters); delete this file',
    ]);
    expect(await lines(root, ["signatories/alpha/acme.yaml"])).toEqual([]);
  });

  it("with `only` signatory files, reads no other letter's signatories: they share no rule", async () => {
    const root = await copyFixtureRepo("site");
    await writeFile(join(root, "signatories", "beta-letter", "broken.yaml"), "name: [\n");
    const repo = await loadRepository(root, { only: ["signatories/alpha-letter/zeta.yaml"] });
    expect(repo.problems).toEqual([]);
    expect(repo.signatories.get("alpha-letter")).toHaveLength(6);
    expect(repo.signatories.has("beta-letter")).toBe(false);
    expect(repo.letters.map((l) => l.slug)).toEqual(["alpha-letter", "beta-letter"]);
    expect(await lines(root, ["signatories/beta-letter/broken.yaml"])).toHaveLength(1);
  });

  it("with `signatoriesOf`, reads every letter and only those letters' signatories, reporting all of their problems", async () => {
    const root = await copyFixtureRepo("site");
    await writeFile(join(root, "signatories", "alpha-letter", "broken.yaml"), "name: [\n");
    const beta = await loadRepository(root, { signatoriesOf: ["beta-letter", "../alpha-letter"] });
    expect(beta.problems).toEqual([]);
    expect(beta.letters.map((l) => l.slug)).toEqual(["alpha-letter", "beta-letter"]);
    expect([...beta.signatories.keys()]).toEqual(["beta-letter"]);
    const alpha = await loadRepository(root, { signatoriesOf: ["alpha-letter"] });
    expect(alpha.problems.map((p) => p.file)).toEqual(["signatories/alpha-letter/broken.yaml"]);
    expect(alpha.signatories.get("alpha-letter")).toHaveLength(6);
  });

  it("returns no data for a file with an error, so nothing invalid reaches the site", async () => {
    const repo = await loadRepository(fixture("repos", "broken"));
    expect(repo.signatories.get("alpha-letter")?.map((s) => s.slug)).toEqual(["good-org"]);
    expect(repo.signatories.get("no-such-letter")).toEqual([]);
  });
});
