import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { signatoryYaml, syntheticSignatories } from "../../scripts/lib/synthetic.ts";
import { tempDir } from "./run.ts";

/** The one letter of a synthetic repository. */
export const SYNTHETIC_LETTER = "synthetic-letter";

/**
 * Writes a content repository with one open letter and `count` synthetic signatories into a new
 * temporary folder, and returns that folder (for `npm run build -- --root <dir>`).
 */
export async function writeSyntheticRepo(count: number): Promise<string> {
  const root = await tempDir("undersigned-synthetic-");
  await writeFile(join(root, "settings.yaml"), "name: Synthetic Site\nlang: en\nrepository: example/synthetic\nbranch: main\nbase_url: https://example.github.io\n");
  await mkdir(join(root, "content", "letters", SYNTHETIC_LETTER), { recursive: true });
  await writeFile(
    join(root, "content", "letters", SYNTHETIC_LETTER, "index.md"),
    "---\ntitle: A synthetic letter\ndate: 2024-01-01\nto:\n  - name: A Recipient\nfrom: many organisations\nsummary: A letter with many synthetic signatories.\nlang: en\nstatus: open\n---\n\nDear Recipient,\n\nWe ask you to act.\n",
  );
  const dir = join(root, "signatories", SYNTHETIC_LETTER);
  await mkdir(dir, { recursive: true });
  for (const { slug, fields } of syntheticSignatories(count)) await writeFile(join(dir, `${slug}.yaml`), signatoryYaml(fields));
  return root;
}
