import MarkdownIt from "markdown-it";
import footnote from "markdown-it-footnote";

/**
 * The Markdown renderer for letter bodies: raw HTML off (it is shown as text), footnotes on,
 * and markdown-it's own link check, which refuses `javascript:`, `vbscript:`, `file:` and `data:` links.
 * @example createMarkdown().render("Hello[^1]\n\n[^1]: A note.")
 */
export function createMarkdown(): MarkdownIt {
  return new MarkdownIt({ html: false, linkify: false, typographer: false }).use(footnote);
}
