import { randomUUID } from "node:crypto";

/**
 * Content rendered only when its page is finished, not when Eleventy renders the template.
 *
 * Eleventy renders every page's template before it finishes and writes any, and keeps what each
 * template rendered until the build ends. A list of 100,000 signatories rendered in the template
 * would be held whole, in every list, page and export, for the length of the build. A template
 * puts a marker where such content goes, and the page's last step puts the content in: as pieces
 * that `npm run build` writes one after another, so that a long list is never one string, or as one
 * string for Eleventy to write (docs/performance.md).
 *
 * Each marker carries a token made for this build, so text from a letter or a signatory can never
 * name one, and each is rendered once. Content comes as pieces, made as they are taken (pieces.ts).
 */
export class DeferredContent {
  readonly #token = randomUUID();
  readonly #pattern = new RegExp(`<!--deferred:${this.#token}:(\\d+)-->`, "g");
  readonly #pending = new Map<number, () => Iterable<string>>();
  #next = 0;

  /**
   * A marker for content that `render` makes when the page is finished, as pieces put in one after another.
   * @example deferred.defer(() => linePieces(list, entryLine(options))) // "<!--deferred:…:0-->"
   */
  defer(render: () => Iterable<string>): string {
    const id = this.#next;
    this.#next += 1;
    this.#pending.set(id, render);
    return `<!--deferred:${this.#token}:${id}-->`;
  }

  /**
   * Hands a finished page to `emit` in order, piece by piece: the text around the markers, and each
   * marker's content in the pieces its renderer makes.
   * @throws {Error} for a marker already expanded, which would otherwise vanish from the page.
   * @example deferred.expandInto(page, (piece) => out.write(piece))
   */
  expandInto(page: string, emit: (piece: string) => void): void {
    let at = 0;
    for (const match of page.matchAll(this.#pattern)) {
      if (match.index > at) emit(page.slice(at, match.index));
      for (const piece of this.#take(Number(match[1]))) emit(piece);
      at = match.index + match[0].length;
    }
    if (at < page.length) emit(at === 0 ? page : page.slice(at));
  }

  /**
   * A finished page as one string, every marker replaced with its content.
   * @example deferred.expand(`<ul>${deferred.defer(() => ["<li>A</li>"])}</ul>`) // "<ul><li>A</li></ul>"
   */
  expand(page: string): string {
    if (!page.includes(`<!--deferred:${this.#token}:`)) return page;
    const pieces: string[] = [];
    this.expandInto(page, (piece) => pieces.push(piece));
    return pieces.join("");
  }

  /** How many markers are waiting for their page, for tests. */
  get pending(): number {
    return this.#pending.size;
  }

  #take(id: number): Iterable<string> {
    const render = this.#pending.get(id);
    if (render === undefined) throw new Error(`deferred content ${id} was already put into another page; a page's content cannot be reused`);
    this.#pending.delete(id);
    return render();
  }
}
