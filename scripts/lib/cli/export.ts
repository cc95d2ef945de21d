import { existsSync } from "node:fs";
import { isAbsolute, relative, resolve, sep } from "node:path";
import { signatoriesCsv, signatoriesJson } from "../exports.ts";
import { translate } from "../i18n.ts";
import { normalisePathPrefix } from "../path-prefix.ts";
import { buildSiteData, type LetterView, type SignatoryView } from "../site-data.ts";
import type { Signatory } from "../types.ts";
import { CliError } from "./cli-error.ts";
import { findLetter, type Workspace } from "./workspace.ts";

/** The formats `undersigned export` writes. */
export const EXPORT_FORMATS = ["csv", "json", "md", "txt"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/**
 * The list of a letter's signatories for delivery, grouped and sorted exactly as on the site (the
 * same site-data shaping: organisations, then individuals, by the letter language's collation). CSV
 * and JSON are the site's own downloads (exports.ts), with addresses under the site's `base_url` and
 * `pathPrefix`, which means what `npm run build -- --pathprefix` means (default `/`).
 * @throws {CliError} on an unknown letter or format.
 * @example exportLetter(ws, "itu-pp14-openness", "csv", "2024-03-05", "/repo-name/")
 */
export function exportLetter(ws: Workspace, slug: string | undefined, format: string, today: string, pathPrefix = "/"): string {
  const letter = findLetter(ws, slug);
  const chosen = EXPORT_FORMATS.find((f) => f === format);
  if (chosen === undefined) throw new CliError("usage", `Invalid --format: ${format}. Expected one of: ${EXPORT_FORMATS.join(", ")}.`);
  const view = buildSiteData({ ...ws.repo, letters: [letter] }, ws.settings, today).letters[0]!;
  // The site's downloads take their root from `"/" | htmlBaseUrl(base_url)`: base_url has no path of its own.
  const siteUrl = `${ws.settings.base_url}${normalisePathPrefix(pathPrefix)}`;
  const rows: ExportRow[] = [...view.organisations.map((v) => ({ group: "organisations" as const, view: v })), ...view.individuals.map((v) => ({ group: "individuals" as const, view: v }))];
  switch (chosen) {
    case "csv":
      return signatoriesCsv(view, siteUrl);
    case "json":
      return signatoriesJson(view, siteUrl);
    case "md":
      return toText(view, rows, markdownStyle);
    case "txt":
      return toText(view, rows, plainStyle);
  }
}

/** What the site is built from, at the top of the repository: an export written there would replace it. */
const BUILT_FROM = ["content", "signatories", "schemas", "i18n", "_includes", "settings.yaml"];

/**
 * Where `undersigned export --output <file>` may write, as an absolute path: never into what the
 * site is built from (a signatory's file, a letter…), and over an existing file only with `force`.
 * @throws {CliError} for such a file.
 * @example exportTarget("/repo", "signatories.csv", false) // "/repo/signatories.csv"
 */
export function exportTarget(root: string, output: string, force: boolean, exists: (path: string) => boolean = existsSync): string {
  const target = resolve(output);
  const inRepository = relative(root, target);
  const top = inRepository.split(sep)[0]!;
  if (inRepository !== "" && !inRepository.startsWith("..") && !isAbsolute(inRepository) && BUILT_FROM.includes(top)) {
    throw new CliError("usage", `${output} is inside ${top === "settings.yaml" ? top : `${top}/`}, which the site is built from; write the export elsewhere, such as ${top === "signatories" ? "signatories.csv" : "export.csv"} at the top of the repository.`);
  }
  if (!force && exists(target)) throw new CliError("usage", `${output} already exists; choose another file name, or add --force to replace it.`);
  return target;
}

/** One listed signatory and the group it is listed under. */
interface ExportRow {
  group: "organisations" | "individuals";
  view: SignatoryView;
}

/** How a text format writes headings, names and links. */
interface TextStyle {
  title(text: string): string;
  heading(text: string): string;
  item(text: string): string;
  escape(text: string): string;
  link(text: string, url: string): string;
}

// Names are escaped wherever Markdown could read them as links, emphasis, HTML or tables.
const markdownStyle: TextStyle = {
  title: (t) => `# ${t}`,
  heading: (t) => `## ${t}`,
  item: (t) => `- ${t}`,
  escape: (t) => t.replace(/[\\`*_[\]<>|~&]/g, (c) => `\\${c}`),
  link: (t, url) => `[${t}](<${url.replace(/[<>]/g, encodeURIComponent)}>)`,
};

const plainStyle: TextStyle = {
  title: (t) => `${t}\n${"=".repeat([...t].length)}`,
  heading: (t) => `${t}\n${"-".repeat([...t].length)}`,
  item: (t) => t,
  escape: (t) => t,
  link: (t, url) => `${t} <${url}>`,
};

function toText(view: LetterView, rows: readonly ExportRow[], style: TextStyle): string {
  const lang = view.lang;
  const out = [style.title(style.escape(view.title)), "", style.escape(`${translate(lang, "signed_as_of", { date: view.asOfLabel })} — ${translate(lang, "signature_count", { count: view.count })}`)];
  for (const group of ["organisations", "individuals"] as const) {
    const members = rows.filter((r) => r.group === group);
    if (members.length === 0) continue;
    out.push("", style.heading(`${translate(lang, group)} (${members.length})`), "");
    for (const { view: v } of members) {
      const name = v.url === undefined ? style.escape(v.name) : style.link(style.escape(v.name), v.url);
      const identification = v.identification === undefined ? "" : style.escape(` — ${v.identification} (${translate(lang, "identification_only")})`);
      const verified = v.verified === undefined ? "" : style.escape(` (${translate(lang, "verified_label")})`);
      out.push(style.item(`${name}, ${style.escape(v.place)}${identification}${verified}`));
    }
  }
  return `${out.join("\n")}\n`;
}
