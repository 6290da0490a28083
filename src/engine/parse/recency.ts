/**
 * A recency column (R, recency_days, 距今天数, R(近30天消费)) → days since the last purchase.
 * - a number is a count of days — unless the column's number format shows a date, then it is an
 *   Excel serial and the days are counted to the as-of date;
 * - "是(15天前)", "否(60天前)", "15天前" → 15;
 * - a date text ("2024-05-10", "2024年5月10日", "20240510") → as-of day − that day;
 * - a number text ("15", "15天") → 15 (percentages are refused).
 * The result may be negative when the date lies after the as-of date; the caller decides.
 */
import type { CellValue } from "../types";
import { parseDateText, parseDaysAgo, type DateContext } from "./date";
import { isDateFormat } from "./date-format";
import { dayFromExcelSerial } from "./excel-serial";
import { parseNumber } from "./number";
import { normalizeText } from "./text";

export interface RecencyContext extends DateContext {
  /** The column's number format (RawTable.numberFormats). */
  numberFormat?: string;
}

export function parseRecencyDays(v: CellValue, ctx: RecencyContext): number | null {
  if (typeof v === "number") {
    if (!Number.isFinite(v)) return null;
    if (!isDateFormat(ctx.numberFormat)) return v;
    const day = dayFromExcelSerial(v, ctx.date1904 ?? false);
    return day === null ? null : ctx.asOfDay - day;
  }
  if (typeof v !== "string") return null;
  const text = normalizeText(v);
  if (text === "") return null;
  const ago = parseDaysAgo(text);
  if (ago !== null) return ago;
  const day = parseDateText(text, ctx.order);
  if (day !== null) return ctx.asOfDay - day;
  if (text.endsWith("%")) return null;
  return parseNumber(text);
}
