import { join } from "node:path";
import { Parser } from "htmlparser2";
import { formatNumber, translate } from "./i18n.ts";
import { readInPieces } from "./read-pieces.ts";

/** One thing wrong with the built site: the page (relative to the output folder) and what. */
export interface SiteProblem {
  page: string;
  message: string;
}

/** The valid signatories (`<letter>/<file-slug>`), each with its number: the same in every thread. */
export type Wanted = ReadonlyMap<string, number>;

/** What reading one page found, for the checks that span pages (verify-site.ts). */
export interface PageReport {
  /** The page's own problems, in document order. */
  problems: SiteProblem[];
  ids: string[];
  /** Links to pages and assets of the site, to be resolved once every page is known. */
  links: { url: string; attribute: string }[];
  /** Elements with `data-signatory`. */
  entries: number;
  /** The numbers (see {@link Wanted}) of the signatories listed canonically, with their id, on the page. */
  canonical: number[];
}

interface ElementState {
  body: boolean;
  ignored: boolean;
  lang: string;
  count?: { letter: string; value: number; text: string };
}

const LINK_ATTRIBUTES: Record<string, readonly string[]> = { a: ["href"], link: ["href"], script: ["src"], img: ["src"], source: ["src"], iframe: ["src"], form: ["action"] };

/**
 * Numbers the valid signatories, letter by letter in the order given.
 * @example wantedOf(new Map([["x", ["acme"]]])).get("x/acme") // 0
 */
export function wantedOf(signatories: ReadonlyMap<string, readonly string[]>): Wanted {
  return new Map([...signatories].flatMap(([letter, slugs]) => slugs.map((slug) => `${letter}/${slug}`)).map((key, i) => [key, i]));
}

/**
 * Reads one HTML page of a built site with a streaming parser and checks what can be checked on the
 * page alone (see verifySite): ids used once, each `data-signatory` entry a valid signatory outside
 * the indexed search body with its canonical id, and each `data-count-of` count right and shown.
 * @example verifyPage("_site", "letters/x/index.html", wantedOf(signatories), signatories).problems
 */
export function verifyPage(outputDir: string, page: string, wanted: Wanted, signatories: ReadonlyMap<string, readonly string[]>): PageReport {
  const report: PageReport = { problems: [], ids: [], links: [], entries: 0, canonical: [] };
  const { problems } = report;
  const ids = new Set<string>();
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
          if (ids.has(attributes.id)) problems.push({ page, message: `the id "${attributes.id}" is used twice on this page` });
          ids.add(detached(attributes.id));
        }
        for (const attribute of LINK_ATTRIBUTES[name] ?? []) {
          const url = attributes[attribute];
          if (url !== undefined && !isExternal(url)) report.links.push({ url: detached(url), attribute });
        }
        const key = attributes["data-signatory"];
        if (key !== undefined) {
          report.entries += 1;
          checkEntry(page, key, attributes.id, state, wanted, report);
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
          checkCount(page, state.count, state.lang, signatories, problems);
        }
        if (stack.length === 0) stack.push({ body: false, ignored: false, lang: "en" });
      },
    },
    { decodeEntities: true, lowerCaseAttributeNames: true },
  );
  readInPieces(join(outputDir, page), (piece) => parser.write(piece));
  parser.end();
  report.ids = [...ids];
  return report;
}

function checkEntry(page: string, key: string, id: string | undefined, state: ElementState, wanted: Wanted, report: PageReport): void {
  const i = wanted.get(key);
  if (i === undefined) {
    report.problems.push({ page, message: `data-signatory="${key}" is not a valid signatory (withdrawn, invalid or unknown); it must not appear` });
    return;
  }
  if (state.body && !state.ignored) report.problems.push({ page, message: `${key} is listed inside data-pagefind-body; signatories are indexed from their search blocks, so mark the list data-pagefind-ignore or search finds the signatory twice` });
  if (id === undefined) return;
  const slug = key.slice(key.indexOf("/") + 1);
  if (id !== slug) report.problems.push({ page, message: `the entry for ${key} has id="${id}"; its canonical id must be "${slug}"` });
  report.canonical.push(i);
}

function checkCount(page: string, count: NonNullable<ElementState["count"]>, lang: string, signatories: ReadonlyMap<string, readonly string[]>, problems: SiteProblem[]): void {
  const actual = signatories.get(count.letter)?.length ?? 0;
  if (count.value !== actual) problems.push({ page, message: `the count for ${count.letter} says ${count.value}, but the letter has ${actual} valid signatories` });
  const shown = formatNumber(count.value, lang);
  // Some languages write small counts in words, without the digits (Arabic: "موقّعان", two signatories).
  if (!count.text.includes(shown) && !count.text.includes(translate(lang, "signature_count", { count: count.value }))) problems.push({ page, message: `the count for ${count.letter} shows "${count.text.trim()}", not the number ${shown}` });
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

/** What a thread verifying pages is given: the same in every thread. */
export interface PageClaims {
  outputDir: string;
  /** The HTML pages, in the order of their reports. */
  pages: readonly string[];
  /** The order pages are claimed in, as indexes into `pages`: largest first, so no thread is left with a long one at the end. */
  order: readonly number[];
  signatories: ReadonlyMap<string, readonly string[]>;
  /** The next place in `order` to claim, shared by every thread. */
  next: Int32Array;
}

/**
 * Claims the next page to verify, as its index in `claims.pages`, or undefined once every page is claimed.
 * @example for (let i = claimPage(claims); i !== undefined; i = claimPage(claims)) verifyPage(…)
 */
export function claimPage(claims: PageClaims): number | undefined {
  const k = Atomics.add(claims.next, 0, 1);
  return k < claims.order.length ? claims.order[k] : undefined;
}
