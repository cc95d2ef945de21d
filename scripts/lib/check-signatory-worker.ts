// A worker thread of signatoryChecker: once it is sent the files, claims chunks of them until none is
// left, posting each chunk's results as it goes.
import { workerData } from "node:worker_threads";
import { claimChunks, type CheckedChunk, type CheckWorkerData } from "./check-signatory-files.ts";
import type { SharingWorkerData, SharingWorkerMessage } from "./worker-threads.ts";

const { data, port } = workerData as SharingWorkerData<CheckWorkerData>;
port.once("message", (files: readonly string[]) => {
  claimChunks({ ...data, files }, (chunk, checks) => port.postMessage({ chunk, checks } satisfies SharingWorkerMessage<CheckedChunk>));
  port.postMessage({ done: true } satisfies SharingWorkerMessage<CheckedChunk>);
  port.close();
});
