import { readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { writeSyntheticRepository } from "../../scripts/lib/bench/synthetic.ts";
import { PAGE_THREADS_MIN_SIGNATORIES } from "../../scripts/lib/page-thread.ts";
import { runScript, tempDir } from "../helpers/run.ts";

const PREFIX = "/big/";

describe("npm run build on a site large enough for its worker threads", () => {
  it("fails on a broken link found by the verifier's thread, then builds, indexes and verifies once it is fixed", async () => {
    const root = await tempDir("undersigned-threads-");
    await writeSyntheticRepository(root, { signatories: PAGE_THREADS_MIN_SIGNATORIES, letters: 1 });
    const letter = join(root, "content", "letters", "letter-1", "index.md");
    const text = await readFile(letter, "utf8");
    const out = await tempDir("undersigned-threads-out-");

    await writeFile(letter, `${text}\n[Read more](/letters/no-such-letter/)\n`);
    const broken = await runScript("build", ["--root", root, "--output", out, `--pathprefix=${PREFIX}`, "--quiet"]);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain('letters/letter-1/index.html: href="/big/letters/no-such-letter/" points to a file that does not exist in the built site\n');
    expect(broken.stderr).toContain("The built site failed verification: 2 problems (see above); the previous site was kept.");

    await writeFile(letter, text);
    const fixed = await runScript("build", ["--root", root, "--output", out, `--pathprefix=${PREFIX}`, "--quiet"]);
    expect(fixed.stderr).toBe("");
    expect(fixed.code).toBe(0);
    // One Pagefind fragment per page with a search body: every alphabetical list page, and the letter page.
    const listPages = (await readdir(join(out, "letters", "letter-1"), { recursive: true })).filter((f) => /^(organisations|individuals)\/(\d+\/)?index\.html$/.test(f));
    expect(listPages.length).toBeGreaterThan(2);
    expect(await readdir(join(out, "pagefind", "fragment"))).toHaveLength(listPages.length + 1);
  }, 120_000);
});
