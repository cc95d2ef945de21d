import { parseArgs, type ParseArgsConfig } from "node:util";

/** The options of a command, as `node:util`'s parseArgs takes them. */
export type CommandOptions = NonNullable<ParseArgsConfig["options"]>;

/** What the command line asked for, when it asked for a run. */
export interface CommandArguments<T extends CommandOptions> {
  stop?: undefined;
  values: ReturnType<typeof parseArgs<{ options: T; allowPositionals: true }>>["values"];
  positionals: string[];
}

/** The command stops before it runs: with its usage for `--help` (code 0), or with what is wrong (code 2). */
export interface CommandStop {
  stop: true;
  code: 0 | 2;
  /** For stdout when the code is 0, else for stderr. */
  text: string;
}

/**
 * Reads a command's arguments. `--help` (or `-h`) gives the usage; an unknown option, a missing
 * value, or a file where the command takes none gives what is wrong, the options there are, and
 * where to read more, instead of Node's stack trace.
 * @example parseCommandLine("npm run build", "Usage: npm run build -- [--quiet]", { quiet: { type: "boolean" } }, ["--quite"])
 * // { stop: true, code: 2, text: "Unknown option --quite. npm run build takes: --quiet; see npm run build -- --help." }
 */
export function parseCommandLine<T extends CommandOptions>(command: string, usage: string, options: T, args: readonly string[], allowPositionals = false): CommandArguments<T> | CommandStop {
  if (args.includes("--help") || args.includes("-h")) return { stop: true, code: 0, text: usage };
  try {
    const { values, positionals } = parseArgs({ args: [...args], options, allowPositionals, strict: true });
    return { values, positionals } as CommandArguments<T>;
  } catch (error) {
    const reason = error instanceof Error ? whatIsWrong(error) : String(error);
    const takes = [...(allowPositionals ? ["file names"] : []), ...Object.keys(options).map((name) => `--${name}`)].join(", ");
    return { stop: true, code: 2, text: `${reason}. ${command} takes: ${takes}; see ${command} -- --help.` };
  }
}

/** Where a command that stops writes its text and sets its exit code: the command passes `process`. */
export interface CommandProcess {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  exit(code: number): never;
}

/**
 * The arguments to run with, or, when the command line stops the command, its text written (the
 * usage to stdout, what is wrong to stderr) and `proc.exit` called with its code. Every command
 * handles a stop the same way, so the commands share this instead of each writing it out.
 * @example const { values } = argumentsOrExit(parseCommandLine("npm run build", USAGE, OPTIONS, process.argv.slice(2)), process);
 */
export function argumentsOrExit<T extends CommandOptions>(parsed: CommandArguments<T> | CommandStop, proc: CommandProcess): CommandArguments<T> {
  if (!parsed.stop) return parsed;
  (parsed.code === 0 ? proc.stdout : proc.stderr).write(`${parsed.text}\n`);
  return proc.exit(parsed.code);
}

// Node's messages, said the way a person would.
const REWORDINGS: ReadonlyArray<[RegExp, string]> = [
  [/^Unknown option '([^']+)'.*/s, "Unknown option $1"],
  [/^Option '(-[^ ']+)[^']*' argument missing.*/s, "$1 needs a value"],
  [/^Option '(-[^ ']+)[^']*' does not take an argument.*/s, "$1 takes no value"],
  [/^Unexpected argument '([^']*)'.*/s, "Unexpected argument $1"],
];

function whatIsWrong(error: Error): string {
  for (const [pattern, wording] of REWORDINGS) if (pattern.test(error.message)) return error.message.replace(pattern, wording);
  return error.message.split("\n")[0]!.replace(/\.$/, "");
}
