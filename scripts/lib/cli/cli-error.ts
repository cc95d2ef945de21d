/** Why a command stopped: `usage` for wrong arguments (exit 2), `invalid` for content that fails checks (exit 1). */
export type CliErrorCode = "usage" | "invalid" | "not-found" | "duplicate";

/**
 * The one error every command throws for a person to read. The message says what is wrong and what
 * was expected; `details` are extra lines, such as the validator's own messages.
 * @example throw new CliError("usage", "Unknown --format: pdf. Expected one of: csv, json, md, txt.")
 */
export class CliError extends Error {
  override readonly name = "CliError";
  constructor(
    readonly code: CliErrorCode,
    message: string,
    readonly details: readonly string[] = [],
  ) {
    super(message);
  }

  /** The process exit code for this error. */
  get exitCode(): number {
    return this.code === "usage" ? 2 : 1;
  }
}
