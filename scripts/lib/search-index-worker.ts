// The Pagefind indexer in its own thread (started by `npm run build` with page-thread.ts), so that
// Pagefind's input keeps flowing while the main thread is busy rendering.
import { workerData } from "node:worker_threads";
import { servePageThread } from "./page-thread.ts";
import { SearchIndexer } from "./search-index.ts";

servePageThread(SearchIndexer.start(workerData as { forceLanguage?: string }));
