import type { Browser, Request } from "playwright-core";
import { serveSite } from "../serve-site.ts";

/** What one search on a built site costs a reader who arrives with an empty cache. */
export interface SearchCost {
  /** Bytes of the responses under `pagefind/` (bodies and headers, as served: no compression). */
  pagefindBytes: number;
  /** Requests under `pagefind/`. */
  pagefindRequests: number;
  /** Milliseconds from typing the query to the first result on screen, the form's debounce included. */
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
 * the first result took. The browser is the caller's, so one can measure several sites.
 * @example await measureSearch(browser, "_site", "Digital Rights Lab 99")
 */
export async function measureSearch(browser: Browser, dir: string, query: string, prefix = "/"): Promise<SearchCost> {
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

    await page.goto(`${server.url}search/`, { waitUntil: "load" });
    const results = page.locator("form[role=search] [data-search-results] li");
    const started = performance.now();
    await page.locator("form[role=search] input[type=search]").fill(query);
    await results.first().waitFor({ timeout: RESULT_TIMEOUT_MS });
    const firstResultMs = performance.now() - started;
    const firstResult = (await results.first().textContent()) ?? "";
    while (open > 0 || performance.now() - lastChange < QUIET_MS) await page.waitForTimeout(50);

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
