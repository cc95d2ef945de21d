import { readFileSync } from "node:fs";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
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

/**
 * From this many signatories `npm run build` runs Pagefind's feeding and the verifier in threads of
 * their own: each costs about 0.6 s to start, more than it saves on a smaller site (docs/performance.md).
 */
export const PAGE_THREADS_MIN_SIGNATORIES = 5000;

/** How long the worker waits before looking again for a page the build has not written yet. */
const WRITE_POLL_MS = 10;

type Request =
  | { type: "page"; page: string; html: string }
  | { type: "written"; page: string; bytes: number; outputDir: string }
  | { type: "finish"; outputDir: string };
type Reply<R> = { result: R } | { error: string };

/**
 * Starts `workerFile` (a module that calls {@link servePageThread}) in a worker thread with
 * `workerData`, and hands it each page as it comes, to work on on another core; its event loop is
 * its own, so it keeps feeding a child process (Pagefind) while this thread renders. Pages are
 * copied to it, or, with `readFrom`, announced by path and size only: the worker reads each from
 * that folder once the build has written it, so a worker that falls behind holds no copies.
 * @example const verifier = startPageThread<SiteVerification>(new URL("./verify-site-worker.ts", import.meta.url), expected, { readFrom: "_site" })
 */
export function startPageThread<R>(workerFile: URL, workerData: unknown, options: { readFrom?: string } = {}): PageThread<R> {
  const worker = startTypeScriptWorker(workerFile, workerData);
  const crashed = new Promise<never>((_, reject) => worker.once("error", reject));
  crashed.catch(() => undefined);
  const { readFrom } = options;
  return {
    addPage(page, html) {
      const request: Request = readFrom === undefined ? { type: "page", page, html } : { type: "written", page, bytes: Buffer.byteLength(html), outputDir: readFrom };
      worker.postMessage(request);
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
 * The worker side of {@link startPageThread}: hands each page to `consumer`, in order, and answers
 * `finish` with its result, or with the error it threw.
 * @example servePageThread(new SiteVerifier(workerData))
 */
export function servePageThread<R>(consumer: PageConsumer<R> | Promise<PageConsumer<R>>): void {
  const queue: Request[] = [];
  let finishing = false;
  let draining: Promise<void> | undefined;

  // A page announced by size is read once the file has that size; when the build has finished, it
  // is read as it is, since the consumer must check what was written.
  const drain = async (c: PageConsumer<R>): Promise<void> => {
    while (queue.length > 0) {
      const request = queue[0]!;
      if (request.type === "page") {
        c.addPage(request.page, request.html);
      } else if (request.type === "written") {
        const bytes = readIfWritten(join(request.outputDir, request.page), finishing ? undefined : request.bytes);
        if (bytes === undefined) {
          await sleep(WRITE_POLL_MS);
          continue;
        }
        c.addPage(request.page, bytes.toString("utf8"));
      }
      queue.shift();
    }
  };
  const ready = Promise.resolve(consumer);
  ready.catch(() => undefined);
  const kick = () => {
    draining ??= ready.then(drain).finally(() => (draining = undefined));
    draining.catch(() => undefined);
    return draining;
  };

  parentPort!.on("message", (request: Request) => {
    if (request.type !== "finish") {
      queue.push(request);
      void kick();
      return;
    }
    finishing = true;
    (async () => {
      const c = await ready;
      while (queue.length > 0 || draining !== undefined) await kick();
      return c.finish(request.outputDir);
    })().then(
      (result) => parentPort!.postMessage({ result } satisfies Reply<R>),
      (error: unknown) => parentPort!.postMessage({ error: error instanceof Error ? error.message : String(error) } satisfies Reply<R>),
    );
  });
}

function readIfWritten(path: string, bytes: number | undefined): Buffer | undefined {
  try {
    const content = readFileSync(path);
    return bytes === undefined || content.length === bytes ? content : undefined;
  } catch (error) {
    if (bytes !== undefined && (error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
}
