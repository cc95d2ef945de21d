import { letterExists } from "./letter-exists.ts";
import { signedBeforeClosing } from "./signed-before-closing.ts";
import { uniqueNames } from "./unique-names.ts";
import { uniqueUrls } from "./unique-urls.ts";
import type { Rule } from "./rule.ts";

export type { Rule, RuleContext } from "./rule.ts";

/** Every cross-file rule, run in this order after each file has passed its own checks. */
export const rules: readonly Rule[] = [letterExists, signedBeforeClosing, uniqueNames, uniqueUrls];
