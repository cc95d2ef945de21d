import { describe, expect, it } from "vitest";
import { formatProblem } from "../../scripts/lib/problem.ts";
import { checkLetterText } from "../../scripts/lib/validate-letter.ts";

const FILE = "content/letters/x/index.md";
const HEAD = "---\ntitle: T\ndate: 2020-01-10\nto:\n  - name: A\nfrom: us\nsummary: S.\n";
const messages = (rest: string) => checkLetterText(FILE, `${HEAD}${rest}---\nText\n`).problems.map((p) => formatProblem(p));

describe("checkLetterText: a letter's life", () => {
  it("accepts revisions, updates and withdrawals", () => {
    const { letter, problems } = checkLetterText(FILE, `${HEAD}status: open\nrevisions:\n  - date: 2020-02-10\n    summary: Added a request.\nupdates:\n  - date: 2020-04-02\n    title: Delivered\n    text: Handed over.\nwithdrawals:\n  - date: 2020-02-20\n---\nText\n`);
    expect(problems).toEqual([]);
    expect(letter?.revisions).toEqual([{ date: "2020-02-10", summary: "Added a request.", substantive: true }]);
    expect(letter?.withdrawals).toEqual([{ date: "2020-02-20", count: 1 }]);
  });

  it("refuses dates that do not exist, inside revisions, updates and withdrawals too", () => {
    expect(messages("status: open\nrevisions:\n  - date: 2020-02-30\n    summary: x\nwithdrawals:\n  - date: 2021-02-29\n")).toEqual([
      `${FILE}:10:11: "revisions", entry 1, "date" is not a real date (got "2020-02-30"); check the month and day`,
      `${FILE}:13:11: "withdrawals", entry 1, "date" is not a real date (got "2021-02-29"); check the month and day`,
    ]);
  });

  it("requires a closing date on a closed letter, so that later signatures can be refused", () => {
    expect(messages("status: closed\n")).toEqual([
      `${FILE}:8:9: "status" is closed but the letter has no "closes" date; add a line such as closes: 2014-10-31 (the last day signatures were accepted), so that later signatures can be refused`,
    ]);
    expect(messages("status: closed\ncloses: 2020-03-31\n")).toEqual([]);
  });
});
