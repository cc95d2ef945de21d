import { readdir } from "node:fs/promises";
import { join, posix } from "node:path";
import { Parser } from "htmlparser2";
import { formatNumber } from "./i18n.ts";
import { normalisePathPrefix } from "./path-prefix.ts";
import { readInPieces } from "./read-pieces.ts";
import type { SearchBlock } from "./search-blocks.ts";

/** What the built site must contain: every valid signatory's `<letter>/<file-slug>`, by letter. */
export interface SiteExpectation {
  /** Valid signatories by letter slug (file slugs); anything else with `data-signatory` is an error. */
  signatories: ReadonlyMap<string, readonly string[]>;
  /** The path prefix the site was built with, such as `/` or `/repo-name/`. */
  pathPrefix: string;
  /** The records that put the signatories into the search index, each to be found on its page. */
  searchBlocks: readonly SearchBlock[];
}

/** One thing wrong with the built site: the page (relative to the output folder) and what. */
export interface SiteProblem {
  page: string;
  message: string;
}

/** What the verifier found, with how much it read. */
export interface SiteVerification {
  problems: SiteProblem[];
  pages: number;
  entries: number;
}

/** Thrown by the build when the verifier finds problems, so the new site is not swapped in. */
export class SiteVerificationError extends Error {
  override readonly name = "SiteVerificationError";
  constructor(readonly problems: readonly SiteProblem[]) {
    super(`the built site failed verification: ${problems.length} ${problems.length === 1 ? "problem" : "problems"}`);
  }
}

interface PageFacts {
  ids: Set<string>;
  links: { url: string; attribute: string }[];
}

/** The valid signatories (`<letter>/<file-slug>`), each with its number. */
type Wanted = ReadonlyMap<string, number>;

/** Pages by signatory number, filled in as entries are found. */
type PagesBySignatory = (string[] | undefined)[];

interface ElementState {
  body: boolean;
  ignored: boolean;
  lang: string;
  count?: { letter: string; value: number; text: string };
}

const LINK_ATTRIBUTES: Record<string, readonly string[]> = { a: ["href"], link: ["href"], script: ["src"], img: ["src"], source: ["src"], iframe: ["src"], form: ["action"] };

/**
 * Reads every HTML page of a built site with a streaming parser and checks the `data-signatory`
 * contract (docs/decisions.md): each valid signatory has exactly one canonical entry (with
 * `id="<file-slug>"`), every other listing of it has no `id`, no listing is inside an indexed
 * `data-pagefind-body`, nothing else is listed, every signatory is in exactly one search block, whose
 * page is the one with its canonical entry and which has its place in `data-places` and among its
 * country filters, every `data-count-of` count equals the number of valid signatories and is the
 * number shown, and every internal link and asset resolves to a file under the path prefix
 * (fragments to an id on that page).
 * `filesStillBeingWritten` lets the search index be written while the pages are read: links are
 * checked only once it has settled.
 * @example const { problems } = await verifySite("_site", { signatories, pathPrefix: "/", searchBlocks: searchBlocks(site) });
 */
export async function verifySite(outputDir: string, expected: SiteExpectation, options: { filesStillBeingWritten?: Promise<unknown> } = {}): Promise<SiteVerification> {
  const problems: SiteProblem[] = [];
  const prefix = normalisePathPrefix(expected.pathPrefix);
  const wanted: Wanted = new Map([...expected.signatories].flatMap(([letter, slugs]) => slugs.map((slug) => `${letter}/${slug}`)).map((key, i) => [key, i]));
  // The pages with each wanted signatory's canonical entry, by its number in `wanted`.
  const canonical: PagesBySignatory = [];
  const pages = new Map<string, PageFacts>();
  const files = await listFiles(outputDir);
  let entries = 0;

  for (const page of files.filter((f) => f.endsWith(".html"))) {
    const facts: PageFacts = { ids: new Set(), links: [] };
    pages.set(page, facts);
    const stack: ElementState[] = [{ body: false, ignored: false, lang: "en" }];
    // Counts still open, innermost last: their text is everything read until they close.
    const openCounts: NonNullable<ElementState["count"]>[] = [];
    const parser = new Parser(
      {
        onopentag(name, attributes) {
          const parent = stack[stack.length - 1]!;
          const body = parent.body || "data-pagefind-body" in attributes;
          const ignored = parent.ignored || "data-pagefind-ignore" in attributes;
          const lang = attributes.lang ?? parent.lang;
          const countOf = attributes["data-count-of"];
          // Most elements change nothing: they share their parent's state, which saves an object for
          // each of the hundreds of thousands of elements of a large site.
          let state = parent;
          if (body !== parent.body || ignored !== parent.ignored || lang !== parent.lang || countOf !== undefined) {
            state = { body, ignored, lang };
            if (countOf !== undefined) {
              state.count = { letter: countOf, value: Number(attributes["data-count"]), text: "" };
              openCounts.push(state.count);
            }
          }
          if (attributes.id !== undefined) {
            if (facts.ids.has(attributes.id)) problems.push({ page, message: `the id "${attributes.id}" is used twice on this page` });
            facts.ids.add(detached(attributes.id));
          }
          for (const attribute of LINK_ATTRIBUTES[name] ?? []) {
            const url = attributes[attribute];
            if (url !== undefined && !isExternal(url)) facts.links.push({ url: detached(url), attribute });
          }
          const key = attributes["data-signatory"];
          if (key !== undefined) {
            entries += 1;
            checkEntry(page, key, attributes.id, state, wanted, canonical, problems);
          }
          stack.push(state);
        },
        ontext(text) {
          for (const count of openCounts) count.text += text;
        },
        onclosetag() {
          const state = stack.pop()!;
          // A shared state closes with the element that made it, the last one holding it.
          if (state.count !== undefined && stack[stack.length - 1] !== state) {
            openCounts.pop();
            checkCount(page, state.count, state.lang, expected.signatories, problems);
          }
          if (stack.length === 0) stack.push({ body: false, ignored: false, lang: "en" });
        },
      },
      { decodeEntities: true, lowerCaseAttributeNames: true },
    );
    readInPieces(join(outputDir, page), (piece) => parser.write(piece));
    parser.end();
  }

  for (const [key, i] of wanted) {
    const found = canonical[i] ?? [];
    if (found.length === 0) problems.push({ page: "(site)", message: `signatory ${key} is missing: no page lists it with id="${key.split("/")[1]}"` });
    if (found.length > 1) problems.push({ page: found[1]!, message: `signatory ${key} is listed canonically ${found.length} times (also in ${found[0]}); only one entry may carry its id` });
  }
  checkSearchBlocks(expected.searchBlocks, wanted, canonical, problems);
  await options.filesStillBeingWritten;
  const fileFor = fileResolver(prefix, new Set(options.filesStillBeingWritten === undefined ? files : await listFiles(outputDir)));
  for (const [page, facts] of pages) {
    for (const link of facts.links) {
      const problem = checkLink(page, link.url, fileFor, pages, facts);
      if (problem !== undefined) problems.push({ page, message: `${link.attribute}="${link.url}" ${problem}` });
    }
  }
  return { problems, pages: pages.size, entries };
}

function checkEntry(page: string, key: string, id: string | undefined, state: ElementState, wanted: Wanted, canonical: PagesBySignatory, problems: SiteProblem[]): void {
  const i = wanted.get(key);
  if (i === undefined) {
    problems.push({ page, message: `data-signatory="${key}" is not a valid signatory (withdrawn, invalid or unknown); it must not appear` });
    return;
  }
  if (state.body && !state.ignored) problems.push({ page, message: `${key} is listed inside data-pagefind-body; signatories are indexed from their search blocks, so mark the list data-pagefind-ignore or search finds the signatory twice` });
  if (id === undefined) return;
  const slug = key.slice(key.indexOf("/") + 1);
  if (id !== slug) problems.push({ page, message: `the entry for ${key} has id="${id}"; its canonical id must be "${slug}"` });
  (canonical[i] ??= []).push(page);
}

/**
 * Each valid signatory in exactly one search block, whose result links to its canonical entry and
 * which names the signatory's place for the country filter.
 */
/**
 * The file of a page, relative to the output folder, from its root-relative URL.
 * @example pageFileOf("/letters/x/") // "letters/x/index.html"
 */
export function pageFileOf(url: string): string {
  return decodeURIComponent(url.replace(/^\/+/, "")).replace(/(^|\/)$/, "$1index.html");
}

function checkSearchBlocks(blocks: readonly SearchBlock[], wanted: Wanted, canonical: PagesBySignatory, problems: SiteProblem[]): void {
  const indexed: SearchBlock[][] = [];
  const urls = new Set<string>();
  for (const block of blocks) {
    // Pagefind keeps one record per URL: a second block under the same URL would silently replace the first.
    if (urls.has(block.url)) problems.push({ page: block.url, message: "two search blocks have this URL, and the search index keeps only one of them; every block needs its own URL" });
    urls.add(block.url);
    let places: string[] | undefined;
    const countries = new Set<string>();
    const entries: string[] = [];
    const parser = new Parser(
      {
        onopentag(_name, attributes) {
          if (attributes["data-pagefind-body"] !== undefined) places = placesOf(attributes["data-places"]);
          if (attributes["data-pagefind-filter"] === "country[data-country]" && attributes["data-country"] !== undefined) countries.add(attributes["data-country"]);
          const key = attributes["data-signatory"];
          if (key === undefined) return;
          entries.push(key);
          const i = wanted.get(key);
          if (i === undefined) {
            problems.push({ page: block.url, message: `data-signatory="${key}" is not a valid signatory (withdrawn, invalid or unknown); it must not be searchable` });
            return;
          }
          const slug = key.slice(key.indexOf("/") + 1);
          if (attributes.id !== slug) problems.push({ page: block.url, message: `the search entry for ${key} has ${attributes.id === undefined ? "no id" : `id="${attributes.id}"`}; its result links to that id, which must be "${slug}"` });
          (indexed[i] ??= []).push(block);
        },
      },
      { decodeEntities: true, lowerCaseAttributeNames: true },
    );
    parser.end(block.html);
    checkPlaces(block, entries, places, countries, problems);
  }
  for (const [key, i] of wanted) {
    const found = indexed[i] ?? [];
    const [first] = found;
    if (first === undefined) {
      problems.push({ page: "(search)", message: `signatory ${key} is not in the search index: no search block lists it` });
      continue;
    }
    if (found.length > 1) problems.push({ page: found[1]!.url, message: `signatory ${key} is in ${found.length} search blocks (also in ${first.url}); search would show it ${found.length} times` });
    const pages = canonical[i] ?? [];
    const target = pageFileOf(first.page);
    if (pages.length === 1 && pages[0] !== target) problems.push({ page: first.url, message: `the search result for ${key} links to ${first.page}#${key.split("/")[1]}, but its entry is on ${pages[0]}` });
  }
}

/**
 * The search script pairs a block's entries, in order, with the places in its `data-places` and keeps
 * an entry under a country filter only when its place is that country; Pagefind offers the block only
 * for its own country filters. An entry without its place in both is never listed once a reader picks
 * a country.
 */
function checkPlaces(block: SearchBlock, entries: readonly string[], places: readonly string[] | undefined, countries: ReadonlySet<string>, problems: SiteProblem[]): void {
  if (entries.length === 0) return;
  if (places?.length !== entries.length) {
    problems.push({ page: block.url, message: `the search block has no data-places with the places of its ${entries.length} entries in order (a JSON array such as ["Kenya", "Brazil"]); filtered by country, search would list none of them` });
    return;
  }
  entries.forEach((key, i) => {
    const place = places[i]!;
    if (!countries.has(place)) problems.push({ page: block.url, message: `the search entry for ${key} is from "${place}", which is not one of its block's country filters; filtered by "${place}", search would never find it` });
  });
}

/** A block's places in entry order, read from its `data-places`; undefined unless that is a JSON array of strings. */
function placesOf(attribute: string | undefined): string[] | undefined {
  try {
    const places: unknown = JSON.parse(attribute ?? "");
    return Array.isArray(places) && places.every((place) => typeof place === "string") ? places : undefined;
  } catch {
    return undefined;
  }
}

function checkCount(page: string, count: NonNullable<ElementState["count"]>, lang: string, signatories: ReadonlyMap<string, readonly string[]>, problems: SiteProblem[]): void {
  const actual = signatories.get(count.letter)?.length ?? 0;
  if (count.value !== actual) problems.push({ page, message: `the count for ${count.letter} says ${count.value}, but the letter has ${actual} valid signatories` });
  const shown = formatNumber(count.value, lang);
  if (!count.text.includes(shown)) problems.push({ page, message: `the count for ${count.letter} shows "${count.text.trim()}", not the number ${shown}` });
}

/** Whether a link leaves the site: it has a scheme (`https:`, `mailto:`) or is protocol-relative. */
function isExternal(url: string): boolean {
  return /^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith("//");
}

/**
 * A copy of `text` that shares no memory with the chunk it was parsed from. htmlparser2 hands out
 * attribute values as slices of the chunk it is reading, so each one kept for later would keep its
 * whole 64 KB chunk alive: at 100,000 signatories, the site's text (docs/performance.md).
 */
function detached(text: string): string {
  return Buffer.from(text, "utf16le").toString("utf16le");
}

/** A link's path resolved to a built file, or why it cannot be. */
type Resolution = { file: string } | { problem: string };

/**
 * Resolves the path of a link on a page to the built file it serves, remembering root-relative paths:
 * at 100,000 signatories, 200,000 links to entries point into a few hundred pages.
 */
function fileResolver(prefix: string, files: ReadonlySet<string>): (page: string, path: string) => Resolution {
  const rootRelative = new Map<string, Resolution>();
  const resolve = (target: string): Resolution => {
    const decoded = decodedUrlPart(target)?.replace(/^\/+/, "");
    if (decoded === undefined) return { problem: "contains a %-escape that does not decode as UTF-8, so it points to no file; correct the link" };
    const file = [decoded, `${decoded}index.html`, `${decoded}/index.html`].find((candidate) => files.has(candidate));
    return file === undefined ? { problem: "points to a file that does not exist in the built site" } : { file };
  };
  return (page, path) => {
    if (path === "") return { file: page };
    if (!path.startsWith("/")) return resolve(posix.normalize(posix.join(posix.dirname(page), path)));
    let known = rootRelative.get(path);
    if (known === undefined) {
      known = path.startsWith(prefix) ? resolve(path.slice(prefix.length)) : { problem: `is outside the path prefix ${prefix}` };
      rootRelative.set(path, known);
    }
    return known;
  };
}

function checkLink(page: string, url: string, fileFor: ReturnType<typeof fileResolver>, pages: ReadonlyMap<string, PageFacts>, facts: PageFacts): string | undefined {
  const [pathAndQuery = "", fragment] = url.split("#", 2) as [string, string | undefined];
  const resolution = fileFor(page, pathAndQuery.split("?")[0]!);
  if ("problem" in resolution) return resolution.problem;
  const { file } = resolution;
  if (fragment !== undefined && fragment !== "") {
    const ids = file === page ? facts.ids : pages.get(file)?.ids;
    if (ids === undefined) return undefined;
    const id = decodedUrlPart(fragment);
    if (id === undefined) return `points to #${fragment}, whose %-escape does not decode as UTF-8, so it matches no id on ${file}; correct the link`;
    if (!ids.has(id)) return `points to #${fragment}, which is not an id on ${file}`;
  }
  return undefined;
}

/**
 * A URL's path or fragment with its %-escapes decoded, or undefined when one does not decode as
 * UTF-8 (`%E0` alone): a letter's Markdown can hold such a link, and it must be reported, not crash
 * the build.
 */
function decodedUrlPart(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

async function listFiles(dir: string, base = ""): Promise<string[]> {
  const files: string[] = [];
  for (const entry of await readdir(join(dir, base), { withFileTypes: true })) {
    const path = base === "" ? entry.name : `${base}/${entry.name}`;
    if (entry.isDirectory()) {
      files.push(...(await listFiles(dir, path)));
    } else {
      files.push(path);
    }
  }
  return files.sort();
}
