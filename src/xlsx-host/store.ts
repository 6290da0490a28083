/**
 * The host's cell store: one compact row object per used row, holding each cell's value in the
 * form exceljs uses for `cell.value` (number, string, boolean, Date, {formula, result},
 * {error}, {richText}, {text, hyperlink} …) and a reference to a shared, never-mutated style object.
 *
 * Why not exceljs's own cells: an exceljs Cell is five objects (cell, address string, value,
 * value model, style) — about 300 bytes — so a 1,048,576-row sheet with its written columns and
 * the RFM result sheet (~18 million cells) needs about 6 GB. Here a cell is one array slot
 * (a small integer or a shared string costs 8 bytes), which keeps the same workbook near 0.5 GB.
 *
 * exceljs stays the file reader and keeps everything that is not a cell (sheet names and order,
 * tables, merges, column widths and styles, protection, views): cells move into the store when a
 * file is opened (`takeCells`). A workbook opened from .xlsx is saved by package/ from its original
 * parts (what the run did not touch is kept byte for byte); a CSV-born or new workbook is written by
 * exceljs, its cells put back for the save (`putCells`).
 */
import type * as ExcelJS from "exceljs";

export type Style = Partial<ExcelJS.Style>;

/** A non-anchor cell of a merged area (exceljs's Merge value type). */
export const MERGE: object = Object.freeze({ merged: true });

/** exceljs's Enums.ValueType. */
export const VT = {
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
  JSON: 11,
} as const;

/** The value type exceljs gives a cell holding `v` (exceljs lib/doc/cell.js Value.getType). */
export function typeOfStored(v: unknown): number {
  if (v === null || v === undefined) return VT.Null;
  switch (typeof v) {
    case "string":
      return VT.String;
    case "number":
      return VT.Number;
    case "boolean":
      return VT.Boolean;
  }
  if (v === MERGE) return VT.Merge;
  if (v instanceof Date) return VT.Date;
  const o = v as Record<string, unknown>;
  if (o.text && o.hyperlink) return VT.Hyperlink;
  if (o.formula || o.sharedFormula) return VT.Formula;
  if (o.richText) return VT.RichText;
  if (o.sharedString) return VT.SharedString;
  if (o.error) return VT.Error;
  return VT.JSON;
}

/** Row attributes kept from a file (exceljs Row). */
export interface RowAttrs {
  height?: number;
  hidden?: boolean;
  outlineLevel?: number;
}

interface RowExtra {
  style?: Style;
  attrs?: RowAttrs;
  notes?: Map<number, unknown>;
}

export class StoreRow {
  /** Cell values by 0-based column; `undefined` (or a hole) = no cell, null = a cell without a value. */
  v: unknown[];
  /**
   * Cell styles by 0-based column; absent = no style. Never mutated: rows with the same styles share one
   * array (a CSV's date column gives a million rows one array), so a change makes a new one (setStyle).
   */
  s: readonly (Style | undefined)[] | undefined = undefined;
  /** What few rows have (row style, file attributes, notes): kept apart so that a row costs three fields. */
  private x: RowExtra | undefined = undefined;

  constructor(width = 0) {
    // Sized to the row when known: an empty array reserves 17 slots on its first element.
    this.v = width > 0 ? new Array(width) : [];
  }

  /** The row's own style (exceljs row.style). */
  get style(): Style | undefined {
    return this.x?.style;
  }
  set style(style: Style | undefined) {
    (this.x ??= {}).style = style;
  }
  /** Row attributes from the file. */
  get attrs(): RowAttrs | undefined {
    return this.x?.attrs;
  }
  set attrs(attrs: RowAttrs | undefined) {
    (this.x ??= {}).attrs = attrs;
  }
  /** Cell notes (exceljs cell._comment) by 0-based column. */
  get notes(): Map<number, unknown> | undefined {
    return this.x?.notes;
  }
  set notes(notes: Map<number, unknown> | undefined) {
    (this.x ??= {}).notes = notes;
  }

  has(c: number): boolean {
    return this.v[c] !== undefined;
  }

  /** Room for exactly `width` cells (a new array when the row is narrower; missing cells stay missing). */
  widen(width: number): void {
    const old = this.v;
    if (old.length >= width) return;
    const v = new Array<unknown>(width);
    for (let c = 0; c < old.length; c++) if (old[c] !== undefined) v[c] = old[c];
    this.v = v;
  }

  styleAt(c: number): Style | undefined {
    return this.s === undefined ? undefined : this.s[c];
  }

  setStyle(c: number, style: Style | undefined): void {
    const empty = style === undefined || isEmptyStyle(style);
    const old = this.s;
    if (old === undefined && empty) return;
    if (old !== undefined && old[c] === (empty ? undefined : style)) return;
    const next = new Array<Style | undefined>(Math.max(old?.length ?? 0, this.v.length, c + 1));
    if (old !== undefined) for (let i = 0; i < old.length; i++) next[i] = old[i];
    next[c] = empty ? undefined : style;
    this.s = next;
  }
}

/** Strings up to this length are shared between the cells that hold them (labels, codes, tags repeat). */
const INTERN_MAX_LENGTH = 48;
/** Distinct strings remembered per workbook; past this, new strings are stored as they come. */
const INTERN_MAX_ENTRIES = 100_000;

const STYLE_KEYS = ["numFmt", "font", "alignment", "border", "fill", "protection"] as const;

function isEmptyStyle(s: Style): boolean {
  for (const k in s) if ((s as Record<string, unknown>)[k] !== undefined) return false;
  return true;
}

interface XColumn {
  style?: Style;
}

export class SheetStore {
  /** Rows by 0-based row index. */
  rows: (StoreRow | undefined)[] = [];

  constructor(private readonly ws: ExcelJS.Worksheet) {}

  row(r: number): StoreRow | undefined {
    return this.rows[r];
  }

  /**
   * Row r, created when missing, with room for `width` cells when known (a 17-slot default otherwise). An
   * existing row narrower than `width` is widened to exactly that: a store past its end would grow the array
   * by half again plus 16 slots, and a million rows given new columns would carry the spare slots.
   */
  rowAt(r: number, width = 0): StoreRow {
    let row = this.rows[r];
    if (row === undefined) {
      row = new StoreRow(width);
      this.rows[r] = row;
    } else if (row.v.length < width) row.widen(width);
    return row;
  }

  private readonly strings = new Map<string, string>();

  /** One shared copy of a short string: a million cells saying "重要价值客户" hold one string. */
  intern(s: string): string {
    if (s.length > INTERN_MAX_LENGTH) return s;
    const known = this.strings.get(s);
    if (known !== undefined) return known;
    if (this.strings.size < INTERN_MAX_ENTRIES) this.strings.set(s, s);
    return s;
  }

  private readonly unquoted = new Map<string, string>();

  /**
   * The text a quote-prefixed string ("'011") stores ("011"), interned, and remembered by the quoted string
   * itself: a column of a million quoted labels is one lookup per cell, not a substring and a lookup.
   */
  unquote(s: string): string {
    if (s.length > INTERN_MAX_LENGTH + 1) return s.slice(1);
    let u = this.unquoted.get(s);
    if (u === undefined) {
      u = this.intern(s.slice(1));
      if (this.unquoted.size < INTERN_MAX_ENTRIES) this.unquoted.set(s, u);
    }
    return u;
  }

  /** The style of a column (exceljs column.style), from the worksheet. */
  columnStyle(c: number): Style | undefined {
    const cols = (this.ws as unknown as { _columns?: (XColumn | undefined)[] })._columns;
    return cols?.[c]?.style;
  }

  /**
   * Creates cell (r, c) when it does not exist, styled as exceljs styles a new cell: the row's
   * style, else the column's, per style part (exceljs Cell._mergeStyle).
   */
  ensureCell(row: StoreRow, c: number): void {
    if (row.v[c] !== undefined) return;
    row.v[c] = null;
    const rs = row.style;
    const cs = this.columnStyle(c);
    if (rs === undefined && cs === undefined) return;
    const style: Record<string, unknown> = {};
    for (const k of STYLE_KEYS) {
      const x = (rs && rs[k]) || (cs && cs[k]);
      if (x) style[k] = x;
    }
    row.setStyle(c, style as Style);
  }

  /** Number of cells held (for tests and diagnostics). */
  cellCount(): number {
    let n = 0;
    for (const row of this.rows) if (row) for (const v of row.v) if (v !== undefined) n++;
    return n;
  }
}

// ---- moving cells between exceljs and the store ------------------------------------------------

interface XCellLike {
  type: number;
  value: unknown;
  formula?: string;
  result?: unknown;
  style: Style;
  _comment?: unknown;
}
interface XRowLike {
  _cells: (XCellLike | undefined)[];
  style: Style;
  height?: number;
  hidden?: boolean;
  outlineLevel?: number;
}
interface XSheetLike {
  _rows: (XRowLike | undefined)[];
  getRow(
    r: number
  ): XRowLike & { getCell(c: number): XCellLike & { merge(master: unknown, ignoreStyle: boolean): void } };
}

/** Moves every cell of an exceljs worksheet into a new store (the worksheet is left without cells). */
export function takeCells(ws: ExcelJS.Worksheet): SheetStore {
  const store = new SheetStore(ws);
  const x = ws as unknown as XSheetLike;
  const rows = x._rows;
  for (let ri = 0; ri < rows.length; ri++) {
    const xr = rows[ri];
    if (!xr) continue;
    const row = new StoreRow(xr._cells.length);
    if (xr.style && !isEmptyStyle(xr.style)) row.style = xr.style;
    if (xr.height !== undefined || xr.hidden || xr.outlineLevel) {
      row.attrs = { height: xr.height, hidden: xr.hidden || undefined, outlineLevel: xr.outlineLevel || undefined };
    }
    const cells = xr._cells;
    let styles: (Style | undefined)[] | undefined;
    for (let ci = 0; ci < cells.length; ci++) {
      const cell = cells[ci];
      if (!cell) continue;
      const type = cell.type;
      let v: unknown;
      if (type === VT.Merge) v = MERGE;
      else if (type === VT.Formula) {
        // Shared formulas are kept as the formula exceljs translates for this cell.
        const f: { formula: string | undefined; result?: unknown } = { formula: cell.formula };
        if (cell.result !== undefined) f.result = cell.result;
        v = f;
      } else v = cell.value ?? null;
      row.v[ci] = v;
      if (cell.style && !isEmptyStyle(cell.style)) (styles ??= new Array(cells.length))[ci] = cell.style;
      if (cell._comment !== undefined) (row.notes ??= new Map()).set(ci, cell._comment);
    }
    row.s = styles;
    store.rows[ri] = row;
  }
  x._rows = [];
  return store;
}

/** Puts the store's cells into the (cell-less) exceljs worksheet, for exceljs's writer. */
export function putCells(store: SheetStore, ws: ExcelJS.Worksheet): void {
  const x = ws as unknown as XSheetLike;
  const rows = store.rows;
  for (let ri = 0; ri < rows.length; ri++) {
    const row = rows[ri];
    if (!row) continue;
    const xr = x.getRow(ri + 1);
    if (row.style) xr.style = row.style;
    if (row.attrs) {
      if (row.attrs.height !== undefined) xr.height = row.attrs.height;
      if (row.attrs.hidden) xr.hidden = true;
      if (row.attrs.outlineLevel) xr.outlineLevel = row.attrs.outlineLevel;
    }
    const v = row.v;
    for (let ci = 0; ci < v.length; ci++) {
      const value = v[ci];
      if (value === undefined) continue;
      const cell = xr.getCell(ci + 1);
      if (value !== MERGE) cell.value = value;
      cell.style = row.styleAt(ci) ?? {};
      const note = row.notes?.get(ci);
      if (note !== undefined) cell._comment = note;
    }
  }
  // exceljs's writer finds merged areas through their Merge cells.
  const merges = (ws as unknown as { _merges?: Record<string, { model: MergeModel }> })._merges ?? {};
  for (const { model: m } of Object.values(merges)) {
    const master = x.getRow(m.top).getCell(m.left);
    for (let r = m.top; r <= m.bottom; r++)
      for (let c = m.left; c <= m.right; c++) {
        if (r === m.top && c === m.left) continue;
        const cell = x.getRow(r).getCell(c);
        const style = cell.style;
        cell.merge(master, true);
        cell.style = style;
      }
  }
}

interface MergeModel {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** Drops the exceljs cells made by putCells (the store keeps them). */
export function dropCells(ws: ExcelJS.Worksheet): void {
  (ws as unknown as XSheetLike)._rows = [];
}
