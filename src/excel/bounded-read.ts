/**
 * Reading the values of a block that may span every column of the sheet (or every row). Excel takes a range
 * of whole rows or whole columns as unbounded, and "the response will contain null values for cell-level
 * properties such as values, text, numberFormat, and formula"
 * (https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-ranges-unbounded). A used range reaches
 * column XFD when anything sits there (a stray note), so such a block is read as two bounded ranges — all
 * columns (rows) but the last, then the last — and joined.
 */
import type { CellValue } from "../engine/types";

export const SHEET_ROWS = 1_048_576;
export const SHEET_COLUMNS = 16_384;

/** Queues the load of a block's values; the returned function gives them after the next sync. */
export function queueValues(
  sheet: Excel.Worksheet,
  row: number,
  column: number,
  rows: number,
  columns: number
): () => CellValue[][] {
  if (column === 0 && columns >= SHEET_COLUMNS) {
    const left = queueValues(sheet, row, 0, rows, SHEET_COLUMNS - 1);
    const last = queueValues(sheet, row, SHEET_COLUMNS - 1, rows, 1);
    return () => {
      const l = left();
      const r = last();
      return l.map((line, i) => line.concat(r[i]));
    };
  }
  if (row === 0 && rows >= SHEET_ROWS) {
    const top = queueValues(sheet, 0, column, SHEET_ROWS - 1, columns);
    const last = queueValues(sheet, SHEET_ROWS - 1, column, 1, columns);
    return () => top().concat(last());
  }
  const range = sheet.getRangeByIndexes(row, column, rows, columns);
  range.load("values");
  // Read by the caller after its sync: the getter is handed back, not called here.
  // eslint-disable-next-line office-addins/call-sync-after-load, office-addins/call-sync-before-read
  return () => range.values as CellValue[][];
}
