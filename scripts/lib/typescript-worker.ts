import { Worker } from "node:worker_threads";

/**
 * Starts a TypeScript module in a worker thread. Node 20 loads a worker's entry before any --import
 * hook runs in it, so a small plain-JavaScript entry first registers tsx, the TypeScript loader the
 * scripts run under, and then imports the module.
 * @example const worker = startTypeScriptWorker(new URL("./verify-site-worker.ts", import.meta.url), expected)
 */
export function startTypeScriptWorker(file: URL, workerData: unknown): Worker {
  const tsx = import.meta.resolve("tsx/esm/api");
  const entry = `import { register } from ${JSON.stringify(tsx)}; register(); await import(${JSON.stringify(file.href)});`;
  return new Worker(new URL(`data:text/javascript,${encodeURIComponent(entry)}`), { workerData });
}
