// `undersigned <command>`: maintainer tools. Parses arguments, asks questions on a terminal, prints
// and sets the exit code; everything else is in scripts/lib/cli/. Usage: undersigned --help
import { writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import { parseArgs, styleText } from "node:util";
import { CliError } from "./lib/cli/cli-error.ts";
import { closeLetter } from "./lib/cli/close.ts";
import { COMMANDS, renderHelp, type CommandSpec } from "./lib/cli/commands.ts";
import { exportLetter, exportTarget } from "./lib/cli/export.ts";
import { importSignatures, renderImport } from "./lib/cli/import.ts";
import { newLetter } from "./lib/cli/new-letter.ts";
import { applyChanges, line, type Line, type Outcome, type Tone } from "./lib/cli/outcome.ts";
import { sign } from "./lib/cli/sign.ts";
import { letterStats, renderStats } from "./lib/cli/stats.ts";
import { verify } from "./lib/cli/verify.ts";
import { withdraw } from "./lib/cli/withdraw.ts";
import { findRepositoryRoot, openWorkspace } from "./lib/cli/workspace.ts";
import { todayIso } from "./lib/today.ts";

type Values = Record<string, string | boolean | string[] | undefined>;

const TONES: Record<Tone, Parameters<typeof styleText>[0] | undefined> = {
  plain: undefined, success: "green", warning: "yellow", error: "red", muted: "dim", heading: "bold",
};

function paint(tone: Tone, text: string, stream: NodeJS.WriteStream): string {
  const format = TONES[tone];
  const colour = stream.isTTY === true && process.env.NO_COLOR === undefined && process.env.TERM !== "dumb";
  return format === undefined || !colour ? text : styleText(format, text);
}

function print(lines: readonly Line[]): void {
  for (const l of lines) process.stdout.write(`${paint(l.tone, l.text, process.stdout)}\n`);
}

function parse(name: string, spec: CommandSpec, args: string[], maxPositionals: number): { values: Values; positionals: string[] } {
  const options = Object.fromEntries(Object.entries(spec.options).map(([o, opt]) => [o, { type: opt.type, multiple: opt.multiple ?? false }]));
  let parsed: { values: Values; positionals: string[] };
  try {
    parsed = parseArgs({ args, options: { ...options, help: { type: "boolean", short: "h" } }, allowPositionals: true, strict: true }) as { values: Values; positionals: string[] };
  } catch (error) {
    const detail = error instanceof Error ? error.message.split("\n")[0]!.replace(/\. To specify .*$/, "").replace(/\.$/, "") : String(error);
    throw new CliError("usage", `${detail} for undersigned ${name}. Expected one of: ${Object.keys(spec.options).map((o) => `--${o}`).join(", ")}; see undersigned ${name} --help.`);
  }
  if (parsed.positionals.length > maxPositionals) {
    throw new CliError("usage", `Too many arguments for undersigned ${name}: ${parsed.positionals.slice(maxPositionals).join(" ")}. Expected: undersigned ${name} ${spec.args}.`);
  }
  return parsed;
}

const str = (v: Values[string]): string | undefined => (typeof v === "string" ? v : undefined);
const list = (v: Values[string]): string[] => (Array.isArray(v) ? v : []);

async function run(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    process.stdout.write(renderHelp(name === "help" ? rest[0] : undefined));
    return 0;
  }
  const spec = COMMANDS[name];
  if (spec === undefined) throw new CliError("usage", `Unknown command: ${name}. Expected one of: ${Object.keys(COMMANDS).join(", ")}; see undersigned --help.`);
  const { values, positionals } = parse(name, spec, rest, spec.args.split(" ").filter(Boolean).length);
  if (values.help === true) {
    process.stdout.write(renderHelp(name));
    return 0;
  }
  const root = str(values.root);
  const ws = await openWorkspace(root === undefined ? findRepositoryRoot(process.cwd()) : resolve(root));
  const today = todayIso();
  const interactive = process.stdin.isTTY === true && process.stdout.isTTY === true && values.yes !== true;
  let outcome: Outcome;
  switch (name) {
    case "new-letter":
      outcome = newLetter(ws, { title: str(values.title), slug: str(values.slug) ?? positionals[0], lang: str(values.lang), to: list(values.to), cc: list(values.cc), from: str(values.from), summary: str(values.summary), date: str(values.date), closes: str(values.closes) }, today);
      break;
    case "sign": {
      // The prompt library is loaded only when there is someone to ask.
      const prompts = interactive ? await import("./cli-prompts.ts") : undefined;
      const letter = positionals[0] ?? (await prompts?.askLetter(ws));
      const answers = { name: str(values.name), type: str(values.type), place: str(values.country), url: str(values.url), affiliation: str(values.affiliation), role: str(values.role), github: str(values.github), signed: str(values.signed) };
      if (prompts !== undefined && letter !== undefined) Object.assign(answers, await prompts.askSignature(ws, letter, answers, today));
      else requireFlags(name, { letter, "--name": answers.name, "--type": answers.type, "--country": answers.place });
      outcome = sign(ws, { letter, slug: str(values.slug), ...answers }, today);
      break;
    }
    case "import": {
      const dateOrder = str(values["date-order"]) ?? "mdy";
      if (dateOrder !== "mdy" && dateOrder !== "dmy") throw new CliError("usage", `Invalid --date-order: ${dateOrder}. Expected one of: mdy, dmy.`);
      const file = positionals[1];
      const options = { dryRun: values["dry-run"] === true, skipInvalid: values["skip-invalid"] === true };
      const report = await importSignatures(ws, { letter: positionals[0], file: file === undefined ? undefined : resolve(file), map: list(values.map), defaults: { type: str(values.type), country: str(values.country), signed: str(values.signed) }, dateOrder, delimiter: str(values.delimiter), ...options }, today);
      outcome = renderImport(report, file ?? "", options);
      break;
    }
    case "verify":
      outcome = await verify(ws, { letter: positionals[0], signatory: positionals[1], method: str(values.method), by: str(values.by), date: str(values.date) ?? today }, today);
      break;
    case "export": {
      const text = exportLetter(ws, positionals[0], str(values.format) ?? "txt", today, str(values.pathprefix));
      const output = str(values.output);
      if (output === undefined) process.stdout.write(text);
      else {
        const force = values.force === true;
        await writeFile(exportTarget(ws.root, output, force), text, { encoding: "utf8", flag: force ? "w" : "wx" });
        print([line("success", `Wrote ${output}`)]);
      }
      return 0;
    }
    case "stats":
      outcome = { changes: [], lines: renderStats(letterStats(ws, positionals[0], str(values.since))) };
      break;
    case "close":
      outcome = await closeLetter(ws, positionals[0], str(values.date) ?? today, today);
      break;
    case "withdraw":
      if (positionals[1] === undefined) throw new CliError("usage", "No signatory given. Expected: undersigned withdraw <letter> <signatory>.");
      outcome = await withdraw(ws, positionals[0], positionals[1], str(values.date) ?? today, today);
      break;
    default:
      throw new CliError("usage", `Unknown command: ${name}.`);
  }
  await applyChanges(ws.root, outcome.changes);
  print(outcome.lines);
  return outcome.exitCode ?? 0;
}

function requireFlags(name: string, answers: Record<string, string | undefined>): void {
  const missing = Object.entries(answers).filter(([, v]) => v === undefined || v.trim() === "").map(([k]) => k);
  if (missing.length > 0) {
    throw new CliError("usage", `Missing ${missing.join(", ")}. Expected every answer as a flag when not on a terminal, such as: undersigned ${name} <letter> --name "Example Foundation" --type organisation --country KE; see undersigned ${name} --help.`);
  }
}

try {
  process.exitCode = await run(process.argv.slice(2));
} catch (error) {
  if (!(error instanceof CliError)) throw error;
  process.stderr.write(`${paint("error", `error: ${error.message}`, process.stderr)}\n`);
  for (const detail of error.details) process.stderr.write(`  ${detail}\n`);
  process.exitCode = error.exitCode;
}
