import { parentPort } from "node:worker_threads";
import { startTypeScriptWorker } from "./typescript-worker.ts";

/** Something that takes a build's pages one by one and gives a result at the end. */
export interface PageConsumer<R> {
  addPage(page: string, html: string): void;
  finish(outputDir: string): Promise<R>;
}

/** A PageConsumer running in a worker thread: the same interface, plus `stop` for a failed build. */
export interface PageThread<R> extends PageConsumer<R> {
  stop(): Promise<void>;
}

type Request = { type: "page"; page: string; html: string } | { type: "finish"; outputDir: string };
type Reply<R> = { result: R } | { error: string };

/**
 * Starts `workerFile` (a module that calls {@link servePageThread}) in a worker thread with
 * `workerData`. Pages are copied to it as they come, and it works on them on another core; its event
 * loop is its own, so it keeps feeding a child process (Pagefind) while this thread renders.
 * @example const verifier = startPageThread<SiteVerification>(new URL("./verify-site-worker.ts", import.meta.url), expected)
 */
export function startPageThread<R>(workerFile: URL, workerData: unknown): PageThread<R> {
  const worker = startTypeScriptWorker(workerFile, workerData);
  const crashed = new Promise<never>((_, reject) => worker.once("error", reject));
  crashed.catch(() => undefined);
  return {
    addPage(page, html) {
      worker.postMessage({ type: "page", page, html } satisfies Request);
    },
    async finish(outputDir) {
      const reply = new Promise<Reply<R>>((resolve) => worker.once("message", resolve));
      worker.postMessage({ type: "finish", outputDir } satisfies Request);
      try {
        const answer = await Promise.race([reply, crashed]);
        if ("error" in answer) throw new Error(answer.error);
        return answer.result;
      } finally {
        await worker.terminate();
      }
    },
    async stop() {
      await worker.terminate();
    },
  };
}

/**
 * The worker side of {@link startPageThread}: hands each page to `consumer` and answers `finish`
 * with its result, or with the error it threw.
 * @example servePageThread(new SiteVerifier(workerData))
 */
export function servePageThread<R>(consumer: PageConsumer<R> | Promise<PageConsumer<R>>): void {
  // One chain keeps the pages in order and lets the consumer start asynchronously (Pagefind does).
  let queue = Promise.resolve(consumer);
  queue.catch(() => undefined);
  parentPort!.on("message", (request: Request) => {
    if (request.type === "page") {
      queue = queue.then((c) => {
        c.addPage(request.page, request.html);
        return c;
      });
      queue.catch(() => undefined);
      return;
    }
    queue
      .then((c) => c.finish(request.outputDir))
      .then(
        (result) => parentPort!.postMessage({ result } satisfies Reply<R>),
        (error: unknown) => parentPort!.postMessage({ error: error instanceof Error ? error.message : String(error) } satisfies Reply<R>),
      );
  });
}
