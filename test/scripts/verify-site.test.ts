import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { fixture, runScript, tempDir } from "../helpers/run.ts";

// The verifier itself is tested in test/lib/verify-site.test.ts; this is the command's check of the prefix.
let site: string;

beforeAll(async () => {
  site = join(await tempDir("undersigned-prefixed-"), "_site");
  const build = await runScript("build", ["--root", fixture("repos", "site"), "--output", site, "--pathprefix=/repo-name/", "--quiet"]);
  expect(build.code).toBe(0);
});

describe("npm run verify-site", () => {
  it("says which prefix a site was built with when it is checked under another, instead of finding every link broken", async () => {
    expect(await runScript("verify-site", ["--site", site, "--root", fixture("repos", "site")])).toEqual({
      code: 1,
      stdout: "",
      stderr: `The site in ${site} was built with the path prefix /repo-name/, not /: check it with npm run verify-site -- --pathprefix=/repo-name/\n`,
    });
  });

  it("checks it under that prefix", async () => {
    const run = await runScript("verify-site", ["--site", site, "--root", fixture("repos", "site"), "--pathprefix=/repo-name/"]);
    expect(run).toMatchObject({ code: 0, stdout: "" });
    expect(run.stderr).toMatch(/^Verified \d+ pages and \d+ signatory entries: no problems\.\n$/);
  });
});
