/**
 * Cell-level reads and writes on the exceljs store, with Excel's semantics:
 * - `values`: numbers, strings, booleans; "" for empty cells; dates as serial numbers (their look
 *   is in `numberFormat`); error cells give their error string; formula cells give their cached
 *   result ("" when there is none) — Range.values / Range.text / Range.valueTypes in
 *   https://learn.microsoft.com/javascript/api/excel/excel.range and
 *   https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-blank-null-values
 * - a written `null` leaves the cell unchanged, "" clears its content, a string is taken as typed
 *   (typed-input.ts), the number format changes only on a General cell.
 * - non-anchor cells of a merged area are empty (exceljs would report the anchor's value).
 */
import type * as ExcelJS from "exceljs";
import { RichApiError, richError } from "./errors";
import { GENERAL, apiNumberFormat, displayText, isGeneral } from "./number-format";
import { Typed, parseTyped } from "./typed-input";
import { MAX_COLS, MAX_ROWS, Rect } from "./address";
import type { SheetState } from "./doc";

export type CellScalar = string | number | boolean;
export type ValueType = "Empty" | "String" | "Double" | "Boolean" | "Error";

const VT = {
  Null: 0,
  Merge: 1,
  Number: 2,
  String: 3,
  Date: 4,
  Hyperlink: 5,
  Formula: 6,
  SharedString: 7,
  RichText: 8,
  Boolean: 9,
  Error: 10,
};

/** exceljs internals used for O(existing cells) iteration. */
interface XRow {
  number: number;
  findCell(col: number): XCell | undefined;
  getCell(col: number): XCell;
  _cells: (XCell | undefined)[];
  style: Partial<ExcelJS.Style>;
}
interface XCell {
  type: number;
  value: unknown;
  formula?: string;
  result?: unknown;
  style: Partial<ExcelJS.Style>;
  numFmt?: string;
}
interface XColumn {
  style: Partial<ExcelJS.Style>;
  width?: number;
}
interface XSheet {
  findRow(r: number): XRow | undefined;
  getRow(r: number): XRow;
  _rows: (XRow | undefined)[];
  _columns?: (XColumn | undefined)[];
  getColumn(c: number): XColumn;
  _merges: Record<string, { model: { top: number; left: number; bottom: number; right: number } }>;
}

export function xs(sheet: SheetState): XSheet {
  return sheet.ws as unknown as XSheet;
}

function dateToSerial(d: Date, date1904: boolean): number {
  // Inverse of exceljs utils.excelToDate (lib/utils/utils.js), so serials round-trip exactly as stored.
  return 25569 + d.getTime() / 86_400_000 - (date1904 ? 1462 : 0);
}

function scalarOf(v: unknown, date1904: boolean): { value: CellScalar; isError: boolean } {
  if (v === null || v === undefined) return { value: "", isError: false };
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return { value: v, isError: false };
  if (v instanceof Date) return { value: dateToSerial(v, date1904), isError: false };
  if (typeof v === "object") {
    const o = v as { error?: string; richText?: { text: string }[]; text?: unknown; result?: unknown };
    if (typeof o.error === "string") return { value: o.error, isError: true };
    if (Array.isArray(o.richText)) return { value: o.richText.map((r) => r.text).join(""), isError: false };
    if ("text" in o && o.text !== undefined) return scalarOf(o.text, date1904);
  }
  return { value: String(v), isError: false };
}

export interface CellSnapshot {
  value: CellScalar;
  formula: CellScalar;
  format: string;
  isError: boolean;
  empty: boolean;
}

const EMPTY: CellSnapshot = { value: "", formula: "", format: GENERAL, isError: false, empty: true };

function columnStyleFormat(sheet: XSheet, col: number): string | undefined {
  const c = sheet._columns?.[col];
  return c?.style?.numFmt;
}

function snapshot(x: XSheet, r: XRow | undefined, col: number, date1904: boolean): CellSnapshot {
  const cell = r?.findCell(col + 1);
  if (!cell) {
    const fmt = r?.style?.numFmt ?? columnStyleFormat(x, col);
    return fmt ? { ...EMPTY, format: apiNumberFormat(fmt) } : EMPTY;
  }
  const format = apiNumberFormat(cell.style?.numFmt);
  switch (cell.type) {
    case VT.Null:
    case VT.Merge:
      return { ...EMPTY, format };
    case VT.Formula: {
      const res = cell.result;
      const s = res === undefined ? { value: "" as CellScalar, isError: false } : scalarOf(res, date1904);
      return { value: s.value, formula: `=${cell.formula ?? ""}`, format, isError: s.isError, empty: false };
    }
    default: {
      const s = scalarOf(cell.value, date1904);
      return { value: s.value, formula: s.value, format, isError: s.isError, empty: false };
    }
  }
}

/** Reads one cell (0-based). */
export function readCell(sheet: SheetState, row: number, col: number, date1904: boolean): CellSnapshot {
  const x = xs(sheet);
  return snapshot(x, x.findRow(row + 1), col, date1904);
}

export type CellProp = "values" | "text" | "formulas" | "numberFormat" | "valueTypes";

/** Excel's read limit: "A range is limited to 5,000,000 cells for read operations." (resource-limits doc). */
export const READ_CELL_LIMIT = 5_000_000;

/** Reads a cell-level property of a bounded range as a 2-D array. O(cells). */
export function readRect(sheet: SheetState, rect: Rect, prop: CellProp, date1904: boolean): CellScalar[][] {
  if (rect.rows * rect.cols > READ_CELL_LIMIT) throw richError("RangeExceedsLimit", `Range.${prop}`);
  const out: CellScalar[][] = new Array(rect.rows);
  const x = xs(sheet);
  for (let i = 0; i < rect.rows; i++) {
    const line: CellScalar[] = new Array(rect.cols);
    const r = x.findRow(rect.row + i + 1);
    for (let j = 0; j < rect.cols; j++) {
      const c = snapshot(x, r, rect.col + j, date1904);
      switch (prop) {
        case "values":
          line[j] = c.value;
          break;
        case "formulas":
          line[j] = c.formula;
          break;
        case "numberFormat":
          line[j] = c.format;
          break;
        case "valueTypes":
          line[j] = c.empty
            ? "Empty"
            : c.isError
              ? "Error"
              : typeof c.value === "number"
                ? "Double"
                : typeof c.value === "boolean"
                  ? "Boolean"
                  : c.value === ""
                    ? "Empty"
                    : "String";
          break;
        case "text":
          line[j] = c.empty ? "" : displayText(c.value, c.format, date1904, c.isError);
          break;
      }
    }
    out[i] = line;
  }
  return out;
}

/** Copy-on-write style change: exceljs shares style objects between cells of the same style id. */
function setCellStyle(cell: XCell, patch: Partial<ExcelJS.Style>): void {
  cell.style = { ...(cell.style ?? {}), ...patch };
}

export function setNumFmt(cell: XCell, fmt: string | undefined): void {
  const next = { ...(cell.style ?? {}) };
  if (fmt === undefined || isGeneral(fmt)) delete next.numFmt;
  else next.numFmt = fmt;
  cell.style = next;
}

export function setBold(cell: XCell, bold: boolean): void {
  setCellStyle(cell, { font: { ...(cell.style?.font ?? {}), bold } });
}

/** Values as they arrive after the JSON transport of a request: NaN/Infinity/undefined → null, Date → ISO string. */
export function normalizeInput(v: unknown): unknown {
  if (v === undefined) return null;
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v.toISOString();
  return v;
}

export interface WriteContext {
  date1904: boolean;
  location: string;
  now: Date;
}

/** Checks a value written to a cell; throws InvalidArgument for what Excel cannot take. */
export function checkScalar(v: unknown, location: string): void {
  if (v === null || typeof v === "string" || typeof v === "number" || typeof v === "boolean") return;
  throw richError("InvalidArgument", location);
}

/** Writes one value as Excel would (null = unchanged). */
export function writeValue(sheet: SheetState, row: number, col: number, raw: unknown, w: WriteContext): void {
  const v = normalizeInput(raw);
  if (v === null) return;
  const x = xs(sheet);
  if (typeof v === "string" && v === "") {
    const existing = x.findRow(row + 1)?.findCell(col + 1);
    if (existing && existing.type !== VT.Merge) existing.value = null;
    return;
  }
  const cell = x.getRow(row + 1).getCell(col + 1);
  if (cell.type === VT.Merge) return; // non-anchor cell of a merged area: Excel keeps it empty
  if (typeof v === "number" || typeof v === "boolean") {
    cell.value = v;
    return;
  }
  if (typeof v !== "string") throw richError("InvalidArgument", w.location);
  const fmt = cell.style?.numFmt;
  const t: Typed = parseTyped(v, { date1904: w.date1904, cellFormat: fmt, now: w.now });
  switch (t.kind) {
    case "empty":
      cell.value = null;
      break;
    case "number":
      cell.value = t.value;
      if (t.format && isGeneral(fmt)) setNumFmt(cell, t.format);
      break;
    case "boolean":
      cell.value = t.value;
      break;
    case "text":
      cell.value = t.value;
      break;
    case "formula":
      // No calculation engine: the formula is stored without a cached result; `values` reads "" for it.
      cell.value = { formula: t.formula };
      break;
    case "error":
      cell.value = { error: t.value };
      break;
  }
}

/** Writes a formula cell (Range.formulas): strings starting with "=" are formulas, others are typed values. */
export function writeFormula(sheet: SheetState, row: number, col: number, raw: unknown, w: WriteContext): void {
  writeValue(sheet, row, col, raw, w);
}

/** Is a cell locked (the default for every cell) on a protected sheet? */
export function isLocked(sheet: SheetState, row: number, col: number): boolean {
  const cell = xs(sheet)
    .findRow(row + 1)
    ?.findCell(col + 1);
  const prot = cell?.style?.protection as { locked?: boolean } | undefined;
  return !(prot && prot.locked === false);
}

/** Fails with AccessDenied when any target cell is locked on a protected sheet. */
export function checkWritable(sheet: SheetState, rect: Rect, location: string): void {
  if (!sheet.protected) return;
  const rows = Math.min(rect.rows, MAX_ROWS);
  const cols = Math.min(rect.cols, MAX_COLS);
  for (let i = 0; i < rows; i++)
    for (let j = 0; j < cols; j++)
      if (isLocked(sheet, rect.row + i, rect.col + j)) throw richError("AccessDenied", location);
}

/** Iterates the cells that exist in the store inside a rect (for unbounded ranges). */
export function forEachExistingCell(
  sheet: SheetState,
  rect: Rect,
  fn: (cell: XCell, row: number, col: number) => void
): void {
  const x = xs(sheet);
  const rEnd = rect.row + rect.rows;
  const cEnd = rect.col + rect.cols;
  for (let ri = rect.row + 1; ri <= Math.min(rEnd, x._rows.length); ri++) {
    const r = x._rows[ri - 1];
    if (!r) continue;
    const cells = r._cells;
    for (let ci = rect.col + 1; ci <= Math.min(cEnd, cells.length); ci++) {
      const c = cells[ci - 1];
      if (c) fn(c, ri - 1, ci - 1);
    }
  }
}

function styleIsEmpty(s: Partial<ExcelJS.Style> | undefined): boolean {
  if (!s) return true;
  for (const k of Object.keys(s) as (keyof ExcelJS.Style)[]) {
    const v = s[k];
    if (v === undefined || v === null) continue;
    if (typeof v === "object" && Object.keys(v).length === 0) continue;
    return false;
  }
  return true;
}

/**
 * The used range: "the smallest range that encompasses any cells that have a value or formatting
 * assigned to them" (valuesOnly: values only). Null when the sheet has none.
 * https://learn.microsoft.com/javascript/api/excel/excel.worksheet#excel-excel-worksheet-getusedrange-member(1)
 */
export function usedRect(sheet: SheetState, valuesOnly: boolean): Rect | null {
  const x = xs(sheet);
  let r0 = Infinity,
    r1 = -1,
    c0 = Infinity,
    c1 = -1;
  for (let ri = 0; ri < x._rows.length; ri++) {
    const r = x._rows[ri];
    if (!r) continue;
    const cells = r._cells;
    for (let ci = 0; ci < cells.length; ci++) {
      const c = cells[ci];
      if (!c) continue;
      const hasValue = c.type !== VT.Null && c.type !== VT.Merge;
      const counts = hasValue || (!valuesOnly && (c.type === VT.Merge || !styleIsEmpty(c.style)));
      if (!counts) continue;
      if (ri < r0) r0 = ri;
      if (ri > r1) r1 = ri;
      if (ci < c0) c0 = ci;
      if (ci > c1) c1 = ci;
    }
  }
  if (r1 < 0) return null;
  return { row: r0, col: c0, rows: r1 - r0 + 1, cols: c1 - c0 + 1 };
}

/** Merged areas of a sheet as rects. */
export function mergedRects(sheet: SheetState): Rect[] {
  const m = xs(sheet)._merges ?? {};
  return Object.values(m).map(({ model }) => ({
    row: model.top - 1,
    col: model.left - 1,
    rows: model.bottom - model.top + 1,
    cols: model.right - model.left + 1,
  }));
}

function intersects(a: Rect, b: Rect): boolean {
  return a.row < b.row + b.rows && b.row < a.row + a.rows && a.col < b.col + b.cols && b.col < a.col + a.cols;
}
function contains(a: Rect, b: Rect): boolean {
  return b.row >= a.row && b.col >= a.col && b.row + b.rows <= a.row + a.rows && b.col + b.cols <= a.col + a.cols;
}

/** Writing into part of a merged area fails in Excel ("Cannot change part of a merged cell"). */
export function checkMerges(sheet: SheetState, rect: Rect, location: string): void {
  for (const m of mergedRects(sheet)) {
    if (
      intersects(rect, m) &&
      !contains(rect, m) &&
      !(m.row === rect.row && m.col === rect.col && rect.rows === 1 && rect.cols === 1)
    ) {
      throw new RichApiError("InvalidOperation", {
        errorLocation: location,
        message: "Cannot change part of a merged cell.",
      });
    }
  }
}
