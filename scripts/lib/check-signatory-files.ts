import { availableParallelism } from "node:os";
import { MAX_SIGNATORY_BYTES } from "./limits.ts";
import { problem } from "./problem.ts";
import { decodeText, readChecked, ReadTextError } from "./read-text.ts";
import { startSharingWorker, type SharingWorker } from "./worker-threads.ts";
import type { Problem, Signatory } from "./types.ts";
import { checkSignatoryText } from "./validate-signatory.ts";

/**
 * Below this many files, a worker thread costs more than it saves: its start (loading the validator,
 * 0.4–0.5 s) competes with the main thread for the cores. Measured on 2 cores: 0.3 s slower at 10,000
 * files, even at 25,000, faster at 50,000 and 100,000 (docs/performance.md). Now that a worker no
 * longer starts tsx, it still gains nothing at 10,000 files: 1.92–2.27 s without one, 2.08–2.22 s with one.
 */
export const PARALLEL_MIN_FILES = 30_000;
/** Files a thread claims at a time: small enough to share the tail evenly, large enough to post rarely. */
export const CHECK_CHUNK_FILES = 500;
/** A cap: past the cores, threads only contend (on 2 cores, a second worker made checking slower). */
const MAX_CHECK_THREADS = 4;

/** The outcome of reading and checking one signatory file on its own. */
export interface SignatoryFileCheck {
  signatory?: Signatory;
  problems: Problem[];
}

/** Options for {@link signatoryChecker} and {@link checkSignatoryFiles}. */
export interface CheckOptions {
  /**
   * Worker threads to start, at once; by default one per spare core, started as soon as
   * PARALLEL_MIN_FILES files are listed.
   */
  threads?: number | undefined;
  /**
   * With worker threads, the main thread joins them only once this settles (or they have checked
   * every file), so that it can finish start-up work of its own while they start: the build imports
   * Eleventy meanwhile. A rejection is the caller's to handle; the checking goes on.
   */
  mainThreadAfter?: Promise<unknown> | undefined;
}

/** What a worker thread is given (see check-signatory-worker.ts); the files to check come later, in a message. */
export interface CheckWorkerData {
  root: string;
  /** The next chunk to claim, shared by every thread. */
  next: Int32Array;
}

/** The files to check, and the counter the threads share, once they are all listed. */
export interface CheckChunks extends CheckWorkerData {
  files: readonly string[];
}

/** What a worker thread posts for each chunk it checked (then `done`, see startSharingWorker). */
export interface CheckedChunk {
  chunk: number;
  checks: SignatoryFileCheck[];
}

/**
 * Checks the signatory files of one load. Its worker threads start while the files are still being
 * listed, as soon as there are enough of them to be worth it, so that they have loaded the
 * validator by the time the list is complete.
 */
export interface SignatoryChecker {
  /** Says how many files are listed so far. */
  listed(count: number): void;
  /**
   * Checks every file listed, one result per file in the order given, and stops the worker threads.
   * `checked`, when given, gets each chunk's results on this thread as they come in, in no set order
   * of chunks: `first` is the index in `files` of the chunk's first file.
   */
  check(files: readonly string[], checked?: ChunkChecked): Promise<SignatoryFileCheck[]>;
  /** Stops the worker threads without checking, when the listing failed. */
  stop(): void;
}

/** Takes one chunk's results as they come in (see {@link SignatoryChecker.check}). */
export type ChunkChecked = (first: number, checks: readonly SignatoryFileCheck[]) => void;

/**
 * Reads one signatory file (listed by the loader as a regular file) and checks it on its own. A file
 * that cannot be read as text is a problem at its first line, like any other.
 * @example checkSignatoryFile(root, "signatories/x/acme.yaml").signatory?.name // "ACME"
 */
export function checkSignatoryFile(root: string, file: string): SignatoryFileCheck {
  const problems: Problem[] = [];
  const text = readChecked(root, file, MAX_SIGNATORY_BYTES, problems, { listedAsFile: true });
  return text === undefined ? { problems } : checkSignatoryText(file, text);
}

/**
 * Checks one signatory file's bytes, read from git, exactly as {@link checkSignatoryFile} checks a
 * file on disk: bytes that are not text are a problem at the first line.
 * @example checkSignatoryBytes("signatories/x/acme.yaml", Buffer.from("name: ACME\n…")).signatory?.name // "ACME"
 */
export function checkSignatoryBytes(file: string, bytes: Uint8Array): SignatoryFileCheck {
  let text: string;
  try {
    text = decodeText(bytes, MAX_SIGNATORY_BYTES);
  } catch (error) {
    if (!(error instanceof ReadTextError)) throw error;
    return { problems: [problem("error", file, error.message, 1, 1)] };
  }
  return checkSignatoryText(file, text);
}

/**
 * Claims chunks of `files` from the shared counter until none is left, checking each claimed chunk.
 * Every thread, the main one included, runs this same loop; `between` runs after each chunk.
 * @example claimChunks(data, (chunk, checks) => results[chunk] = checks)
 */
export function claimChunks(data: CheckChunks, checked: (chunk: number, checks: SignatoryFileCheck[]) => void, between: () => void = () => {}): void {
  const chunks = Math.ceil(data.files.length / CHECK_CHUNK_FILES);
  for (let chunk = Atomics.add(data.next, 0, 1); chunk < chunks; chunk = Atomics.add(data.next, 0, 1)) {
    const files = data.files.slice(chunk * CHECK_CHUNK_FILES, (chunk + 1) * CHECK_CHUNK_FILES);
    checked(chunk, files.map((file) => checkSignatoryFile(data.root, file)));
    between();
  }
}

/**
 * Starts checking the signatory files of `root` (see {@link SignatoryChecker}). The work is shared
 * with worker threads when there are many files: each thread claims the next chunk of files, so the
 * main thread starts at once and a worker joins once it has started, and a repository too small to
 * need one never waits for it.
 * @example const checker = signatoryChecker(root); checker.listed(files.length); const checks = await checker.check(files);
 */
export function signatoryChecker(root: string, options: CheckOptions = {}): SignatoryChecker {
  const next = new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT));
  const workers: SharingWorker[] = [];
  let results: (SignatoryFileCheck[] | undefined)[] = [];
  let missing = Infinity;
  let started = false;
  let settle: (error?: unknown) => void = () => {};
  const finished = new Promise<void>((resolve, reject) => {
    settle = (error) => (error === undefined ? resolve() : reject(error));
  });
  // When the main thread fails first, the workers it stops still settle this; nothing waits by then.
  finished.catch(() => {});
  let checked: ChunkChecked | undefined;
  const store = (chunk: number, checks: SignatoryFileCheck[]) => {
    results[chunk] = checks;
    checked?.(chunk * CHECK_CHUNK_FILES, checks);
    missing -= 1;
    if (missing === 0) settle();
  };
  const start = (threads: number) => {
    started = true;
    for (let i = 0; i < threads; i += 1) {
      const worker = startSharingWorker<CheckedChunk>(
        new URL("./check-signatory-worker.ts", import.meta.url),
        { root, next } satisfies CheckWorkerData,
        (message) => store(message.chunk, message.checks),
        settle,
        "a worker thread checking signatory files stopped before it had finished",
      );
      workers.push(worker);
    }
  };
  // Workers still starting have nothing left to claim; stopping one can take longer than the
  // checking did, and nothing needs to wait for that (its early exit no longer settles anything).
  const stop = () => {
    for (const worker of workers) worker.stop();
  };
  const listed = (count: number) => {
    if (!started && count >= PARALLEL_MIN_FILES) start(Math.min(MAX_CHECK_THREADS, availableParallelism() - 1));
  };
  if (options.threads !== undefined) start(options.threads);
  return {
    listed,
    async check(files, onChunk) {
      checked = onChunk;
      listed(files.length);
      const chunks = Math.ceil(files.length / CHECK_CHUNK_FILES);
      results = new Array<SignatoryFileCheck[] | undefined>(chunks);
      missing = chunks;
      if (chunks === 0) settle();
      try {
        for (const worker of workers) worker.post(files);
        if (workers.length > 0 && options.mainThreadAfter !== undefined) await Promise.race([options.mainThreadAfter.catch(() => {}), finished]);
        // The workers' results are taken between chunks: left to wait for the end, taking them in
        // would be the main thread's last work, with the other threads done.
        claimChunks({ root, next, files }, store, () => {
          for (const worker of workers) worker.takePosted();
        });
        await finished;
      } finally {
        stop();
      }
      return results.flatMap((checks) => checks!);
    },
    stop,
  };
}

/**
 * Checks signatory files, returning one result per file in the order given (see {@link signatoryChecker}).
 * @example const checks = await checkSignatoryFiles(root, files);
 */
export function checkSignatoryFiles(root: string, files: readonly string[], options: CheckOptions = {}): Promise<SignatoryFileCheck[]> {
  return signatoryChecker(root, options).check(files);
}
