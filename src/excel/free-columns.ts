/**
 * Where new columns can go: right after the table when those cells are empty, otherwise after the last
 * column any cell of the sheet uses — never over a user's cell.
 */
import type { TableLocation } from "./read-table";

/** Offset (from the table's first column) of the first of `count` columns that are empty beside the table. */
export async function firstFreeColumnOffset(
  context: Excel.RequestContext,
  location: TableLocation,
  usedLastColumn: number,
  count: number
): Promise<number> {
  const tableEnd = location.firstColumn + location.columnCount; // first column right of the table
  if (usedLastColumn < tableEnd) return location.columnCount;
  const sheet = context.workbook.worksheets.getItem(location.sheetName);
  const width = usedLastColumn - tableEnd + 1;
  // Which columns beside the table hold a value, asked column by column (Range.getUsedRangeOrNullObject,
  // ExcelApi 1.4) in one round trip: reading the cells would pass Excel's 5 MB and 5,000,000-cell limits on a
  // large sheet that already has the add-in's columns.
  const used = Array.from({ length: width }, (_, c) =>
    sheet.getRangeByIndexes(location.headerRow, tableEnd + c, location.rowCount + 1, 1).getUsedRangeOrNullObject(true)
  );
  await context.sync();
  let run = 0;
  for (let c = 0; c < width; c++) {
    const blank = used[c].isNullObject;
    run = blank ? run + 1 : 0;
    if (run === count) return location.columnCount + c - count + 1;
  }
  // A blank run at the right edge continues into the empty columns past the used range.
  return usedLastColumn + 1 - run - location.firstColumn;
}
