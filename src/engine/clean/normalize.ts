/**
 * Normalise (标准化): every cell is read as its column's kind; a cell that reads but is not
 * written in its plain form gets a fix, one that does not read is reported with its position.
 *
 *   number    "4,200元" → 4200, "1.2万" → 12000, "５次" → 5, "35%" → 0.35, "58138" (text) → 58138
 *   date      "2024年5月10日" → "2024-05-10", "10/31/2011 10:42" (month-first column) → "2011-10-31 10:42",
 *             "15天前" → the as-of date − 15 days; serials are dates already
 *   boolean   Y, √, TRUE (text) … → 是 / 否
 *   gender    M, Male, 先生, 女士 … → 男 / 女
 *   city      上海市 → 上海, 广西壮族自治区 → 广西
 *   ids, codes, categories, tags: trimmed, full-width letters and digits made half-width;
 *   free text: trimmed only (a Chinese comma "，" in a note stays).
 * R columns ("是(15天前)") are read but left as written; phone numbers are left to privacy.ts.
 * An Excel error value ("#DIV/0!", "#N/A" from a formula) is reported as unreadable, never filled:
 * a fix would overwrite the formula. Typed "NA" / "N/A" / "null" are blanks.
 * Dates are written as ISO text, which Excel turns into dates whatever its locale.
 */
import { parseBoolean } from "../parse/boolean";
import { parseDateTimeText, parseDaysAgo, type DateTimeParts, type DayMonthOrder } from "../parse/date";
import { isoFromDay } from "../parse/day";
import { dayFromExcelSerial } from "../parse/excel-serial";
import { normalizeCity } from "../parse/city";
import { parseGender } from "../parse/gender";
import { parseNumber } from "../parse/number";
import { parseRecencyDays } from "../parse/recency";
import { isBlank, normalizeText, toHalfWidth } from "../parse/text";
import type { CellValue, RawTable } from "../types";
import type { Collector } from "./collector";
import type { ColumnPlan } from "./columns";
import { orderOf } from "../parse/date-order";
import type { ColumnKind, ColumnProfile, FixKind, FixRule } from "./types";

export interface CellContext {
  asOfDay: number;
  date1904: boolean;
  /** The column's number format (recency columns: a date format makes a number a date). */
  numberFormat?: string;
  /** The column's day/month order, when decided. */
  order?: DayMonthOrder;
}

/** A cell read as its column's kind. */
export type CellRead =
  | { state: "blank" }
  | { state: "unread"; detail: string }
  /** `num`: the number, day number, recency days or 1/0; `plain`: the cell in its plain form. */
  | { state: "read"; num?: number; plain: CellValue };

const BLANK: CellRead = { state: "blank" };
const unread = (detail: string): CellRead => ({ state: "unread", detail });

const pad2 = (n: number) => String(n).padStart(2, "0");
const ISO_TEXT = /^\d{4}-\d{2}-\d{2}(?: \d{2}:\d{2}(?::\d{2})?)?$/;

/** "2011-10-31", or "2011-10-31 10:42" / "2011-10-31 10:42:05" when a time was written. */
export function isoDateTime(p: DateTimeParts): string {
  const date = isoFromDay(p.day);
  if (!p.time) return date;
  const { hour, minute, second } = p.time;
  return `${date} ${pad2(hour)}:${pad2(minute)}${second === undefined ? "" : `:${pad2(second)}`}`;
}

function readDate(v: CellValue, ctx: CellContext): CellRead {
  if (typeof v === "number") {
    const day = dayFromExcelSerial(v, ctx.date1904);
    return day === null ? unread("date") : { state: "read", num: day, plain: v };
  }
  if (typeof v !== "string") return unread("date");
  const text = normalizeText(v);
  const ago = parseDaysAgo(text);
  if (ago !== null) return { state: "read", num: ctx.asOfDay - ago, plain: isoFromDay(ctx.asOfDay - ago) };
  const p = parseDateTimeText(text, ctx.order);
  // Already ISO ("2020-02-21 00:00:00"): the cell is its plain form.
  if (p) return { state: "read", num: p.day, plain: text === v && ISO_TEXT.test(text) ? v : isoDateTime(p) };
  return unread(ctx.order === undefined && /^\d{1,2}[-/.]\d{1,2}[-/.]\d{4}/.test(text) ? "date:order" : "date");
}

/** Half-width and trimmed: ids, codes, categories, tags. */
const plainCode = (s: string): string => toHalfWidth(s).trim();

/** An Excel error value (a formula's #DIV/0!, #N/A …): not a blank to fill, a cell to look at. */
const EXCEL_ERROR = /^#(?:N\/A|VALUE!|REF!|DIV\/0!|NUM!|NAME\?|NULL!|GETTING_DATA|SPILL!|CALC!)$/i;
const EXCEL_ERROR_CELL: CellRead = { state: "unread", detail: "excelError" };

/** Reads one cell as `kind`. */
export function readCell(kind: ColumnKind, v: CellValue, ctx: CellContext): CellRead {
  if (typeof v === "string" && v.charCodeAt(0) === 35 /* # */ && EXCEL_ERROR.test(v.trim())) return EXCEL_ERROR_CELL;
  if (isBlank(v)) return BLANK;
  switch (kind) {
    case "number": {
      if (typeof v === "boolean") return unread("number");
      const n = parseNumber(v);
      return n === null ? unread("number") : { state: "read", num: n, plain: n };
    }
    case "date":
      return readDate(v, ctx);
    case "recency": {
      const days = parseRecencyDays(v, ctx);
      return days === null ? unread("recency") : { state: "read", num: days, plain: v };
    }
    case "boolean": {
      const b = parseBoolean(v);
      if (b === null) return unread("boolean");
      return { state: "read", num: b ? 1 : 0, plain: typeof v === "boolean" ? v : b ? "是" : "否" };
    }
    case "gender": {
      const g = parseGender(v);
      return g === null ? unread("gender") : { state: "read", plain: g };
    }
    case "city": {
      const c = normalizeCity(v);
      return c === null ? unread("city") : { state: "read", plain: c };
    }
    case "id":
    case "tags":
    case "category":
      return { state: "read", plain: typeof v === "string" ? plainCode(v) : v };
    case "creditCode":
    case "idCard":
      return { state: "read", plain: typeof v === "string" ? plainCode(v).replace(/\s+/g, "").toUpperCase() : v };
    case "phone":
      return { state: "read", plain: v };
    case "text":
      return { state: "read", plain: typeof v === "string" ? v.trim() : v };
  }
}

const FIX_OF_KIND: Partial<Record<ColumnKind, [FixKind, FixRule]>> = {
  number: ["normalizeNumber", "number"],
  date: ["normalizeDate", "date"],
  boolean: ["normalizeBoolean", "boolean"],
  gender: ["normalizeGender", "gender"],
  city: ["normalizeCity", "city"],
};

/** Kinds whose values are kept as numbers in ParsedTable.numbers. */
const NUMERIC_KINDS: ReadonlySet<ColumnKind> = new Set(["number", "date", "recency", "boolean"]);

export const CELL_BLANK = 0;
export const CELL_READ = 1;
export const CELL_UNREAD = 2;

/** The table with every cell read once; the other rules work from it. */
export interface ParsedTable {
  table: RawTable;
  profiles: ColumnProfile[];
  asOfDay: number;
  /** 1 for a row whose cells are all blank (skipped by every rule). */
  blankRow: Uint8Array;
  blankRows: number;
  /** Per column of a numeric kind: the value read (number, day number, days, 1/0); NaN otherwise. */
  numbers: (Float64Array | undefined)[];
  /** Per column: CELL_BLANK, CELL_READ or CELL_UNREAD for each row. */
  states: Uint8Array[];
  /** Per column: the context its cells were read with. */
  contexts: CellContext[];
}

export const cellAt = (table: RawTable, row: number, col: number): CellValue => table.rows[row][col] ?? "";

/** Reads every cell; reports unread cells and proposes the normalising fixes. */
export function parseTable(table: RawTable, plan: ColumnPlan, asOfDay: number, out: Collector): ParsedTable {
  const n = table.rows.length;
  const blankRow = new Uint8Array(n);
  let blankRows = 0;
  const rows = table.rows;
  for (let r = 0; r < n; r++) {
    const row = rows[r];
    let blank = true;
    // A number or a non-space first character settles it without a call (most rows).
    for (let c = 0; c < row.length && blank; c++) blank = isBlank(row[c]);
    if (blank) {
      blankRow[r] = 1;
      blankRows++;
    }
  }
  const numbers: (Float64Array | undefined)[] = [];
  const states: Uint8Array[] = [];
  const contexts: CellContext[] = [];
  plan.profiles.forEach((p, col) => {
    const verdict = plan.verdicts[col];
    const ctx: CellContext = { asOfDay, date1904: table.date1904 ?? false };
    const fmt = table.numberFormats?.[col];
    if (fmt !== undefined) ctx.numberFormat = fmt;
    const order = verdict ? orderOf(verdict) : undefined;
    if (order) ctx.order = order;
    contexts.push(ctx);
    const nums = NUMERIC_KINDS.has(p.kind) ? new Float64Array(n).fill(Number.NaN) : undefined;
    const state = new Uint8Array(n);
    if (plan.skipped[col]) {
      numbers.push(nums);
      states.push(state);
      return;
    }
    const fix = FIX_OF_KIND[p.kind] ?? (["normalizeText", "text"] as [FixKind, FixRule]);
    // Numbers in number, id and date columns are their plain form already: read without a call.
    const numberIsPlain = p.kind === "number" || p.kind === "id";
    const serialDates = p.kind === "date";
    const date1904 = ctx.date1904;
    for (let r = 0; r < n; r++) {
      if (blankRow[r]) continue;
      const v = rows[r][col] ?? "";
      if (v === "") {
        p.blank++;
        continue;
      }
      if (typeof v === "number" && Number.isFinite(v)) {
        if (numberIsPlain) {
          p.filled++;
          state[r] = CELL_READ;
          if (nums) nums[r] = v;
          continue;
        }
        if (serialDates) {
          const day = dayFromExcelSerial(v, date1904);
          if (day !== null && nums) {
            p.filled++;
            state[r] = CELL_READ;
            nums[r] = day;
            continue;
          }
        }
      }
      const read = readCell(p.kind, v, ctx);
      if (read.state === "blank") {
        p.blank++;
        continue;
      }
      p.filled++;
      if (read.state === "unread") {
        state[r] = CELL_UNREAD;
        p.unparsed++;
        out.find({ kind: "unparsed", row: r, column: col, value: v, detail: read.detail });
        continue;
      }
      state[r] = CELL_READ;
      if (nums && read.num !== undefined) nums[r] = read.num;
      if (read.plain !== v) {
        out.fixCell({ op: "set", kind: fix[0], row: r, column: col, before: v, after: read.plain, rule: fix[1] });
      }
    }
    numbers.push(nums);
    states.push(state);
  });
  return { table, profiles: plan.profiles, asOfDay, blankRow, blankRows, numbers, states, contexts };
}
