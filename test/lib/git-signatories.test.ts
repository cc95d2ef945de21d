import { beforeAll, describe, expect, it } from "vitest";
import { signatoriesAt } from "../../scripts/lib/git-signatories.ts";
import { loadRepository } from "../../scripts/lib/load-repository.ts";
import { fixture } from "../helpers/run.ts";
import { fixtureGitRepo, pullRequestBranch } from "../helpers/git-repo.ts";

const A = "signatories/alpha-letter";
let repo: string;

beforeAll(async () => {
  repo = await fixtureGitRepo("site");
  pullRequestBranch(repo, "refused", [
    { write: `${A}/no-type.yaml`, text: "name: No Type Org\ncountry: KE\nsigned: 2026-01-10\n" },
    { write: `${A}/Upper-Case.yaml`, text: "name: Upper Org\ntype: organisation\ncountry: KE\nsigned: 2026-01-10\n" },
    { write: `${A}/deeper/nested.yaml`, text: "name: Nested Org\ntype: organisation\ncountry: KE\nsigned: 2026-01-10\n" },
    { write: `${A}/good-new.yaml`, text: "name: Good New Org\ntype: organisation\ncountry: KE\nsigned: 2026-01-10\n" },
    { symlink: `${A}/link.yaml`, to: "adam.yaml" },
  ]);
});

describe("signatoriesAt", () => {
  it("gives the valid signatories of a commit's letter folders, as the loader reads them from disk", async () => {
    const fromGit = await signatoriesAt(repo, "main", ["signatories/alpha-letter", "signatories/beta-letter"]);
    const fromDisk = (await loadRepository(fixture("repos", "site"))).signatories;
    expect([...fromGit.keys()]).toEqual(["alpha-letter", "beta-letter"]);
    expect(fromGit.get("alpha-letter")).toEqual(fromDisk.get("alpha-letter"));
    expect(fromGit.get("beta-letter")).toEqual(fromDisk.get("beta-letter"));
  });

  it("leaves out what the loader refuses: invalid files, names that are not slugs, nested files and links", async () => {
    const slugs = (await signatoriesAt(repo, "refused", [A])).get("alpha-letter")!.map((s) => s.slug);
    expect(slugs).toEqual([...(await signatoriesAt(repo, "main", [A])).get("alpha-letter")!.map((s) => s.slug), "good-new"].sort());
  });
});
