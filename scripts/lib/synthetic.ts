import type { SignatoryFields } from "./types.ts";

/** Countries the synthetic signatories come from (a spread of regions and scripts of country names). */
const COUNTRIES = ["KE", "BR", "DE", "FR", "IN", "JP", "US", "GB", "NG", "ZA", "AR", "MX", "ID", "PH", "EG", "TR", "PK", "BD", "CA", "AU", "ES", "IT", "PL", "SE", "NO", "FI", "CO", "PE", "CL", "GH", "UG", "TZ", "SN", "MA", "TN", "NP", "LK", "KR", "TH", "VN"];
const SYLLABLES = ["ka", "ro", "mi", "ta", "ne", "vo", "li", "sa", "du", "be", "zo", "ra", "pe", "no", "chi", "an", "el", "ou", "ya", "ki"];
const ORG_WORDS = ["Network", "Foundation", "Alliance", "Institute", "Collective", "Association", "Centre", "Coalition", "Forum", "Trust"];
/** Synthetic signatures are spread over this many days after the start date. */
const SPAN_DAYS = 180;

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
 * Makes `count` valid, distinct signatories (about four in five organisations), signed over
 * SPAN_DAYS days from `start`: for measurements and benchmarks at any size.
 * @example syntheticSignatories(3)[0].slug // "kamiro-network-1"
 */
export function syntheticSignatories(count: number, options: { seed?: number; start?: string } = {}): SyntheticSignatory[] {
  const next = random(options.seed ?? 1);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const word = (syllables: number) => {
    const text = Array.from({ length: syllables }, () => pick(SYLLABLES)).join("");
    return text[0]!.toUpperCase() + text.slice(1);
  };
  const start = Date.parse(`${options.start ?? "2024-01-01"}T00:00:00Z`);
  return Array.from({ length: count }, (_, i) => {
    const organisation = next() < 0.8;
    const name = organisation ? `${word(3)} ${pick(ORG_WORDS)} ${i + 1}` : `${word(2)} ${word(3)} ${i + 1}`;
    const fields: SignatoryFields = { name, type: organisation ? "organisation" : "individual", signed: new Date(start + Math.floor(next() * SPAN_DAYS) * 86_400_000).toISOString().slice(0, 10) };
    if (next() < 0.05) fields.scope = pick(["global", "international", "regional"] as const);
    else fields.country = pick(COUNTRIES);
    return { slug: name.toLowerCase().replace(/[^a-z0-9]+/g, "-"), fields };
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
