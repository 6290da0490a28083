/**
 * Writes a worksheet part (ECMA-376 Part 1 §18.3): for a sheet read from the file, its original part with only
 * <sheetData> and <dimension> (and <cols>, or a sheetView's tabSelected, when those changed) rewritten — every
 * other element is kept as it was (views and frozen panes, merges, conditional formats, data validation,
 * drawings, tables, hyperlinks, page setup, extensions) — and inside <sheetData> every row and cell the run did
 * not change is copied byte for byte (value, formula, style index and all). For a sheet the run added, a new
 * part.
 *
 * The original part is scanned as bytes (a large sheet is never decoded into one string); rows and cells are
 * found by their tags, in the file's order (ascending, as Excel requires).
 */
import type { StoreRow, Style } from "../store";
import { MERGE } from "../store";
import { ByteBuilder } from "./bytes";
import { CellContext, cellXml, needsQuotePrefix } from "./cell-xml";
import { ColSnap, EMPTY_SNAP, SheetSnap, XColumn, colSnap, sameCol, sameRow } from "./snapshot";
import type { StyleTable } from "./styles";
import { REL_NS } from "./rels";
import { cellRef, colName, findAll, findElement, fromUtf8, getAttr, setAttr } from "./xml";

export const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

export interface SheetContent {
  rows: readonly (StoreRow | undefined)[];
  columns: readonly (XColumn | undefined)[];
  /** Merged areas (1-based, inclusive) for a new part. */
  merges?: readonly { top: number; left: number; bottom: number; right: number }[];
}

/** The sheet as it was read (its snapshot), or EMPTY_SNAP for a new part. */
export type SheetBase = SheetSnap;

export interface SheetWriteOptions {
  ctx: CellContext;
  styles: StyleTable;
  /** True/false to set the first sheetView's tabSelected; undefined to leave it. */
  tabSelected?: boolean;
}

export interface SheetWriteResult {
  pieces: Uint8Array[];
  /** An original formula cell was rewritten or removed (the calculation chain no longer fits). */
  formulaTouched: boolean;
}

const LT = 60;
const GT = 62;
const SLASH = 47;
const QUOT = 34;
const APOS = 39;
const EMPTY_BASE: SheetBase = EMPTY_SNAP;
const NO_VALUES: readonly unknown[] = [];

function ascii(s: string): Uint8Array {
  return new TextEncoder().encode(s);
}

function isDelim(b: number): boolean {
  return b === 32 || b === 9 || b === 10 || b === 13 || b === GT || b === SLASH;
}

function startsAt(xml: Uint8Array, i: number, s: Uint8Array): boolean {
  if (i + s.length > xml.length) return false;
  for (let k = 0; k < s.length; k++) if (xml[i + k] !== s[k]) return false;
  return true;
}

function indexOfBytes(hay: Uint8Array, needle: Uint8Array, from: number, to = hay.length): number {
  const first = needle[0];
  const last = Math.min(to, hay.length) - needle.length;
  for (let i = hay.indexOf(first, from); i !== -1 && i <= last; i = hay.indexOf(first, i + 1)) {
    let k = 1;
    while (k < needle.length && hay[i + k] === needle[k]) k++;
    if (k === needle.length) return i;
  }
  return -1;
}

function lastIndexOfBytes(hay: Uint8Array, needle: Uint8Array, from: number): number {
  for (let i = hay.length - needle.length; i >= from; i--) if (startsAt(hay, i, needle)) return i;
  return -1;
}

/** Index just past the '>' of the tag starting at i (quoted values may hold '>'). */
function tagEnd(xml: Uint8Array, i: number): number {
  let q = 0;
  for (let j = i + 1; j < xml.length; j++) {
    const b = xml[j];
    if (q) {
      if (b === q) q = 0;
    } else if (b === QUOT || b === APOS) q = b;
    else if (b === GT) return j + 1;
  }
  return -1;
}

/**
 * Calls `fn` for each attribute of the tag xml[start, end) whose name is one byte long (r, s, t) with the
 * value's range.
 */
function shortAttrs(xml: Uint8Array, start: number, end: number, fn: (name: number, vs: number, ve: number) => void) {
  let i = start + 1;
  while (i < end && !isDelim(xml[i])) i++;
  while (i < end) {
    while (i < end && (xml[i] === 32 || xml[i] === 9 || xml[i] === 10 || xml[i] === 13)) i++;
    if (i >= end || xml[i] === GT || xml[i] === SLASH) return;
    const ns = i;
    while (i < end && xml[i] !== 61 && xml[i] !== 32 && xml[i] !== 9 && xml[i] !== 10 && xml[i] !== 13) i++;
    const ne = i;
    while (i < end && xml[i] !== 61) i++;
    i++;
    while (i < end && xml[i] !== QUOT && xml[i] !== APOS) i++;
    const q = xml[i];
    const vs = ++i;
    while (i < end && xml[i] !== q) i++;
    const ve = i++;
    if (ne - ns === 1) fn(xml[ns], vs, ve);
  }
}

function readInt(xml: Uint8Array, vs: number, ve: number): number {
  let n = 0;
  for (let i = vs; i < ve; i++) n = n * 10 + (xml[i] - 48);
  return n;
}

/** Cells of one original row, in parallel arrays reused from row to row. */
class RowCells {
  n = 0;
  start = new Int32Array(1024);
  end = new Int32Array(1024);
  tagEnd = new Int32Array(1024);
  col = new Int32Array(1024);
  s = new Int32Array(1024);
  sst = new Uint8Array(1024);

  push(start: number, tEnd: number, end: number, col: number, s: number, sst: boolean): void {
    if (this.n === this.start.length) this.grow();
    const i = this.n++;
    this.start[i] = start;
    this.tagEnd[i] = tEnd;
    this.end[i] = end;
    this.col[i] = col;
    this.s[i] = s;
    this.sst[i] = sst ? 1 : 0;
  }

  private grow(): void {
    const g = <T extends Int32Array | Uint8Array>(a: T): T => {
      const b = new (a.constructor as new (n: number) => T)(a.length * 2);
      b.set(a);
      return b;
    };
    this.start = g(this.start);
    this.end = g(this.end);
    this.tagEnd = g(this.tagEnd);
    this.col = g(this.col);
    this.s = g(this.s);
    this.sst = g(this.sst);
  }

  /** Puts the cells in column order (a file should have them so already). */
  sort(): void {
    let sorted = true;
    for (let i = 1; i < this.n && sorted; i++) if (this.col[i] <= this.col[i - 1]) sorted = false;
    if (sorted) return;
    const idx = Array.from({ length: this.n }, (_, i) => i).sort((a, b) => this.col[a] - this.col[b] || a - b);
    for (const a of [this.start, this.end, this.tagEnd, this.col, this.s, this.sst]) {
      const copy = a.slice(0, this.n);
      idx.forEach((from, to) => (a[to] = copy[from]));
    }
  }
}

interface Tags {
  row: Uint8Array;
  rowClose: Uint8Array;
  c: Uint8Array;
  cClose: Uint8Array;
  f: Uint8Array;
}

function tagsFor(p: string): Tags {
  return {
    row: ascii(`<${p}row`),
    rowClose: ascii(`</${p}row>`),
    c: ascii(`<${p}c`),
    cClose: ascii(`</${p}c>`),
    f: ascii(`<${p}f`),
  };
}

/** Writes the rows of <sheetData> (without the element's own tags). */
class SheetDataWriter {
  private minR = Infinity;
  private maxR = -1;
  private minC = Infinity;
  private maxC = -1;
  formulaTouched = false;
  /** Shared formula groups whose master cell was rewritten: their other cells are rewritten too. */
  private readonly broken = new Set<string>();
  private readonly cells = new RowCells();
  private readonly tags: Tags;
  private lastLearned: object | undefined;
  /** Children of the row after its cells (an extLst), kept when the row is rewritten. */
  private rowTail: [number, number] | null = null;

  constructor(
    private readonly out: ByteBuilder,
    private readonly content: SheetContent,
    private readonly base: SheetBase,
    private readonly opts: SheetWriteOptions,
    private readonly xml: Uint8Array | null
  ) {
    this.tags = tagsFor(opts.ctx.p);
  }

  get dimension(): string {
    if (this.maxR < 0) return "A1";
    const a = `${colName(this.minC)}${this.minR + 1}`;
    const b = `${colName(this.maxC)}${this.maxR + 1}`;
    return a === b ? a : `${a}:${b}`;
  }

  private mark(r: number, c: number): void {
    if (r < this.minR) this.minR = r;
    if (r > this.maxR) this.maxR = r;
    if (c < this.minC) this.minC = c;
    if (c > this.maxC) this.maxC = c;
  }

  private learn(style: Style | undefined, xf: number): void {
    if (style === undefined || style === this.lastLearned) return;
    this.lastLearned = style;
    this.opts.styles.learn(style, xf);
  }

  /** Writes all rows: the original ones in [from, to) of the part, and the rows only the store has. */
  run(from: number, to: number): void {
    const rows = this.content.rows;
    const n = Math.max(rows.length, this.base.v.length);
    let next = 0;
    const newRowsBefore = (limit: number) => {
      for (const end = Math.min(limit, n); next < end; next++)
        if (!sameRow(rows[next], this.base, next)) this.writeRow(next, -1, -1, -1);
    };
    const xml = this.xml;
    if (xml) {
      const t = this.tags;
      let pos = from;
      let prev = -1;
      for (;;) {
        const lt = xml.indexOf(LT, pos);
        if (lt < 0 || lt >= to) break;
        if (!(startsAt(xml, lt, t.row) && isDelim(xml[lt + t.row.length]))) {
          pos = this.skip(lt, to);
          continue;
        }
        const te = tagEnd(xml, lt);
        let r = -1;
        shortAttrs(xml, lt, te, (name, vs, ve) => {
          if (name === 114 /* r */) r = readInt(xml, vs, ve) - 1;
        });
        if (r < 0) r = prev + 1;
        newRowsBefore(r);
        next = Math.max(next, r + 1);
        const rowEnd = this.scanCells(lt, te, to);
        this.writeRow(r, lt, te, rowEnd);
        prev = r;
        pos = rowEnd;
      }
    }
    newRowsBefore(n);
  }

  /** Skips a comment, processing instruction or unexpected element at `lt`. */
  private skip(lt: number, to: number): number {
    const xml = this.xml as Uint8Array;
    if (xml[lt + 1] === 33 /* ! */) {
      const end = indexOfBytes(xml, ascii("-->"), lt);
      return end < 0 ? to : end + 3;
    }
    const te = tagEnd(xml, lt);
    return te < 0 ? to : te;
  }

  /** Scans the cells of the row whose start tag is xml[lt, te); returns the index past the row. */
  private scanCells(lt: number, te: number, to: number): number {
    const xml = this.xml as Uint8Array;
    const t = this.tags;
    const cells = this.cells;
    cells.n = 0;
    if (xml[te - 2] === SLASH) return te;
    let pos = te;
    let prevCol = -1;
    for (;;) {
      const i = xml.indexOf(LT, pos);
      if (i < 0 || i >= to) return to;
      if (startsAt(xml, i, t.rowClose)) return i + t.rowClose.length;
      if (startsAt(xml, i, t.c) && isDelim(xml[i + t.c.length])) {
        const ce = tagEnd(xml, i);
        let col = -1;
        let s = 0;
        let sst = false;
        shortAttrs(xml, i, ce, (name, vs, ve) => {
          if (name === 114 /* r */) {
            let c = 0;
            let k = vs;
            for (; k < ve && xml[k] >= 65; k++) c = c * 26 + ((xml[k] & 0xdf) - 64);
            col = c - 1;
          } else if (name === 115 /* s */) s = readInt(xml, vs, ve);
          else if (name === 116 /* t */) sst = ve - vs === 1 && xml[vs] === 115;
        });
        if (col < 0) col = prevCol + 1;
        let end = ce;
        if (xml[ce - 2] !== SLASH) {
          const close = indexOfBytes(xml, t.cClose, ce, to);
          end = close < 0 ? to : close + t.cClose.length;
        }
        cells.push(i, ce, end, col, s, sst);
        prevCol = col;
        pos = end;
        continue;
      }
      // Anything else in a row (an extLst) is kept when the row is rewritten: it ends the cells.
      const close = indexOfBytes(xml, t.rowClose, i, to);
      this.rowTail = close < 0 ? [i, to] : [i, close];
      return close < 0 ? to : close + t.rowClose.length;
    }
  }

  /** The <f> of an original cell: shared group id, and whether it is the group's master (has ref). */
  private formulaOf(i: number): { si: string | undefined; master: boolean } | null {
    const xml = this.xml as Uint8Array;
    const c = this.cells;
    const at = indexOfBytes(xml, this.tags.f, c.tagEnd[i], c.end[i]);
    if (at < 0 || !isDelim(xml[at + this.tags.f.length])) return null;
    const tag = fromUtf8(xml.subarray(at, tagEnd(xml, at)));
    if (getAttr(tag, "t") !== "shared") return { si: undefined, master: false };
    return { si: getAttr(tag, "si"), master: getAttr(tag, "ref") !== undefined };
  }

  private writeRow(r: number, lt: number, te: number, rowEnd: number): void {
    const row = this.content.rows[r];
    const base = this.base;
    const xml = this.xml;
    const cells = this.cells;
    const orig = lt >= 0 && xml !== null;
    if (orig) cells.sort();
    else cells.n = 0;
    const tail = this.rowTail;
    this.rowTail = null;
    const oldS = base.s[r];
    const oldV = base.v[r] ?? NO_VALUES;
    const oldStyle = base.rowStyle.get(r);
    // Learn the styles of the original cells (their style objects are this file's cellXfs entries).
    for (let i = 0; i < cells.n; i++) {
      const c = cells.col[i];
      if (oldS && oldS[c] !== undefined && oldV[c] !== MERGE) this.learn(oldS[c], cells.s[i]);
    }
    if (orig && this.broken.size === 0 && sameRow(row, base, r)) {
      this.out.bytes((xml as Uint8Array).subarray(lt, rowEnd));
      for (let i = 0; i < cells.n; i++) this.mark(r, cells.col[i]);
      return;
    }
    const styles = this.opts.styles;
    const ctx = this.opts.ctx;
    const p = ctx.p;
    const v = row?.v ?? NO_VALUES;
    const width = Math.max(v.length, oldV.length, cells.n > 0 ? cells.col[cells.n - 1] + 1 : 0);
    // Cells are gathered in order: a string is a new cell, two numbers the byte range of an original one.
    const order: (string | number)[] = [];
    let oi = 0;
    for (let c = 0; c < width; c++) {
      while (oi < cells.n && cells.col[oi] < c) oi++;
      const hasOrig = oi < cells.n && cells.col[oi] === c;
      const cur = v[c];
      const old = oldV[c];
      if (!hasOrig && cur === undefined && old === undefined) continue;
      const curS = row?.styleAt(c);
      const same = cur === old && curS === oldS?.[c];
      let xf: number;
      if (hasOrig) {
        const i = oi++;
        let brokenChild = false;
        if (same && this.broken.size > 0) {
          const f = this.formulaOf(i);
          brokenChild = !!f && f.si !== undefined && this.broken.has(f.si);
        }
        if (same && !brokenChild) {
          order.push(cells.start[i], cells.end[i]);
          this.mark(r, c);
          continue;
        }
        const f = this.formulaOf(i);
        if (f) {
          this.formulaTouched = true;
          if (f.master && f.si !== undefined) this.broken.add(f.si);
        }
        if (cells.sst[i]) ctx.sst.dropRef();
        if (cur === undefined) continue;
        if (curS === oldS?.[c]) {
          xf = cells.s[i];
          if (typeof cur === "string" && !styles.quoted(xf) && needsQuotePrefix(cur, curS?.numFmt))
            xf = styles.index(curS, true);
        } else xf = styles.index(curS, typeof cur === "string" && needsQuotePrefix(cur, curS?.numFmt));
      } else {
        if (same || cur === undefined) continue;
        xf = styles.index(curS, typeof cur === "string" && needsQuotePrefix(cur, curS?.numFmt));
      }
      const x = cellXml(ctx, cellRef(r, c), cur, xf);
      if (x) {
        order.push(x);
        this.mark(r, c);
      }
    }
    // The row's start tag: the original one (spans dropped: it is optional, §18.3.1.73), or a new one.
    let tag: string;
    if (orig) {
      tag = fromUtf8((xml as Uint8Array).subarray(lt, te));
      if (tag.includes("spans")) tag = setAttr(tag, "spans", undefined);
      if (row?.style !== oldStyle) {
        const s = row?.style ? styles.index(row.style) : 0;
        tag = setAttr(setAttr(tag, "s", s ? String(s) : undefined), "customFormat", s ? "1" : undefined);
      } else if (oldStyle) {
        const s = getAttr(tag, "s");
        if (s !== undefined) styles.learn(oldStyle, Number(s));
      }
      if (row?.attrs !== base.rowAttrs.get(r)) tag = rowAttrs(tag, row?.attrs);
      if (tag.endsWith("/>") && (order.length > 0 || tail)) tag = tag.replace(/\s*\/>$/, ">");
    } else {
      if (order.length === 0 && !row?.style && !row?.attrs) return;
      let a = "";
      if (row?.style) {
        const s = styles.index(row.style);
        if (s) a += ` s="${s}" customFormat="1"`;
      }
      const at = row?.attrs;
      if (at?.height !== undefined) a += ` ht="${at.height}" customHeight="1"`;
      if (at?.hidden) a += ' hidden="1"';
      if (at?.outlineLevel) a += ` outlineLevel="${at.outlineLevel}"`;
      tag = `<${p}row r="${r + 1}"${a}${order.length === 0 ? "/>" : ">"}`;
    }
    const out = this.out;
    out.str(tag);
    if (tag.endsWith("/>")) return;
    for (let k = 0; k < order.length; k++) {
      const piece = order[k];
      if (typeof piece === "string") out.str(piece);
      else out.bytes((xml as Uint8Array).subarray(piece, order[++k] as number));
    }
    if (tail) out.bytes((xml as Uint8Array).subarray(tail[0], tail[1]));
    out.str(`</${p}row>`);
  }
}

/** A row start tag with the height, hidden and outline attributes of `attrs`. */
function rowAttrs(
  tag: string,
  attrs: { height?: number; hidden?: boolean; outlineLevel?: number } | undefined
): string {
  let t = tag;
  t = setAttr(t, "ht", attrs?.height !== undefined ? String(attrs.height) : undefined);
  t = setAttr(t, "customHeight", attrs?.height !== undefined ? "1" : undefined);
  t = setAttr(t, "hidden", attrs?.hidden ? "1" : undefined);
  t = setAttr(t, "outlineLevel", attrs?.outlineLevel ? String(attrs.outlineLevel) : undefined);
  return t;
}

// ---- the part around <sheetData> -------------------------------------------------------------------------

/** Elements that come before <cols> in CT_Worksheet (§18.3.1.99), last first: <cols> goes after the first found. */
const BEFORE_COLS = ["sheetFormatPr", "sheetViews", "dimension", "sheetPr"];

function insertAfterFirst(head: string, p: string, names: string[], el: string, rootTag: RegExp): string {
  for (const name of names) {
    const f = findElement(head, p, name);
    if (f) return head.slice(0, f.end) + el + head.slice(f.end);
  }
  const root = rootTag.exec(head);
  if (!root) return head + el;
  const at = root.index + root[0].length;
  return head.slice(0, at) + el + head.slice(at);
}

interface ColRange {
  min: number;
  max: number;
  /** The start tag without min and max. */
  tag: string;
}

/** <cols> with the changed columns' width, style and flags; other <col> elements as they were. */
function rewriteCols(
  head: string,
  p: string,
  columns: readonly (XColumn | undefined)[],
  base: readonly ColSnap[],
  styles: StyleTable,
  rootTag: RegExp
): string {
  const el = findElement(head, p, "cols");
  let ranges: ColRange[] = [];
  if (el)
    for (const c of findAll(head, p, "col", el.innerStart, el.innerEnd)) {
      const min = Number(getAttr(c.tag, "min"));
      const max = Number(getAttr(c.tag, "max"));
      if (!(min >= 1 && max >= min)) continue;
      const tag = setAttr(
        setAttr(head.slice(c.start, c.end).replace(/<\/[^>]*>$/, ""), "min", undefined),
        "max",
        undefined
      );
      const style = getAttr(c.tag, "style");
      const snapStyle = base[min - 1]?.style;
      if (style !== undefined && snapStyle) styles.learn(snapStyle as Style, Number(style));
      ranges.push({ min, max, tag: tag.endsWith("/>") ? tag : tag.replace(/>$/, "/>") });
    }
  const none = colSnap(undefined);
  const n = Math.max(columns.length, base.length);
  for (let c = 0; c < n; c++) {
    const now = colSnap(columns[c]);
    const was = base[c] ?? none;
    if (sameCol(now, was)) continue;
    const at = c + 1;
    const i = ranges.findIndex((x) => x.min <= at && at <= x.max);
    let tag: string;
    const next: ColRange[] = [];
    if (i >= 0) {
      const x = ranges[i];
      if (x.min < at) next.push({ min: x.min, max: at - 1, tag: x.tag });
      if (at < x.max) next.push({ min: at + 1, max: x.max, tag: x.tag });
      tag = x.tag;
      ranges.splice(i, 1);
    } else tag = `<${p}col/>`;
    tag = setAttr(tag, "width", now.width !== undefined ? String(now.width) : undefined);
    tag = setAttr(tag, "customWidth", now.width !== undefined ? "1" : undefined);
    if (now.style !== was.style) {
      const s = now.style ? styles.index(now.style as Style) : 0;
      tag = setAttr(tag, "style", s ? String(s) : undefined);
    }
    tag = setAttr(tag, "hidden", now.hidden ? "1" : undefined);
    tag = setAttr(tag, "outlineLevel", now.outlineLevel ? String(now.outlineLevel) : undefined);
    if (/\s(width|style|hidden|outlineLevel|collapsed|bestFit|phonetic)=/.test(tag))
      next.push({ min: at, max: at, tag });
    ranges = ranges.concat(next);
  }
  ranges.sort((a, b) => a.min - b.min);
  const merged: ColRange[] = [];
  for (const x of ranges) {
    const last = merged[merged.length - 1];
    if (last && last.max + 1 === x.min && last.tag === x.tag) last.max = x.max;
    else merged.push({ ...x });
  }
  const body = merged
    .map((x) => x.tag.replace(new RegExp(`^<${p}col`), `<${p}col min="${x.min}" max="${x.max}"`))
    .join("");
  const cols = body ? `<${p}cols>${body}</${p}cols>` : "";
  if (el) return head.slice(0, el.start) + cols + head.slice(el.end);
  return cols ? insertAfterFirst(head, p, BEFORE_COLS, cols, rootTag) : head;
}

function editHead(
  head: string,
  p: string,
  dimension: string,
  content: SheetContent,
  base: SheetBase,
  opts: SheetWriteOptions
): string {
  const rootTag = new RegExp(`<${p}worksheet\\b[^>]*>`);
  let h = head;
  const dim = findElement(h, p, "dimension");
  const dimEl = `<${p}dimension ref="${dimension}"/>`;
  if (dim) h = h.slice(0, dim.start) + setAttr(dim.tag, "ref", dimension) + h.slice(dim.end);
  else h = insertAfterFirst(h, p, ["sheetPr"], dimEl, rootTag);
  const n = Math.max(content.columns.length, base.cols.length);
  const none = colSnap(undefined);
  for (let c = 0; c < n; c++) {
    if (!sameCol(colSnap(content.columns[c]), base.cols[c] ?? none)) {
      h = rewriteCols(h, p, content.columns, base.cols, opts.styles, rootTag);
      break;
    }
  }
  if (opts.tabSelected !== undefined) {
    const view = new RegExp(`<${p}sheetView\\b[^>]*>`).exec(h);
    if (view) {
      const tag = setAttr(view[0], "tabSelected", opts.tabSelected ? "1" : undefined);
      h = h.slice(0, view.index) + tag + h.slice(view.index + view[0].length);
    }
  }
  return h;
}

/** Is the sheet's first view selected (tabSelected) in this original part? */
export function tabSelectedOf(xml: Uint8Array): boolean {
  const head = fromUtf8(xml.subarray(0, Math.min(xml.length, 8192)));
  const view = /<([\w.-]+:)?sheetView\b[^>]*>/.exec(head);
  return !!view && /^(1|true)$/.test(getAttr(view[0], "tabSelected") ?? "");
}

/** Rewrites an original worksheet part around what changed. */
export function rewriteSheet(
  original: Uint8Array,
  content: SheetContent,
  base: SheetBase,
  opts: SheetWriteOptions
): SheetWriteResult {
  const head0 = fromUtf8(original.subarray(0, Math.min(original.length, 1 << 16)));
  const sd = /<([\w.-]+:)?sheetData(?=[\s>/])/.exec(head0);
  let start: number;
  let p: string;
  if (sd) {
    start = new TextEncoder().encode(head0.slice(0, sd.index)).length;
    p = sd[1] ?? "";
  } else {
    // A very long head (many <col> elements): search the bytes.
    const at = indexOfBytes(original, ascii("sheetData"), 0);
    if (at < 0) throw new Error("worksheet part without sheetData");
    start = original.lastIndexOf(LT, at);
    p = fromUtf8(original.subarray(start + 1, at));
  }
  const openEnd = tagEnd(original, start);
  const selfClosing = original[openEnd - 2] === SLASH;
  const close = ascii(`</${p}sheetData>`);
  const closeAt = selfClosing ? openEnd : lastIndexOfBytes(original, close, openEnd);
  if (closeAt < 0) throw new Error("worksheet part without </sheetData>");
  const tailAt = selfClosing ? openEnd : closeAt + close.length;
  const ctx = { ...opts.ctx, p };
  const o = { ...opts, ctx };
  const data = new ByteBuilder();
  const w = new SheetDataWriter(data, content, base, o, original);
  w.run(openEnd, closeAt);
  const dataPieces = data.finish();
  const head = editHead(fromUtf8(original.subarray(0, start)), p, w.dimension, content, base, o);
  const out = new ByteBuilder();
  out.str(head);
  out.str(`<${p}sheetData>`);
  const pieces = out.finish();
  pieces.push(...dataPieces);
  const end = new ByteBuilder();
  end.str(`</${p}sheetData>`);
  end.bytes(original.subarray(tailAt));
  pieces.push(...end.finish());
  return { pieces, formulaTouched: w.formulaTouched };
}

/** A worksheet part for a sheet made during the run. */
export function newSheet(content: SheetContent, opts: SheetWriteOptions): SheetWriteResult {
  const ctx = { ...opts.ctx, p: "" };
  const o = { ...opts, ctx };
  const data = new ByteBuilder();
  const w = new SheetDataWriter(data, content, EMPTY_BASE, o, null);
  w.run(0, 0);
  const dataPieces = data.finish();
  const head0 =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">` +
    '<dimension ref="A1"/><sheetViews><sheetView workbookViewId="0"/></sheetViews>' +
    '<sheetFormatPr defaultRowHeight="15"/>';
  const head = editHead(head0, "", w.dimension, content, EMPTY_BASE, o);
  const out = new ByteBuilder();
  out.str(head);
  out.str("<sheetData>");
  const pieces = out.finish();
  pieces.push(...dataPieces);
  const end = new ByteBuilder();
  end.str("</sheetData>");
  const merges = content.merges ?? [];
  if (merges.length > 0) {
    end.str(`<mergeCells count="${merges.length}">`);
    for (const m of merges)
      end.str(`<mergeCell ref="${cellRef(m.top - 1, m.left - 1)}:${cellRef(m.bottom - 1, m.right - 1)}"/>`);
    end.str("</mergeCells>");
  }
  end.str('<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>');
  pieces.push(...end.finish());
  return { pieces, formulaTouched: false };
}
