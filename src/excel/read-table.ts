/**
 * Finds the customer (or orders) table on a sheet and reads it into a RawTable.
 * A title row and blank rows may sit above the header; the table may be a plain range or an Excel
 * table (ListObject). A plain range ends at its first blank row, as Excel's current region does, so a
 * second template table further down the sheet is not read as customers.
 */
import { SegmentSheetError } from "../engine/errors";
import { headerRowScore } from "../engine/schema";
import type { CellValue, RawTable } from "../engine/types";
import { queueValues } from "./bounded-read";
import { FIRST_READ_ROWS, HEADER_SCAN_ROWS, errorCode, rowsPerRequest, sampledRowBytes } from "./limits";

export interface TableLocation {
  sheetName: string;
  /** 0-based sheet row of the header row. */
  headerRow: number;
  /** 0-based sheet column of the first header cell. */
  firstColumn: number;
  columnCount: number;
  /** Data rows under the header. */
  rowCount: number;
  /** Name of the Excel table, when the data is one. */
  tableName?: string;
}

export interface ReadResult {
  location: TableLocation;
  table: RawTable;
  /** The sheet's used range: its last column (0-based), to place new columns clear of user cells. */
  usedLastColumn: number;
  /**
   * The whole header row from the table's first column to the used range's last column: columns the
   * add-in wrote earlier may stand apart from the table when a user's cell was in the way.
   */
  headerRowCells: string[];
}

const MIN_HEADER_SCORE = 2;

const isBlank = (v: CellValue): boolean => v === "" || (typeof v === "string" && v.trim() === "");

function headerText(v: CellValue): string {
  return typeof v === "string" ? v.trim() : String(v);
}

/** The row of `rows` that names the most fields, or -1. */
function bestHeaderRow(rows: CellValue[][]): number {
  let best = -1;
  let bestScore = MIN_HEADER_SCORE - 1;
  rows.forEach((row, i) => {
    const score = headerRowScore(row);
    if (score > bestScore) {
      best = i;
      bestScore = score;
    }
  });
  return best;
}

/**
 * The header's columns: from the first non-blank cell to the last one before a blank cell, as Excel's
 * current region would take them; a note further right is not part of the table.
 */
function span(row: CellValue[]): [number, number] | null {
  const first = row.findIndex((v) => !isBlank(v));
  if (first < 0) return null;
  let last = first;
  while (last + 1 < row.length && !isBlank(row[last + 1])) last++;
  return [first, last];
}

export function getSheet(context: Excel.RequestContext, sheetName?: string): Excel.Worksheet {
  return sheetName === undefined
    ? context.workbook.worksheets.getActiveWorksheet()
    : context.workbook.worksheets.getItemOrNullObject(sheetName);
}

/** Locates the table: an Excel table whose header names the fields, else the best header row of the used range. */
export async function locateTable(
  context: Excel.RequestContext,
  sheetName?: string
): Promise<{
  location: TableLocation;
  usedLastColumn: number;
}> {
  const sheet = getSheet(context, sheetName);
  sheet.load("name");
  const used = sheet.getUsedRangeOrNullObject(true);
  used.load("rowIndex, columnIndex, rowCount, columnCount");
  const tables = sheet.tables;
  tables.load("items/name");
  await context.sync();
  if (sheet.isNullObject) throw new SegmentSheetError({ code: "SHEET_NOT_FOUND", params: { sheet: sheetName ?? "" } });
  const name = sheet.name;
  if (used.isNullObject) throw new SegmentSheetError({ code: "NO_TABLE_FOUND", params: { sheet: name } });
  const usedLastColumn = used.columnIndex + used.columnCount - 1;

  if (tables.items.length > 0) {
    const headers = tables.items.map((t) => {
      const h = t.getHeaderRowRange();
      h.load("values, rowIndex, columnIndex, columnCount");
      const body = t.getRange();
      body.load("rowCount");
      return { table: t, h, body };
    });
    await context.sync();
    const best = bestHeaderRow(headers.map((x) => x.h.values[0]));
    if (best >= 0) {
      const { table, h, body } = headers[best];
      return {
        location: {
          sheetName: name,
          headerRow: h.rowIndex,
          firstColumn: h.columnIndex,
          columnCount: h.columnCount,
          rowCount: body.rowCount - 1,
          tableName: table.name,
        },
        usedLastColumn,
      };
    }
  }

  const scanRows = Math.min(HEADER_SCAN_ROWS, used.rowCount);
  const top = queueValues(sheet, used.rowIndex, used.columnIndex, scanRows, used.columnCount);
  await context.sync();
  const scanned = top();
  const best = bestHeaderRow(scanned);
  if (best < 0) throw new SegmentSheetError({ code: "NO_TABLE_FOUND", params: { sheet: name } });
  const s = span(scanned[best]);
  if (!s) throw new SegmentSheetError({ code: "NO_TABLE_FOUND", params: { sheet: name } });
  const headerRow = used.rowIndex + best;
  return {
    location: {
      sheetName: name,
      headerRow,
      firstColumn: used.columnIndex + s[0],
      columnCount: s[1] - s[0] + 1,
      // Provisional: every used row below the header; readTable cuts at the first blank row.
      rowCount: used.rowIndex + used.rowCount - 1 - headerRow,
    },
    usedLastColumn,
  };
}

/**
 * Reads the header and data rows in chunks sized from the data (limits.ts): every response stays below
 * Excel on the web's 5 MB and every read below 5,000,000 cells.
 */
export async function readTable(context: Excel.RequestContext, sheetName?: string): Promise<ReadResult> {
  const { location, usedLastColumn } = await locateTable(context, sheetName);
  const sheet = context.workbook.worksheets.getItem(location.sheetName);
  const headerWidth = Math.max(location.columnCount, usedLastColumn - location.firstColumn + 1);
  const header = queueValues(sheet, location.headerRow, location.firstColumn, 1, headerWidth);
  // The date system: DATE(1904,1,1) is 0 in a 1904 workbook (Excel.Functions, ExcelApi 1.2); the API has no
  // property for it, and a 1904 workbook's serials are 1,462 days off the 1900 system's.
  const epoch = context.workbook.functions.date(1904, 1, 1);
  epoch.load("value");
  const firstRow =
    location.rowCount > 0
      ? sheet.getRangeByIndexes(location.headerRow + 1, location.firstColumn, 1, location.columnCount)
      : null;
  firstRow?.load("numberFormat");
  await context.sync();

  const rows: CellValue[][] = [];
  const plainRange = location.tableName === undefined;
  const width = location.columnCount;
  // The first read is small; the size of the rows read so far sets the size of the next reads.
  let rowsPerChunk = Math.min(FIRST_READ_ROWS, rowsPerRequest(1, width));
  let bytesPerRow = 0;
  for (let start = 0; start < location.rowCount;) {
    const count = Math.min(rowsPerChunk, location.rowCount - start);
    const range = sheet.getRangeByIndexes(location.headerRow + 1 + start, location.firstColumn, count, width);
    range.load("values");
    try {
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per chunk of rows, by design: a single read of a large sheet would pass Excel's 5 MB / 5,000,000-cell limits
      await context.sync();
    } catch (e) {
      // Rows larger than the sample promised: read the same rows again in halves.
      if (errorCode(e) !== "ResponsePayloadSizeLimitExceeded" || count === 1) throw e;
      rowsPerChunk = Math.ceil(count / 2);
      continue;
    }
    const values = range.values as CellValue[][];
    range.untrack();
    let blankAt = -1;
    if (plainRange) blankAt = values.findIndex((r) => r.every(isBlank));
    if (blankAt >= 0) {
      for (let i = 0; i < blankAt; i++) rows.push(values[i]);
      break;
    }
    for (const r of values) rows.push(r);
    start += count;
    bytesPerRow = Math.max(bytesPerRow, sampledRowBytes(values));
    rowsPerChunk = rowsPerRequest(bytesPerRow, width);
  }
  location.rowCount = rows.length;
  const headerRowCells = header()[0].map(headerText);
  const table: RawTable = {
    headers: headerRowCells.slice(0, location.columnCount),
    rows,
    numberFormats: firstRow ? firstRow.numberFormat[0].map(String) : undefined,
    date1904: epoch.value === 0,
  };
  return { location, table, usedLastColumn, headerRowCells };
}
