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
