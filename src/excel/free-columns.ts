/**
 * Where new columns can go: right after the table when those cells are empty, otherwise after the last
 * column any cell of the table's rows uses — never over a user's cell.
 *
 * A cell with a format but no value counts as taken. The other cells of a merged area hold no value, and
 * Excel refuses a write into part of a merged area ("Cannot change part of a merged cell", InvalidOperation):
 * a notes header merged over two columns right of the table would fail the run half-way. A person's
 * formatted cells are theirs too. Range.getUsedRangeOrNullObject(false) counts values and formats
 * (ExcelApi 1.4, https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-getusedrangeornullobject-member(1)).
 */
import { SHEET_COLUMNS } from "./bounded-read";
import type { TableLocation } from "./read-table";

/** Offset (from the table's first column) of the first of `count` columns that are empty beside the table. */
export async function firstFreeColumnOffset(
  context: Excel.RequestContext,
  location: TableLocation,
  _usedLastColumn: number,
  count: number
): Promise<number> {
  const tableEnd = location.firstColumn + location.columnCount; // first column right of the table
  if (tableEnd >= SHEET_COLUMNS) return location.columnCount;
  const sheet = context.workbook.worksheets.getItem(location.sheetName);
  const rows = location.rowCount + 1;
  // What the table's rows hold right of the table, values or formats, in one request.
  const right = sheet
    .getRangeByIndexes(location.headerRow, tableEnd, rows, SHEET_COLUMNS - tableEnd)
    .getUsedRangeOrNullObject(false);
  right.load("columnIndex, columnCount");
  await context.sync();
  if (right.isNullObject) return location.columnCount;
  const last = right.columnIndex + right.columnCount - 1;
  const width = last - tableEnd + 1;
  // Which columns beside the table hold something, asked column by column in one round trip: reading the
  // cells would pass Excel's 5 MB and 5,000,000-cell limits on a large sheet that already has the add-in's columns.
  const used = Array.from({ length: width }, (_, c) =>
    sheet.getRangeByIndexes(location.headerRow, tableEnd + c, rows, 1).getUsedRangeOrNullObject(false)
  );
  await context.sync();
  let run = 0;
  for (let c = 0; c < width; c++) {
    const blank = used[c].isNullObject;
    run = blank ? run + 1 : 0;
    if (run === count) return location.columnCount + c - count + 1;
  }
  // A blank run at the right edge continues into the empty columns past the last used one.
  return last + 1 - run - location.firstColumn;
}
