// The questions `undersigned sign` asks on a terminal. Each answer is checked as it is given, by the
// same functions (and the same validator) the command uses for flags.
import { input, search, select } from "@inquirer/prompts";
import type { SignatoryAnswers } from "./lib/cli/candidate.ts";
import { assertDate } from "./lib/cli/close.ts";
import { checkFieldValue } from "./lib/cli/signatory-text.ts";
import { findLetter, type Workspace } from "./lib/cli/workspace.ts";
import { parsePlace, placeProblem, searchPlaces } from "./lib/place.ts";

/** Asks which letter to sign, listing the open ones. */
export async function askLetter(ws: Workspace): Promise<string> {
  const open = ws.repo.letters.filter((l) => l.status === "open");
  if (open.length === 0) return "";
  return select({ message: "Which letter?", choices: open.map((l) => ({ value: l.slug, name: `${l.title} (${l.slug})` })) });
}

/** Asks every question not already answered by a flag, and returns all the answers. */
export async function askSignature(ws: Workspace, letterSlug: string, given: SignatoryAnswers, today: string): Promise<SignatoryAnswers> {
  const letter = findLetter(ws, letterSlug);
  const answers: SignatoryAnswers = { ...given };
  const check = (field: Parameters<typeof checkFieldValue>[0], optional: boolean) => (value: string) => {
    if (value.trim() === "") return optional ? true : "Please answer this question.";
    return checkFieldValue(field, value) ?? true;
  };
  answers.name ??= await input({ message: "Name (the organisation's name, or the person's full name):", validate: check("name", false) });
  answers.type ??= await select({ message: "Signing as:", choices: [{ value: "organisation", name: "an organisation" }, { value: "individual", name: "an individual" }] });
  if (answers.place === undefined || parsePlace(answers.place, letter.lang) === undefined) {
    answers.place = await search({
      message: "Country (type a name or code; or global, international, regional):",
      source: (term) => searchPlaces(term ?? "", letter.lang),
      validate: (value) => (parsePlace(value, letter.lang) === undefined ? placeProblem(value) : true),
    });
  }
  answers.url ??= await input({ message: "Website (optional, https://…):", validate: check("url", true) });
  if (answers.type === "individual") {
    answers.affiliation ??= await input({ message: "Affiliation, for identification only (optional):", validate: check("affiliation", true) });
    answers.role ??= await input({ message: "Role or title, for identification only (optional):", validate: check("role", true) });
  }
  answers.signed ??= await input({
    message: "Date signed (YYYY-MM-DD):",
    default: today,
    validate: (value) => {
      try {
        assertDate("date", value);
        return true;
      } catch (error) {
        return (error as Error).message;
      }
    },
  });
  return answers;
}
