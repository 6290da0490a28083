/**
 * What cleaning writes on the segmented sheet:
 * - the owned 数据质量 column: per row, what cleaning filled, folded or could not read (never silent);
 * - the fixes the user accepted, kind by kind (RunOptions.acceptFixes / settings.cleaning.accept), into
 *   the user's own cells — and only those. Every cell is captured by the journal first, so "Undo last
 *   run" and a failed run's rollback put it back.
 * Rows are never deleted: a duplicate record is noted in 数据质量 and left where it is. Deleting rows of a
 * shared, co-authored sheet would shift every other author's selection, formulas and references, and
 * the row-by-row alignment of the add-in's own columns; a note loses nothing and undoes trivially.
 * A merge (kind sameCustomer) writes its combined values into the kept row when accepted.
 *
 * Cells written: numbers and booleans as they are; a date a fix wrote as ISO text ("2024-04-02",
 * "2011-10-31 10:42") raw, so that Excel stores a date whatever its locale (Range.values parses it as if
 * typed); every other text with the quote prefix (cell-text.ts), so user data never becomes a formula
 * or a number. Columns the add-in writes itself (a template column such as 客户类型) are left to it.
 */
// apply-fixes.ts alone (it imports nothing at run time): the cleaning engine stays out of the pane's script.
import { FIX_ORDER } from "../engine/clean/apply-fixes";
import type { CellFix, FixKind } from "../engine/clean/types";
import type { CellValue, Lang, SegmentationResult } from "../engine/types";
import type { OwnedColumnKey } from "../i18n/headers";
import { qualityNotes } from "../i18n/quality";
import { asText } from "./cell-text";
import { writeInChunks } from "./chunked-write";
import type { ColumnTarget } from "./column-plan";
import type { Journal } from "./journal";
import type { TableLocation } from "./read-table";
import type { RunCleaning } from "./types";

type Cell = string | number | boolean;

/** ISO date or date-time text, as normaliseDate writes it: safe to write raw (it cannot be a formula). */
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?: \d{2}:\d{2}(?::\d{2})?)?$/;

/** A fix's value as it is written into a cell. */
export function fixedCell(v: CellValue): Cell {
  if (typeof v !== "string") return v;
  return ISO_DATE.test(v) ? v : asText(v);
}

/** The accepted cell fixes, by column: row → final value (later kinds in FIX_ORDER win, as in applyFixes). */
export function plannedFixes(
  result: SegmentationResult,
  accepted: readonly FixKind[],
  skipColumns: ReadonlySet<number>
): { columns: Map<number, Map<number, CellValue>>; byKind: Partial<Record<FixKind, number>> } {
  const columns = new Map<number, Map<number, CellValue>>();
  const byKind: Partial<Record<FixKind, number>> = {};
  const wanted = new Set(accepted);
  for (const kind of FIX_ORDER) {
    if (!wanted.has(kind)) continue;
    for (const f of result.cleaning.report.fixes[kind] ?? []) {
      if (f.op !== "set" || skipColumns.has(f.column)) continue;
      const set: CellFix = f;
      let column = columns.get(set.column);
      if (!column) columns.set(set.column, (column = new Map()));
      column.set(set.row, set.after);
      byKind[kind] = (byKind[kind] ?? 0) + 1;
    }
  }
  return { columns, byKind };
}

interface Block {
  column: number;
  first: number;
  /** One row per table row from `first`: the value, or null (left as it is). */
  values: (Cell | null)[][];
}

/** Per fixed column, the rows from its first fix to its last, with nulls between. */
function blocks(columns: Map<number, Map<number, CellValue>>): Block[] {
  const out: Block[] = [];
  for (const [column, rows] of [...columns].sort((a, b) => a[0] - b[0])) {
    let first = Infinity;
    let last = -Infinity;
    for (const row of rows.keys()) {
      if (row < first) first = row;
      if (row > last) last = row;
    }
    const values: (Cell | null)[][] = Array.from({ length: last - first + 1 }, () => [null]);
    for (const [row, v] of rows) values[row - first] = [fixedCell(v)];
    out.push({ column, first, values });
  }
  return out;
}

/** Writes the accepted fixes; returns the cells written per kind. */
async function writeFixes(
  context: Excel.RequestContext,
  location: TableLocation,
  targets: ColumnTarget[],
  result: SegmentationResult,
  accepted: readonly FixKind[],
  journal: Journal
): Promise<Partial<Record<FixKind, number>>> {
  const owned = new Set(targets.map((t) => t.offset));
  const { columns, byKind } = plannedFixes(result, accepted, owned);
  if (columns.size === 0) return {};
  const sheet = context.workbook.worksheets.getItem(location.sheetName);
  const planned = blocks(columns);
  for (const b of planned) {
    const row = location.headerRow + 1 + b.first;
    const col = location.firstColumn + b.column;
    journal.capture(location.sheetName, row, col, b.values.length, 1);
    journal.expect(location.sheetName, row, col, b.values);
  }
  await journal.flush();
  for (const b of planned) {
    await writeInChunks(context, {
      total: b.values.length,
      cellsPerRow: 1,
      make: (start, count) => b.values.slice(start, start + count),
      row: (values, i) => values[i],
      put: (values, start, count) => {
        const r = sheet.getRangeByIndexes(
          location.headerRow + 1 + b.first + start,
          location.firstColumn + b.column,
          count,
          1
        );
        r.values = values as Cell[][]; // null leaves a cell as it is
        r.untrack();
      },
    });
  }
  return byKind;
}

/** Writes the 数据质量 column when the plan has it; returns its data address. */
async function writeQualityColumn(
  context: Excel.RequestContext,
  location: TableLocation,
  target: ColumnTarget,
  result: SegmentationResult,
  lang: Lang,
  journal: Journal
): Promise<{ address: string | null; notedRows: number }> {
  const sheet = context.workbook.worksheets.getItem(location.sheetName);
  // Data row i is sheet row headerRow + 2 + i as Excel numbers rows.
  const notes = qualityNotes(result.cleaning.marks, lang, (row) => location.headerRow + 2 + row);
  const values = (start: number, count: number): Cell[][] => {
    const out: Cell[][] = new Array(count);
    for (let i = 0; i < count; i++) {
      const note = notes.get(start + i);
      out[i] = [note === undefined ? "" : asText(note)];
    }
    return out;
  };
  const col = location.firstColumn + target.offset;
  journal.capture(location.sheetName, location.headerRow, col, location.rowCount + 1, 1);
  journal.expect(location.sheetName, location.headerRow, col, [[target.header], ...values(0, location.rowCount)]);
  await journal.flush();
  if (target.header !== null) {
    const h = sheet.getRangeByIndexes(location.headerRow, col, 1, 1);
    h.values = [[target.header]];
    h.format.font.bold = true;
  }
  let whole: Excel.Range | null = null;
  if (location.rowCount > 0) {
    whole = sheet.getRangeByIndexes(location.headerRow + 1, col, location.rowCount, 1);
    whole.load("address");
  }
  await context.sync();
  await writeInChunks(context, {
    total: location.rowCount,
    cellsPerRow: 1,
    make: values,
    row: (v, i) => v[i],
    put: (v, start, count) => {
      const r = sheet.getRangeByIndexes(location.headerRow + 1 + start, col, count, 1);
      r.values = v;
      r.untrack();
    },
  });
  return { address: whole ? whole.address : null, notedRows: notes.size };
}

/** The fix kinds a run writes: the pane's choice (RunOptions.acceptFixes), else the settings' (the CLI's). */
export const acceptedFixes = (options: { acceptFixes?: FixKind[]; settings: { cleaning: { accept: FixKind[] } } }) =>
  FIX_ORDER.filter((k) => (options.acceptFixes ?? options.settings.cleaning.accept).includes(k));

/** The owned columns writeOwnedColumns writes: all but 数据质量, which is written here. */
export const columnTargets = (targets: ColumnTarget[]): ColumnTarget[] =>
  targets.filter((t) => t.key !== "dataQuality");

/**
 * Writes the 数据质量 column (when planned) and the accepted fixes; returns the column's address and the
 * run's cleaning summary.
 */
export async function writeCleaning(
  context: Excel.RequestContext,
  location: TableLocation,
  targets: ColumnTarget[],
  result: SegmentationResult,
  accepted: readonly FixKind[],
  lang: Lang,
  journal: Journal
): Promise<{ addresses: Partial<Record<OwnedColumnKey, string>>; cleaning: RunCleaning }> {
  const addresses: Partial<Record<OwnedColumnKey, string>> = {};
  let notedRows = 0;
  const quality = targets.find((t) => t.key === "dataQuality");
  if (quality) {
    const written = await writeQualityColumn(context, location, quality, result, lang, journal);
    if (written.address !== null) addresses.dataQuality = written.address;
    notedRows = written.notedRows;
  }
  const byKind = await writeFixes(context, location, targets, result, accepted, journal);
  const kinds = FIX_ORDER.filter((k) => (byKind[k] ?? 0) > 0);
  return { addresses, cleaning: runCleaning(result, { kinds, byKind }, notedRows) };
}

/** The summary's cleaning part (also for a run that wrote nothing). */
export function runCleaning(
  result: SegmentationResult,
  written: { kinds: FixKind[]; byKind: Partial<Record<FixKind, number>> },
  notedRows: number
): RunCleaning {
  const c = result.cleaning;
  return {
    ...c.report.summary,
    resolve: c.resolve,
    applied: {
      kinds: written.kinds,
      cells: written.kinds.reduce((n, k) => n + (written.byKind[k] ?? 0), 0),
      byKind: written.byKind,
    },
    notedRows,
    noPurchaseCustomers: c.noPurchaseCustomers,
    excludedCustomers: c.excludedCustomers,
  };
}
