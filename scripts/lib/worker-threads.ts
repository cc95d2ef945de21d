import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";

// A worker thread runs the compiled module of its entry, as the commands do (compile-scripts.js):
// on Node 20 a worker does not inherit a TypeScript loader, and registering one took each worker
// 0.3 s before it could start.
const compileScripts = new URL("./compile-scripts.js", import.meta.url).href;

/**
 * Starts a worker thread running a TypeScript entry (`scripts/lib/*-worker.ts`), compiled, the same
 * way from the commands and under vitest.
 * @example const worker = startWorker(new URL("./check-signatory-worker.ts", import.meta.url), { root });
 */
export function startWorker(entry: URL, workerData: unknown): Worker {
  const bootstrap = `import(${JSON.stringify(compileScripts)}).then((compiled) => compiled.importCompiled(${JSON.stringify(fileURLToPath(entry))}));`;
  return new Worker(bootstrap, { eval: true, workerData });
}

/** What a worker that shares out work with other threads posts: a result at a time, then `done`. */
export type SharingWorkerMessage<T> = T | { done: true };

/**
 * Starts a worker (see {@link startWorker}) that claims work shared with other threads, posting each
 * result and then `{ done: true }` once nothing is left to claim. Each result goes to `take`; an
 * error, or the worker stopping before it is done, goes to `fail` (with `stopped` as the message):
 * a worker that claimed work and stopped without posting it would leave its caller waiting forever.
 * @example startSharingWorker(new URL("./verify-site-worker.ts", import.meta.url), claims, store, settle, "the worker stopped")
 */
export function startSharingWorker<T extends object>(entry: URL, workerData: unknown, take: (result: T) => void, fail: (error: unknown) => void, stopped: string): Worker {
  const worker = startWorker(entry, workerData);
  let done = false;
  worker.on("message", (message: SharingWorkerMessage<T>) => {
    if ("done" in message) done = true;
    else take(message);
  });
  worker.on("error", fail);
  worker.on("exit", () => {
    if (!done) fail(new Error(stopped));
  });
  return worker;
}
