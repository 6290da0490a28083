/**
 * A string written to `Range.values` (or a CSV field) becomes what it would become if typed into
 * a cell of Excel with the en-US locale.
 *
 * - "If the returned value starts with a plus ("+"), minus ("-"), or equal sign ("="), Excel
 *   interprets this value as a formula." and "Locale-shaped strings ... are stored as text ...
 *   use a locale-neutral format like ISO (YYYY-MM-DD)" — Range.values in
 *   https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-values-member
 *   (same text in node_modules/@types/office-js/index.d.ts); strings starting with "-" being taken
 *   as formulas is also seen in https://github.com/OfficeDev/office-js/issues/3256.
 * - Entries that look like dates become dates ("1/6" → 6-Jan of this year, "5-10" too); a leading
 *   apostrophe or the Text format "@" keeps the entry as text:
 *   https://www.statology.org/stop-excel-from-changing-numbers-to-dates/ and
 *   https://exceltrick.com/how_to/stop-excel-from-changing-numbers-to-dates/ (month > 12 stays text).
 * - Excel keeps 15 significant digits of a typed number (digits after the 15th become 0):
 *   https://github.com/MicrosoftDocs/OfficeDocs-Support/blob/public/Office/Client/excel/long-numbers-incorrectly-in-excel.md
 *   and https://support.sas.com/kb/34242.html.
 * - The number formats given to a General cell ("0%", "#,##0", "$#,##0.00", "m/d/yyyy", "d-mmm",
 *   "h:mm") are Excel en-US's built-in formats for those entries; they were NOT confirmed against a
 *   live Excel here (see the report).
 */

export type Typed =
  | { kind: "empty" }
  | { kind: "number"; value: number; format?: string }
  | { kind: "boolean"; value: boolean }
  | { kind: "text"; value: string; quotePrefix?: boolean }
  | { kind: "formula"; formula: string }
  | { kind: "error"; value: string };

export const ERROR_VALUES = [
  "#NULL!",
  "#DIV/0!",
  "#VALUE!",
  "#REF!",
  "#NAME?",
  "#NUM!",
  "#N/A",
  "#GETTING_DATA",
  "#SPILL!",
  "#CALC!",
];

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const MONTH_NAMES = [
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
];

function monthFromName(s: string): number {
  const l = s.toLowerCase().replace(/\.$/, "");
  let i = MONTHS.indexOf(l);
  if (i < 0) i = MONTH_NAMES.indexOf(l);
  if (i < 0 && l === "sept") i = 8;
  return i < 0 ? 0 : i + 1;
}

/** Excel date serial of a calendar date (1900 system with its fictitious 1900-02-29, or 1904 system). */
export function serialFromYmd(y: number, m: number, d: number, date1904: boolean): number | null {
  if (m < 1 || m > 12 || d < 1) return null;
  const dim = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (d > dim) return null;
  if (y > 9999) return null;
  const utc = Date.UTC(y, m - 1, d);
  if (date1904) {
    if (y < 1904) return null;
    return Math.round((utc - Date.UTC(1904, 0, 1)) / 86_400_000);
  }
  if (y < 1900) return null;
  const days = Math.round((utc - Date.UTC(1899, 11, 31)) / 86_400_000);
  return days >= 60 ? days + 1 : days;
}

function twoDigitYear(yy: number): number {
  // Excel's default cutoff: 00-29 → 2000s, 30-99 → 1900s.
  return yy < 30 ? 2000 + yy : 1900 + yy;
}

function parseYear(s: string): number {
  return s.length <= 2 ? twoDigitYear(Number(s)) : Number(s);
}

interface TimeOfDay {
  fraction: number;
  format: string;
}

function parseTime(s: string): TimeOfDay | null {
  const m = /^(\d{1,2}):(\d{1,2})(?::(\d{1,2}(?:\.\d+)?))?\s*(am|pm|a|p)?$/i.exec(s.trim());
  if (!m) return null;
  let h = Number(m[1]);
  const min = Number(m[2]);
  const sec = m[3] !== undefined ? Number(m[3]) : 0;
  const ampm = m[4]?.toLowerCase();
  if (min > 59 || sec >= 60) return null;
  if (ampm) {
    if (h < 1 || h > 12) return null;
    if (ampm.startsWith("p") && h !== 12) h += 12;
    if (ampm.startsWith("a") && h === 12) h = 0;
  } else if (h > 23) {
    return null; // Excel would accept 25:00 as a duration; not needed here
  }
  const fraction = (h * 3600 + min * 60 + sec) / 86400;
  const withSec = m[3] !== undefined;
  const format = ampm ? (withSec ? "h:mm:ss AM/PM" : "h:mm AM/PM") : withSec ? "h:mm:ss" : "h:mm";
  return { fraction, format };
}

interface ParsedDate {
  serial: number;
  format: string;
}

function parseDateOnly(s: string, date1904: boolean, now: Date): ParsedDate | null {
  let m: RegExpExecArray | null;
  // ISO 2024-05-10, 2024/5/10
  if ((m = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/.exec(s))) {
    const serial = serialFromYmd(Number(m[1]), Number(m[2]), Number(m[3]), date1904);
    return serial === null ? null : { serial, format: "m/d/yyyy" };
  }
  // M/D/YYYY, M/D/YY, M-D-YYYY (en-US month first)
  if ((m = /^(\d{1,2})([-/])(\d{1,2})\2(\d{2}|\d{4})$/.exec(s))) {
    const serial = serialFromYmd(parseYear(m[4]), Number(m[1]), Number(m[3]), date1904);
    return serial === null ? null : { serial, format: "m/d/yyyy" };
  }
  // M/D or M-D → this year, shown d-mmm
  if ((m = /^(\d{1,2})[-/](\d{1,2})$/.exec(s))) {
    const serial = serialFromYmd(now.getFullYear(), Number(m[1]), Number(m[2]), date1904);
    return serial === null ? null : { serial, format: "d-mmm" };
  }
  // 10-May-2024, 10 May 2024, 10-May-24
  if ((m = /^(\d{1,2})[-\s]([A-Za-z]{3,9}\.?)[-\s,]+(\d{2}|\d{4})$/.exec(s))) {
    const mon = monthFromName(m[2]);
    if (!mon) return null;
    const serial = serialFromYmd(parseYear(m[3]), mon, Number(m[1]), date1904);
    return serial === null ? null : { serial, format: "d-mmm-yy" };
  }
  // 10-May → this year
  if ((m = /^(\d{1,2})[-\s]([A-Za-z]{3,9}\.?)$/.exec(s))) {
    const mon = monthFromName(m[2]);
    if (!mon) return null;
    const serial = serialFromYmd(now.getFullYear(), mon, Number(m[1]), date1904);
    return serial === null ? null : { serial, format: "d-mmm" };
  }
  // May 10, 2024 / May 10 2024
  if ((m = /^([A-Za-z]{3,9}\.?)\s+(\d{1,2}),?\s+(\d{4})$/.exec(s))) {
    const mon = monthFromName(m[1]);
    if (!mon) return null;
    const serial = serialFromYmd(Number(m[3]), mon, Number(m[2]), date1904);
    return serial === null ? null : { serial, format: "d-mmm-yy" };
  }
  // May-24, May 2024 → first of month, shown mmm-yy
  if ((m = /^([A-Za-z]{3,9}\.?)[-\s](\d{2}|\d{4})$/.exec(s))) {
    const mon = monthFromName(m[1]);
    if (!mon) return null;
    const serial = serialFromYmd(parseYear(m[2]), mon, 1, date1904);
    return serial === null ? null : { serial, format: "mmm-yy" };
  }
  return null;
}

function parseDateTime(s: string, date1904: boolean, now: Date): ParsedDate | null {
  const t = parseTime(s);
  if (t) return { serial: t.fraction, format: t.format };
  const d = parseDateOnly(s, date1904, now);
  if (d) return d;
  // "<date> <time>" or ISO "<date>T<time>"
  const m = /^(\S+(?:\s\S+,?\s\S+)?)[\sT]+(\d{1,2}:\d{1,2}(?::\d{1,2}(?:\.\d+)?)?\s*(?:am|pm|a|p)?)$/i.exec(s);
  if (m) {
    const dd = parseDateOnly(m[1], date1904, now);
    const tt = parseTime(m[2]);
    if (dd && tt) {
      const timeFmt = tt.format.includes("AM/PM") ? tt.format : tt.format === "h:mm:ss" ? "h:mm:ss" : "h:mm";
      const dateFmt = dd.format === "m/d/yyyy" ? "m/d/yyyy" : dd.format;
      return { serial: dd.serial + tt.fraction, format: `${dateFmt} ${timeFmt}` };
    }
  }
  return null;
}

/** Keeps 15 significant digits, as Excel does for typed numbers. */
export function to15Digits(n: number): number {
  if (!Number.isFinite(n) || n === 0) return n;
  return Number(n.toPrecision(15));
}

function parseNumber(raw: string): { value: number; format?: string } | null {
  let s = raw.trim();
  if (s === "") return null;
  let negative = false;
  if (/^\(.*\)$/.test(s)) {
    negative = true;
    s = s.slice(1, -1).trim();
  }
  let sign = "";
  if (s.startsWith("-") || s.startsWith("+")) {
    sign = s[0];
    s = s.slice(1).trim();
  }
  let currency = false;
  if (s.startsWith("$")) {
    currency = true;
    s = s.slice(1).trim();
    if (!sign && (s.startsWith("-") || s.startsWith("+"))) {
      sign = s[0];
      s = s.slice(1);
    }
  }
  let percent = false;
  if (s.endsWith("%")) {
    percent = true;
    s = s.slice(0, -1).trim();
  }
  if (!currency && s.endsWith("$")) return null;
  const m = /^(\d{1,3}(?:,\d{3})+|\d+)?(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(s);
  if (!m || (m[1] === undefined && (m[2] === undefined || m[2] === ""))) return null;
  if (negative && sign) return null;
  const grouped = m[1] !== undefined && m[1].includes(",");
  const intPart = (m[1] ?? "0").replace(/,/g, "");
  const decimals = m[2] ?? "";
  const exp = m[3];
  if (exp !== undefined && (grouped || currency || percent)) return null;
  let value = Number(`${intPart}.${decimals || "0"}${exp !== undefined ? `e${exp}` : ""}`);
  if (!Number.isFinite(value)) return null;
  if (sign === "-" || negative) value = -value;
  if (percent) value = value / 100;
  value = to15Digits(value);
  let format: string | undefined;
  const hasDecimals = decimals.length > 0;
  if (percent) format = hasDecimals ? "0.00%" : "0%";
  else if (currency)
    format = negative
      ? hasDecimals
        ? "$#,##0.00_);($#,##0.00)"
        : "$#,##0_);($#,##0)"
      : hasDecimals
        ? "$#,##0.00"
        : "$#,##0";
  else if (exp !== undefined) format = "0.00E+00";
  else if (grouped) format = hasDecimals ? "#,##0.00" : "#,##0";
  return { value, format };
}

function parseFraction(s: string): { value: number; format: string } | null {
  const m = /^(-?)(\d+) (\d+)\/(\d+)$/.exec(s.trim());
  if (!m) return null;
  const den = Number(m[4]);
  const num = Number(m[3]);
  if (den === 0 || num >= den) return null;
  const v = Number(m[2]) + num / den;
  return { value: m[1] === "-" ? -v : v, format: m[4].length > 1 ? "# ??/??" : "# ?/?" };
}

/**
 * Interprets a string as typed into a cell.
 * `cellFormat` is the cell's current format: "@" keeps everything as text.
 */
export function parseTyped(s: string, opts: { date1904: boolean; cellFormat?: string; now?: Date }): Typed {
  if (s === "") return { kind: "empty" };
  if (opts.cellFormat === "@") return { kind: "text", value: s };
  if (s.startsWith("'")) return { kind: "text", value: s.slice(1), quotePrefix: true };
  if (s.startsWith("=") && s.length > 1) return { kind: "formula", formula: s.slice(1) };
  const upper = s.toUpperCase();
  if (upper === "TRUE") return { kind: "boolean", value: true };
  if (upper === "FALSE") return { kind: "boolean", value: false };
  if (ERROR_VALUES.includes(upper)) return { kind: "error", value: upper };
  const num = parseNumber(s);
  if (num) return { kind: "number", value: num.value, format: num.format };
  const frac = parseFraction(s);
  if (frac) return { kind: "number", value: frac.value, format: frac.format };
  const dt = parseDateTime(s.trim(), opts.date1904, opts.now ?? new Date());
  if (dt) return { kind: "number", value: dt.serial, format: dt.format };
  if ((s.startsWith("+") || s.startsWith("-")) && s.trim().length > 1 && !/^[-+]+$/.test(s.trim())) {
    // "+x" / "-x" is a formula (=+x / =-x) — see the Range.values reference quoted above.
    return { kind: "formula", formula: s };
  }
  return { kind: "text", value: s };
}
