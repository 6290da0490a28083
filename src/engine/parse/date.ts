/**
 * Dates as they arrive in cells → day numbers (see day.ts).
 *
 * - numbers are Excel serials (Range.values gives dates as serials), 1900 or 1904 system;
 * - "2024-05-10", "2024/5/10", "2024.5.31" (one separator throughout), optionally followed by a
 *   time "10:42", "10:42:00", "10:42:00.5", "10:42 PM", "T10:42:00Z" or "+08:00": the written date
 *   is kept and the zone dropped (parseDate gives the day; parseDateTimeText also the time);
 * - "2024年5月10日" (日 or 号 optional), also followed by a time;
 * - "20240510": eight digits in a text cell (a number 20240510 is a serial, and out of range);
 * - relative "15天前", "是(15天前)", "否(60天前)" = as-of day − 15;
 * - "10/31/2011 10:42", "04-09-2012", "31.05.2024" (day and month first, four-digit year) only
 *   when the caller says in which order the column writes them (`order`, decided per column from
 *   all its values by date-order.ts); without an order they are null: never guessed per cell.
 * Years 1900–9999. Anything else is null.
 */
import type { CellValue } from "../types";
import { dayFromYmd } from "./day";
import { dayFromExcelSerial } from "./excel-serial";
import { normalizeText } from "./text";

/** The order of day and month in "04-09-2012": "dmy" (4 September) or "mdy" (9 April). */
export type DayMonthOrder = "dmy" | "mdy";

export interface DateContext {
  /** The workbook uses the 1904 date system. */
  date1904?: boolean;
  /** The as-of date as a day number; relative dates count back from it. */
  asOfDay: number;
  /** How this column writes "dd-mm-yyyy" / "mm/dd/yyyy" dates; absent = such cells are not read. */
  order?: DayMonthOrder;
}

/** An optional time after a date: " 10:42", " 10:42:00.5", " 10:42 PM", "T10:42:00Z", "T10:42+08:00". */
const TIME = String.raw`(?:(?:\s+|T)(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:\s*([AP])\.?M\.?)?(?:Z|[+-]\d{2}:?\d{2})?)?`;
const YMD = new RegExp(String.raw`^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})${TIME}$`, "i");
const CJK = new RegExp(String.raw`^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?${TIME}$`, "i");
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
/** "04-09-2012", "10/31/2011 10:42", "31.05.2024": two short fields, then a four-digit year. */
const XXY = new RegExp(String.raw`^(\d{1,2})([-/.])(\d{1,2})\2(\d{4})${TIME}$`, "i");
/** "15天前", "是(15天前)", "否 (60天前)", "(15天前)". */
const DAYS_AGO = /^(?:[是否]\s*)?(\()?\s*(\d+)\s*[天日]前\s*(\))?$/;

const MIN_YEAR = 1900;
const MAX_YEAR = 9999;

function validTime(h?: string, min?: string, sec?: string, ampm?: string): boolean {
  if (h === undefined) return true;
  const hour = Number(h);
  if (ampm !== undefined && (hour < 1 || hour > 12)) return false;
  return hour <= 23 && Number(min) <= 59 && (sec === undefined || Number(sec) <= 59);
}

function fromParts(y: string, m: string, d: string): number | null {
  const year = Number(y);
  if (year < MIN_YEAR || year > MAX_YEAR) return null;
  return dayFromYmd(year, Number(m), Number(d));
}

/** "15天前" / "是(15天前)" → 15; null for anything else. */
export function parseDaysAgo(text: string): number | null {
  const m = DAYS_AGO.exec(text);
  if (!m) return null;
  if (Boolean(m[1]) !== Boolean(m[3])) return null; // unbalanced bracket
  return Number(m[2]);
}

/** The fields of a "dd-mm-yyyy" / "mm/dd/yyyy" text (normalised): first, second, year; null for other text. */
export function splitDayMonthYear(text: string): { first: number; second: number; year: number } | null {
  const m = XXY.exec(text);
  if (!m || !validTime(m[5], m[6], m[7], m[8])) return null;
  return { first: Number(m[1]), second: Number(m[3]), year: Number(m[4]) };
}

/** A date read from text, with the time of day when one was written. */
export interface DateTimeParts {
  day: number;
  /** 24-hour time as written ("10:42 PM" → 22:42); absent for a date alone. */
  time?: { hour: number; minute: number; second?: number };
}

function withTime(day: number | null, h?: string, min?: string, sec?: string, ampm?: string): DateTimeParts | null {
  if (day === null) return null;
  if (h === undefined) return { day };
  let hour = Number(h);
  if (ampm !== undefined) hour = (hour % 12) + (ampm.toUpperCase() === "P" ? 12 : 0);
  const time: NonNullable<DateTimeParts["time"]> = { hour, minute: Number(min) };
  if (sec !== undefined) time.second = Number(sec);
  return { day, time };
}

/** A date (and time) in a text cell, without relative forms; "dd-mm-yyyy" forms only with an order. */
export function parseDateTimeText(text: string, order?: DayMonthOrder): DateTimeParts | null {
  let m = YMD.exec(text);
  if (m)
    return validTime(m[5], m[6], m[7], m[8]) ? withTime(fromParts(m[1], m[3], m[4]), m[5], m[6], m[7], m[8]) : null;
  m = CJK.exec(text);
  if (m)
    return validTime(m[4], m[5], m[6], m[7]) ? withTime(fromParts(m[1], m[2], m[3]), m[4], m[5], m[6], m[7]) : null;
  m = COMPACT.exec(text);
  if (m) return withTime(fromParts(m[1], m[2], m[3]));
  if (order !== undefined) {
    m = XXY.exec(text);
    if (m && validTime(m[5], m[6], m[7], m[8])) {
      const [day, month] = order === "dmy" ? [m[1], m[3]] : [m[3], m[1]];
      return withTime(fromParts(m[4], month, day), m[5], m[6], m[7], m[8]);
    }
  }
  return null;
}

/** A date in a text cell, without relative forms; "dd-mm-yyyy" forms only with an order. */
export function parseDateText(text: string, order?: DayMonthOrder): number | null {
  return parseDateTimeText(text, order)?.day ?? null;
}

export function parseDate(v: CellValue, ctx: DateContext): number | null {
  if (typeof v === "number") return dayFromExcelSerial(v, ctx.date1904 ?? false);
  if (typeof v !== "string") return null;
  const text = normalizeText(v);
  if (text === "") return null;
  const ago = parseDaysAgo(text);
  if (ago !== null) return ctx.asOfDay - ago;
  return parseDateText(text, ctx.order);
}
