import MarkdownIt from "markdown-it";
import footnote from "markdown-it-footnote";

/**
 * The Markdown renderer for letter bodies: raw HTML off (it is shown as text), footnotes on with
 * ids that cannot collide with signatory anchors,
 * and markdown-it's own link check, which refuses `javascript:`, `vbscript:`, `file:` and `data:` links.
 * @example createMarkdown().render("Hello[^1]\n\n[^1]: A note.")
 */
export function createMarkdown(): InstanceType<typeof MarkdownIt> {
  const md = new MarkdownIt({ html: false, linkify: false, typographer: false }).use(footnote);
  // Signatory anchors are [a-z0-9-]; an underscore keeps footnote ids ("fn_1") from ever colliding with them.
  // Text rendered with an env `docId` (an update below the letter) prefixes it, so its notes keep ids of their own.
  md.renderer.rules.footnote_anchor_name = (tokens, idx, _options, env) => {
    const docId = (env as { docId?: string } | undefined)?.docId;
    return `_${docId === undefined ? "" : `${docId}_`}${(tokens[idx]!.meta as { id: number }).id + 1}`;
  };
  return md;
}
