import { mkdir, mkdtemp, rename, rm } from "node:fs/promises";
import { basename, dirname, join } from "node:path";

/**
 * Runs `work` against a fresh temporary folder beside `target`, then puts that folder in place of
 * `target` only if the work succeeded. A failed or interrupted build therefore never leaves a
 * half-written site where a deploy would pick it up.
 * @example await buildIntoPlace("_site", (dir) => writeSite(dir))
 */
export async function buildIntoPlace<T>(target: string, work: (dir: string) => Promise<T>): Promise<T> {
  const parent = dirname(target);
  await mkdir(parent, { recursive: true });
  const staging = await mkdtemp(join(parent, `.${basename(target)}-building-`));
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
