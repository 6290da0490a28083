/**
 * R/F/M figures per customer before scoring, and what reading the table found. Built by
 * customers.ts (a customer table) or orders.ts (an orders table).
 */
import type { DayMonthOrder } from "../parse/date";
import type { CellIssue, CellValue, RawTable, RfmFigureName } from "../types";
import { isBlank } from "../parse/text";

export interface RfmFigures {
  id: string;
  /** Days from the last purchase to the as-of date; null = never purchased or unknown. */
  recencyDays: number | null;
  /** null = unknown (blank or unreadable cell). */
  frequency: number | null;
  /** null = unknown (blank or unreadable cell). */
  monetary: number | null;
  /** Figures whose cell was blank or unreadable (customer tables only). */
  missing?: RfmFigureName[];
}

export interface FiguresTable {
  /** One per customer, in first-seen order. */
  customers: RfmFigures[];
  /** Per RawTable row: index into `customers`, or -1. */
  rowCustomer: Int32Array;
  rowsWithoutId: number;
  blankRows: number;
  duplicateIdRows: number;
  rowsAfterAsOf: number;
  issues: CellIssue[];
  /** Orders tables, per customer: day number of the first positive order (the activity tag's span). */
  firstDay?: Array<number | null>;
}

export interface FiguresContext {
  /** As-of date as a day number (days since 1970-01-01). */
  asOfDay: number;
  date1904?: boolean;
  numberFormats?: string[];
  /** Orders tables: F and M count orders dated after this day only (rfm.windowMonths; see window.ts). */
  windowStartDay?: number;
  /**
   * Per column: how its "dd-mm-yyyy" / "mm/dd/yyyy" dates are written, as cleaning decided from all the
   * column's values (parse/date-order.ts); absent = such cells are not read (never guessed per cell).
   */
  dateOrders?: ReadonlyArray<DayMonthOrder | undefined>;
}

/** The date context of one column: the figures' context with the column's day/month order. */
export function columnDateContext(ctx: FiguresContext, column: number): FiguresContext & { order?: DayMonthOrder } {
  const order = ctx.dateOrders?.[column];
  return order === undefined ? ctx : { ...ctx, order };
}

/** A cell of a row, "" past its end. */
export const cellAt = (row: readonly CellValue[], col: number): CellValue => row[col] ?? "";

export const isBlankRow = (row: readonly CellValue[]): boolean => row.every((c) => isBlank(c));

export function emptyFigures(table: RawTable): FiguresTable {
  return {
    customers: [],
    rowCustomer: new Int32Array(table.rows.length).fill(-1),
    rowsWithoutId: 0,
    blankRows: 0,
    duplicateIdRows: 0,
    rowsAfterAsOf: 0,
    issues: [],
  };
}
