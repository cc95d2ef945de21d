// Eleventy's HtmlBasePlugin adds the path prefix by parsing and re-serialising every page, which
// took 8.7 s of a 50,000-signatory build (docs/performance.md). Every page here is written by our
// templates and renderers, which double-quote every attribute and escape every `"` in text and in
// values, so a root-relative URL can only appear as the start of a quoted URL attribute.

// The `/` that starts a root-relative URL in one of the URL-valued attributes of HTML that a page may
// use (`data` is <object>'s). The fixed `="/` comes first and the attribute's name is looked for
// behind it: the regular expression engine then skips quickly from one `="/` to the next instead of
// trying every space, which made the pass over 85 MB of pages 8 times faster (docs/performance.md).
const ROOT_RELATIVE_URL = /="\/(?!\/)(?<=\s(?:href|src|action|cite|poster|formaction|data)="\/)/g;

/**
 * Normalises a path prefix to start and end with one slash: `repo` → `/repo/`, `` → `/`.
 * @example normalisePathPrefix("undersigned") // "/undersigned/"
 */
export function normalisePathPrefix(pathPrefix: string): string {
  const trimmed = pathPrefix.replace(/^\/+|\/+$/g, "");
  return trimmed === "" ? "/" : `/${trimmed}/`;
}

/**
 * Puts the path prefix in front of every root-relative URL in the page's URL attributes, as the site
 * is served from `https://host/<prefix>/`. Absolute, protocol-relative and relative URLs are left
 * alone, as is text. Relies on attributes being double-quoted (see the note above).
 * @example prefixRootUrls('<a href="/letters/">', "/repo/") // '<a href="/repo/letters/">'
 */
export function prefixRootUrls(html: string, pathPrefix: string): string {
  const prefix = normalisePathPrefix(pathPrefix);
  return prefix === "/" ? html : html.replace(ROOT_RELATIVE_URL, `="${prefix}`);
}
