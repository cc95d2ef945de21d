/**
 * A Markdown code block that no content can break out of: its fence is longer than any run of
 * backticks inside, so names, links and @mentions in it are shown as text.
 * @example fencedBlock("a ``` b", "text") // "````text\na ``` b\n````"
 */
export function fencedBlock(text: string, info = ""): string {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = "`".repeat(Math.max(3, longest + 1));
  return `${fence}${info}\n${text.replace(/\n$/, "")}\n${fence}`;
}
