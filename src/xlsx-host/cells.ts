/**
 * Cell-level reads and writes on the host's cell store (store.ts), with Excel's semantics:
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
import { MERGE, SheetStore, StoreRow, Style, VT, typeOfStored } from "./store";

export type CellScalar = string | number | boolean;
export type ValueType = "Empty" | "String" | "Double" | "Boolean" | "Error";

interface XColumn {
  style: Partial<ExcelJS.Style>;
  width?: number;
}
/** exceljs worksheet parts that are not cells: columns and merges. */
interface XSheet {
  _columns?: (XColumn | undefined)[];
  getColumn(c: number): XColumn;
  _merges: Record<string, { model: { top: number; left: number; bottom: number; right: number } }>;
}

/** The exceljs worksheet (columns, merges) — cells live in `sheet.store`. */
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

/** Format of a cell that does not exist: its row's style, else its column's. */
function absentFormat(store: SheetStore, r: StoreRow | undefined, col: number): string {
  const fmt = r?.style?.numFmt ?? store.columnStyle(col)?.numFmt;
  return fmt ? apiNumberFormat(fmt) : GENERAL;
}

function snapshot(store: SheetStore, r: StoreRow | undefined, col: number, date1904: boolean): CellSnapshot {
  const v = r === undefined ? undefined : r.v[col];
  if (v === undefined) {
    const format = absentFormat(store, r, col);
    return format === GENERAL ? EMPTY : { ...EMPTY, format };
  }
  const format = apiNumberFormat((r as StoreRow).styleAt(col)?.numFmt);
  switch (typeOfStored(v)) {
    case VT.Null:
    case VT.Merge:
      return { ...EMPTY, format };
    case VT.Formula: {
      const o = v as { formula?: string; result?: unknown };
      const res = o.result;
      const s = res === undefined ? { value: "" as CellScalar, isError: false } : scalarOf(res, date1904);
      return { value: s.value, formula: `=${o.formula ?? ""}`, format, isError: s.isError, empty: false };
    }
    default: {
      const s = scalarOf(v, date1904);
      return { value: s.value, formula: s.value, format, isError: s.isError, empty: false };
    }
  }
}

/** Reads one cell (0-based). */
export function readCell(sheet: SheetState, row: number, col: number, date1904: boolean): CellSnapshot {
  const store = sheet.store;
  return snapshot(store, store.row(row), col, date1904);
}

export type CellProp = "values" | "text" | "formulas" | "numberFormat" | "valueTypes";

/** Excel's read limit: "A range is limited to 5,000,000 cells for read operations." (resource-limits doc). */
export const READ_CELL_LIMIT = 5_000_000;

/** `values` of one stored cell (the common kinds without allocating). */
export function cellValue(v: unknown, date1904: boolean): CellScalar {
  switch (typeof v) {
    case "number":
    case "string":
    case "boolean":
      return v;
    case "undefined":
      return "";
  }
  if (v === null || v === MERGE) return "";
  if (typeOfStored(v) === VT.Formula) {
    const res = (v as { result?: unknown }).result;
    return res === undefined ? "" : scalarOf(res, date1904).value;
  }
  return scalarOf(v, date1904).value;
}

/** Reads a cell-level property of a bounded range as a 2-D array. O(cells), no limit (see readRect). */
export function readRectUnlimited(sheet: SheetState, rect: Rect, prop: CellProp, date1904: boolean): CellScalar[][] {
  const out: CellScalar[][] = new Array(rect.rows);
  const store = sheet.store;
  const c0 = rect.col;
  const cols = rect.cols;
  for (let i = 0; i < rect.rows; i++) {
    const line: CellScalar[] = new Array(cols);
    const r = store.row(rect.row + i);
    if (prop === "values") {
      if (r === undefined) line.fill("");
      else {
        const v = r.v;
        for (let j = 0; j < cols; j++) line[j] = cellValue(v[c0 + j], date1904);
      }
      out[i] = line;
      continue;
    }
    if (prop === "formulas") {
      for (let j = 0; j < cols; j++) {
        const x = r === undefined ? undefined : r.v[c0 + j];
        line[j] =
          x !== null && typeof x === "object" && typeOfStored(x) === VT.Formula
            ? `=${(x as { formula?: string }).formula ?? ""}`
            : cellValue(x, date1904);
      }
      out[i] = line;
      continue;
    }
    if (prop === "numberFormat") {
      for (let j = 0; j < cols; j++) {
        const c = c0 + j;
        line[j] =
          r === undefined || r.v[c] === undefined ? absentFormat(store, r, c) : apiNumberFormat(r.styleAt(c)?.numFmt);
      }
      out[i] = line;
      continue;
    }
    for (let j = 0; j < cols; j++) {
      const c = snapshot(store, r, c0 + j, date1904);
      switch (prop) {
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

/** Reads a cell-level property of a bounded range as a 2-D array, within Excel's 5,000,000-cell read limit. */
export function readRect(sheet: SheetState, rect: Rect, prop: CellProp, date1904: boolean): CellScalar[][] {
  if (rect.rows * rect.cols > READ_CELL_LIMIT) throw richError("RangeExceedsLimit", `Range.${prop}`);
  return readRectUnlimited(sheet, rect, prop, date1904);
}

/** A cell's number format as stored (undefined = General). */
export function storedNumFmt(row: StoreRow, col: number): string | undefined {
  return row.styleAt(col)?.numFmt;
}

/** Copy-on-write style change: style objects are shared between cells of the same style. */
function patchStyle(row: StoreRow, col: number, patch: Style): void {
  row.setStyle(col, { ...(row.styleAt(col) ?? {}), ...patch });
}

export function setNumFmt(row: StoreRow, col: number, fmt: string | undefined): void {
  const next: Style = { ...(row.styleAt(col) ?? {}) };
  if (fmt === undefined || isGeneral(fmt)) delete next.numFmt;
  else next.numFmt = fmt;
  row.setStyle(col, next);
}

export function setBold(row: StoreRow, col: number, bold: boolean): void {
  patchStyle(row, col, { font: { ...(row.styleAt(col)?.font ?? {}), bold } });
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
  /** Options object reused for every parseTyped call of one write (set by the caller). */
  typing?: { date1904: boolean; cellFormat?: string; now: Date };
  /** Cells a new row is sized for (the written range's right edge). */
  rowWidth?: number;
}

/** Checks a value written to a cell; throws InvalidArgument for what Excel cannot take. */
export function checkScalar(v: unknown, location: string): void {
  if (v === null || typeof v === "string" || typeof v === "number" || typeof v === "boolean") return;
  throw richError("InvalidArgument", location);
}

/** Stores what a typed string became. */
export function storeTyped(row: StoreRow, col: number, t: Typed, generalCell: boolean): void {
  switch (t.kind) {
    case "empty":
      row.v[col] = null;
      break;
    case "number":
      row.v[col] = t.value;
      if (t.format && generalCell) setNumFmt(row, col, t.format);
      break;
    case "boolean":
      row.v[col] = t.value;
      break;
    case "text":
      row.v[col] = t.value;
      break;
    case "formula":
      // No calculation engine: the formula is stored without a cached result; `values` reads "" for it.
      row.v[col] = { formula: t.formula };
      break;
    case "error":
      row.v[col] = { error: t.value };
      break;
  }
}

/** Writes one value as Excel would (null = unchanged). */
export function writeValue(sheet: SheetState, row: number, col: number, raw: unknown, w: WriteContext): void {
  const v = normalizeInput(raw);
  if (v === null) return;
  const store = sheet.store;
  if (typeof v === "string" && v === "") {
    const existing = store.row(row);
    if (existing !== undefined && existing.v[col] !== undefined && existing.v[col] !== MERGE) existing.v[col] = null;
    return;
  }
  const r = store.rowAt(row, w.rowWidth);
  store.ensureCell(r, col);
  if (r.v[col] === MERGE) return; // non-anchor cell of a merged area: Excel keeps it empty
  if (typeof v === "number" || typeof v === "boolean") {
    r.v[col] = v;
    return;
  }
  if (typeof v !== "string") throw richError("InvalidArgument", w.location);
  const fmt = storedNumFmt(r, col);
  // A leading apostrophe keeps the rest as text (parseTyped's rule, without its allocations).
  if (v.charCodeAt(0) === 39 && fmt !== "@") {
    r.v[col] = store.unquote(v);
    return;
  }
  const opts = w.typing ?? { date1904: w.date1904, now: w.now };
  opts.cellFormat = fmt;
  storeTyped(r, col, parseTyped(v, opts), isGeneral(fmt));
  const stored = r.v[col];
  if (typeof stored === "string") r.v[col] = store.intern(stored);
}

/** Writes a formula cell (Range.formulas): strings starting with "=" are formulas, others are typed values. */
export function writeFormula(sheet: SheetState, row: number, col: number, raw: unknown, w: WriteContext): void {
  writeValue(sheet, row, col, raw, w);
}

/** Is a cell locked (the default for every cell) on a protected sheet? */
export function isLocked(sheet: SheetState, row: number, col: number): boolean {
  const r = sheet.store.row(row);
  const prot = (r?.v[col] !== undefined ? r?.styleAt(col)?.protection : undefined) as { locked?: boolean } | undefined;
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
  fn: (row: StoreRow, r: number, c: number) => void
): void {
  const rows = sheet.store.rows;
  const rEnd = Math.min(rect.row + rect.rows, rows.length);
  const cEnd = rect.col + rect.cols;
  for (let ri = rect.row; ri < rEnd; ri++) {
    const r = rows[ri];
    if (!r) continue;
    const v = r.v;
    const end = Math.min(cEnd, v.length);
    for (let ci = rect.col; ci < end; ci++) if (v[ci] !== undefined) fn(r, ri, ci);
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
 * assigned to them" (valuesOnly: values only), of the sheet or of the part of it `within`. Null when there
 * is none.
 * https://learn.microsoft.com/javascript/api/excel/excel.worksheet#excel-excel-worksheet-getusedrange-member(1)
 */
export function usedRect(sheet: SheetState, valuesOnly: boolean, within?: Rect): Rect | null {
  const rows = sheet.store.rows;
  let r0 = -1,
    r1 = -1,
    c0 = Infinity,
    c1 = -1;
  const rowEnd = within ? Math.min(rows.length, within.row + within.rows) : rows.length;
  const colStart = within ? within.col : 0;
  const counts = (r: StoreRow, x: unknown, ci: number): boolean =>
    x !== undefined && ((x !== null && x !== MERGE) || (!valuesOnly && (x === MERGE || !styleIsEmpty(r.styleAt(ci)))));
  for (let ri = within ? within.row : 0; ri < rowEnd; ri++) {
    const r = rows[ri];
    if (!r) continue;
    const v = r.v;
    const colEnd = within ? Math.min(v.length, within.col + within.cols) : v.length;
    // The row's first and last counted cells: scanned from each end, so a full row costs two cells.
    let first = colStart;
    while (first < colEnd && !counts(r, v[first], first)) first++;
    if (first >= colEnd) continue;
    let last = colEnd - 1;
    while (last > first && !counts(r, v[last], last)) last--;
    if (r0 < 0) r0 = ri;
    r1 = ri;
    if (first < c0) c0 = first;
    if (last > c1) c1 = last;
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
