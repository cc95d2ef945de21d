import { randomBytes } from "node:crypto";
import { mkdir, readdir, rename, rm } from "node:fs/promises";
import { basename, dirname, join } from "node:path";

/**
 * Runs `work` against a fresh temporary folder beside `target`, then puts that folder in place of
 * `target` only if the work succeeded. A failed or interrupted build therefore never leaves a
 * half-written site where a deploy would pick it up. Staging folders left by a build that was killed
 * are removed by the next one.
 * @example await buildIntoPlace("_site", (dir) => writeSite(dir))
 */
export async function buildIntoPlace<T>(target: string, work: (dir: string) => Promise<T>): Promise<T> {
  const parent = dirname(target);
  await mkdir(parent, { recursive: true });
  const prefix = stagingPrefix(target);
  for (const leftover of (await readdir(parent)).filter((name) => name.startsWith(prefix))) {
    await rm(join(parent, leftover), { recursive: true, force: true });
  }
  // Not mkdtemp: its folder is private (mode 700), and the site keeps the folder's mode once renamed
  // into place, so a web server reading it as another user, or a copy with cp -a, would be refused.
  const staging = join(parent, `${prefix}${randomBytes(6).toString("hex")}`);
  await mkdir(staging);
  try {
    const result = await work(staging);
    const previous = `${staging}-previous`;
    await rename(target, previous).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== "ENOENT") throw error;
    });
    await rename(staging, target);
    await rm(previous, { recursive: true, force: true });
    return result;
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
}

/**
 * How the staging folders of a build into `target` are named, beside it: this, then random letters
 * (and `-previous` for the site being replaced). `.gitignore` ignores them, so that a build stopped
 * with Ctrl-C does not leave a whole site for `git add` to pick up.
 * @example stagingPrefix("_site") // "._site-building-"
 */
export function stagingPrefix(target: string): string {
  return `.${basename(target)}-building-`;
}
