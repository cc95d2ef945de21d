// The worker side of checkSignatoryFilesInParallel: checks its share of the files and posts the result.
import { parentPort, workerData } from "node:worker_threads";
import { checkSignatoryFiles } from "./check-signatory-files.ts";

const { root, files } = workerData as { root: string; files: string[] };
parentPort!.postMessage(checkSignatoryFiles(root, files));
