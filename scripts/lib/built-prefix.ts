import { readFileSync } from "node:fs";
import { join } from "node:path";

// Every page links the site's own stylesheet, under the path prefix the site was built with.
const STYLESHEET = /<link rel="stylesheet" href="([^"]*)assets\/site\.css">/;

/**
 * The path prefix a built site was made with, read from its home page's link to the stylesheet:
 * checking a site under another prefix finds every link broken. Undefined when the home page is
 * missing or does not say.
 * @example builtPathPrefix("_site") // "/repo-name/" after npm run build -- --pathprefix=/repo-name/
 */
export function builtPathPrefix(siteDir: string): string | undefined {
  let home: string;
  try {
    home = readFileSync(join(siteDir, "index.html"), "utf8");
  } catch {
    return undefined;
  }
  return STYLESHEET.exec(home)?.[1];
}
