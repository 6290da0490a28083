/**
 * What each sheet held when the workbook was opened, to tell at save time which cells the run changed.
 *
 * The host's store (store.ts) replaces a cell's value or style when it is written and never changes a value
 * or style object in place (style arrays are copy-on-write), so a cell is untouched exactly when its value
 * and its style object are the same (===) as when the file was read. A row keeps a copy of its value slots
 * (8 bytes a cell) and a reference to its style array; columns keep their width, style object and flags.
 */
import type { SheetState } from "../doc";
import type { RowAttrs, StoreRow, Style } from "../store";

export interface ColSnap {
  width: number | undefined;
  style: object | undefined;
  hidden: boolean;
  outlineLevel: number;
}

/** Rows as parallel arrays (no object per row): value slots, style arrays, and the few rows' own style/attributes. */
export interface SheetSnap {
  v: readonly (readonly unknown[] | undefined)[];
  s: readonly (readonly (Style | undefined)[] | undefined)[];
  rowStyle: ReadonlyMap<number, Style>;
  rowAttrs: ReadonlyMap<number, RowAttrs>;
  cols: readonly ColSnap[];
}

export const EMPTY_SNAP: SheetSnap = { v: [], s: [], rowStyle: new Map(), rowAttrs: new Map(), cols: [] };

/** exceljs's Column, as far as the writer reads it. */
export interface XColumn {
  width?: number;
  style?: Style;
  hidden?: boolean;
  outlineLevel?: number;
}

export function columnsOf(sheet: SheetState): (XColumn | undefined)[] {
  return (sheet.ws as unknown as { _columns?: (XColumn | undefined)[] })._columns ?? [];
}

function isEmptyObject(o: object | undefined): boolean {
  if (o === undefined) return true;
  for (const k in o) if ((o as Record<string, unknown>)[k] !== undefined) return false;
  return true;
}

export function colSnap(c: XColumn | undefined): ColSnap {
  return {
    width: c?.width,
    style: c?.style && !isEmptyObject(c.style) ? c.style : undefined,
    hidden: !!c?.hidden,
    outlineLevel: c?.outlineLevel ?? 0,
  };
}

export function sameCol(a: ColSnap, b: ColSnap): boolean {
  return a.width === b.width && a.style === b.style && a.hidden === b.hidden && a.outlineLevel === b.outlineLevel;
}

export function takeSnapshot(sheet: SheetState): SheetSnap {
  const rows = sheet.store.rows;
  const v: (unknown[] | undefined)[] = new Array(rows.length);
  const s: (readonly (Style | undefined)[] | undefined)[] = new Array(rows.length);
  const rowStyle = new Map<number, Style>();
  const rowAttrs = new Map<number, RowAttrs>();
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    if (!r) continue;
    v[i] = r.v.slice();
    if (r.s) s[i] = r.s;
    if (r.style) rowStyle.set(i, r.style);
    if (r.attrs) rowAttrs.set(i, r.attrs);
  }
  return { v, s, rowStyle, rowAttrs, cols: columnsOf(sheet).map(colSnap) };
}

/** 0-based columns whose width, style or flags changed since the snapshot. */
export function changedColumns(sheet: SheetState, snap: SheetSnap): number[] {
  const cols = columnsOf(sheet);
  const out: number[] = [];
  const n = Math.max(cols.length, snap.cols.length);
  const none = colSnap(undefined);
  for (let c = 0; c < n; c++) if (!sameCol(colSnap(cols[c]), snap.cols[c] ?? none)) out.push(c);
  return out;
}

/** Does the row hold anything a file would keep? */
function rowIsEmpty(row: StoreRow): boolean {
  if (row.style || row.attrs) return false;
  for (const v of row.v) if (v !== undefined) return false;
  return true;
}

/** Is row `r` as it was when the file was read (every value and style object the same)? */
export function sameRow(row: StoreRow | undefined, snap: SheetSnap, r: number): boolean {
  const o = snap.v[r];
  if (row === undefined) return o === undefined || o.every((x) => x === undefined);
  if (o === undefined) return rowIsEmpty(row);
  if (row.style !== snap.rowStyle.get(r) || row.attrs !== snap.rowAttrs.get(r)) return false;
  const v = row.v;
  const n = Math.max(v.length, o.length);
  for (let c = 0; c < n; c++) if (v[c] !== o[c]) return false;
  const os = snap.s[r];
  if (row.s === os) return true;
  for (let c = 0; c < n; c++) if (row.styleAt(c) !== os?.[c]) return false;
  return true;
}

/** Is the sheet's cell content as it was (every row the same)? */
export function sameCells(sheet: SheetState, snap: SheetSnap): boolean {
  const rows = sheet.store.rows;
  const n = Math.max(rows.length, snap.v.length);
  for (let r = 0; r < n; r++) if (!sameRow(rows[r], snap, r)) return false;
  return true;
}
