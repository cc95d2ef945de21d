// A worker thread of verifySite: claims pages until none is left, posting each page's report as it goes.
import { workerData } from "node:worker_threads";
import { claimPage, verifyPage, wantedOf, type PageClaims } from "./verify-page.ts";
import type { VerifiedPage } from "./verify-site.ts";
import type { SharingWorkerData, SharingWorkerMessage } from "./worker-threads.ts";

const { data: claims, port } = workerData as SharingWorkerData<PageClaims>;
const wanted = wantedOf(claims.signatories);
for (let i = claimPage(claims); i !== undefined; i = claimPage(claims)) {
  port.postMessage({ index: i, report: verifyPage(claims.outputDir, claims.pages[i]!, wanted, claims.signatories) } satisfies SharingWorkerMessage<VerifiedPage>);
}
port.postMessage({ done: true } satisfies SharingWorkerMessage<VerifiedPage>);
