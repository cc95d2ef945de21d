import { Worker } from "node:worker_threads";

// A worker thread does not inherit the parent's `--import tsx` (on Node 20 its entry module fails with
// "Unknown file extension .ts"), so it registers tsx itself before importing its TypeScript entry.
const tsxApi = import.meta.resolve("tsx/esm/api");

/**
 * Starts a worker thread running a TypeScript module, the same way in the scripts (`node --import
 * tsx`) and under vitest.
 * @example const worker = startTsWorker(new URL("./check-signatory-worker.ts", import.meta.url), { root });
 */
export function startTsWorker(entry: URL, workerData: unknown): Worker {
  const bootstrap = `import(${JSON.stringify(tsxApi)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry.href)}); });`;
  return new Worker(bootstrap, { eval: true, workerData });
}
