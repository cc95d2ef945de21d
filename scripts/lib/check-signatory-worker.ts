// A worker thread of checkSignatoryFiles: claims chunks of files until none is left, posting each
// chunk's results as it goes.
import { parentPort, workerData } from "node:worker_threads";
import { claimChunks, type CheckWorkerData, type CheckWorkerMessage } from "./check-signatory-files.ts";

const port = parentPort!;
claimChunks(workerData as CheckWorkerData, (chunk, checks) => port.postMessage({ chunk, checks } satisfies CheckWorkerMessage));
port.postMessage({ done: true } satisfies CheckWorkerMessage);
