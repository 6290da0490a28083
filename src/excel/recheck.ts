/**
 * Co-authoring: in Excel on the web another person may edit the sheet while a run reads it, segments it and
 * writes. Right before the first write the run re-reads what its writes depend on and compares it with what it
 * read; if anything moved it refuses with SHEET_CHANGED and writes nothing, so the other person's edit is never
 * written over. Compared:
 * - the header row (a renamed or moved header, a row inserted above the table);
 * - the customer-id column, row by row (a sort, an inserted or deleted row);
 * - the table's extent: an Excel table's range, or for a plain range that the row below it is still blank (a
 *   row added at the end would get no results);
 * - every column the run writes: a column of the table as it was read (the add-in's, a template column, a column
 *   an accepted cleaning fix rewrites), a new column still empty, and a column the add-in wrote before that stands
 *   apart from the table as it was right after the read (baseline()).
 * Reads are sized like the table's own (limits.ts), one round trip per chunk of rows; no cell is read twice in
 * one request. A local file has no co-authors: the CLI turns the check off (RunOptions.recheck).
 */
import { SegmentSheetError } from "../engine/errors";
import type { CellValue } from "../engine/types";
import { queueValues, SHEET_ROWS } from "./bounded-read";
import type { ColumnTarget } from "./column-plan";
import { errorCode, rowsPerRequest, sampledRowBytes } from "./limits";
import type { ReadResult } from "./read-table";

/** What a run read, plus the columns right of the table that have a header, as they were right after the read. */
export interface RecheckBase {
  read: ReadResult;
  /** Offset from the table's first column → that column's data cells, for columns right of the table. */
  outside: Map<number, CellValue[]>;
}

const headerText = (v: CellValue): string => (typeof v === "string" ? v.trim() : String(v));

/**
 * Reads `columns` (offsets from the table's first column) for every data row, in chunks; calls `each` per chunk and
 * stops at the first chunk it refuses. `withLast` queues more loads into the last chunk's request, so that they and
 * the last rows are read at the same moment.
 */
async function readColumns(
  context: Excel.RequestContext,
  read: ReadResult,
  columns: number[],
  each: (start: number, values: CellValue[][][]) => boolean,
  withLast: () => void = () => undefined
): Promise<boolean> {
  const { location } = read;
  const sheet = context.workbook.worksheets.getItem(location.sheetName);
  const total = columns.length === 0 ? 0 : location.rowCount;
  // Sized as the response carries them: one [value] per cell, column by column (a column outside the table was not
  // read yet: at least 8 bytes a cell is assumed, and a response Excel refuses as too large is asked again in halves).
  const sample = read.table.rows.map((r) => columns.map((c) => [c < location.columnCount ? (r[c] ?? "") : ""]));
  let perChunk = rowsPerRequest(Math.max(sampledRowBytes(sample), columns.length * 8), columns.length);
  let start = 0;
  do {
    const count = Math.min(perChunk, total - start);
    const row = location.headerRow + 1 + start;
    const got = count > 0 ? columns.map((c) => queueValues(sheet, row, location.firstColumn + c, count, 1)) : [];
    if (start + count >= total) withLast();
    try {
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per chunk of rows, by design (5 MB limit)
      await context.sync();
    } catch (e) {
      if (errorCode(e) !== "ResponsePayloadSizeLimitExceeded" || count <= 1) throw e;
      perChunk = Math.ceil(count / 2);
      continue;
    }
    const values = got.map((g) => g());
    if (count > 0 && !each(start, values)) return false;
    start += count;
  } while (start < total);
  return true;
}

/**
 * Right after the read: the columns right of the table whose header cell is filled (where a column the add-in
 * wrote before may stand apart from the table), so that a later edit there is seen. No request when there is none.
 */
export async function baseline(context: Excel.RequestContext, read: ReadResult): Promise<RecheckBase> {
  const outside = new Map<number, CellValue[]>();
  const columns: number[] = [];
  for (let c = read.location.columnCount; c < read.headerRowCells.length; c++)
    if (read.headerRowCells[c] !== "") columns.push(c);
  if (columns.length === 0 || read.location.rowCount === 0) return { read, outside };
  for (const c of columns) outside.set(c, []);
  await readColumns(context, read, columns, (_start, values) => {
    columns.forEach((c, k) => {
      const list = outside.get(c) as CellValue[];
      for (const line of values[k]) list.push(line[0]);
    });
    return true;
  });
  return { read, outside };
}

function changed(sheet: string): SegmentSheetError {
  return new SegmentSheetError({ code: "SHEET_CHANGED", params: { sheet } });
}

/**
 * Refuses (SHEET_CHANGED) when the sheet no longer is as it was read. `idColumn`: offset of the customer-id
 * column; `targets`: the columns the run is about to write; `alsoColumns`: other columns of the table it writes
 * into (accepted cleaning fixes).
 */
export async function recheck(
  context: Excel.RequestContext,
  base: RecheckBase,
  idColumn: number,
  targets: ColumnTarget[],
  alsoColumns: number[] = []
): Promise<void> {
  const { read } = base;
  const { location } = read;
  const sheet = context.workbook.worksheets.getItem(location.sheetName);
  const width = read.headerRowCells.length;

  // The header row, the table's extent and the new columns, read with the last rows (one moment, the latest).
  let header: () => CellValue[][] = () => [];
  let extent: Excel.Range | null = null;
  let below: Excel.Range | null = null;
  let fresh: Excel.Range[] = [];
  const queueShape = () => {
    header = queueValues(sheet, location.headerRow, location.firstColumn, 1, width);
    if (location.tableName !== undefined) {
      extent = sheet.tables.getItem(location.tableName).getRange();
      extent.load("rowIndex, columnIndex, rowCount, columnCount");
    } else {
      const next = location.headerRow + 1 + location.rowCount;
      if (next < SHEET_ROWS)
        below = sheet
          .getRangeByIndexes(next, location.firstColumn, 1, location.columnCount)
          .getUsedRangeOrNullObject(true);
    }
    fresh = targets
      .filter((t) => t.source === "appended")
      .map((t) =>
        sheet
          .getRangeByIndexes(location.headerRow, location.firstColumn + t.offset, location.rowCount + 1, 1)
          .getUsedRangeOrNullObject(true)
      );
  };

  // The id column and every column the run writes, row by row.
  const written = targets.filter((t) => t.source !== "appended").map((t) => t.offset);
  const columns = [...new Set([idColumn, ...written, ...alsoColumns])];
  const rows = read.table.rows;
  const before = (c: number, i: number): CellValue =>
    c < location.columnCount ? (rows[i][c] ?? "") : (base.outside.get(c)?.[i] ?? "");
  const same = await readColumns(
    context,
    read,
    columns,
    (start, values) => columns.every((c, k) => values[k].every((line, i) => line[0] === before(c, start + i))),
    queueShape
  );
  if (!same) throw changed(location.sheetName);

  const now = header()[0].map(headerText);
  if (now.some((h, i) => h !== (read.headerRowCells[i] ?? ""))) throw changed(location.sheetName);
  const e = extent as Excel.Range | null;
  if (
    e !== null &&
    (e.rowIndex !== location.headerRow ||
      e.columnIndex !== location.firstColumn ||
      e.rowCount !== location.rowCount + 1 ||
      e.columnCount !== location.columnCount)
  )
    throw changed(location.sheetName);
  const b = below as Excel.Range | null;
  if (b !== null && !b.isNullObject) throw changed(location.sheetName);
  if (fresh.some((r) => !r.isNullObject)) throw changed(location.sheetName);
}
