import { statSync } from "node:fs";
import { readdir } from "node:fs/promises";
import { join, posix } from "node:path";
import { Parser } from "htmlparser2";
import { normalisePathPrefix } from "./path-prefix.ts";
import type { SearchBlock } from "./search-blocks.ts";
import { claimPage, verifyPage, wantedOf, type PageClaims, type PageReport, type SiteProblem, type Wanted } from "./verify-page.ts";
import { startSharingWorker, type SharingWorker } from "./worker-threads.ts";

export type { SiteProblem } from "./verify-page.ts";

/** What the built site must contain: every valid signatory's `<letter>/<file-slug>`, by letter. */
export interface SiteExpectation {
  /** Valid signatories by letter slug (file slugs); anything else with `data-signatory` is an error. */
  signatories: ReadonlyMap<string, readonly string[]>;
  /** The path prefix the site was built with, such as `/` or `/repo-name/`. */
  pathPrefix: string;
  /** The records that put the signatories into the search index, each to be found on its page. */
  searchBlocks: readonly SearchBlock[];
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

/**
 * Below this many signatories, a second thread costs more than it saves: starting it takes 0.2–0.4 s.
 * Builds of 10,000 took 2.92–3.02 s with one and 2.76–2.99 s without.
 */
export const SECOND_THREAD_MIN_SIGNATORIES = 20_000;

/** Options for {@link verifySite}. */
export interface VerifyOptions {
  /** The search index being written meanwhile: links are checked only once it has settled. */
  filesStillBeingWritten?: Promise<unknown> | undefined;
  /**
   * With SECOND_THREAD_MIN_SIGNATORIES signatories or more, a worker thread starts once this settles
   * and shares the pages not yet read. The build passes the search index's writing: until then,
   * Pagefind has the other core.
   */
  secondThreadAfter?: Promise<unknown> | undefined;
  /** For tests: the signatories from which a second thread is started (SECOND_THREAD_MIN_SIGNATORIES). */
  secondThreadMinSignatories?: number;
  /** For tests: the main thread reads pages only once this settles, or the second thread has read them all. */
  mainThreadAfter?: Promise<unknown>;
}

/** What the verifier's worker thread posts for each page it read (then `done`, see startSharingWorker). */
export interface VerifiedPage {
  index: number;
  report: PageReport;
}

/**
 * Reads every HTML page of a built site with a streaming parser and checks the `data-signatory`
 * contract (docs/decisions.md): each valid signatory has exactly one canonical entry (with
 * `id="<file-slug>"`), every other listing of it has no `id`, no listing is inside an indexed
 * `data-pagefind-body`, nothing else is listed, every signatory is in exactly one search block, whose
 * page is the one with its canonical entry, whose `letterid` filter is its letter's slug and which has
 * its place's key (a country code or scope) in `data-places` and among its country filters, every
 * `data-count-of` count equals the number of valid signatories and is the number shown (in digits, or
 * in the words a language writes a small count in), and every internal link and asset resolves to a
 * file under the path prefix (fragments to an id on that page). Problems come page by page in file
 * order, whichever thread read the page.
 * @example const { problems } = await verifySite("_site", { signatories, pathPrefix: "/", searchBlocks: searchBlocks(site) });
 */
export async function verifySite(outputDir: string, expected: SiteExpectation, options: VerifyOptions = {}): Promise<SiteVerification> {
  const problems: SiteProblem[] = [];
  const prefix = normalisePathPrefix(expected.pathPrefix);
  const wanted = wantedOf(expected.signatories);
  const files = await listFiles(outputDir);
  const htmlPages = files.filter((f) => f.endsWith(".html"));
  const minSignatories = options.secondThreadMinSignatories ?? SECOND_THREAD_MIN_SIGNATORIES;
  const secondThreadAfter = wanted.size >= minSignatories ? options.secondThreadAfter : undefined;
  // The main thread reads the search blocks while the second thread, if there is one, starts.
  const { first: search, reports } = await verifyPages(outputDir, htmlPages, expected.signatories, wanted, { ...options, secondThreadAfter }, () =>
    readSearchBlocks(expected.searchBlocks, wanted),
  );

  // The page with each wanted signatory's canonical entry, by its number in `wanted`, and the pages
  // of those listed canonically more than once: an array for every signatory was 50,000 arrays to
  // make and collect at 50,000 signatories, on the main thread alone, at the end of the build.
  const canonical: (string | undefined)[] = new Array(wanted.size);
  const repeated = new Map<number, string[]>();
  const pages = new Map<string, PageReport>();
  let entries = 0;
  htmlPages.forEach((page, i) => {
    const report = reports[i]!;
    pages.set(page, report);
    problems.push(...report.problems);
    entries += report.entries;
    for (const n of report.canonical) {
      const first = canonical[n];
      if (first === undefined) {
        canonical[n] = page;
        continue;
      }
      const more = repeated.get(n);
      if (more === undefined) repeated.set(n, [first, page]);
      else more.push(page);
    }
  });
  for (const [key, i] of wanted) {
    if (canonical[i] === undefined) problems.push({ page: "(site)", message: `signatory ${key} is missing: no page lists it with id="${key.split("/")[1]}"` });
    const found = repeated.get(i);
    if (found !== undefined) problems.push({ page: found[1]!, message: `signatory ${key} is listed canonically ${found.length} times (also in ${found[0]}); only one entry may carry its id` });
  }
  problems.push(...search.problems);
  checkSearchResults(search.indexed, wanted, canonical, repeated, problems);
  await options.filesStillBeingWritten;
  checkLinks(pages, fileResolver(prefix, new Set(options.filesStillBeingWritten === undefined ? files : await listFiles(outputDir))), problems);
  return { problems, pages: pages.size, entries };
}

/** Every internal link and asset of every page resolves to a built file, and its fragment to an id there. */
function checkLinks(pages: ReadonlyMap<string, PageReport>, fileFor: ReturnType<typeof fileResolver>, problems: SiteProblem[]): void {
  // Only the pages that links point into with a fragment need their ids as a set.
  const idSets = new Map<string, ReadonlySet<string>>();
  const idsOn = (file: string) => {
    const report = pages.get(file);
    if (report === undefined) return undefined;
    let ids = idSets.get(file);
    if (ids === undefined) idSets.set(file, (ids = new Set(report.ids)));
    return ids;
  };
  for (const [page, report] of pages) {
    for (const link of report.links) {
      const problem = checkLink(page, link.url, fileFor, idsOn);
      if (problem !== undefined) problems.push({ page, message: `${link.attribute}="${link.url}" ${problem}` });
    }
  }
}

/**
 * Reads the pages, each once, on the main thread and, from `secondThreadAfter` on, on a worker
 * thread too: both claim the next page from a shared counter. The reports come in page order. The
 * main thread first does `mainThreadFirst`, whose result comes back with them.
 */
async function verifyPages<T>(
  outputDir: string,
  pages: readonly string[],
  signatories: ReadonlyMap<string, readonly string[]>,
  wanted: Wanted,
  options: Pick<VerifyOptions, "secondThreadAfter" | "mainThreadAfter">,
  mainThreadFirst: () => T,
): Promise<{ first: T; reports: PageReport[] }> {
  const claims: PageClaims = { outputDir, pages, order: largestFirst(outputDir, pages), signatories, next: new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT)) };
  const reports = new Array<PageReport | undefined>(pages.length);
  let missing = pages.length;
  let settle: (error?: unknown) => void = () => {};
  const finished = new Promise<void>((resolve, reject) => {
    settle = (error) => (error === undefined ? resolve() : reject(error));
  });
  // When the main thread fails first, the worker it stops still settles this; nothing waits by then.
  finished.catch(() => {});
  const store = (index: number, report: PageReport) => {
    reports[index] = report;
    missing -= 1;
    if (missing === 0) settle();
  };
  if (missing === 0) settle();
  let worker: SharingWorker | undefined;
  let over = false;
  const start = () => {
    if (over || Atomics.load(claims.next, 0) >= pages.length) return;
    worker = startSharingWorker<VerifiedPage>(
      new URL("./verify-site-worker.ts", import.meta.url),
      claims,
      (message) => store(message.index, message.report),
      settle,
      "the worker thread verifying pages stopped before it had finished",
    );
  };
  // A failure there is the caller's to report; the pages are read either way.
  options.secondThreadAfter?.then(start, start);
  try {
    // When the second thread may start at once, it is started before the main thread's own work.
    if (options.secondThreadAfter !== undefined) await nextTurn();
    const first = mainThreadFirst();
    if (options.mainThreadAfter !== undefined) await Promise.race([options.mainThreadAfter, finished]);
    for (let i = claimPage(claims); i !== undefined; i = claimPage(claims)) {
      store(i, verifyPage(outputDir, pages[i]!, wanted, signatories));
      // Lets the second thread start, and take in its reports, as soon as it may.
      if (options.secondThreadAfter !== undefined) await nextTurn();
    }
    await finished;
    return { first, reports: reports as PageReport[] };
  } finally {
    over = true;
    // A worker still starting has nothing left to claim.
    worker?.stop();
  }
}

/** Waits for the event loop's next turn, once the callbacks waiting now have run. */
function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** Indexes into `pages`, largest file first. */
function largestFirst(outputDir: string, pages: readonly string[]): number[] {
  const sizes = pages.map((page) => statSync(join(outputDir, page)).size);
  return pages.map((_, i) => i).sort((a, b) => sizes[b]! - sizes[a]! || a - b);
}

/**
 * The file of a page, relative to the output folder, from its root-relative URL.
 * @example pageFileOf("/letters/x/") // "letters/x/index.html"
 */
export function pageFileOf(url: string): string {
  return decodeURIComponent(url.replace(/^\/+/, "")).replace(/(^|\/)$/, "$1index.html");
}

/** The search blocks as read: where each signatory is indexed, and what was wrong with the blocks themselves. */
interface SearchFindings {
  /** The blocks listing each wanted signatory, by its number in `wanted`. */
  indexed: (SearchBlock[] | undefined)[];
  problems: SiteProblem[];
}

/**
 * Reads the search blocks: each URL used once, each entry a valid signatory with the id its result
 * links to, in a block filtered by its own letter's slug, and each entry's place key in the block's
 * places and country filters.
 */
function readSearchBlocks(blocks: readonly SearchBlock[], wanted: Wanted): SearchFindings {
  const findings: SearchFindings = { indexed: [], problems: [] };
  const { indexed, problems } = findings;
  const urls = new Set<string>();
  for (const block of blocks) {
    // Pagefind keeps one record per URL: a second block under the same URL would silently replace the first.
    if (urls.has(block.url)) problems.push({ page: block.url, message: "two search blocks have this URL, and the search index keeps only one of them; every block needs its own URL" });
    urls.add(block.url);
    let places: string[] | undefined;
    let letterId: string | undefined;
    const countries = new Set<string>();
    const entries: string[] = [];
    const parser = new Parser(
      {
        onopentag(_name, attributes) {
          if (attributes["data-pagefind-body"] !== undefined) {
            places = placesOf(attributes["data-places"]);
            letterId = attributes["data-letter-id"];
          }
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
          const letter = key.slice(0, key.indexOf("/"));
          if (letterId !== letter) problems.push({ page: block.url, message: `the search entry for ${key} is in a block whose letterid filter is ${letterId === undefined ? "missing" : `"${letterId}"`}; filtered by its letter, "${letter}", search would never find it` });
          if (attributes.id !== slug) problems.push({ page: block.url, message: `the search entry for ${key} has ${attributes.id === undefined ? "no id" : `id="${attributes.id}"`}; its result links to that id, which must be "${slug}"` });
          (indexed[i] ??= []).push(block);
        },
      },
      { decodeEntities: true, lowerCaseAttributeNames: true },
    );
    parser.end(block.html);
    checkPlaces(block, entries, places, countries, problems);
  }
  return findings;
}

/** Each valid signatory in exactly one search block, whose result links to its canonical entry. */
function checkSearchResults(indexed: readonly (SearchBlock[] | undefined)[], wanted: Wanted, canonical: readonly (string | undefined)[], repeated: ReadonlyMap<number, unknown>, problems: SiteProblem[]): void {
  // A block's hundred entries share its page.
  const files = new Map<string, string>();
  const fileOf = (page: string) => {
    let file = files.get(page);
    if (file === undefined) files.set(page, (file = pageFileOf(page)));
    return file;
  };
  for (const [key, i] of wanted) {
    const found = indexed[i] ?? [];
    const [first] = found;
    if (first === undefined) {
      problems.push({ page: "(search)", message: `signatory ${key} is not in the search index: no search block lists it` });
      continue;
    }
    if (found.length > 1) problems.push({ page: found[1]!.url, message: `signatory ${key} is in ${found.length} search blocks (also in ${first.url}); search would show it ${found.length} times` });
    const page = canonical[i];
    if (page !== undefined && !repeated.has(i) && page !== fileOf(first.page)) problems.push({ page: first.url, message: `the search result for ${key} links to ${first.page}#${key.split("/")[1]}, but its entry is on ${page}` });
  }
}

/** A place's key, as in the per-country pages' URLs: a lower-case ISO 3166-1 code or a scope. */
const PLACE_KEY = /^(?:[a-z]{2}|global|international|regional)$/;

/**
 * The search script pairs a block's entries, in order, with the place keys in its `data-places` and
 * keeps an entry under a country filter only when its key is that filter's; Pagefind offers the block
 * only for its own country filters. An entry without its place in both is never listed once a reader
 * picks a country, and a place named in a language instead of keyed splits the filter by language.
 */
function checkPlaces(block: SearchBlock, entries: readonly string[], places: readonly string[] | undefined, countries: ReadonlySet<string>, problems: SiteProblem[]): void {
  if (entries.length === 0) return;
  if (places?.length !== entries.length) {
    problems.push({ page: block.url, message: `the search block has no data-places with the place keys of its ${entries.length} entries in order (a JSON array of country codes and scopes such as ["ke", "global"]); filtered by country, search would list none of them` });
    return;
  }
  entries.forEach((key, i) => {
    const place = places[i]!;
    if (!PLACE_KEY.test(place)) problems.push({ page: block.url, message: `the search entry for ${key} has the place "${place}" in data-places, not its key (a lower-case country code such as "ke", or "global", "international" or "regional"); the country filter would list that place once in each language` });
    else if (!countries.has(place)) problems.push({ page: block.url, message: `the search entry for ${key} is from "${place}", which is not one of its block's country filters; filtered by "${place}", search would never find it` });
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

function checkLink(page: string, url: string, fileFor: ReturnType<typeof fileResolver>, idsOn: (file: string) => ReadonlySet<string> | undefined): string | undefined {
  const [pathAndQuery = "", fragment] = url.split("#", 2) as [string, string | undefined];
  const resolution = fileFor(page, pathAndQuery.split("?")[0]!);
  if ("problem" in resolution) return resolution.problem;
  const { file } = resolution;
  if (fragment !== undefined && fragment !== "") {
    const ids = idsOn(file);
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
