import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { readdir, stat } from "node:fs/promises";
import { join } from "node:path";

/** Wall time and peak memory of one finished command. */
export interface Measurement {
  seconds: number;
  /** Peak resident memory in MB, when /usr/bin/time is available. */
  peakMb?: number;
  code: number;
  /** The command's standard error, for reporting a failed stage. */
  stderr: string;
}

const GNU_TIME = "/usr/bin/time";
const TIME_MARK = "@@bench ";

/**
 * Runs a command as its own process and measures its wall time and, through GNU time, its peak
 * resident memory.
 * @example await measureCommand(process.execPath, ["--version"], process.cwd())
 */
export function measureCommand(command: string, args: readonly string[], cwd: string): Promise<Measurement> {
  const timed = existsSync(GNU_TIME);
  const [file, argv] = timed ? [GNU_TIME, ["-f", `${TIME_MARK}%M`, command, ...args]] : [command, [...args]];
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(file, argv, { cwd, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code) => {
      const seconds = (performance.now() - started) / 1000;
      const mark = stderr.lastIndexOf(TIME_MARK);
      const result: Measurement = { seconds, code: code ?? 1, stderr: mark === -1 ? stderr : stderr.slice(0, mark) };
      if (mark !== -1) result.peakMb = Number(stderr.slice(mark + TIME_MARK.length).trim()) / 1024;
      resolve(result);
    });
  });
}

/**
 * Adds up the sizes of all files under a folder, in bytes.
 * @example await directoryBytes("_site/pagefind")
 */
export async function directoryBytes(dir: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    total += entry.isDirectory() ? await directoryBytes(path) : (await stat(path)).size;
  }
  return total;
}

/**
 * The median of some numbers (the lower middle one for an even count).
 * @example median([3, 1, 2]) // 2
 */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)]!;
}

/**
 * Formats rows as a Markdown table: columns of numbers right-aligned, text left-aligned.
 * @example markdownTable(["stage", "s"], [["build", "1.20"]])
 */
export function markdownTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const numeric = header.map((_, i) => rows.every((r) => /^[\d.,]+$|^n\/a$/.test(r[i] ?? "")));
  const line = (cells: readonly string[]) => `| ${cells.map((c, i) => (numeric[i] ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join(" | ")} |`;
  const rule = `|${widths.map((w, i) => `${"-".repeat(w + 1)}${numeric[i] ? ":" : "-"}`).join("|")}|`;
  return [line(header), rule, ...rows.map(line)].join("\n");
}
