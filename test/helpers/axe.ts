// axe-core, run in Chromium on a page of the built site, with the rules of WCAG 2.2 at levels A and AA.
import { join } from "node:path";
import type { Page } from "playwright-core";
import { PROJECT_ROOT } from "./run.ts";

/** The axe rule tags of WCAG 2.0, 2.1 and 2.2 at levels A and AA. */
export const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

/**
 * Runs axe on the page as it is now; each violation as a "<rule>: <target> <summary>" line.
 * @example expect(await axeViolations(page)).toEqual([])
 */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: join(PROJECT_ROOT, "node_modules", "axe-core", "axe.min.js") });
  return page.evaluate(async (tags) => {
    interface AxeNode { target: unknown[]; failureSummary?: string }
    interface AxeResults { violations: Array<{ id: string; nodes: AxeNode[] }> }
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<AxeResults> } }).axe;
    const results = await axe.run(document, { runOnly: { type: "tag", values: tags } });
    return results.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${JSON.stringify(n.target)} ${n.failureSummary ?? ""}`));
  }, WCAG_TAGS);
}
