/**
 * Excel.Range over the exceljs store.
 * Reference: https://learn.microsoft.com/javascript/api/excel/excel.range (and the same doc
 * comments in node_modules/@types/office-js/index.d.ts).
 */
import { MAX_COLS, MAX_ROWS, Rect, formatRect, isUnbounded, quoteSheetName } from "./address";
import { HostNotImplementedError, RichApiError, richError } from "./errors";
import { BoundObject, Json, NavObject, Loadable } from "./proxy";
import type { HostContext } from "./context";
import type { SheetState } from "./doc";
import {
  CellProp,
  checkMerges,
  checkScalar,
  checkWritable,
  forEachExistingCell,
  readRect,
  setBold,
  setNumFmt,
  usedRect,
  writeFormula,
  writeValue,
  xs,
} from "./cells";
import { Worksheet } from "./worksheet";
import { MERGE } from "./store";
import { ConditionalFormatCollection, clearFormatsIn } from "./conditional-format";

export interface RangeTarget {
  sheet: SheetState;
  rect: Rect;
}

const SHAPE_MESSAGE =
  "The number of rows or columns in the input array doesn't match the size or dimensions of the range.";

function live(t: RangeTarget, location: string): RangeTarget {
  if (t.sheet.deleted) throw richError("ItemNotFound", location);
  return t;
}

function inGrid(r: Rect): boolean {
  return (
    r.row >= 0 && r.col >= 0 && r.rows >= 1 && r.cols >= 1 && r.row + r.rows <= MAX_ROWS && r.col + r.cols <= MAX_COLS
  );
}

export function checkedRect(r: Rect, location: string): Rect {
  if (![r.row, r.col, r.rows, r.cols].every((n) => Number.isInteger(n)) || !inGrid(r))
    throw richError("InvalidArgument", location);
  return r;
}

function cellLevel(prop: CellProp) {
  return (t: RangeTarget): Json => {
    const tt = live(t, `Range.${prop}`);
    // "the response will contain null values for cell-level properties such as values, text,
    // numberFormat, and formula" for an unbounded range (entire columns or rows):
    // https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-ranges-unbounded
    if (isUnbounded(tt.rect)) return null;
    return readRect(tt.sheet, tt.rect, prop, tt.sheet.doc.date1904) as Json;
  };
}

type Plan = { kind: "each"; grid: unknown[][] } | { kind: "broadcast"; value: unknown };

/**
 * How a written cell-level property maps to the cells:
 * - a 2-D array of exactly the range's shape: cell by cell; any other shape fails at sync with
 *   InvalidArgument at "Range.values" and the message below
 *   (https://github.com/OfficeDev/office-js/issues/1025);
 * - a single (non-array) value is applied to every cell: it "actually works as is" though the
 *   TypeScript types forbid it (https://github.com/OfficeDev/office-js-docs-pr/issues/2013);
 * - a 1x1 array broadcasts only for numberFormat, also on unbounded ranges
 *   (https://github.com/OfficeDev/office-js-docs-pr/issues/5400); for values/formulas a 1x1 array
 *   on a bigger range is a shape mismatch here (not confirmed either way: the stricter choice);
 * - `null` as the whole property is invalid
 *   (https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-blank-null-values);
 * - cell-level properties cannot be set on an unbounded range ("The API returns an error",
 *   https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-ranges-unbounded), except the
 *   1x1 numberFormat broadcast above.
 */
function plan(rect: Rect, v: unknown, prop: "values" | "formulas" | "numberFormat"): Plan {
  const location = `Range.${prop}`;
  if (v === null || v === undefined) throw richError("InvalidArgument", location);
  const unbounded = isUnbounded(rect);
  if (Array.isArray(v)) {
    const is1x1 = v.length === 1 && Array.isArray(v[0]) && (v[0] as unknown[]).length === 1;
    if (prop === "numberFormat" && is1x1) return { kind: "broadcast", value: (v[0] as unknown[])[0] };
    if (unbounded) throw richError("InvalidArgument", location);
    const shapeOk = v.length === rect.rows && v.every((row) => Array.isArray(row) && row.length === rect.cols);
    if (!shapeOk) throw new RichApiError("InvalidArgument", { errorLocation: location, message: SHAPE_MESSAGE });
    return { kind: "each", grid: v as unknown[][] };
  }
  if (unbounded) throw richError("InvalidArgument", location);
  return { kind: "broadcast", value: v };
}

function applyCells(t: RangeTarget, v: unknown, prop: "values" | "formulas" | "numberFormat"): void {
  const location = `Range.${prop}`;
  const { sheet, rect } = live(t, location);
  const p = plan(rect, v, prop);
  // Validate every element before touching a cell: a bad element fails the action as a whole.
  const check = (x: unknown) => {
    if (prop === "numberFormat") {
      if (x !== null && x !== undefined && typeof x !== "string") throw richError("InvalidArgument", location);
    } else if (!(x instanceof Date) && x !== undefined && !(typeof x === "number")) checkScalar(x, location);
  };
  if (p.kind === "each") {
    // Indexed: a million-row write is checked without an iterator step per cell.
    const grid = p.grid;
    for (let i = 0; i < grid.length; i++) {
      const row = grid[i];
      for (let j = 0; j < row.length; j++) check(row[j]);
    }
  } else check(p.value);
  checkWritable(sheet, rect, location);
  if (prop !== "numberFormat") checkMerges(sheet, rect, location);

  const doc = sheet.doc;
  const now = new Date();
  const w = {
    date1904: doc.date1904,
    location,
    now,
    typing: { date1904: doc.date1904, now },
    rowWidth: Math.min(rect.col + rect.cols, MAX_COLS),
  };
  if (prop === "numberFormat") {
    const fmtAt = (i: number, j: number): unknown => (p.kind === "each" ? p.grid[i][j] : p.value);
    if (isUnbounded(rect)) {
      applyFormatUnbounded(sheet, rect, (p as { value: unknown }).value);
      return;
    }
    const store = sheet.store;
    for (let i = 0; i < rect.rows; i++) {
      const row = store.rowAt(rect.row + i);
      for (let j = 0; j < rect.cols; j++) {
        const f = fmtAt(i, j);
        if (f === null || f === undefined) continue;
        store.ensureCell(row, rect.col + j);
        setNumFmt(row, rect.col + j, f as string);
      }
    }
    return;
  }
  const write = prop === "values" ? writeValue : writeFormula;
  for (let i = 0; i < rect.rows; i++) {
    for (let j = 0; j < rect.cols; j++) {
      const x = p.kind === "each" ? p.grid[i][j] : p.value;
      write(sheet, rect.row + i, rect.col + j, x, w);
    }
  }
}

/** numberFormat on whole columns/rows: the column (row) style plus every existing cell. */
function applyFormatUnbounded(sheet: SheetState, rect: Rect, f: unknown): void {
  if (f === null || f === undefined) return;
  const fmt = f as string;
  const x = xs(sheet);
  if (rect.row === 0 && rect.rows === MAX_ROWS && !(rect.col === 0 && rect.cols === MAX_COLS)) {
    for (let c = rect.col; c < rect.col + rect.cols; c++) {
      const col = x.getColumn(c + 1);
      col.style = { ...(col.style ?? {}), numFmt: fmt === "" ? undefined : fmt };
    }
  } else {
    for (let r = rect.row; r < rect.row + rect.rows; r++) {
      const row = sheet.store.rowAt(r);
      row.style = { ...(row.style ?? {}), numFmt: fmt === "" ? undefined : fmt };
    }
  }
  forEachExistingCell(sheet, rect, (row, _r, c) => setNumFmt(row, c, fmt));
}

export class Range extends BoundObject<RangeTarget> {
  private _format?: RangeFormat;
  private _worksheet?: Worksheet;
  private _conditionalFormats?: ConditionalFormatCollection;

  get _typeName(): string {
    return "Range";
  }

  _scalarReaders(): Record<string, (t: RangeTarget) => Json> {
    return {
      address: (t) => `${quoteSheetName(live(t, "Range.address").sheet.name)}!${formatRect(t.rect)}`,
      addressLocal: (t) => `${quoteSheetName(live(t, "Range.addressLocal").sheet.name)}!${formatRect(t.rect)}`,
      rowIndex: (t) => t.rect.row,
      columnIndex: (t) => t.rect.col,
      rowCount: (t) => t.rect.rows,
      columnCount: (t) => t.rect.cols,
      cellCount: (t) => t.rect.rows * t.rect.cols,
      values: cellLevel("values"),
      text: cellLevel("text"),
      formulas: cellLevel("formulas"),
      numberFormat: cellLevel("numberFormat"),
      valueTypes: cellLevel("valueTypes"),
    };
  }

  override _navProps(): Record<string, () => Loadable> {
    return {
      format: () => this.format,
      worksheet: () => this.worksheet,
      conditionalFormats: () => this.conditionalFormats,
    };
  }

  get address(): string {
    return this._get("address");
  }
  get addressLocal(): string {
    return this._get("addressLocal");
  }
  get rowIndex(): number {
    return this._get("rowIndex");
  }
  get columnIndex(): number {
    return this._get("columnIndex");
  }
  get rowCount(): number {
    return this._get("rowCount");
  }
  get columnCount(): number {
    return this._get("columnCount");
  }
  get cellCount(): number {
    return this._get("cellCount");
  }
  get values(): unknown[][] {
    return this._get("values");
  }
  set values(v: unknown[][]) {
    this._setProp("values", v, (t, x) => applyCells(t, x, "values"));
  }
  get formulas(): unknown[][] {
    return this._get("formulas");
  }
  set formulas(v: unknown[][]) {
    this._setProp("formulas", v, (t, x) => applyCells(t, x, "formulas"));
  }
  get numberFormat(): unknown[][] {
    return this._get("numberFormat");
  }
  set numberFormat(v: unknown[][]) {
    this._setProp("numberFormat", v, (t, x) => applyCells(t, x, "numberFormat"));
  }
  get text(): string[][] {
    return this._get("text");
  }
  get valueTypes(): string[][] {
    return this._get("valueTypes");
  }

  get format(): RangeFormat {
    if (!this._format) this._format = new RangeFormat(this._ctx, this);
    return this._format;
  }

  /** "The collection of ConditionalFormats that intersect the range." (ExcelApi 1.6, conditional-format.ts) */
  get conditionalFormats(): ConditionalFormatCollection {
    if (!this._conditionalFormats) this._conditionalFormats = new ConditionalFormatCollection(this._ctx, this);
    return this._conditionalFormats;
  }

  get worksheet(): Worksheet {
    if (!this._worksheet) {
      this._worksheet = new Worksheet(this._ctx, "Range.worksheet");
      const ws = this._worksheet;
      // Navigation to the sheet is resolved whenever used.
      ws._resolve = () => {
        const t = this._resolve();
        return t ? t.sheet : null;
      };
    }
    return this._worksheet;
  }

  private _derived(name: string, args: Json[], f: (t: RangeTarget) => Rect): Range {
    const child = new Range(this._ctx, `Range.${name}`);
    return this._instantiate(
      child,
      name,
      args,
      (t) => {
        const tt = live(t, `Range.${name}`);
        return { sheet: tt.sheet, rect: checkedRect(f(tt), `Range.${name}`) };
      },
      false
    );
  }

  /** "The cell can be outside the bounds of its parent range, so long as it stays within the worksheet grid." */
  getCell(row: number, column: number): Range {
    return this._derived("getCell", [row, column], (t) => ({
      row: t.rect.row + row,
      col: t.rect.col + column,
      rows: 1,
      cols: 1,
    }));
  }

  /** "Gets a row contained in the range" — outside the range fails here (stricter choice, unconfirmed). */
  getRow(row: number): Range {
    return this._derived("getRow", [row], (t) => {
      if (row < 0 || row >= t.rect.rows) throw richError("InvalidArgument", "Range.getRow");
      return { row: t.rect.row + row, col: t.rect.col, rows: 1, cols: t.rect.cols };
    });
  }

  getColumn(column: number): Range {
    return this._derived("getColumn", [column], (t) => {
      if (column < 0 || column >= t.rect.cols) throw richError("InvalidArgument", "Range.getColumn");
      return { row: t.rect.row, col: t.rect.col + column, rows: t.rect.rows, cols: 1 };
    });
  }

  getResizedRange(deltaRows: number, deltaColumns: number): Range {
    return this._derived("getResizedRange", [deltaRows, deltaColumns], (t) => ({
      row: t.rect.row,
      col: t.rect.col,
      rows: t.rect.rows + deltaRows,
      cols: t.rect.cols + deltaColumns,
    }));
  }

  /** "If the resulting range is forced outside the bounds of the worksheet grid, an error will be thrown." */
  getOffsetRange(rowOffset: number, columnOffset: number): Range {
    return this._derived("getOffsetRange", [rowOffset, columnOffset], (t) => ({
      row: t.rect.row + rowOffset,
      col: t.rect.col + columnOffset,
      rows: t.rect.rows,
      cols: t.rect.cols,
    }));
  }

  getEntireColumn(): Range {
    return this._derived("getEntireColumn", [], (t) => ({
      row: 0,
      col: t.rect.col,
      rows: MAX_ROWS,
      cols: t.rect.cols,
    }));
  }

  getEntireRow(): Range {
    return this._derived("getEntireRow", [], (t) => ({ row: t.rect.row, col: 0, rows: t.rect.rows, cols: MAX_COLS }));
  }

  getLastRow(): Range {
    return this._derived("getLastRow", [], (t) => ({
      row: t.rect.row + t.rect.rows - 1,
      col: t.rect.col,
      rows: 1,
      cols: t.rect.cols,
    }));
  }

  getLastColumn(): Range {
    return this._derived("getLastColumn", [], (t) => ({
      row: t.rect.row,
      col: t.rect.col + t.rect.cols - 1,
      rows: t.rect.rows,
      cols: 1,
    }));
  }

  /**
   * Clears values and/or formats ("All" by default). Clearing formats (All, Formats) also takes the cells out of
   * their conditional formats, as Excel's Clear All / Clear Formats do ("To remove all conditional formats (as well
   * as all other cell formatting) … choose Clear Formats. Or … Clear All", Excel 2007 Bible p. 439,
   * https://digilib.universitaspertamina.ac.id/ebook/Excel%202007%20Bible/files/basic-html/page482.html); Contents
   * keeps them.
   */
  clear(applyTo?: "All" | "Formats" | "Contents" | string): void {
    const mode = applyTo ?? "All";
    if (mode !== "All" && mode !== "Formats" && mode !== "Contents")
      throw new HostNotImplementedError(`Range.clear("${mode}")`);
    this._method("clear", [mode], (t) => {
      const { sheet, rect } = live(t, "Range.clear");
      checkWritable(sheet, rect, "Range.clear");
      forEachExistingCell(sheet, rect, (row, _r, c) => {
        if (row.v[c] === MERGE) return; // merged non-anchor
        if (mode !== "Formats") row.v[c] = null;
        if (mode !== "Contents") row.setStyle(c, undefined);
      });
      if (mode !== "Contents") clearFormatsIn(sheet, rect);
    });
  }

  /**
   * "Returns the used range of the given range object. If there are no used cells within the range, this
   * function will throw an ItemNotFound error." (ExcelApi 1.1; valuesOnly: "Considers only cells with values
   * as used cells.")
   */
  getUsedRange(valuesOnly?: boolean): Range {
    return this._used("getUsedRange", valuesOnly, false);
  }

  /** As getUsedRange, but a null object when the range has no used cell (ExcelApi 1.4). */
  getUsedRangeOrNullObject(valuesOnly?: boolean): Range {
    return this._used("getUsedRangeOrNullObject", valuesOnly, true);
  }

  private _used(name: string, valuesOnly: boolean | undefined, orNull: boolean): Range {
    const child = new Range(this._ctx, `Range.${name}`);
    return this._instantiate(
      child,
      name,
      [valuesOnly ?? null],
      (t) => {
        const tt = live(t, `Range.${name}`);
        const r = usedRect(tt.sheet, !!valuesOnly, tt.rect);
        return r ? { sheet: tt.sheet, rect: r } : null;
      },
      orNull
    );
  }

  select(): void {
    this._method("select", [], (t) => {
      live(t, "Range.select");
    });
  }
}

export class RangeFont extends NavObject<RangeTarget, RangeTarget> {
  get _typeName(): string {
    return "RangeFont";
  }
  _scalarReaders(): Record<string, (t: RangeTarget) => Json> {
    return {
      bold: (t) => {
        // "null ... when different values exist in the specified range" (blank-null-values doc).
        if (isUnbounded(t.rect)) return null;
        let first: boolean | undefined;
        const store = t.sheet.store;
        for (let i = 0; i < t.rect.rows; i++) {
          const r = store.row(t.rect.row + i);
          for (let j = 0; j < t.rect.cols; j++) {
            const c = t.rect.col + j;
            const b = r !== undefined && r.v[c] !== undefined && !!r.styleAt(c)?.font?.bold;
            if (first === undefined) first = b;
            else if (first !== b) return null;
          }
        }
        return first ?? false;
      },
    };
  }
  get bold(): boolean {
    return this._get("bold");
  }
  set bold(v: boolean) {
    this._setProp("bold", v, (t, b) => {
      if (typeof b !== "boolean") throw richError("InvalidArgument", "RangeFont.bold");
      checkWritable(t.sheet, t.rect, "RangeFont.bold");
      const store = t.sheet.store;
      if (isUnbounded(t.rect)) {
        forEachExistingCell(t.sheet, t.rect, (row, _r, c) => setBold(row, c, b));
        return;
      }
      for (let i = 0; i < t.rect.rows; i++) {
        const row = store.rowAt(t.rect.row + i);
        for (let j = 0; j < t.rect.cols; j++) {
          store.ensureCell(row, t.rect.col + j);
          setBold(row, t.rect.col + j, b);
        }
      }
    });
  }
}

/** Excel reports column widths in points; exceljs stores characters of the default font (Calibri 11: 7 px per char + 5 px padding). */
function charsToPoints(chars: number): number {
  return Math.round((((chars * 7 + 5) * 72) / 96) * 100) / 100;
}
function pointsToChars(points: number): number {
  return Math.max(0, ((points * 96) / 72 - 5) / 7);
}
const DEFAULT_WIDTH_CHARS = 8.43;

export class RangeFormat extends NavObject<RangeTarget, RangeTarget> {
  private _font?: RangeFont;
  constructor(ctx: HostContext, parent: Range) {
    super(ctx, "Range.format", parent, (t) => t);
  }
  get _typeName(): string {
    return "RangeFormat";
  }
  _scalarReaders(): Record<string, (t: RangeTarget) => Json> {
    return {
      columnWidth: (t) => {
        const x = xs(t.sheet);
        let w: number | undefined;
        for (let c = t.rect.col; c < t.rect.col + Math.min(t.rect.cols, MAX_COLS); c++) {
          const cw = x._columns?.[c]?.width ?? DEFAULT_WIDTH_CHARS;
          if (w === undefined) w = cw;
          else if (w !== cw) return null;
        }
        return charsToPoints(w ?? DEFAULT_WIDTH_CHARS);
      },
    };
  }
  override _navProps(): Record<string, () => Loadable> {
    return { font: () => this.font };
  }
  get font(): RangeFont {
    if (!this._font) this._font = new RangeFont(this._ctx, "RangeFormat.font", this, (t) => t);
    return this._font;
  }
  get columnWidth(): number {
    return this._get("columnWidth");
  }
  set columnWidth(v: number) {
    this._setProp("columnWidth", v, (t, w) => {
      if (typeof w !== "number" || !(w >= 0)) throw richError("InvalidArgument", "RangeFormat.columnWidth");
      const x = xs(t.sheet);
      for (let c = t.rect.col; c < t.rect.col + t.rect.cols; c++) x.getColumn(c + 1).width = pointsToChars(w);
    });
  }
  /** Needs text metrics; accepted and ignored (no visible effect on values). */
  autofitColumns(): void {
    this._method("autofitColumns", [], () => {});
  }
  autofitRows(): void {
    this._method("autofitRows", [], () => {});
  }
}
