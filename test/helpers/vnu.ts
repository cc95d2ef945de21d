import { execFile } from "node:child_process";
import { join } from "node:path";
import { PROJECT_ROOT } from "./run.ts";

/** What the W3C Nu HTML Checker printed and how it exited. */
export interface VnuResult {
  code: number;
  /** Standard output and standard error together: empty when nothing was found. */
  out: string;
}

/**
 * Runs the W3C Nu HTML Checker (vnu-jar, on the installed Java) with `--errors-only` on files or
 * folders; folders are checked whole, HTML files only.
 * @example await checkHtml([join(output, "index.html")]) // { code: 0, out: "" }
 */
export function checkHtml(paths: readonly string[]): Promise<VnuResult> {
  return new Promise((resolve) => {
    execFile(join(PROJECT_ROOT, "node_modules", ".bin", "vnu"), ["--skip-non-html", "--errors-only", ...paths], { maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) =>
      resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, out: stdout + stderr }),
    );
  });
}
