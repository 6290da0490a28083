/**
 * Where cells are on the page, in points, for placing charts (Chart.setPosition, top/left) and for the
 * cell anchors of a drawing (<xdr:from>/<xdr:to>, offsets in EMU: 12,700 per point, ECMA-376 Part 1, 20.1.2.1).
 *
 * Column widths follow the host's RangeFormat.columnWidth convention (range.ts): a width of w characters of
 * the default font (Calibri 11, 7 px a digit) is w × 7 + 5 pixels; the default column is 8.43 characters
 * (64 px, 48 pt) and the default row 15 pt (Excel's defaults for Calibri 11). Hidden rows and columns are 0.
 */
import { MAX_COLS, MAX_ROWS } from "./address";
import { xs } from "./cells";
import type { SheetState } from "./doc";

export const EMU_PER_POINT = 12_700;
const DEFAULT_COLUMN_POINTS = 48;
const DEFAULT_ROW_POINTS = 15;

interface XProps {
  properties?: { defaultRowHeight?: number; defaultColWidth?: number };
}

function columnPoints(sheet: SheetState, c: number): number {
  const col = xs(sheet)._columns?.[c] as { width?: number; hidden?: boolean } | undefined;
  if (col?.hidden) return 0;
  const chars = col?.width ?? (sheet.ws as unknown as XProps).properties?.defaultColWidth;
  // Excel's default column is 64 px (8.43 characters rounded to whole pixels).
  return chars === undefined ? DEFAULT_COLUMN_POINTS : ((chars * 7 + 5) * 72) / 96;
}

function defaultRowPoints(sheet: SheetState): number {
  return (sheet.ws as unknown as XProps).properties?.defaultRowHeight ?? DEFAULT_ROW_POINTS;
}

function rowPoints(sheet: SheetState, r: number): number {
  const attrs = sheet.store.row(r)?.attrs;
  if (attrs?.hidden) return 0;
  return attrs?.height ?? defaultRowPoints(sheet);
}

/** Distance in points from the sheet's left edge to column `c`'s left edge. */
export function columnLeft(sheet: SheetState, c: number): number {
  let x = 0;
  for (let i = 0; i < c; i++) x += columnPoints(sheet, i);
  return x;
}

/** Distance in points from the sheet's top edge to row `r`'s top edge (rows without their own height at once). */
export function rowTop(sheet: SheetState, r: number): number {
  const base = defaultRowPoints(sheet);
  let y = base * r;
  const rows = sheet.store.rows;
  const end = Math.min(r, rows.length);
  for (let i = 0; i < end; i++) if (rows[i]?.attrs) y += rowPoints(sheet, i) - base;
  return y;
}

export function columnWidth(sheet: SheetState, c: number): number {
  return columnPoints(sheet, c);
}

export function rowHeight(sheet: SheetState, r: number): number {
  return rowPoints(sheet, r);
}

/** The cell (0-based) whose area holds point `p` along an axis, and the distance into it, in points. */
function locate(p: number, size: (i: number) => number, max: number): { index: number; offset: number } {
  let at = 0;
  for (let i = 0; i < max; i++) {
    const s = size(i);
    if (p < at + s || i === max - 1) return { index: i, offset: Math.max(0, Math.min(p - at, s)) };
    at += s;
  }
  return { index: max - 1, offset: 0 };
}

export interface CellAnchor {
  col: number;
  /** EMU into the column. */
  colOff: number;
  row: number;
  rowOff: number;
}

/** A point of the sheet as a cell anchor (DrawingML xdr:from / xdr:to). */
export function anchorAt(sheet: SheetState, left: number, top: number): CellAnchor {
  const c = locate(left, (i) => columnPoints(sheet, i), MAX_COLS);
  const r = locateRow(sheet, top);
  return {
    col: c.index,
    colOff: Math.round(c.offset * EMU_PER_POINT),
    row: r.index,
    rowOff: Math.round(r.offset * EMU_PER_POINT),
  };
}

/** Rows by their tops: the rows before the last one with its own height one by one, then by the default. */
function locateRow(sheet: SheetState, p: number): { index: number; offset: number } {
  const rows = sheet.store.rows;
  let at = 0;
  for (let i = 0; i < rows.length; i++) {
    const h = rowPoints(sheet, i);
    if (p < at + h) return { index: i, offset: p - at };
    at += h;
  }
  const base = defaultRowPoints(sheet);
  const extra = Math.floor((p - at) / base);
  const index = Math.min(MAX_ROWS - 1, rows.length + extra);
  return { index, offset: Math.max(0, p - at - (index - rows.length) * base) };
}

/** The point a cell anchor stands for. */
export function pointOf(sheet: SheetState, a: CellAnchor): { left: number; top: number } {
  return {
    left: columnLeft(sheet, a.col) + a.colOff / EMU_PER_POINT,
    top: rowTop(sheet, a.row) + a.rowOff / EMU_PER_POINT,
  };
}
