import { describe, expect, it } from "vitest";
import { createMarkdown, UPDATE_TOP_HEADING } from "../../scripts/lib/markdown.ts";

const md = createMarkdown();

describe("createMarkdown: headings nest under the page's own", () => {
  // The page's title is its only h1, so a letter's body starts at h2 and never skips a level.
  it.each([
    ["# becomes h2, below the title", "# Our requests\n\nText.\n", "<h2>Our requests</h2>\n<p>Text.</p>\n"],
    ["each level moves down one", "# A\n\n## B\n\n### C\n", "<h2>A</h2>\n<h3>B</h3>\n<h4>C</h4>\n"],
    ["a skipped level is closed up", "# Heading\n\n### Details\n", "<h2>Heading</h2>\n<h3>Details</h3>\n"],
    ["a first heading deeper than # starts at h2", "### Details\n\n#### More\n", "<h2>Details</h2>\n<h3>More</h3>\n"],
    ["going back up is kept", "# A\n\n## B\n\n# C\n", "<h2>A</h2>\n<h3>B</h3>\n<h2>C</h2>\n"],
    ["h6 is the deepest", "# 1\n\n## 2\n\n### 3\n\n#### 4\n\n##### 5\n\n###### 6\n", "<h2>1</h2>\n<h3>2</h3>\n<h4>3</h4>\n<h5>4</h5>\n<h6>5</h6>\n<h6>6</h6>\n"],
    ["underlined headings too", "Requests\n========\n\nDetails\n-------\n", "<h2>Requests</h2>\n<h3>Details</h3>\n"],
  ])("%s", (_, source, html) => {
    expect(md.render(source)).toBe(html);
  });

  it("starts an update's text below the update's own h3", () => {
    expect(md.render("# Delivered\n\n## Reply\n", { docId: "update1", topHeading: UPDATE_TOP_HEADING })).toBe("<h4>Delivered</h4>\n<h5>Reply</h5>\n");
  });

  it("renders each text on its own: one body's headings do not change the next one's", () => {
    md.render("# A\n\n## B\n\n### C\n");
    expect(md.render("### Only\n")).toBe("<h2>Only</h2>\n");
  });
});
