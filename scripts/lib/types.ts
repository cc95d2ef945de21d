/** Shared data types of Undersigned: what the loader returns and what templates receive. */

export type SignatoryType = "organisation" | "individual";
export type Scope = "global" | "international" | "regional";
export type LetterStatus = "open" | "closed";

/** A person a letter is addressed to (To or CC). */
export interface Addressee {
  name: string;
  role?: string;
  organisation?: string;
}

/** The validated front matter of a letter, as written in `content/letters/<slug>/index.md`. */
export interface LetterFrontMatter {
  title: string;
  date: string;
  to: Addressee[];
  cc?: Addressee[];
  from: string;
  summary: string;
  lang: string;
  status: LetterStatus;
  closes?: string;
  tags?: string[];
  revisions?: Revision[];
  updates?: LetterUpdate[];
  withdrawals?: Withdrawal[];
}

/** A change to a letter's text after publication. */
export interface Revision {
  date: string;
  summary: string;
  /** Defaults to true: signatures older than the latest substantive revision endorsed an earlier text. */
  substantive?: boolean;
}

/** News about a letter: delivery, response, coverage. `text` is Markdown. */
export interface LetterUpdate {
  date: string;
  title: string;
  text: string;
}

/** Withdrawn signatures: a date and a count, never a name. */
export interface Withdrawal {
  date: string;
  count?: number;
}

/** How a signature was checked to be genuine. */
export interface Verification {
  method: "github" | "email" | "domain" | "maintainer";
  by: string;
  date: string;
}

/** A loaded letter: front matter plus where it came from and its Markdown body. */
export interface Letter extends LetterFrontMatter {
  /** Folder name under `content/letters/`, also the URL segment. */
  slug: string;
  /** Repository-relative path of the source file, with forward slashes. */
  file: string;
  /** The Markdown body, untouched. */
  body: string;
  /** Translations found beside `index.md`, by language tag. Filled in by the loader. */
  translations?: LetterTranslation[];
}

/** The fields a translation may carry; everything else (dates, status, revisions…) is shared with index.md. */
export interface TranslationFrontMatter {
  lang: string;
  title: string;
  summary: string;
  from?: string;
  to?: Addressee[];
  cc?: Addressee[];
}

/** A loaded translation: `content/letters/<slug>/<lang>.md`. */
export interface LetterTranslation extends TranslationFrontMatter {
  /** Slug of the letter it translates (the folder name). */
  slug: string;
  file: string;
  body: string;
}

/** The validated fields of a signatory file. */
export interface SignatoryFields {
  name: string;
  type: SignatoryType;
  country?: string;
  scope?: Scope;
  url?: string;
  affiliation?: string;
  role?: string;
  github?: string;
  verified?: Verification;
  signed: string;
}

/** A loaded signatory: its fields plus the letter it signs and its file. */
export interface Signatory extends SignatoryFields {
  /** File name without `.yaml`: the stable anchor `#<slug>` on the page that lists it. */
  slug: string;
  /** Slug of the letter this signatory endorses (the folder name). */
  letter: string;
  /** Repository-relative path of the source file, with forward slashes. */
  file: string;
}

/** How serious a problem is: errors fail validation and the build, warnings are printed only. */
export type Severity = "error" | "warning";

/** One finding of the loader or validator, located as precisely as the input allows. */
export interface Problem {
  severity: Severity;
  /** Repository-relative path with forward slashes. */
  file: string;
  /** 1-based line, when known. */
  line?: number;
  /** 1-based column, when known. */
  column?: number;
  message: string;
}

/** Everything read from a repository: letters, their signatories, and what was wrong. */
export interface Repository {
  letters: Letter[];
  /** Signatories by letter slug, each list sorted by slug. */
  signatories: Map<string, Signatory[]>;
  problems: Problem[];
}
