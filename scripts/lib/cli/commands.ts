/** The commands of `undersigned`, their arguments and options: the one source for parsing and for --help. */

/** One option of a command, as node:util parseArgs takes it, plus its help. */
export interface OptionSpec {
  type: "string" | "boolean";
  multiple?: boolean;
  /** Shown after the option name in help, e.g. "<YYYY-MM-DD>". */
  value?: string;
  help: string;
}

/** One command: what it does, its positional arguments, its options and examples. */
export interface CommandSpec {
  summary: string;
  args: string;
  options: Record<string, OptionSpec>;
  examples: string[];
}

const ROOT: OptionSpec = { type: "string", value: "<folder>", help: "the Undersigned repository to work on (default: the one the current folder is in)" };

/** Every command, in the order the overview lists them. */
export const COMMANDS: Record<string, CommandSpec> = {
  "new-letter": {
    summary: "start a new letter: writes content/letters/<slug>/index.md",
    args: "[slug]",
    options: {
      title: { type: "string", value: "<text>", help: "the letter's title" },
      slug: { type: "string", value: "<slug>", help: "folder name and web address (default: made from the title)" },
      lang: { type: "string", value: "<code>", help: "language as a BCP 47 tag such as en or pt-BR (default: the site's)" },
      to: { type: "string", multiple: true, value: '"Name; Role; Organisation"', help: "an addressee; repeat for several" },
      cc: { type: "string", multiple: true, value: '"Name; Role; Organisation"', help: "a person who receives a copy; repeat for several" },
      from: { type: "string", value: "<text>", help: `who signs, e.g. "a group of civil society organisations"` },
      summary: { type: "string", value: "<text>", help: "one or two sentences for the home page and search" },
      date: { type: "string", value: "<YYYY-MM-DD>", help: "the letter's date (default: today)" },
      closes: { type: "string", value: "<YYYY-MM-DD>", help: "last day signatures are accepted (optional)" },
    },
    examples: ['undersigned new-letter --title "Keep the internet open" --to "Jane Doe; Director; Example Agency" --summary "We ask the agency to publish its drafts."'],
  },
  sign: {
    summary: "add one signature to a letter, asking each question (or taking flags)",
    args: "[letter]",
    options: {
      name: { type: "string", value: "<text>", help: "the organisation's name or the person's full name" },
      type: { type: "string", value: "organisation|individual", help: "who is signing" },
      country: { type: "string", value: "<name or code>", help: "country name (Kenya) or ISO code (KE), or global, international, regional" },
      url: { type: "string", value: "<https://…>", help: "website (optional)" },
      affiliation: { type: "string", value: "<text>", help: "individuals: organisation, for identification only (optional)" },
      role: { type: "string", value: "<text>", help: "individuals: role or title, for identification only (optional)" },
      github: { type: "string", value: "<login>", help: "GitHub login of the endorser (optional)" },
      signed: { type: "string", value: "<YYYY-MM-DD>", help: "date of the signature (default: today)" },
      slug: { type: "string", value: "<slug>", help: "file name without .yaml (default: made from the name)" },
      yes: { type: "boolean", help: "never ask: fail on a missing answer instead (the default when not on a terminal)" },
    },
    examples: ["undersigned sign itu-pp14-openness", 'undersigned sign itu-pp14-openness --name "Example Foundation" --type organisation --country Kenya --url https://example.org'],
  },
  import: {
    summary: "bring in signatures from a form tool's CSV export (Google Forms, Microsoft Forms, Typeform, Action Network)",
    args: "<letter> <file.csv>",
    options: {
      "dry-run": { type: "boolean", help: "report what would be added, duplicated or refused, and write nothing" },
      map: { type: "string", multiple: true, value: "<column>=<field>", help: "read a column as a field (name, first-name, last-name, type, country, url, affiliation, role, github, signed, ignore)" },
      type: { type: "string", value: "organisation|individual", help: "type for rows that do not say" },
      country: { type: "string", value: "<name or code>", help: "country for rows that do not say" },
      signed: { type: "string", value: "<YYYY-MM-DD>", help: "date for rows without one (default: today)" },
      "date-order": { type: "string", value: "mdy|dmy", help: "how to read dates such as 3/5/2024 when no date in the file shows the order, as 13/5/2024 does (default: mdy, as US-English exports); one order for the whole file" },
      delimiter: { type: "string", value: "<character>", help: "column separator (default: guessed from the header: comma, semicolon or tab)" },
      "skip-invalid": { type: "boolean", help: "add the valid rows even when some rows are invalid" },
    },
    examples: ["undersigned import itu-pp14-openness responses.csv --dry-run", 'undersigned import itu-pp14-openness responses.csv --map "Your organisation=name" --type organisation'],
  },
  verify: {
    summary: "record how a signature was checked to be genuine",
    args: "<letter> <signatory>",
    options: {
      method: { type: "string", value: "github|email|domain|maintainer", help: "how it was checked" },
      by: { type: "string", value: "<login>", help: "your GitHub login" },
      date: { type: "string", value: "<YYYY-MM-DD>", help: "when it was checked (default: today)" },
    },
    examples: ["undersigned verify itu-pp14-openness kictanet --method email --by octocat"],
  },
  export: {
    summary: "print the list of signatories for delivery, grouped and sorted as on the site",
    args: "<letter>",
    options: {
      format: { type: "string", value: "csv|json|md|txt", help: "output format (default: txt)" },
      output: { type: "string", value: "<file>", help: "write to a file instead of printing (never one the site is built from)" },
      force: { type: "boolean", help: "replace the --output file if it exists" },
      pathprefix: { type: "string", value: "<prefix>", help: "where the site is served from, as given to npm run build: /repo-name/ for a GitHub Pages project site, so that the csv and json addresses match the site's own downloads (default: /)" },
    },
    examples: ["undersigned export itu-pp14-openness --format csv --output signatories.csv", "undersigned export itu-pp14-openness --format json --pathprefix=/repo-name/"],
  },
  stats: {
    summary: "count signatures by type, country and week",
    args: "[letter]",
    options: { since: { type: "string", value: "<YYYY-MM-DD>", help: "also count signatures dated on or after this day" } },
    examples: ["undersigned stats", "undersigned stats itu-pp14-openness --since 2014-10-10"],
  },
  close: {
    summary: "close a letter to new signatures as of a date",
    args: "<letter>",
    options: { date: { type: "string", value: "<YYYY-MM-DD>", help: "the last day signatures are accepted (default: today; a later day leaves the letter open until then)" } },
    examples: ["undersigned close itu-pp14-openness --date 2014-10-31"],
  },
  withdraw: {
    summary: "remove a signature at the signatory's request; the count records it, no name is kept",
    args: "<letter> <signatory>",
    options: { date: { type: "string", value: "<YYYY-MM-DD>", help: "the day of the withdrawal (default: today)" } },
    examples: ["undersigned withdraw itu-pp14-openness example-org"],
  },
};

for (const spec of Object.values(COMMANDS)) spec.options.root = ROOT;

/**
 * The help text of one command, or of the whole tool when `name` is undefined.
 * @example renderHelp("sign").startsWith("Usage: undersigned sign [letter]")
 */
export function renderHelp(name?: string): string {
  if (name === undefined || COMMANDS[name] === undefined) {
    const width = Math.max(...Object.keys(COMMANDS).map((c) => c.length));
    return [
      "Usage: undersigned <command> [arguments] [options]",
      "",
      "Maintainer tools for Undersigned letters. Every command checks its work with the same validator as the build.",
      "",
      "Commands:",
      ...Object.entries(COMMANDS).map(([c, spec]) => `  ${c.padEnd(width)}  ${spec.summary}`),
      "",
      "Run undersigned <command> --help for a command's options.",
      "",
    ].join("\n");
  }
  const spec = COMMANDS[name];
  const options = Object.entries(spec.options).map(([o, opt]) => [`--${o}${opt.value === undefined ? "" : ` ${opt.value}`}`, opt.help] as const);
  const width = Math.max(...options.map(([o]) => o.length), "--help".length);
  return [
    `Usage: undersigned ${name} ${spec.args} [options]`.replace(/ {2,}/g, " "),
    "",
    `${spec.summary[0]!.toUpperCase()}${spec.summary.slice(1)}.`,
    "",
    "Options:",
    ...options.map(([o, h]) => `  ${o.padEnd(width)}  ${h}`),
    `  ${"--help".padEnd(width)}  show this help`,
    "",
    "Examples:",
    ...spec.examples.map((e) => `  ${e}`),
    "",
  ].join("\n");
}
