import { randomUUID } from "node:crypto";

/**
 * Content rendered only when its page is finished, not when Eleventy renders the template.
 *
 * Eleventy renders every page's template before it finishes and writes any, and keeps what each
 * template rendered until the build ends. A list of 100,000 signatories rendered in the template
 * would be held whole, in every list, page and export, for the length of the build. A template
 * puts a marker where such content goes, {@link DeferredContent.expand} renders it in the page's
 * last step, and the build writes the page and lets it go (docs/performance.md).
 *
 * Each marker carries a token made for this build, so text from a letter or a signatory can never
 * name one, and each is rendered once.
 */
export class DeferredContent {
  readonly #token = randomUUID();
  readonly #pattern = new RegExp(`<!--deferred:${this.#token}:(\\d+)-->`, "g");
  readonly #pending = new Map<number, () => string>();
  #next = 0;

  /**
   * A marker for content that `render` makes when the page is finished.
   * @example deferred.defer(() => renderEntries(list, options)) // "<!--deferred:…:0-->"
   */
  defer(render: () => string): string {
    const id = this.#next;
    this.#next += 1;
    this.#pending.set(id, render);
    return `<!--deferred:${this.#token}:${id}-->`;
  }

  /**
   * Replaces every marker in a finished page with its content.
   * @throws {Error} for a marker already expanded, which would otherwise vanish from the page.
   * @example deferred.expand(`<ul>${deferred.defer(() => "<li>A</li>")}</ul>`) // "<ul><li>A</li></ul>"
   */
  expand(page: string): string {
    if (!page.includes(`<!--deferred:${this.#token}:`)) return page;
    return page.replace(this.#pattern, (_, id: string) => {
      const render = this.#pending.get(Number(id));
      if (render === undefined) throw new Error(`deferred content ${id} was already put into another page; a page's content cannot be reused`);
      this.#pending.delete(Number(id));
      return render();
    });
  }

  /** How many markers are waiting for their page, for tests. */
  get pending(): number {
    return this.#pending.size;
  }
}
