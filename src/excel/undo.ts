/**
 * "Undo last run": the run's snapshot (journal.ts) is kept in the workbook, in a very hidden sheet, so the
 * undo works after the file is saved, reopened or shared. Undo writes every captured cell back, clears the
 * sheets the run rewrote before restoring them, deletes the sheets it added, puts the add-in's settings back,
 * and removes the snapshot: only the last run can be undone, once.
 */
import { SegmentSheetError } from "../engine/errors";
import { asText } from "./cell-text";
import type { CapturedRange, Journal, UndoSnapshot } from "./journal";
import { MAX_CELLS_PER_WRITE, chunks } from "./limits";
import { queueObjects, removeObjects } from "./sheet-objects";

export const UNDO_SHEET = "SegmentSheet.undo";
/** Excel's limit on the characters in one cell is 32,767; the snapshot is cut into pieces below it. */
const PIECE = 30_000;

/**
 * Writes the snapshot into the very hidden undo sheet (replacing the previous run's). The journal records
 * this write too, so a failure after it rolls the undo sheet back with everything else.
 */
export async function writeUndo(
  context: Excel.RequestContext,
  snapshot: UndoSnapshot,
  journal: Journal
): Promise<void> {
  const existing = context.workbook.worksheets.getItemOrNullObject(UNDO_SHEET);
  await context.sync();
  if (existing.isNullObject) journal.createdSheet(UNDO_SHEET);
  else {
    journal.captureSheet(UNDO_SHEET);
    await journal.flush();
  }
  const sheet = existing.isNullObject ? context.workbook.worksheets.add(UNDO_SHEET) : existing;
  if (existing.isNullObject) sheet.visibility = "VeryHidden";
  else sheet.getRange().clear();
  const json = JSON.stringify(snapshot);
  const pieces: string[][] = [];
  for (let i = 0; i < json.length; i += PIECE) pieces.push([asText(json.slice(i, i + PIECE))]);
  for (const [start, count] of chunks(pieces.length, 100)) {
    sheet.getRangeByIndexes(start, 0, count, 1).values = pieces.slice(start, start + count);
    // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per 100 pieces (3 MB), by design (5 MB limit)
    await context.sync();
  }
}

async function readUndo(context: Excel.RequestContext): Promise<UndoSnapshot> {
  const sheet = context.workbook.worksheets.getItemOrNullObject(UNDO_SHEET);
  const used = sheet.getUsedRangeOrNullObject(true);
  used.load("rowCount");
  await context.sync();
  if (sheet.isNullObject || used.isNullObject) throw new SegmentSheetError({ code: "NOTHING_TO_UNDO" });
  const parts: string[] = [];
  for (const [start, count] of chunks(used.rowCount, 100)) {
    const r = sheet.getRangeByIndexes(start, 0, count, 1);
    r.load("values");
    // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per 100 pieces (3 MB), by design (5 MB limit)
    await context.sync();
    for (const row of r.values) parts.push(String(row[0]));
  }
  const snapshot = JSON.parse(parts.join("")) as UndoSnapshot;
  if (snapshot.version !== 1) throw new SegmentSheetError({ code: "NOTHING_TO_UNDO" });
  return snapshot;
}

/** A captured cell as it must be written back: formulas as formulas, every other string as text. */
function restoreCell(v: string | number | boolean, format: string): string | number | boolean {
  if (typeof v !== "string" || v === "" || v.startsWith("=") || format === "@") return v;
  return asText(v);
}

async function restoreRange(context: Excel.RequestContext, c: CapturedRange): Promise<void> {
  const sheet = context.workbook.worksheets.getItem(c.sheet);
  const width = c.formulas[0]?.length ?? 0;
  if (width === 0) return;
  const rowsPerWrite = Math.max(1, Math.floor(MAX_CELLS_PER_WRITE / width));
  for (const [start, count] of chunks(c.formulas.length, rowsPerWrite)) {
    const range = sheet.getRangeByIndexes(c.row + start, c.column, count, width);
    const formats = c.numberFormat.slice(start, start + count);
    range.numberFormat = formats;
    range.formulas = c.formulas
      .slice(start, start + count)
      .map((row, i) => row.map((v, j) => restoreCell(v, formats[i][j])));
    // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per chunk of rows, by design (5 MB limit)
    await context.sync();
  }
}

export interface UndoOutcome {
  restoredRanges: number;
  deletedSheets: string[];
}

/** Puts back what a snapshot captured: the last run's (undo) or a failed run's so far (rollback). */
export async function applyUndo(context: Excel.RequestContext, snapshot: UndoSnapshot): Promise<UndoOutcome> {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name");
  await context.sync();
  const present = new Set(sheets.items.map((s) => s.name));
  // Charts and formats the run put on sheets it did not add go; the ones they replaced come back once the cells
  // they are made from are back (a chart reads its source's shape when it is made).
  const objects = (snapshot.objects ?? []).filter(
    (o) => present.has(o.sheet) && !snapshot.createdSheets.includes(o.sheet)
  );
  for (const o of objects) await removeObjects(context, o.sheet, o.after);
  for (const name of snapshot.replacedSheets) if (present.has(name)) sheets.getItem(name).getRange().clear();
  for (const c of snapshot.ranges) if (present.has(c.sheet)) await restoreRange(context, c);
  for (const o of objects) if (o.before) queueObjects(context, o.sheet, o.before);
  const deleted = snapshot.createdSheets.filter((n) => present.has(n));
  for (const name of deleted) sheets.getItem(name).delete();
  const settings = context.workbook.settings;
  const gone = Object.entries(snapshot.settings)
    .filter(([, v]) => v === null)
    .map(([key]) => settings.getItemOrNullObject(key));
  for (const [key, v] of Object.entries(snapshot.settings)) if (v !== null) settings.add(key, v);
  await context.sync();
  for (const item of gone) if (!item.isNullObject) item.delete();
  await context.sync();
  return { restoredRanges: snapshot.ranges.length, deletedSheets: deleted };
}

/** Undoes the last run from the snapshot kept in the workbook, then drops the snapshot. */
export async function undoLastRun(context: Excel.RequestContext): Promise<UndoOutcome> {
  const outcome = await applyUndo(context, await readUndo(context));
  context.workbook.worksheets.getItem(UNDO_SHEET).delete();
  await context.sync();
  return outcome;
}
