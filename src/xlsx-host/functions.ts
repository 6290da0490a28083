/**
 * Excel.Functions and Excel.FunctionResult (ExcelApi 1.2): worksheet functions that Excel evaluates for the
 * add-in, each giving a FunctionResult whose `value` and `error` load like any property
 * (https://learn.microsoft.com/javascript/api/excel/excel.functions,
 * https://learn.microsoft.com/javascript/api/excel/excel.functionresult). "The value field will be populated
 * only if no error has occurred"; the error is "always in the English locale" (@types/office-js).
 *
 * Only DATE is here: it tells the add-in the workbook's date system, which the API has no property for
 * (the `year` parameter "Is a number from 1900 or 1904 (depending on the workbook's date system) to 9999").
 * DATE's rules, from Excel's "DATE function" help: a year 0–1899 is added to 1900; a year below 0 or from
 * 10000 is #NUM!; months and days beyond their range carry into the year and month (negative ones borrow);
 * fractions are truncated; a date before the system's first day (1900-01-01, or 1904-01-01) is #NUM!. The
 * 1900 system keeps Lotus 1-2-3's 1900-02-29, so serials from 1900-03-01 on are one more than a day count.
 */
import { BoundObject, Json, NavObject } from "./proxy";
import type { HostContext } from "./context";
import type { HostDoc } from "./doc";

interface ResultTarget {
  value: Json;
  error: string | null;
}

export class FunctionResult extends BoundObject<ResultTarget> {
  get _typeName(): string {
    return "FunctionResult";
  }
  _scalarReaders(): Record<string, (t: ResultTarget) => Json> {
    return { value: (t) => t.value, error: (t) => t.error };
  }
  get value(): unknown {
    return this._get("value");
  }
  get error(): string {
    return this._get("error");
  }
}

const DAY_MS = 86_400_000;

/** DATE(year, month, day) in a workbook's date system: the serial, or an error string. */
export function excelDate(year: number, month: number, day: number, date1904: boolean): number | "#NUM!" | "#VALUE!" {
  if (![year, month, day].every((n) => typeof n === "number" && Number.isFinite(n))) return "#VALUE!";
  let y = Math.trunc(year);
  if (y < 0 || y >= 10_000) return "#NUM!";
  if (y < 1900) y += 1900;
  const ms = Date.UTC(y, Math.trunc(month) - 1, 1) + (Math.trunc(day) - 1) * DAY_MS;
  const days = ms / DAY_MS; // days since 1970-01-01
  const first = date1904 ? Date.UTC(1904, 0, 1) / DAY_MS : Date.UTC(1900, 0, 1) / DAY_MS;
  if (days < first) return "#NUM!";
  if (date1904) return days - first;
  // 1900 system: 1900-01-01 is 1; from 1900-03-01 on, one more for the phantom 1900-02-29.
  const march1900 = Date.UTC(1900, 2, 1) / DAY_MS;
  const serial = days - first + 1;
  const result = days >= march1900 ? serial + 1 : serial;
  return result > 2_958_465 ? "#NUM!" : result;
}

export class Functions extends NavObject<HostDoc, HostDoc> {
  get _typeName(): string {
    return "Functions";
  }
  _scalarReaders(): Record<string, (t: HostDoc) => Json> {
    return {};
  }

  date(year: number, month: number, day: number): FunctionResult {
    return this._instantiate(
      new FunctionResult(this._ctx as HostContext, "Functions.date"),
      "date",
      [year, month, day],
      (d): ResultTarget => {
        const r = excelDate(year, month, day, d.date1904);
        return typeof r === "number" ? { value: r, error: null } : { value: null, error: r };
      },
      false
    );
  }
}
