import { fileURLToPath } from "node:url";
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort, type TransferListItem } from "node:worker_threads";

// A worker thread runs the compiled module of its entry, as the commands do (compile-scripts.js):
// on Node 20 a worker does not inherit a TypeScript loader, and registering one took each worker
// 0.3 s before it could start.
const compileScripts = new URL("./compile-scripts.js", import.meta.url).href;

/**
 * Starts a worker thread running a TypeScript entry (`scripts/lib/*-worker.ts`), compiled, the same
 * way from the commands and under vitest.
 * @example const worker = startWorker(new URL("./check-signatory-worker.ts", import.meta.url), { root });
 */
export function startWorker(entry: URL, workerData: unknown, transferList: readonly TransferListItem[] = []): Worker {
  const bootstrap = `import(${JSON.stringify(compileScripts)}).then((compiled) => compiled.importCompiled(${JSON.stringify(fileURLToPath(entry))}));`;
  return new Worker(bootstrap, { eval: true, workerData, transferList: [...transferList] });
}

/** What a worker that shares out work with other threads posts: a result at a time, then `done`. */
export type SharingWorkerMessage<T> = T | { done: true };

/** What a sharing worker is given: its data, and the port it posts its results on. */
export interface SharingWorkerData<D> {
  data: D;
  port: MessagePort;
}

/** A started sharing worker (see {@link startSharingWorker}). */
export interface SharingWorker {
  /** Posts to the worker, on the port it posts its results on. */
  post(message: unknown): void;
  /** Takes every result posted so far, at once: a thread busy with a long loop need not wait for the event loop. */
  takePosted(): void;
  /** Stops the worker, if it has not stopped; nothing needs to wait for that. */
  stop(): void;
}

/**
 * Starts a worker (see {@link startWorker}) that claims work shared with other threads, posting each
 * result and then `{ done: true }` once nothing is left to claim. Each result goes to `take`; an
 * error, or the worker stopping before it is done, goes to `fail` (with `stopped` as the message):
 * a worker that claimed work and stopped without posting it would leave its caller waiting forever.
 * The results come on a port of their own, so that `takePosted` can take them between two pieces of
 * synchronous work.
 * @example startSharingWorker(new URL("./verify-site-worker.ts", import.meta.url), claims, store, settle, "the worker stopped")
 */
export function startSharingWorker<T extends object>(entry: URL, workerData: unknown, take: (result: T) => void, fail: (error: unknown) => void, stopped: string): SharingWorker {
  const { port1, port2 } = new MessageChannel();
  const worker = startWorker(entry, { data: workerData, port: port2 } satisfies SharingWorkerData<unknown>, [port2]);
  let done = false;
  const receive = (message: SharingWorkerMessage<T>) => {
    if ("done" in message) done = true;
    else take(message);
  };
  const takePosted = () => {
    for (let posted = receiveMessageOnPort(port1); posted !== undefined; posted = receiveMessageOnPort(port1)) receive(posted.message as SharingWorkerMessage<T>);
  };
  port1.on("message", receive);
  // The worker keeps the process alive while it runs; its port must not once it has stopped.
  port1.unref();
  worker.on("error", fail);
  worker.on("exit", () => {
    // Whatever it posted before it stopped is waiting on the port by now.
    takePosted();
    port1.close();
    if (!done) fail(new Error(stopped));
  });
  return {
    post: (message) => port1.postMessage(message),
    takePosted,
    stop: () => {
      worker.unref();
      void worker.terminate();
    },
  };
}
