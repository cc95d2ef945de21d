/**
 * Holds back a build's writing of files until the pages that search waits for have all arrived.
 *
 * Eleventy finishes a letter's exports before its page (templates go in the order of their file
 * names), and writing the exports' lists is the longest step of each. Pagefind writes its index only
 * once it has the letters' pages, and on two cores it finished after Eleventy. Held back, the other
 * files are written after the pages instead, which at 50,000 signatories on one letter got the page to
 * Pagefind 1.1–1.5 s sooner and Pagefind finished with Eleventy (docs/performance.md).
 *
 * A held write keeps only what its file is made from (the page around its lists, and the lists'
 * renderers), never the written text.
 * @example const writes = new HeldWrites(["letters/x/index.html"]); writes.write(() => files.write(path, text)); writes.arrived("letters/x/index.html")
 */
export class HeldWrites {
  readonly #awaited: Set<string>;
  readonly #held: (() => void)[] = [];

  /** `awaited`: the pages to wait for, as paths relative to the output folder. */
  constructor(awaited: Iterable<string>) {
    this.#awaited = new Set(awaited);
  }

  /** Runs `write` now when no page is awaited any more, or holds it until then. */
  write(write: () => void): void {
    if (this.#awaited.size === 0) write();
    else this.#held.push(write);
  }

  /** Notes that `page` has arrived: the last awaited page releases the held writes. */
  arrived(page: string): void {
    if (this.#awaited.delete(page) && this.#awaited.size === 0) this.release();
  }

  /**
   * Stops waiting and runs every held write, in the order they came: at the end of the build, so that
   * an awaited page that never came cannot leave a file unwritten.
   */
  release(): void {
    this.#awaited.clear();
    for (const write of this.#held.splice(0)) write();
  }
}
