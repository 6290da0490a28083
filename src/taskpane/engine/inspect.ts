/**
 * The read-only pre-scan behind the pane's "detected table" and as-of warning. Runs where the engine
 * runs (the worker): for every column that holds dates, the latest one, so that the pane can say
 * "the latest purchase is long before the as-of date" for whichever column the user maps, without
 * reading the sheet again.
 */
import { isDateFormat, isoFromDay, parseDate } from "../../engine/parse";
import type { CellValue, RawTable } from "../../engine/types";

export interface TableScan {
  headers: string[];
  /** Data rows read (blank rows included). */
  rows: number;
  /** Per column: the latest date in it (yyyy-mm-dd), or null when the column does not hold dates. */
  latestDates: Array<string | null>;
}

/** Cells looked at to decide whether a column holds dates at all. */
const SAMPLE = 50;

const isBlank = (v: CellValue) => v === "" || (typeof v === "string" && v.trim() === "");

/**
 * A cell's day number when it is an absolute date. Relative texts ("是(15天前)") count back from the
 * as-of date, so they say nothing about when the data ends: NaN as the as-of day makes them non-finite.
 */
function dayOf(v: CellValue, dateColumn: boolean, date1904: boolean): number | null {
  if (typeof v === "number" && !dateColumn) return null; // a count or an amount, not a serial date
  const day = parseDate(v, { asOfDay: Number.NaN, date1904 });
  return day !== null && Number.isFinite(day) ? day : null;
}

export function scanTable(table: RawTable): TableScan {
  const width = table.headers.length;
  const date1904 = table.date1904 === true;
  const latestDates: Array<string | null> = [];
  for (let c = 0; c < width; c++) {
    const dateColumn = isDateFormat(table.numberFormats?.[c]);
    let seen = 0;
    let dates = 0;
    let latest = Number.NEGATIVE_INFINITY;
    let isDates = true;
    for (const row of table.rows) {
      const v = row[c];
      if (v === undefined || isBlank(v)) continue;
      const day = dayOf(v, dateColumn, date1904);
      seen += 1;
      if (day !== null) {
        dates += 1;
        if (day > latest) latest = day;
      }
      // Decide on the first cells: a column where most are not dates is not a date column.
      if (seen === SAMPLE && dates * 2 < seen) {
        isDates = false;
        break;
      }
    }
    latestDates.push(isDates && dates > 0 && dates * 2 >= seen ? isoFromDay(latest) : null);
  }
  return { headers: [...table.headers], rows: table.rows.length, latestDates };
}
