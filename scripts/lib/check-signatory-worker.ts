// A worker thread of checkSignatoryFiles: claims chunks of files until none is left, posting each
// chunk's results as it goes.
import { parentPort, workerData } from "node:worker_threads";
import { claimChunks, type CheckedChunk, type CheckWorkerData } from "./check-signatory-files.ts";
import type { SharingWorkerMessage } from "./worker-threads.ts";

const port = parentPort!;
claimChunks(workerData as CheckWorkerData, (chunk, checks) => port.postMessage({ chunk, checks } satisfies SharingWorkerMessage<CheckedChunk>));
port.postMessage({ done: true } satisfies SharingWorkerMessage<CheckedChunk>);
