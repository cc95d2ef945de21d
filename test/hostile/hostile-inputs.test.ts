// The hostile-input suite: one fixture per attack in test/fixtures/hostile/repo, each with its exact
// outcome. Either the loader refuses it with the named message at its line and column, or it is
// accepted and the built site shows it as inert text. Symbolic links, a named pipe and a 1 GiB file
// are made at test time: git does not carry them portably.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { cp, mkdir, open, readFile, rm, symlink } from "node:fs/promises";
import { join } from "node:path";
import { load, type CheerioAPI } from "cheerio";
import { beforeAll, describe, expect, it } from "vitest";
import { loadRepository } from "../../scripts/lib/load-repository.ts";
import { formatProblem } from "../../scripts/lib/problem.ts";
import type { Repository } from "../../scripts/lib/types.ts";
import { fixture, runScript, tempDir, type RunResult } from "../helpers/run.ts";

const PREFIX = "/hostile-prefix/";
const SYMLINK = "a symbolic link is not accepted (it could point outside the repository); replace it with the file or folder itself";
const PWNED = "/tmp/undersigned-pwned-by-front-matter";

/**
 * Every refused entry and its messages. Paths without a folder are in signatories/hostile/;
 * messages start with "line:column: " when the problem has a place inside the file.
 */
const REFUSED: ReadonlyArray<readonly [string, readonly string[]]> = [
  ["content/letters/javascript-front-matter/index.md", ["1:4: front matter must be YAML; remove the language name after the opening --- (JavaScript front matter is never run)"]],
  ["content/letters/js-front-matter/index.md", ["1:4: front matter must be YAML; remove the language name after the opening --- (JavaScript front matter is never run)"]],
  ["content/letters/json-front-matter/index.md", ["1:4: front matter must be YAML; remove the language name after the opening --- (JavaScript front matter is never run)"]],
  ["content/letters/stray.md", ["only letter folders belong in content/letters/; move this file into a letter's folder or delete it"]],
  ["signatories/__proto__", ["this folder name is not accepted: use only lowercase letters a-z, digits and hyphens, at most 64 characters; rename it, e.g. to proto"]],
  [".DS_Store", ["this file name is not accepted: use only lowercase letters a-z, digits and hyphens, at most 64 characters, ending in .yaml; rename it, e.g. to ds-store.yaml"]],
  ["README.md", ["this file name is not accepted: use only lowercase letters a-z, digits and hyphens, at most 64 characters, ending in .yaml; rename it, e.g. to readme-md.yaml"]],
  ["Upper-Case.yaml", ["this file name is not accepted: use only lowercase letters a-z, digits and hyphens, at most 64 characters, ending in .yaml; rename it, e.g. to upper-case.yaml"]],
  ["__proto__.yaml", ["this file name is not accepted: use only lowercase letters a-z, digits and hyphens, at most 64 characters, ending in .yaml; rename it, e.g. to proto.yaml"]],
  ["alias.yaml", ["1:7: anchors such as \"&n\" are not allowed; write the value out in full"]],
  ["backslash-url.yaml", ["2:6: \"url\" must not contain \"@\" before the host name: it can disguise where the link really goes"]],
  ["bidi-comment.yaml", ["1:27: this comment contains a hidden text-direction character (U+202E) at character 3, which can make text display in a misleading order; delete it and retype the text around it"]],
  ["bidi-escaped.yaml", ["1:7: \"name\" contains a hidden text-direction character (U+202E) at character 6, which can make text display in a misleading order; delete it and retype the text around it"]],
  ["bidi-isolate.yaml", ["2:6: \"url\" contains a hidden text-direction character (U+2066) at character 29, which can make text display in a misleading order; delete it and retype the text around it"]],
  ["bidi-key.yaml", ["2:1: \"ro\\u{202E}le\" is not a known field; delete it or check its spelling (allowed fields: name, type, country, scope, url, affiliation, role, github, verified, signed)", "2:1: the field name contains a hidden text-direction character (U+202E) at character 3, which can make text display in a misleading order; delete it and retype the text around it"]],
  ["bidi-raw.yaml", ["1:7: \"name\" contains a hidden text-direction character (U+202E) at character 6, which can make text display in a misleading order; delete it and retype the text around it"]],
  ["billion-laughs.yaml", ["1:4: anchors such as \"&a\" are not allowed; write the value out in full"]],
  ["constructor-key.yaml", ["2:1: \"constructor\" is not a known field; delete it or check its spelling (allowed fields: name, type, country, scope, url, affiliation, role, github, verified, signed)"]],
  ["control-comment.yaml", ["1:21: this comment contains a control character (U+001B) at character 3; delete it and retype the text around it"]],
  ["control-del.yaml", ["1:13: this line contains a control character (U+007F), which cannot be shown; delete it and retype the text around it"]],
  ["control-escaped.yaml", ["1:7: \"name\" contains a control character (U+001B) at character 5; delete it and retype the text around it"]],
  ["control-line-separator.yaml", ["1:7: \"name\" contains a control character (U+2028) at character 5; delete it and retype the text around it"]],
  ["control-next-line.yaml", ["1:11: this line contains a control character (U+0085), which cannot be shown; delete it and retype the text around it"]],
  ["control-raw.yaml", ["1:11: this line contains a control character (U+001B), which cannot be shown; delete it and retype the text around it"]],
  ["credential-password-url.yaml", ["2:6: \"url\" must not contain \"@\" before the host name: it can disguise where the link really goes"]],
  ["credential-url.yaml", ["2:6: \"url\" must not contain \"@\" before the host name: it can disguise where the link really goes"]],
  ["cyrillic-host.yaml", ["2:6: \"url\" has a host name written in letters that look like Latin ones but are not (\"\u{430}\u{440}\u{440}\u{4CF}\u{435}\"), a trick used to imitate other sites; use the address the organisation really uses"]],
  ["data-url.yaml", ["2:6: \"url\" must start with https:// (got \"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\")"]],
  ["deep-mapping.yaml", ["100:100: the file is nested too deeply to be a signatory or letter; write each field on its own line"]],
  ["deep-nesting.yaml", ["1:106: the file is nested too deeply to be a signatory or letter; write each field on its own line"]],
  ["duplicate-key.yaml", ["2:1: this field appears twice; keep only one of them"]],
  ["emoji-over-limit.yaml", ["1:7: \"name\" is too long: at most 200 characters (got 201)"]],
  ["fullwidth-host.yaml", ["2:6: \"url\" has a host name written with characters that browsers silently change (the link really goes to example.org); copy the address from your browser's address bar"]],
  ["hangul-filler.yaml", ["1:7: \"name\" contains an invisible character (U+3164) at character 1, which can hide text or make two names look the same; delete it and retype the text around it"]],
  ["http-url.yaml", ["2:6: \"url\" must start with https:// (got \"http://plain.example.org\")"]],
  ["huge-file.yaml", ["1:1: the file is larger than 8 KiB; a file this size cannot be right, check that you saved the correct file"]],
  ["huge-value.yaml", ["1:7: \"name\" is too long: at most 200 characters (got 7000)"]],
  ["invalid-utf8.yaml", ["1:1: the file is not valid UTF-8 (invalid bytes at byte 10); save it again as UTF-8"]],
  ["javascript-url-mixed-case.yaml", ["2:6: \"url\" must start with https:// (got \"JaVaScRiPt:alert(1)\")"]],
  ["javascript-url.yaml", ["2:6: \"url\" must start with https:// (got \"javascript:alert(1)\")"]],
  ["mailto-url.yaml", ["2:6: \"url\" must start with https:// (got \"mailto:someone\")"]],
  ["mixed-script-host.yaml", ["2:6: \"url\" has a host name that mixes letters from different scripts (\"p\u{430}ypal\"), a trick used to imitate other sites; use the address the organisation really uses"]],
  ["multiple-documents.yaml", ["5:1: only one document is allowed per file; delete this --- line and everything after it that belongs to another entry"]],
  ["nested", ["a folder is not accepted here; each signatory is one regular file named <name>.yaml"]],
  ["nul-byte.yaml", ["1:1: the file contains a NUL byte at byte 10; save it again as plain UTF-8 text"]],
  ["number-name.yaml", ["1:7: \"name\" must be text (got 123); put it in quotes: name: \"123\""]],
  ["octal-name.yaml", ["1:7: \"name\" must be text (got 01234); put it in quotes: name: \"01234\""]],
  ["proto-key.yaml", ["2:1: \"__proto__\" is not a known field; delete it or check its spelling (allowed fields: name, type, country, scope, url, affiliation, role, github, verified, signed)"]],
  ["punycode-host.yaml", ["2:6: \"url\" has a host name that mixes letters from different scripts (\"p\u{430}ypal\"), a trick used to imitate other sites; use the address the organisation really uses"]],
  ["quote-in-url.yaml", ["2:6: \"url\" must not contain a double quote (\"); copy the address from your browser's address bar, which writes such characters in a form a link can carry"]],
  ["soft-hyphen.yaml", ["1:7: \"name\" contains an invisible character (U+00AD) at character 5, which can hide text or make two names look the same; delete it and retype the text around it"]],
  ["tab-in-value.yaml", ["1:7: \"name\" contains a control character (U+0009) at character 4; delete it and retype the text around it"]],
  ["tab-indent.yaml", ["3:1: tab characters cannot be used for indentation in YAML; use spaces instead"]],
  ["tag-binary.yaml", ["1:7: tags such as \"!!binary\" are not allowed; delete \"!!binary\" and leave the plain value"]],
  ["tag-characters.yaml", ["1:7: \"name\" contains an invisible character (U+E0041) at character 8, which can hide text or make two names look the same; delete it and retype the text around it"]],
  ["tag-js-function.yaml", ["1:7: tags such as \"!!js/function\" are not allowed; delete \"!!js/function\" and leave the plain value"]],
  ["tag-python.yaml", ["1:7: tags such as \"!!python/object/apply:os.system\" are not allowed; delete \"!!python/object/apply:os.system\" and leave the plain value"]],
  ["twin-cyrillic-b.yaml", ["1:7: \"\u{41E}p\u{435}n Rights \u{410}lli\u{430}nc\u{435}\" has already signed this letter in signatories/hostile/twin-cyrillic-a.yaml (names are compared ignoring case, accents, punctuation and look-alike letters); delete this file"]],
  ["twin-fullwidth-b.yaml", ["1:7: \"\u{FF26}\u{FF55}\u{FF4C}\u{FF4C}\u{FF57}\u{FF49}\u{FF44}\u{FF54}\u{FF48} \u{FF26}\u{FF4F}\u{FF55}\u{FF4E}\u{FF44}\u{FF41}\u{FF54}\u{FF49}\u{FF4F}\u{FF4E}\" has already signed this letter in signatories/hostile/twin-fullwidth-a.yaml (names are compared ignoring case, accents, punctuation and look-alike letters); delete this file"]],
  ["twin-math-b.yaml", ["1:7: \"\u{1D40C}\u{1D41A}\u{1D42D}\u{1D421} \u{1D408}\u{1D427}\u{1D42C}\u{1D42D}\u{1D422}\u{1D42D}\u{1D42E}\u{1D42D}\u{1D41E}\" has already signed this letter in signatories/hostile/twin-math-a.yaml (names are compared ignoring case, accents, punctuation and look-alike letters); delete this file"]],
  ["twin-nfc-b.yaml", ["1:7: \"Caf\u{E9} Libre\" has already signed this letter in signatories/hostile/twin-nfc-a.yaml (names are compared ignoring case, accents, punctuation and look-alike letters); delete this file"]],
  ["utf16be.yaml", ["1:1: the file is saved as UTF-16; save it again as UTF-8"]],
  ["utf16le.yaml", ["1:1: the file is saved as UTF-16; save it again as UTF-8"]],
  ["variation-selector-latin.yaml", ["1:7: \"name\" contains an invisible character (U+FE0F) at character 10, which can hide text or make two names look the same; delete it and retype the text around it"]],
  ["word-joiner.yaml", ["1:7: \"name\" contains an invisible character (U+2060) at character 5, which can hide text or make two names look the same; delete it and retype the text around it"]],
  ["wrong-extension.yml", ["this file name is not accepted: use only lowercase letters a-z, digits and hyphens, at most 64 characters, ending in .yaml; rename it, e.g. to wrong-extension.yaml"]],
  ["yaml-directive.yaml", ["1:1: directives such as %YAML are not allowed; delete this line"]],
  ["zalgo.yaml", ["1:7: \"name\" stacks more than 8 accents or other combining marks on one letter at character 16, which draws over the text around it; keep only the marks the name needs"]],
  ["zero-width-joiner-latin.yaml", ["1:7: \"name\" contains an invisible character (U+200D) at character 4, which can hide text or make two names look the same; delete it and retype the text around it"]],
  ["zero-width-space.yaml", ["1:7: \"name\" contains an invisible character (U+200B) at character 5, which can hide text or make two names look the same; delete it and retype the text around it"]],
  ["signatories/notes.txt", ["only one folder per letter belongs in signatories/; move this file into signatories/<letter>/ or delete it"]],
  // Made at test time.
  ["passwd.yaml", [SYMLINK]],
  ["linked-inside.yaml", [SYMLINK]],
  ["signatories/linked-letter", [SYMLINK]],
  ["content/letters/linked", [SYMLINK]],
  ["content/letters/index-link/index.md", [SYMLINK]],
  ["pipe.yaml", ["a special file is not accepted here; each signatory is one regular file named <name>.yaml"]],
  ["huge-sparse.yaml", ["1:1: the file is larger than 8 KiB; a file this size cannot be right, check that you saved the correct file"]],
];

/** Every accepted signatory of the hostile letter, with the name exactly as the page must show it. */
const ACCEPTED: ReadonlyArray<readonly [string, string]> = [
  ["attribute-quotes", `x" onmouseover="alert(1)' onfocus='alert(2) "><svg onload=alert(3)>`],
  ["bom", "Byte Order Mark Org"],
  ["combining-at-limit", "Zalgo \u00E1\u0300\u0302\u0303\u0304\u0306\u0307\u0308 Org"],
  ["constructor", "Constructor File"],
  ["crlf", "Windows Line Endings Org"],
  ["emoji-at-limit", `${"\u{1F468}\u200D\u{1F469}\u200D\u{1F467}\u200D\u{1F466}".repeat(28)}ACME`],
  ["emoji-zwj", "Family \u{1F468}\u200D\u{1F469}\u200D\u{1F467} Network"],
  ["formula-at", "@SUM(1+1)*cmd|' /C calc'!A0"],
  ["formula-equals", '=HYPERLINK("https://evil.example","Click")'],
  ["formula-minus", "-2+3+cmd|' /C calc'!A0"],
  ["formula-plus", "+cmd|' /C calc'!A0"],
  ["fraktur-name", "\u{1D509}\u{1D52F}\u{1D51E}\u{1D528}\u{1D531}\u{1D532}\u{1D52F} Group"],
  ["html-identification", "Ida Individual"],
  ["html-img", "<img src=x onerror=alert(1)>"],
  ["html-script", "<script>alert(1)</script>"],
  ["html-url", "Quote URL Org"],
  ["idn-host", "M\u00FCnchen Verein"],
  ["markdown-name", "[Click me](javascript:alert(1)) **bold** <https://evil.example>"],
  ["nfd-at-limit", "\u00E9".repeat(200)],
  ["template-name", "{{ 7 * 7 }} {% raw %}${7*7} <%= 7 * 7 %>"],
  ["twin-cyrillic-a", "Open Rights Alliance"],
  ["twin-fullwidth-a", "Fullwidth Foundation"],
  ["twin-math-a", "Math Institute"],
  ["twin-nfc-a", "Caf\u00E9 Libre"],
  ["zwnj-persian", "\u0627\u0646\u062C\u0645\u0646 \u0645\u06CC\u200C\u0646\u0648\u06CC\u0633\u0645"],
];

const fullPath = (entry: string) => (entry.includes("/") ? entry : `signatories/hostile/${entry}`);
const expectedLine = (file: string, message: string) => (/^\d+:\d+: /.test(message) ? `${file}:${message}` : `${file}: ${message}`);

let repoDir: string;
let repo: Repository;

/** Copies the fixture and adds what git cannot carry: links, a named pipe and a sparse 1 GiB file. */
async function makeHostileRepo(): Promise<string> {
  const dir = await tempDir("undersigned-hostile-");
  await cp(fixture("hostile", "repo"), dir, { recursive: true });
  const sig = join(dir, "signatories", "hostile");
  await symlink("/etc/passwd", join(sig, "passwd.yaml"));
  await symlink("bom.yaml", join(sig, "linked-inside.yaml"));
  await symlink("hostile", join(dir, "signatories", "linked-letter"));
  await symlink("hostile", join(dir, "content", "letters", "linked"));
  await mkdir(join(dir, "content", "letters", "index-link"));
  await symlink("/etc/passwd", join(dir, "content", "letters", "index-link", "index.md"));
  execFileSync("mkfifo", [join(sig, "pipe.yaml")]);
  const huge = await open(join(sig, "huge-sparse.yaml"), "w");
  await huge.truncate(1024 ** 3);
  await huge.close();
  return dir;
}

beforeAll(async () => {
  await rm(PWNED, { force: true });
  repoDir = await makeHostileRepo();
  repo = await loadRepository(repoDir);
});

describe("hostile input: what the loader refuses", () => {
  it.each(REFUSED)("%s", (entry, messages) => {
    const file = fullPath(entry);
    const found = repo.problems.filter((p) => p.file === file).map((p) => formatProblem(p));
    expect(found).toEqual(messages.map((m) => expectedLine(file, m)));
  });

  it("reports nothing beyond the listed problems, and only errors", () => {
    const listed = new Set(REFUSED.map(([entry]) => fullPath(entry)));
    expect(repo.problems.filter((p) => !listed.has(p.file)).map((p) => formatProblem(p))).toEqual([]);
    expect(repo.problems.every((p) => p.severity === "error")).toBe(true);
  });

  it("never runs JavaScript front matter and never pollutes Object.prototype", () => {
    expect(existsSync(PWNED)).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype.hasOwnProperty.call(Object.prototype, "prototype")).toBe(false);
  });

  it("keeps exactly the accepted signatories, with their stored names", () => {
    const stored = (repo.signatories.get("hostile") ?? []).map((s) => [s.slug, s.name]);
    expect(stored).toEqual(ACCEPTED);
    expect((repo.signatories.get("constructor") ?? []).map((s) => s.slug)).toEqual(["constructor", "prototype"]);
    expect(repo.letters.map((l) => l.slug)).toEqual(["constructor", "hostile"]);
  });
});

describe("hostile input outside the repository", () => {
  async function validateWith(change: (dir: string) => Promise<void>): Promise<RunResult> {
    const dir = await tempDir("undersigned-outside-");
    await cp(fixture("repos", "site"), dir, { recursive: true });
    await change(dir);
    return runScript("validate", ["--root", dir]);
  }

  it.each([
    ["settings.yaml pointing at /etc/passwd", "settings.yaml", "settings.yaml:1:1"],
    ["signatories/ pointing at /etc", "signatories", "signatories"],
    ["content/ pointing at /etc", "content", "content"],
  ])("refuses %s without reading it", async (_what, name, where) => {
    const passwd = await readFile("/etc/passwd", "utf8");
    const result = await validateWith(async (dir) => {
      await rm(join(dir, name), { recursive: true });
      await symlink(name === "settings.yaml" ? "/etc/passwd" : "/etc", join(dir, name));
    });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`${where}: ${SYMLINK}\n`);
    const output = result.stdout + result.stderr;
    // Not a line, not a user name, not a file name from /etc shows up in what is printed.
    for (const line of passwd.split("\n").filter((l) => l.length > 0)) expect(output).not.toContain(line.split(":")[0] + ":x:");
    expect(output).not.toMatch(/passwd|shadow|hostname|\/bin\/(?:ba)?sh/);
  });
});

describe("hostile input that is accepted: the built site shows it as inert text", () => {
  let output: string;
  let build: RunResult;
  let $: CheerioAPI;

  beforeAll(async () => {
    // Build only what the loader accepted: the same repository with every refused entry removed.
    const accepted = await makeHostileRepo();
    for (const [entry] of REFUSED) {
      const path = fullPath(entry);
      await rm(join(accepted, path.endsWith("/index.md") ? path.slice(0, -"/index.md".length) : path), { recursive: true, force: true });
    }
    output = await tempDir("undersigned-hostile-site-");
    build = await runScript("build", ["--root", accepted, "--output", output, `--pathprefix=${PREFIX}`, "--quiet"]);
    $ = load(await readFile(join(output, "letters", "hostile", "index.html"), "utf8"));
  });

  it("builds", () => {
    expect(build.stderr).toBe("");
    expect(build.code).toBe(0);
  });

  it.each(ACCEPTED)("%s is listed once, by its file slug, with its name as plain text", (slug, name) => {
    const entries = $(`[data-signatory="hostile/${slug}"]`);
    expect(entries).toHaveLength(1);
    expect(entries.attr("id")).toBe(slug);
    expect(entries.find(".name").text()).toBe(name);
  });

  it("has no element, attribute or link that input could have injected", async () => {
    // The site's own badge image, growth chart and search forms, and how many of them each page has.
    const OWN = "img.badge, svg.growth-chart, form.search-form[data-search]";
    const own: Record<string, string[]> = {
      "letters/hostile/index.html": ["form", "svg", "img"],
      "letters/constructor/index.html": ["form", "svg", "img"],
      "index.html": [],
      "search/index.html": ["form"],
    };
    for (const [page, expected] of Object.entries(own)) {
      const doc = load(await readFile(join(output, page), "utf8"));
      expect(doc(OWN).map((_, el) => (el as { tagName: string }).tagName).get(), page).toEqual(expected);
      doc(OWN).remove();
      expect(doc("img, svg, iframe, object, embed, form, base, style, math").length, page).toBe(0);
      const scripts = doc("script").map((_, el) => doc(el).attr("src") ?? "inline").get();
      expect(scripts.every((src) => src === `${PREFIX}pagefind/pagefind-ui.js` || src === `${PREFIX}assets/search.js`), page).toBe(true);
      doc("*").each((_, el) => {
        for (const attribute of Object.keys((el as { attribs: Record<string, string> }).attribs)) expect(attribute, page).not.toMatch(/^on/i);
      });
      for (const href of doc("[href]").map((_, el) => doc(el).attr("href")).get()) {
        expect(href.startsWith(PREFIX) || href.startsWith("#") || href.startsWith("https://"), `${page}: ${href}`).toBe(true);
      }
      expect(doc("[id]").map((_, el) => doc(el).attr("id")).get().filter((id, i, all) => all.indexOf(id) !== i), page).toEqual([]);
    }
  });

  it("shows the letter's template code, scripts and dangerous links as text", () => {
    expect($("h1").text()).toBe(`"><script>alert('title')</script> {{ 7 * 7 }} & friends`);
    const body = $(".letter-body");
    expect(body.text()).toContain(`{{ 7 * 7 }} {% include "/etc/passwd" %}`);
    expect(body.text()).toContain(`<script>alert("body")</script> <img src=x onerror=alert(1)>`);
    expect(body.text()).toContain("[a javascript link](javascript:alert(1))");
    expect(body.find("a").map((_, el) => $(el).attr("href")).get()).toEqual(["https://example.org/letter"]);
    expect($(".addressees").text()).toContain("<b>Recipient</b>, {% include '/etc/passwd' %}");
    expect($('meta[name="description"]').attr("content")).toBe("A letter that tries everything: <img src=x onerror=alert(1)>");
  });

  it("keeps hostile link and identification text inside their attributes and elements", () => {
    expect($("#html-url a").attr("href")).toBe("https://quote-url.example.org/?a='onmouseover='alert(1)'&b=&quot;&gt;");
    expect($("#html-identification .identification").text()).toBe(' — </li><li id="main_content">, <iframe src=javascript:alert(1)> (for identification purposes only)');
    expect($("#idn-host a").attr("href")).toBe("https://m\u00FCnchen-verein.de");
  });
});
