import MarkdownIt from "markdown-it";
import footnote from "markdown-it-footnote";

/** The level a letter's `#` heading gets: the page's title is its only h1 (WCAG 1.3.1). */
export const BODY_TOP_HEADING = 2;
/** The level an update's `#` heading gets: each update sits under an h3 of its own (partials/updates.njk). */
export const UPDATE_TOP_HEADING = 4;
/** The deepest heading HTML has. */
const DEEPEST_HEADING = 6;

/** What a text is rendered with: `docId` keeps its footnote ids apart, `topHeading` is the level its `#` becomes. */
export interface MarkdownEnv {
  docId?: string;
  topHeading?: number;
}

/**
 * The Markdown renderer for letter bodies: raw HTML off (it is shown as text), footnotes on with
 * ids that cannot collide with signatory anchors,
 * and markdown-it's own link check, which refuses `javascript:`, `vbscript:`, `file:` and `data:` links.
 * Headings nest below the page's own: `#` becomes `env.topHeading` (h2 by default), each level
 * below it one more, never more than one level deeper than the heading before, and h6 at most.
 * @example createMarkdown().render("# Requests\n\n### Details") // "<h2>Requests</h2>\n<h3>Details</h3>\n"
 */
export function createMarkdown(): InstanceType<typeof MarkdownIt> {
  const md = new MarkdownIt({ html: false, linkify: false, typographer: false }).use(footnote);
  // Signatory anchors are [a-z0-9-]; an underscore keeps footnote ids ("fn_1") from ever colliding with them.
  // Text rendered with an env `docId` (an update below the letter) prefixes it, so its notes keep ids of their own.
  md.renderer.rules.footnote_anchor_name = (tokens, idx, _options, env) => {
    const docId = (env as MarkdownEnv | undefined)?.docId;
    return `_${docId === undefined ? "" : `${docId}_`}${(tokens[idx]!.meta as { id: number }).id + 1}`;
  };
  md.core.ruler.push("nest_headings", (state) => {
    const top = (state.env as MarkdownEnv | undefined)?.topHeading ?? BODY_TOP_HEADING;
    // A screen reader's outline breaks where a level is skipped, so a heading goes at most one below the last.
    let previous = top - 1;
    for (const token of state.tokens) {
      if (token.type === "heading_open") {
        previous = Math.min(DEEPEST_HEADING, Number(token.tag.slice(1)) + top - 1, previous + 1);
        token.tag = `h${previous}`;
      } else if (token.type === "heading_close") {
        token.tag = `h${previous}`;
      }
    }
  });
  return md;
}
