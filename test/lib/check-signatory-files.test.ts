import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { writeSyntheticRepository } from "../../scripts/lib/bench/synthetic.ts";
import { CHECK_CHUNK_FILES, checkSignatoryBytes, checkSignatoryFile, checkSignatoryFiles, signatoryChecker, type SignatoryFileCheck } from "../../scripts/lib/check-signatory-files.ts";
import { loadRepository } from "../../scripts/lib/load-repository.ts";
import { formatProblem } from "../../scripts/lib/problem.ts";
import type { Signatory } from "../../scripts/lib/types.ts";
import { tempDir } from "../helpers/run.ts";

// Enough files for several chunks per thread, and a few broken ones among them.
const SIGNATORIES = CHECK_CHUNK_FILES * 3 + 7;
const BROKEN: [string, string | Buffer, string][] = [
  ["bad-yaml", "name: [unclosed\n", '1:7: this value cannot be read as text because it starts with [, which YAML reads as the start of a list; put the whole value in double quotes: name: "[unclosed"'],
  ["latin1", Buffer.from("name: \xe9\n", "latin1"), "1:1: the file is not valid UTF-8 (invalid bytes at byte 7); save it again as UTF-8"],
  ["no-type", "name: Somebody\nsigned: 2024-03-02\ncountry: FR\n", '1:1: "type" is missing; add a line such as type: organisation'],
];

let root: string;
let files: string[];

beforeAll(async () => {
  root = await tempDir("undersigned-parallel-");
  await writeSyntheticRepository(root, { signatories: SIGNATORIES, letters: 2 });
  for (const [slug, content] of BROKEN) await writeFile(join(root, "signatories", "letter-1", `${slug}.yaml`), content);
  files = [];
  for (const letter of ["letter-1", "letter-2"]) for (const name of (await readdir(join(root, "signatories", letter))).sort()) files.push(`signatories/${letter}/${name}`);
});

describe("checkSignatoryFiles", () => {
  it("gives the same results, in file order, on the main thread alone and shared with worker threads", async () => {
    const alone = await checkSignatoryFiles(root, files, { threads: 0 });
    const shared = await checkSignatoryFiles(root, files, { threads: 2 });
    const workersOnly = await checkSignatoryFiles(root, files, { threads: 2, mainThreadAfter: new Promise(() => {}) });
    expect(alone).toHaveLength(files.length);
    expect(shared).toEqual(alone);
    expect(workersOnly).toEqual(alone);
    expect(alone.map((c) => c.signatory?.file ?? c.problems[0]!.file)).toEqual(files);
    expect(alone.flatMap((c) => c.problems.map((p) => formatProblem(p)))).toEqual(BROKEN.map(([slug, , message]) => `signatories/letter-1/${slug}.yaml:${message}`));
  });

  // The build imports Eleventy on the main thread while the workers start (mainThreadAfter).
  it.each([
    ["settles at once", () => Promise.resolve()],
    ["settles later", () => new Promise((resolve) => setTimeout(resolve, 300))],
    ["never settles: the workers check every file", () => new Promise(() => {})],
    ["rejects: the checking goes on", () => Promise.reject(new Error("the import failed"))],
  ])("gives the same results when the main thread joins the workers after other work that %s", async (_, mainThreadAfter) => {
    const alone = await checkSignatoryFiles(root, files, { threads: 0 });
    expect(await checkSignatoryFiles(root, files, { threads: 1, mainThreadAfter: mainThreadAfter() })).toEqual(alone);
  });

  // loadRepository starts the checker before listing the files, so that its workers load meanwhile.
  it("gives the same results when its workers were started before the files were listed", async () => {
    const alone = await checkSignatoryFiles(root, files, { threads: 0 });
    const checker = signatoryChecker(root, { threads: 2 });
    await new Promise((resolve) => setTimeout(resolve, 500));
    checker.listed(files.length);
    expect(await checker.check(files)).toEqual(alone);
  });

  it("hands each chunk's results over as they come in: every file once, at its index", async () => {
    const seen: (SignatoryFileCheck | undefined)[] = new Array(files.length);
    const checks = await signatoryChecker(root, { threads: 2 }).check(files, (first, chunk) => {
      chunk.forEach((check, i) => {
        expect(seen[first + i]).toBeUndefined();
        seen[first + i] = check;
      });
    });
    expect(seen).toEqual(checks);
  });

  it("passes on an error that is not the file's fault, and stops its workers", async () => {
    const other = await tempDir("undersigned-parallel-");
    await mkdir(join(other, "signatories", "letter-1", "folder.yaml"), { recursive: true });
    const listed = Array.from({ length: CHECK_CHUNK_FILES * 2 }, () => "signatories/letter-1/folder.yaml");
    await expect(checkSignatoryFiles(other, listed, { threads: 1 })).rejects.toThrow(/EISDIR/);
    await expect(checkSignatoryFiles(other, listed, { threads: 1, mainThreadAfter: new Promise(() => {}) })).rejects.toThrow(/EISDIR/);
  });

  it("loads a repository the same whichever thread checked each file", async () => {
    const alone = await loadRepository(root, { threads: 0 });
    const shared = await loadRepository(root, { threads: 2 });
    const joinedLate = await loadRepository(root, { threads: 1, mainThreadAfter: new Promise((resolve) => setTimeout(resolve, 300)) });
    expect(shared).toEqual(alone);
    expect(joinedLate).toEqual(alone);
    expect([...alone.signatories.values()].reduce((n, list) => n + list.length, 0)).toBe(SIGNATORIES);
    expect(alone.problems.map((p) => p.file)).toEqual(BROKEN.map(([slug]) => `signatories/letter-1/${slug}.yaml`));
  });

  // Each letter's rules run as soon as its last file is checked, whichever thread checked it.
  it("applies the cross-file rules to each letter whole, whichever chunks and threads its files came in", async () => {
    const other = await tempDir("undersigned-parallel-");
    await writeSyntheticRepository(other, { signatories: SIGNATORIES * 2, letters: 3 });
    // First and last in their folder, so in the letter's first and last chunks.
    const organisation = (name: string, signed: string, url = "") => `name: ${name}\ntype: organisation\ncountry: KE\nsigned: ${signed}\n${url}`;
    await writeFile(join(other, "signatories", "letter-1", "aaa-first.yaml"), organisation("Twice Alliance", "2024-01-02"));
    await writeFile(join(other, "signatories", "letter-1", "zzz-second.yaml"), organisation("TWICE  alliance", "2024-01-03"));
    await writeFile(join(other, "signatories", "letter-2", "aaa-site.yaml"), organisation("One Site", "2024-01-02", "url: https://shared.example.org/\n"));
    await writeFile(join(other, "signatories", "letter-2", "zzz-site.yaml"), organisation("Other Site", "2024-01-03", "url: https://www.shared.example.org\n"));
    // The same name on another letter is no duplicate.
    await writeFile(join(other, "signatories", "letter-2", "twice.yaml"), organisation("Twice Alliance", "2024-01-02"));
    const alone = await loadRepository(other, { threads: 0 });
    const loaded: [string, readonly Signatory[]][] = [];
    const shared = await loadRepository(other, { threads: 2, letterLoaded: (letter, list) => loaded.push([letter.slug, list]) });
    expect(shared).toEqual(alone);
    expect(await loadRepository(other, { threads: 1, mainThreadAfter: new Promise(() => {}) })).toEqual(alone);
    // Only the letter without an error is handed over early, with the very signatories it ends up with.
    expect(loaded.map(([slug]) => slug)).toEqual(["letter-3"]);
    expect(loaded[0]![1]).toEqual(shared.signatories.get("letter-3"));
    expect(loaded[0]![1].every((s, i) => s === shared.signatories.get("letter-3")![i])).toBe(true);
    expect(alone.problems.map((p) => formatProblem(p))).toEqual([
      'signatories/letter-1/zzz-second.yaml:1:7: "TWICE  alliance" has already signed this letter in signatories/letter-1/aaa-first.yaml (names are compared ignoring case, accents, punctuation and look-alike letters); delete this file',
      'signatories/letter-2/zzz-site.yaml:5:6: "url" https://www.shared.example.org is already used by signatories/letter-2/aaa-site.yaml; each signatory has its own website, so this is probably a second signature — delete this file or correct the url',
    ]);
    expect(alone.signatories.get("letter-1")?.some((s) => s.slug === "zzz-second")).toBe(false);
    const slugs = alone.signatories.get("letter-2")!.map((s) => s.slug);
    expect(slugs[0]).toBe("aaa-site");
    expect(slugs).toEqual([...slugs].sort());
  });
});

describe("checkSignatoryBytes", () => {
  it.each(BROKEN.map(([slug]) => [slug]).concat([["signatory-1"]]))("checks the bytes of %s.yaml as checkSignatoryFile checks the file", async (slug) => {
    const file = `signatories/letter-1/${slug}.yaml`;
    expect(checkSignatoryBytes(file, await readFile(join(root, file)))).toEqual(checkSignatoryFile(root, file));
  });
});
