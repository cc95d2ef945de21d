import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { signatoryYaml, syntheticSignatories } from "../synthetic.ts";

/** How big a synthetic repository to make. */
export interface SyntheticOptions {
  /** Signatories in total, spread evenly over the letters. */
  signatories: number;
  letters: number;
  /** Seed of the pseudo-random generator: the same seed always writes the same repository. */
  seed?: number;
}

const START = "2024-03-01";
// Letters in several languages, so sorting and country names run through different collations.
const LANGUAGES = ["en", "es", "fr", "pt", "ar"];
// Bounded batches keep file handles and memory in check at 100,000 files.
const WRITE_BATCH = 256;

/**
 * Writes a complete synthetic content repository (settings, letters, one file per signatory) into
 * `dir`, and returns the letter slugs. Deterministic for a given seed.
 * @example await writeSyntheticRepository("/tmp/bench", { signatories: 10_000, letters: 1 })
 */
export async function writeSyntheticRepository(dir: string, options: SyntheticOptions): Promise<string[]> {
  await writeFile(join(dir, "settings.yaml"), "name: Undersigned benchmark\nlang: en\nrepository: example/bench\nbranch: main\nbase_url: https://example.github.io\n");
  const slugs = Array.from({ length: options.letters }, (_, i) => `letter-${i + 1}`);
  for (const [i, slug] of slugs.entries()) {
    await mkdir(join(dir, "content", "letters", slug), { recursive: true });
    await mkdir(join(dir, "signatories", slug), { recursive: true });
    await writeFile(
      join(dir, "content", "letters", slug, "index.md"),
      `---\ntitle: Benchmark letter ${i + 1}\ndate: ${START}\nto:\n  - name: Recipient ${i + 1}\n    role: Director\nfrom: a group of organisations\nsummary: A synthetic letter for the benchmark.\nlang: ${LANGUAGES[i % LANGUAGES.length]}\nstatus: open\n---\n\nDear Director,\n\nWe ask you to act.\n`,
    );
  }
  const pending: Promise<void>[] = [];
  for (const [i, { slug, fields }] of syntheticSignatories(options.signatories, { seed: options.seed ?? 1, start: START }).entries()) {
    pending.push(writeFile(join(dir, "signatories", slugs[i % slugs.length]!, `${slug}.yaml`), signatoryYaml(fields)));
    if (pending.length >= WRITE_BATCH) await Promise.all(pending.splice(0));
  }
  await Promise.all(pending);
  return slugs;
}
