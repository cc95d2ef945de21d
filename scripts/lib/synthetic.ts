import type { SignatoryFields } from "./types.ts";

// Realistic name parts in the scripts seen on real sign-on letters; given and family names pair up
// by position so that each person's name is in one script.
const GIVEN = ["Amina", "José", "Nguyễn", "Иван", "Ольга", "محمد", "فاطمة", "प्रिया", "राहुल", "李", "王", "佐藤", "Søren", "Zoë", "Chidi", "Kwame", "Ana", "Łukasz", "Αλέξανδρος", "Siobhán"];
const FAMILY = ["Okafor", "García", "Thị Lan", "Петров", "Смирнова", "الحسن", "الزهراء", "शर्मा", "वर्मा", "小明", "芳", "花子", "Kierkegaard", "Müller", "Mensah", "Oliveira", "Kowalski", "Παπαδόπουλος", "Ní Bhriain", "Abebe"];
const ORG_HEAD = ["Digital Rights", "Asociación por los Derechos", "Фонд Свободы", "جمعية حرية", "डिजिटल अधिकार", "数字权利", "Initiative für", "Instituto de Tecnologia", "Réseau pour la", "Coalition for"];
const ORG_TAIL = ["Foundation", "Network", "Collective", "Centre", "Alliance", "Lab", "Observatory", "Forum", "Union", "Watch"];
const AFFILIATIONS = ["University of Nairobi", "Universidade de São Paulo", "Московский университет", "جامعة القاهرة", "IIT Delhi", "Tsinghua University", "Sciences Po"];
const ROLES = ["Professor", "Researcher", "Director", "Lawyer", "Journalist"];
// Weighted towards the countries that sign most, with a long tail of others.
const COUNTRIES = ["US", "US", "GB", "DE", "FR", "BR", "BR", "IN", "IN", "KE", "NG", "ZA", "AR", "MX", "CO", "PK", "BD", "ID", "PH", "JP", "KR", "EG", "TN", "RU", "UA", "PL", "ES", "IT", "CA", "AU", "SE", "NO", "GH", "UG", "SN", "NP", "LK", "TH", "VN", "PE"];
const SCOPES = ["global", "international", "regional"] as const;
/** Synthetic signatures are spread over this many days after the start date, most of them early. */
const SPAN_DAYS = 42;

/** One synthetic signatory: its file slug and its fields. */
export interface SyntheticSignatory {
  slug: string;
  fields: SignatoryFields;
}

/** A small deterministic pseudo-random generator (mulberry32), so every run makes the same signatories. */
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

/**
 * Makes `count` valid, distinct signatories for measurements, benchmarks and tests at any size: names
 * in Latin, accented, Cyrillic, Greek, Arabic, Devanagari and CJK scripts (the number at the end keeps
 * each unique), 70% organisations, a weighted mix of countries and scopes, individuals with
 * affiliations, and dates over SPAN_DAYS days from `start`, clustered early as after a launch.
 * @example syntheticSignatories(3)[0].slug // "signatory-1"
 */
export function syntheticSignatories(count: number, options: { seed?: number; start?: string } = {}): SyntheticSignatory[] {
  const next = random(options.seed ?? 1);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const start = Date.parse(`${options.start ?? "2024-01-01"}T00:00:00Z`);
  return Array.from({ length: count }, (_, i) => {
    const organisation = next() < 0.7;
    const person = Math.floor(next() * GIVEN.length);
    const name = organisation ? `${pick(ORG_HEAD)} ${pick(ORG_TAIL)} ${i + 1}` : `${GIVEN[person]} ${FAMILY[person]} ${i + 1}`;
    const signed = new Date(start + Math.floor(SPAN_DAYS * next() ** 2) * 86_400_000).toISOString().slice(0, 10);
    const fields: SignatoryFields = { name, type: organisation ? "organisation" : "individual", signed };
    if (organisation && next() < 0.1) fields.scope = pick(SCOPES);
    else fields.country = pick(COUNTRIES);
    if (organisation && next() < 0.4) fields.url = `https://org-${i + 1}.example.org`;
    if (!organisation && next() < 0.5) {
      fields.affiliation = pick(AFFILIATIONS);
      fields.role = pick(ROLES);
    }
    return { slug: `signatory-${i + 1}`, fields };
  });
}

/**
 * A signatory's YAML file, as a contributor would write it.
 * @example signatoryYaml({ name: "ACME", type: "organisation", country: "KE", signed: "2024-01-01" })
 */
export function signatoryYaml(fields: SignatoryFields): string {
  return `${Object.entries(fields)
    .map(([key, value]) => `${key}: ${JSON.stringify(value)}`)
    .join("\n")}\n`;
}
