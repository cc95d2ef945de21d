import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { Verification } from "../types.ts";
import { CliError } from "./cli-error.ts";
import { assertDayAfterSigning } from "./close.ts";
import { editYaml } from "./edit-yaml.ts";
import { line, type Outcome } from "./outcome.ts";
import { assertValidSignatoryText } from "./signatory-text.ts";
import { findLetter, findSignatory, type Workspace } from "./workspace.ts";

/** The ways a signature can be verified, as the schema lists them. */
export const VERIFY_METHODS: readonly Verification["method"][] = ["github", "email", "domain", "maintainer"];

/** What `undersigned verify` needs. */
export interface VerifyInput {
  letter: string | undefined;
  signatory: string | undefined;
  method: string | undefined;
  by: string | undefined;
  date: string;
}

/**
 * Records how a signature was verified, `verified: { method, by, date }`, in the signatory's file,
 * keeping its other lines and comments, and checks the result with the real validator. The date may
 * be neither still to come after `today` nor before the signature.
 * @example await verify(ws, { letter: "x", signatory: "acme", method: "email", by: "octocat", date: "2024-03-05" }, "2024-03-09")
 */
export async function verify(ws: Workspace, input: VerifyInput, today: string): Promise<Outcome> {
  const letter = findLetter(ws, input.letter);
  if (input.signatory === undefined) throw new CliError("usage", "No signatory given. Expected: undersigned verify <letter> <signatory> --method <method> --by <login>.");
  const signatory = findSignatory(ws, letter, input.signatory);
  const method = VERIFY_METHODS.find((m) => m === input.method);
  if (method === undefined) throw new CliError("usage", `${input.method === undefined ? "Missing --method" : `Invalid --method: ${input.method}`}. Expected one of: ${VERIFY_METHODS.join(", ")}.`);
  if (input.by === undefined || input.by === "") throw new CliError("usage", "Missing --by. Expected the GitHub login of the maintainer who checked the signature, such as --by octocat.");
  const verification: Verification = { method, by: input.by, date: assertDayAfterSigning("--date", input.date, "checked", signatory, today) };
  const before = await readFile(join(ws.root, signatory.file), "utf8");
  const text = editYaml(before, signatory.file, (doc) => doc.set("verified", verification));
  assertValidSignatoryText(signatory.file, text);
  const previous = signatory.verified === undefined ? "" : ` (replacing ${signatory.verified.method} by ${signatory.verified.by} on ${signatory.verified.date})`;
  return {
    changes: [{ kind: "update", file: signatory.file, text }],
    lines: [line("success", `Verified "${signatory.name}" by ${method}, checked by ${verification.by} on ${verification.date}${previous}: ${signatory.file}`)],
  };
}
