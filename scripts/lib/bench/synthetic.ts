import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";

/** How big a synthetic repository to make. */
export interface SyntheticOptions {
  /** Signatories in total, spread evenly over the letters. */
  signatories: number;
  letters: number;
  /** Seed of the pseudo-random generator: the same seed always writes the same repository. */
  seed?: number;
}

// Realistic name parts in the scripts seen on real sign-on letters.
const GIVEN = ["Amina", "José", "Nguyễn", "Иван", "Ольга", "محمد", "فاطمة", "प्रिया", "राहुल", "李", "王", "佐藤", "Søren", "Zoë", "Chidi", "Kwame", "Ana", "Łukasz", "Αλέξανδρος", "Siobhán"];
const FAMILY = ["Okafor", "García", "Thị Lan", "Петров", "Смирнова", "الحسن", "الزهراء", "शर्मा", "वर्मा", "小明", "芳", "花子", "Kierkegaard", "Müller", "Mensah", "Oliveira", "Kowalski", "Παπαδόπουλος", "Ní Bhriain", "Abebe"];
const ORG_HEAD = ["Digital Rights", "Asociación por los Derechos", "Фонд Свободы", "جمعية حرية", "डिजिटल अधिकार", "数字权利", "Initiative für", "Instituto de Tecnologia", "Réseau pour la", "Coalition for"];
const ORG_TAIL = ["Foundation", "Network", "Collective", "Centre", "Alliance", "Lab", "Observatory", "Forum", "Union", "Watch"];
const AFFILIATIONS = ["University of Nairobi", "Universidade de São Paulo", "Московский университет", "جامعة القاهرة", "IIT Delhi", "Tsinghua University", "Sciences Po"];
const ROLES = ["Professor", "Researcher", "Director", "Lawyer", "Journalist"];
// Weighted towards the countries that sign most, with a long tail of others.
const COUNTRIES = ["US", "US", "GB", "DE", "FR", "BR", "BR", "IN", "IN", "KE", "NG", "ZA", "AR", "MX", "CO", "PK", "BD", "ID", "PH", "JP", "KR", "EG", "TN", "RU", "UA", "PL", "ES", "IT", "CA", "AU"];
const SCOPES = ["global", "international", "regional"];
const SIGNING_DAYS = 42;

function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(next: () => number, list: readonly T[]): T {
  return list[Math.floor(next() * list.length)]!;
}

function addDays(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * The YAML text of the i-th synthetic signatory: a unique name (the number keeps it unique), 70%
 * organisations, a mix of countries and scopes, individuals with affiliations, dates over six weeks.
 * @example syntheticSignatory(0, random(1), "2024-01-01")
 */
export function syntheticSignatory(i: number, next: () => number, start: string): string {
  const organisation = next() < 0.7;
  // Given and family names come in matching pairs, so each person's name is in one script.
  const person = Math.floor(next() * GIVEN.length);
  const name = organisation ? `${pick(next, ORG_HEAD)} ${pick(next, ORG_TAIL)} ${i}` : `${GIVEN[person]} ${FAMILY[person]} ${i}`;
  const lines = [`name: "${name}"`, `type: ${organisation ? "organisation" : "individual"}`];
  lines.push(organisation && next() < 0.1 ? `scope: ${pick(next, SCOPES)}` : `country: ${pick(next, COUNTRIES)}`);
  if (organisation && next() < 0.4) lines.push(`url: https://org-${i}.example.org`);
  if (!organisation && next() < 0.5) lines.push(`affiliation: ${pick(next, AFFILIATIONS)}`, `role: ${pick(next, ROLES)}`);
  // Signatures cluster early, as they do after a launch.
  lines.push(`signed: ${addDays(start, Math.floor(SIGNING_DAYS * next() ** 2))}`);
  return `${lines.join("\n")}\n`;
}

/**
 * Writes a complete synthetic content repository (settings, letters, one file per signatory) into
 * `dir`, and returns the letter slugs. Deterministic for a given seed.
 * @example await writeSyntheticRepository("/tmp/bench", { signatories: 10_000, letters: 1 })
 */
export async function writeSyntheticRepository(dir: string, options: SyntheticOptions): Promise<string[]> {
  const next = random(options.seed ?? 1);
  const start = "2024-03-01";
  await writeFile(
    join(dir, "settings.yaml"),
    "name: Undersigned benchmark\nlang: en\nrepository: example/bench\nbranch: main\nbase_url: https://example.github.io\n",
  );
  const slugs = Array.from({ length: options.letters }, (_, i) => `letter-${i + 1}`);
  for (const [i, slug] of slugs.entries()) {
    await mkdir(join(dir, "content", "letters", slug), { recursive: true });
    await mkdir(join(dir, "signatories", slug), { recursive: true });
    const lang = ["en", "es", "fr", "pt", "ar"][i % 5]!;
    await writeFile(
      join(dir, "content", "letters", slug, "index.md"),
      `---\ntitle: Benchmark letter ${i + 1}\ndate: ${start}\nto:\n  - name: Recipient ${i + 1}\n    role: Director\nfrom: a group of organisations\nsummary: A synthetic letter for the benchmark.\nlang: ${lang}\nstatus: open\n---\n\nDear Director,\n\nWe ask you to act.\n`,
    );
  }
  const pending: Promise<void>[] = [];
  for (let i = 0; i < options.signatories; i += 1) {
    const slug = slugs[i % slugs.length]!;
    pending.push(writeFile(join(dir, "signatories", slug, `signatory-${i}.yaml`), syntheticSignatory(i, next, start)));
    // Bounded batches keep file handles and memory in check at 100,000 files.
    if (pending.length >= 256) await Promise.all(pending.splice(0));
  }
  await Promise.all(pending);
  return slugs;
}
