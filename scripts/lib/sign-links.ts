import { translate } from "./i18n.ts";
import { SIGNATORIES_DIR } from "./load-repository.ts";

/** The file name the web editor starts with; the endorser renames it. `check-pr` refuses it unchanged. */
export const TEMPLATE_FILE_SLUG = "your-name";

/** The name the template starts with; `check-pr` and the form conversion refuse it unchanged. */
export const TEMPLATE_NAME = "Your name or your organisation's name";

/** The template's example website and affiliation, in lines to uncomment; `check-pr` refuses them unchanged. */
export const TEMPLATE_URL = "https://example.org";
export const TEMPLATE_AFFILIATION = "Example University";

/** The issue forms in `.github/ISSUE_TEMPLATE/`, by purpose. */
export const ISSUE_FORMS = { sign: "sign.yml", withdraw: "withdraw.yml" } as const;

/** What the "Sign this letter" section links to. */
export interface SignLinks {
  /** GitHub's web editor on a new, pre-filled signatory file. */
  editor: string;
  /** The sign issue form, with the letter filled in. */
  form: string;
  /** The withdrawal issue form, with the letter filled in. */
  withdraw: string;
}

/** Where the links point: the repository and branch from settings.yaml. */
export interface SignTarget {
  repository: string;
  branch: string;
}

/**
 * The commented YAML a new signatory file starts with. The country is a placeholder the validator
 * refuses ("XX"), so a file committed without being filled in fails with a message instead of
 * publishing a wrong country; comments are in the letter's language.
 * @example signatoryTemplate({ title: "Open the ITU", lang: "en" }, "2026-05-01")
 */
export function signatoryTemplate(letter: { title: string; lang: string }, today: string): string {
  const t = (key: string, params: Record<string, string> = {}) => translate(letter.lang, key, params).replace(/\s+/g, " ");
  return [
    `# ${t("template_intro", { title: letter.title })}`,
    `# ${t("template_rename", { example: "acme-foundation.yaml" })}`,
    `# ${t("template_no_email")}`,
    `name: ${TEMPLATE_NAME}`,
    `type: organisation   # ${t("template_type")}`,
    `country: XX          # ${t("template_country")}`,
    `# url: ${TEMPLATE_URL}       # ${t("template_url")}`,
    `# affiliation: ${TEMPLATE_AFFILIATION}   # ${t("template_affiliation")}`,
    `# role: Professor                   # ${t("template_role")}`,
    `signed: ${today}   # ${t("template_signed")}`,
    "",
  ].join("\n");
}

/**
 * Builds the links of a letter's "Sign this letter" section: GitHub's `/new/<branch>` editor with
 * `filename` and `value` filled in, and the two issue forms with the letter's slug filled in.
 * @example signLinks({ repository: "o/r", branch: "main" }, { slug: "x", title: "X", lang: "en" }, "2026-05-01").editor
 */
export function signLinks(target: SignTarget, letter: { slug: string; title: string; lang: string }, today: string): SignLinks {
  const repo = `https://github.com/${target.repository}`;
  const branch = target.branch.split("/").map(encodeURIComponent).join("/");
  const editor = query({ filename: `${SIGNATORIES_DIR}/${letter.slug}/${TEMPLATE_FILE_SLUG}.yaml`, value: signatoryTemplate(letter, today) });
  const form = (template: string, title: string) => query({ template, letter: letter.slug, title: `${title}: ${letter.slug}` });
  return {
    editor: `${repo}/new/${branch}?${editor}`,
    form: `${repo}/issues/new?${form(ISSUE_FORMS.sign, "Signature")}`,
    withdraw: `${repo}/issues/new?${form(ISSUE_FORMS.withdraw, "Withdrawal")}`,
  };
}

// Spaces as %20, never "+": a "+" in a pre-filled value must reach the file as a plus sign.
function query(params: Record<string, string>): string {
  return Object.entries(params)
    .map(([key, value]) => `${key}=${encodeURIComponent(value)}`)
    .join("&");
}
