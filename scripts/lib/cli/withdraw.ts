import { isMap, isSeq, type Document } from "yaml";
import { assertDayAfterSigning } from "./close.ts";
import { editLetter } from "./letter-edit.ts";
import { line, type Outcome } from "./outcome.ts";
import { findLetter, findSignatory, type Workspace } from "./workspace.ts";

/**
 * Withdraws a signature: deletes its file and records the withdrawal in the letter's front matter as
 * a date and a count only, so the public count stays honest and no name is kept. Withdrawals on the
 * same day share one entry (`count` goes up), and entries stay in date order. The date may be
 * neither still to come after `today` nor before the signature.
 * @example await withdraw(ws, "itu-pp14-openness", "acme", "2024-03-05", "2024-03-09")
 */
export async function withdraw(ws: Workspace, letterSlug: string | undefined, signatorySlug: string, date: string, today: string): Promise<Outcome> {
  const letter = findLetter(ws, letterSlug);
  const signatory = findSignatory(ws, letter, signatorySlug);
  assertDayAfterSigning("--date", date, "withdrawn", signatory, today);
  const edited = await editLetter(ws, letter, (doc) => recordWithdrawal(doc, date));
  return {
    changes: [
      { kind: "delete", file: signatory.file },
      { kind: "update", file: letter.file, text: edited.text },
    ],
    lines: [line("success", `Withdrew one signature from "${letter.title}": deleted ${signatory.file} and recorded a withdrawal on ${date} in ${letter.file} (no name kept).`)],
  };
}

function recordWithdrawal(doc: Document, date: string): void {
  const list = doc.get("withdrawals");
  if (!isSeq(list)) {
    doc.set("withdrawals", [{ date }]);
    return;
  }
  const sameDay = list.items.find((item) => isMap(item) && item.get("date") === date);
  if (isMap(sameDay)) {
    const count = sameDay.get("count");
    sameDay.set("count", (typeof count === "number" ? count : 1) + 1);
    return;
  }
  const later = list.items.findIndex((item) => isMap(item) && String(item.get("date")) > date);
  list.items.splice(later === -1 ? list.items.length : later, 0, doc.createNode({ date }));
}
