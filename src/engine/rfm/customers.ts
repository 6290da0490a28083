/**
 * R/F/M figures from a customer table (one row per customer).
 *
 * - R: from the last-purchase date column when there is one (days to the as-of date), else from
 *   the recency column ("是(15天前)", 15, a date); see parse/recency.ts.
 * - F and M: parsed numbers ("12次", "4,200元", "1.2万").
 * - A row without a customer id is left out (rowCustomer -1), counted, and reported (MISSING_ID).
 * - A repeated id keeps the first row's figures; later rows map to the same customer and their
 *   values are not read (counted as duplicateIdRows).
 * - A blank R, F or M cell is reported as MISSING_VALUE, an unreadable one as UNPARSED_DATE /
 *   UNPARSED_NUMBER, a last purchase after the as-of date as AFTER_AS_OF. The figure is then
 *   unknown (null, listed in `missing`), never guessed and never taken as 0: scoring ranks an
 *   unknown figure below every known one, so the customer is "low" on it.
 */
import type { CellIssue, RawTable } from "../types";
import { parseDate } from "../parse/date";
import { parseId } from "../parse/id";
import { parseNumber } from "../parse/number";
import { parseRecencyDays } from "../parse/recency";
import { isBlank } from "../parse/text";
import {
  cellAt,
  columnDateContext,
  emptyFigures,
  FiguresContext,
  FiguresTable,
  isBlankRow,
  RfmFigures,
} from "./figures";

export interface CustomerFields {
  id: number;
  lastPurchase?: number;
  recency?: number;
  frequency: number;
  monetary: number;
}

export function customerFigures(table: RawTable, fields: CustomerFields, ctx: FiguresContext): FiguresTable {
  const out = emptyFigures(table);
  const byId = new Map<string, number>();
  /** Reports a cell; gives null, the unknown figure. */
  const report = (row: number, column: number, code: CellIssue["code"]): null => {
    out.issues.push({ row, column, value: cellAt(table.rows[row], column), code });
    return null;
  };

  const lastCtx = fields.lastPurchase !== undefined ? columnDateContext(ctx, fields.lastPurchase) : ctx;
  const recencyCtx = fields.recency !== undefined ? columnDateContext(ctx, fields.recency) : ctx;
  const readRecency = (r: number): number | null => {
    const row = table.rows[r];
    if (fields.lastPurchase !== undefined) {
      const col = fields.lastPurchase;
      const v = cellAt(row, col);
      if (isBlank(v)) return report(r, col, "MISSING_VALUE");
      const day = parseDate(v, lastCtx);
      if (day === null) return report(r, col, "UNPARSED_DATE");
      if (day > ctx.asOfDay) return report(r, col, "AFTER_AS_OF");
      return ctx.asOfDay - day;
    }
    if (fields.recency === undefined) return null;
    const col = fields.recency;
    const v = cellAt(row, col);
    if (isBlank(v)) return report(r, col, "MISSING_VALUE");
    const days = parseRecencyDays(v, { ...recencyCtx, numberFormat: ctx.numberFormats?.[col] });
    if (days === null) return report(r, col, "UNPARSED_NUMBER");
    if (days < 0) return report(r, col, "AFTER_AS_OF");
    return days;
  };

  const readNumber = (r: number, col: number): number | null => {
    const v = cellAt(table.rows[r], col);
    if (isBlank(v)) return report(r, col, "MISSING_VALUE");
    const n = parseNumber(v);
    return n === null ? report(r, col, "UNPARSED_NUMBER") : n;
  };

  table.rows.forEach((row, r) => {
    if (isBlankRow(row)) {
      out.blankRows++;
      return;
    }
    const id = parseId(cellAt(row, fields.id));
    if (id === null) {
      out.rowsWithoutId++;
      report(r, fields.id, "MISSING_ID");
      return;
    }
    const seen = byId.get(id);
    if (seen !== undefined) {
      out.rowCustomer[r] = seen;
      out.duplicateIdRows++;
      return;
    }
    const c: RfmFigures = {
      id,
      recencyDays: readRecency(r),
      frequency: readNumber(r, fields.frequency),
      monetary: readNumber(r, fields.monetary),
    };
    const missing: NonNullable<RfmFigures["missing"]> = [];
    if (c.recencyDays === null) missing.push("recency");
    if (c.frequency === null) missing.push("frequency");
    if (c.monetary === null) missing.push("monetary");
    if (missing.length > 0) c.missing = missing;
    byId.set(id, out.customers.length);
    out.rowCustomer[r] = out.customers.length;
    out.customers.push(c);
  });
  return out;
}
