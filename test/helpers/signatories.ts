import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { dump } from "js-yaml";

/** A minimal valid letter's index.md, for generated repositories. */
export function letterText(title: string, lang = "en"): string {
  return `---\ntitle: ${JSON.stringify(title)}\ndate: 2020-01-01\nto:\n  - name: Jane Recipient\nfrom: a test\nsummary: A generated letter.\nlang: ${lang}\nstatus: open\n---\n\nDear Recipient,\n`;
}

/**
 * Writes a repository with one letter and the given signatory files (file slug → fields), so a test
 * can build many signatories at once. Values are written with js-yaml's dumper, quoted as needed.
 */
export async function writeRepository(root: string, letter: string, signatories: ReadonlyMap<string, Record<string, string>>): Promise<void> {
  await mkdir(join(root, "content", "letters", letter), { recursive: true });
  await mkdir(join(root, "signatories", letter), { recursive: true });
  await writeFile(join(root, "settings.yaml"), "name: Generated Site\nlang: en\nrepository: example/generated\nbranch: main\nbase_url: https://example.github.io\n");
  await writeFile(join(root, "content", "letters", letter, "index.md"), letterText("Generated letter"));
  for (const [slug, fields] of signatories) {
    await writeFile(join(root, "signatories", letter, `${slug}.yaml`), dump(fields, { lineWidth: -1, quotingType: '"' }));
  }
}
