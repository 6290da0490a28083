/**
 * Dates as they arrive in cells → day numbers (see day.ts).
 *
 * - numbers are Excel serials (Range.values gives dates as serials), 1900 or 1904 system;
 * - "2024-05-10", "2024/5/10", "2024.5.31" (one separator throughout), optionally followed by a
 *   time "10:42", "10:42:00", "10:42:00.5", "T10:42:00Z" or "+08:00": the written date is kept,
 *   the time and zone are dropped;
 * - "2024年5月10日" (日 or 号 optional), also followed by a time;
 * - "20240510": eight digits in a text cell (a number 20240510 is a serial, and out of range);
 * - relative "15天前", "是(15天前)", "否(60天前)" = as-of day − 15.
 * Years 1900–9999. Anything else (including "10/31/2011", whose day/month order is unknown) is null.
 */
import type { CellValue } from "../types";
import { dayFromYmd } from "./day";
import { dayFromExcelSerial } from "./excel-serial";
import { normalizeText } from "./text";

export interface DateContext {
  /** The workbook uses the 1904 date system. */
  date1904?: boolean;
  /** The as-of date as a day number; relative dates count back from it. */
  asOfDay: number;
}

const TIME = String.raw`(?:(?:\s+|T)(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?`;
const YMD = new RegExp(String.raw`^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})${TIME}$`, "i");
const CJK = new RegExp(String.raw`^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?${TIME}$`, "i");
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
/** "15天前", "是(15天前)", "否 (60天前)", "(15天前)". */
const DAYS_AGO = /^(?:[是否]\s*)?(\()?\s*(\d+)\s*[天日]前\s*(\))?$/;

const MIN_YEAR = 1900;
const MAX_YEAR = 9999;

function validTime(h?: string, min?: string, sec?: string): boolean {
  if (h === undefined) return true;
  return Number(h) <= 23 && Number(min) <= 59 && (sec === undefined || Number(sec) <= 59);
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

/** A date in a text cell, without relative forms. */
export function parseDateText(text: string): number | null {
  let m = YMD.exec(text);
  if (m) return validTime(m[5], m[6], m[7]) ? fromParts(m[1], m[3], m[4]) : null;
  m = CJK.exec(text);
  if (m) return validTime(m[4], m[5], m[6]) ? fromParts(m[1], m[2], m[3]) : null;
  m = COMPACT.exec(text);
  if (m) return fromParts(m[1], m[2], m[3]);
  return null;
}

export function parseDate(v: CellValue, ctx: DateContext): number | null {
  if (typeof v === "number") return dayFromExcelSerial(v, ctx.date1904 ?? false);
  if (typeof v !== "string") return null;
  const text = normalizeText(v);
  if (text === "") return null;
  const ago = parseDaysAgo(text);
  if (ago !== null) return ctx.asOfDay - ago;
  return parseDateText(text);
}
