// The site verifier in its own thread (started by `npm run build` with page-thread.ts).
import { workerData } from "node:worker_threads";
import { servePageThread } from "./page-thread.ts";
import { SiteVerifier, type SiteExpectation } from "./verify-site.ts";

servePageThread(new SiteVerifier(workerData as SiteExpectation));
