import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { INLINE_LIST_LIMIT, LIST_PAGE_SIZE } from "../../scripts/lib/letter-lists.ts";
import { signatoryYaml, syntheticSignatories } from "../../scripts/lib/synthetic.ts";
import { copyFixtureRepo, runScript, tempDir, type RunResult } from "./run.ts";

/** The letter of the reader fixture whose organisations are too many for its page. */
export const BIG_LETTER = "big-letter";
/** Organisations on the big letter: beyond the inline limit, and onto a second page of the full list. */
export const BIG_COUNT = LIST_PAGE_SIZE + 30;
/** A name on both alpha-letter and beta-letter, for the letter-scoped search. */
export const SHARED_WORD = "Zeta";
/** A name shared by two beta-letter signatories in Sudan and South Sudan, for the country filter. */
export const NILE_WORD = "Nil";
/** The Portuguese letter whose signatories are in China and in "Hong Kong, RAE da China", a place with a comma. */
export const GAMMA_LETTER = "gamma-letter";
/** A name shared by the two signatories of GAMMA_LETTER, for the country filter. */
export const BRIDGE_WORD = "Ponte";

/**
 * Writes the reader fixture into a new temporary folder: the `site` fixture (alpha-letter with inline
 * lists, beta-letter in French), a Spanish translation of alpha-letter, a beta-letter signatory whose
 * name shares a word with one of alpha-letter's, two beta-letter signatories in Sudan and South Sudan,
 * GAMMA_LETTER in Portuguese with two signatories in China and Hong Kong, and BIG_LETTER with BIG_COUNT
 * synthetic organisations.
 * Generated at test time so that a thousand files are never committed.
 */
export async function writeReaderRepo(): Promise<string> {
  const root = await copyFixtureRepo("site");
  await writeFile(
    join(root, "content", "letters", "alpha-letter", "es.md"),
    "---\nlang: es\ntitle: La carta alfa y amigos\nsummary: La carta alfa, abierta a firmas.\n---\n\nEstimada directora:\n\nLe pedimos dos cosas.\n",
  );
  await writeFile(join(root, "signatories", "beta-letter", "zeta-reseau.yaml"), signatoryYaml({ name: `${SHARED_WORD} Réseau`, type: "organisation", country: "SN", signed: "2019-05-03" }));
  // Two countries of which one's name is part of the other's: "Soudan" and "Soudan du Sud".
  await writeFile(join(root, "signatories", "beta-letter", "reseau-du-nil.yaml"), signatoryYaml({ name: `Réseau du ${NILE_WORD}`, type: "organisation", country: "SD", signed: "2019-05-03" }));
  await writeFile(join(root, "signatories", "beta-letter", "forum-du-nil.yaml"), signatoryYaml({ name: `Forum du ${NILE_WORD}`, type: "organisation", country: "SS", signed: "2019-05-03" }));
  // A place whose name has a comma and holds another's name: "Hong Kong, RAE da China" and "China".
  await mkdir(join(root, "content", "letters", GAMMA_LETTER), { recursive: true });
  await writeFile(
    join(root, "content", "letters", GAMMA_LETTER, "index.md"),
    "---\ntitle: Carta gama\ndate: 2024-01-01\nto:\n  - name: Uma Destinatária\nfrom: duas organizações\nsummary: Uma carta em português.\nlang: pt\nstatus: open\n---\n\nPrezada Destinatária,\n\nPedimos que aja.\n",
  );
  await mkdir(join(root, "signatories", GAMMA_LETTER), { recursive: true });
  await writeFile(join(root, "signatories", GAMMA_LETTER, "rede-da-ponte.yaml"), signatoryYaml({ name: `Rede da ${BRIDGE_WORD}`, type: "organisation", country: "HK", signed: "2024-02-01" }));
  await writeFile(join(root, "signatories", GAMMA_LETTER, "forum-da-ponte.yaml"), signatoryYaml({ name: `Fórum da ${BRIDGE_WORD}`, type: "organisation", country: "CN", signed: "2024-02-01" }));
  await mkdir(join(root, "content", "letters", BIG_LETTER), { recursive: true });
  await writeFile(
    join(root, "content", "letters", BIG_LETTER, "index.md"),
    "---\ntitle: A letter with many signatories\ndate: 2024-01-01\nto:\n  - name: A Recipient\nfrom: many organisations\nsummary: More organisations than fit on one page.\nlang: en\nstatus: open\n---\n\nDear Recipient,\n\nWe ask you to act.\n",
  );
  const dir = join(root, "signatories", BIG_LETTER);
  await mkdir(dir, { recursive: true });
  // Every synthetic signatory becomes an organisation (without a person's affiliation and role), so
  // one type crosses the inline limit.
  for (const { slug, fields } of syntheticSignatories(BIG_COUNT)) {
    const { affiliation: _affiliation, role: _role, ...organisation } = fields;
    await writeFile(join(dir, `${slug}.yaml`), signatoryYaml({ ...organisation, type: "organisation" }));
  }
  if (BIG_COUNT <= INLINE_LIST_LIMIT) throw new Error("the big letter must have more organisations than INLINE_LIST_LIMIT");
  return root;
}

/** A built reader fixture: its content repository, its output folder and how the build went. */
export interface ReaderSite {
  root: string;
  output: string;
  build: RunResult;
}

/** Writes the reader fixture and builds it under `prefix`, as `npm run build` does. */
export async function buildReaderSite(prefix: string): Promise<ReaderSite> {
  const root = await writeReaderRepo();
  const output = await tempDir("undersigned-reader-");
  const build = await runScript("build", ["--root", root, "--output", output, `--pathprefix=${prefix}`, "--quiet"]);
  return { root, output, build };
}
