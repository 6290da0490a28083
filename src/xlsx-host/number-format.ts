/**
 * Number formats as Excel (en-US) reports them through `Range.numberFormat`, and the displayed
 * text (`Range.text`) rendered with the `ssf` package (SheetJS's implementation of Excel's
 * number-format language, including the 1900 leap-year bug and the 1904 date system).
 */
import * as SSF from "ssf";

export const GENERAL = "General";

/**
 * exceljs names the built-in formats with the strings of its own table
 * (node_modules/exceljs/lib/xlsx/defaultnumformats.js); Excel en-US shows built-in 14 as
 * "m/d/yyyy" and 22 as "m/d/yyyy h:mm". Everything else is reported as stored.
 */
const EXCELJS_BUILTIN_TO_EN_US: Record<string, string> = {
  "mm-dd-yy": "m/d/yyyy",
  'm/d/yy "h":mm': "m/d/yyyy h:mm",
};

/** The format string the API reports for a stored (exceljs) format. */
export function apiNumberFormat(stored: string | undefined): string {
  if (stored === undefined || stored === "") return GENERAL;
  return EXCELJS_BUILTIN_TO_EN_US[stored] ?? stored;
}

export function isGeneral(fmt: string | undefined): boolean {
  return fmt === undefined || fmt === "" || fmt.toLowerCase() === "general";
}

export function isTextFormat(fmt: string | undefined): boolean {
  return fmt === "@";
}

const dateCache = new Map<string, boolean>();
export function isDateFormat(fmt: string | undefined): boolean {
  if (fmt === undefined || isGeneral(fmt)) return false;
  let r = dateCache.get(fmt);
  if (r === undefined) {
    try {
      r = SSF.is_date(fmt);
    } catch {
      r = false;
    }
    dateCache.set(fmt, r);
  }
  return r;
}

/** Displayed text of a cell value under a format, as `Range.text` gives it (column width ignored). */
export function displayText(value: string | number | boolean, fmt: string, date1904: boolean, isError = false): string {
  if (isError) return String(value);
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "string") {
    if (value === "") return "";
    // A text section ("@" or a 4th section) may decorate strings; plain formats show the string.
    if (fmt.includes("@") && fmt !== "@") {
      try {
        return SSF.format(fmt, value, { date1904 });
      } catch {
        return value;
      }
    }
    return value;
  }
  try {
    return SSF.format(isGeneral(fmt) ? GENERAL : fmt, value, { date1904 });
  } catch {
    return SSF.format(GENERAL, value);
  }
}
