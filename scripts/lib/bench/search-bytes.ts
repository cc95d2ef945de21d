import type { Browser, Request } from "playwright-core";
import { serveSite } from "../serve-site.ts";

/** What one search on a built site costs a reader who arrives with an empty cache. */
export interface SearchCost {
  /** Bytes of the responses under `pagefind/` (bodies and headers, as served: no compression). */
  pagefindBytes: number;
  /** Requests under `pagefind/`. */
  pagefindRequests: number;
  /** Milliseconds from the input event of the typed query to the first result in the list, the form's debounce included. */
  firstResultMs: number;
  /** The first result's text, to show that the search found what was asked for. */
  firstResult: string;
}

/** Longest wait for a result before the measurement gives up. */
const RESULT_TIMEOUT_MS = 30_000;
/** The network counts as settled when no request to the index has been open for this long. */
const QUIET_MS = 300;

/**
 * Serves a built site (folder `dir`, built with path prefix `prefix`) on 127.0.0.1, opens its search
 * page in a fresh browser context, types `query`, and measures what the search downloaded from
 * `pagefind/` (from opening the page until the network is quiet after the first result) and how long
 * the first result took, timed inside the page from the input event to the first result in the list.
 * `typed` says when the query is typed: "on-load", as soon as the page has loaded (Pagefind is still
 * starting: the worst case), or "when-ready", once Pagefind has loaded, as for a reader who looks
 * at the page before typing. The browser is the caller's, so one can measure several sites.
 * @example await measureSearch(browser, "_site", "Digital Rights Lab 99", "/", "on-load")
 */
export async function measureSearch(browser: Browser, dir: string, query: string, prefix: string, typed: "on-load" | "when-ready"): Promise<SearchCost> {
  const server = await serveSite(dir, prefix);
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const finished: Request[] = [];
    let open = 0;
    let lastChange = performance.now();
    const isIndex = (request: Request) => new URL(request.url()).pathname.startsWith(`${prefix}pagefind/`);
    page.on("request", (request) => {
      if (!isIndex(request)) return;
      open += 1;
      lastChange = performance.now();
    });
    const done = (request: Request) => {
      if (!isIndex(request)) return;
      open -= 1;
      lastChange = performance.now();
      finished.push(request);
    };
    page.on("requestfinished", done);
    page.on("requestfailed", done);
    const quiet = async () => {
      while (open > 0 || performance.now() - lastChange < QUIET_MS) await page.waitForTimeout(50);
    };

    await page.goto(`${server.url}search/`, { waitUntil: "load" });
    if (typed === "when-ready") await quiet();
    const firstResultMs = await page.evaluate(
      ([text, timeout]) =>
        new Promise<number>((resolve, reject) => {
          const form = document.querySelector("form[role=search]");
          const input = form?.querySelector("input[type=search]");
          const list = form?.querySelector("[data-search-results]");
          if (!(input instanceof HTMLInputElement) || !list) return reject(new Error("The search page has no search form."));
          const started = performance.now();
          const observer = new MutationObserver(() => {
            if (list.querySelector("li") === null) return;
            observer.disconnect();
            resolve(performance.now() - started);
          });
          observer.observe(list, { childList: true });
          setTimeout(() => reject(new Error(`No result within ${timeout} ms.`)), timeout);
          input.value = text;
          input.dispatchEvent(new Event("input", { bubbles: true }));
        }),
      [query, RESULT_TIMEOUT_MS] as const,
    );
    const firstResult = (await page.locator("form[role=search] [data-search-results] li").first().textContent()) ?? "";
    await quiet();

    let pagefindBytes = 0;
    for (const request of finished) {
      const sizes = await request.sizes();
      pagefindBytes += sizes.responseBodySize + sizes.responseHeadersSize;
    }
    return { pagefindBytes, pagefindRequests: finished.length, firstResultMs, firstResult };
  } finally {
    await context.close();
    await server.close();
  }
}
