/**
 * Fills a sheet's store from CSV fields, each taken as if typed into en-US Excel (typed-input.ts),
 * as Excel does when it opens a CSV file.
 *
 * Fast for large files: a plain decimal number skips the typed-input rules (same result), a field
 * seen before reuses what it became (exports repeat dates, countries, product names), and cells of
 * the same number format share one style object.
 */
import { Typed, parseTyped } from "./typed-input";
import type { CsvSink } from "./csv";
import type { SheetStore, StoreRow, Style } from "./store";

/**
 * A CSV file's rest as read in another thread (csv-part.ts), for CsvFill.placePart: per field, the index of its
 * reading in `readings`, or PART_EMPTY, or PART_NUMBER (the next of `numbers`); PART_ROW_END after each row.
 * Typed arrays and plain objects: posted between threads as they are.
 */
export interface CsvPart {
  fields: Int32Array<ArrayBuffer>;
  numbers: Float64Array<ArrayBuffer>;
  readings: Typed[];
}
export const PART_EMPTY = -1;
export const PART_NUMBER = -2;
export const PART_ROW_END = -3;

/** Distinct fields remembered; past this the cache stops growing (memory stays bounded). */
const CACHE_LIMIT = 200_000;

/** 10^k for the fraction digits of a plain number (at most 14). */
const POW10 = Array.from({ length: 16 }, (_, k) => 10 ** k);

/**
 * A field that typed-input reads as exactly `Number(s)`: an optional "-", 1–15 digits, an optional "." that is
 * neither first nor last, at most 15 digits in all (Excel keeps 15; to15Digits is then a no-op). Read from
 * text[start, end) without making the substring. The value is the digits as an integer (exact below 2^53)
 * divided by a power of ten (exact): one correctly rounded division, so the same double as Number(s).
 */
function plainNumberAt(text: string, start: number, end: number): number | null {
  const n = end - start;
  if (n === 0 || n > 17) return null;
  let i = start;
  const negative = text.charCodeAt(i) === 45; /* - */
  if (negative) {
    i++;
    if (n === 1) return null;
  }
  const first = i;
  let digits = 0;
  let dot = -1;
  let m = 0;
  for (; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      digits++;
      m = m * 10 + (c - 48);
    } else if (c === 46 /* . */ && dot < 0 && i > first && i < end - 1) dot = i;
    else return null;
  }
  if (digits === 0 || digits > 15) return null;
  const v = dot < 0 ? m : m / POW10[end - 1 - dot];
  return negative ? -v : v;
}

/**
 * Reads CSV fields as if typed into en-US Excel: a plain number without its substring, a column's repeat of the
 * row above from that row's reading, any other field through the cache of fields seen before. What becomes of
 * each reading is the subclass's: CsvFill puts it into a sheet, CsvPartReader (csv-part.ts) records it.
 */
export abstract class CsvReading implements CsvSink {
  private readonly cache = new Map<string, Typed>();
  /** The column of the field being read (0-based). */
  protected j = 0;
  /** Per column, the last text field read and its reading. */
  private readonly lastText: (string | undefined)[] = [];
  private readonly lastTyped: Typed[] = [];

  /** `now`: the moment a field without a date (a time alone) is read at. */
  constructor(readonly now: Date) {}

  span(text: string, start: number, end: number): void {
    if (start === end) {
      this.empty();
      return;
    }
    const num = plainNumberAt(text, start, end);
    if (num !== null) {
      this.number(num);
      return;
    }
    // Exports repeat a column's text from row to row (an order's date, a country): compared in place, the
    // repeat takes the previous row's reading without a substring or a lookup.
    const j = this.j;
    const last = this.lastText[j];
    if (last !== undefined && sameText(text, start, end, last)) this.typed(this.lastTyped[j]);
    else this.typedField(text, start, end);
  }

  value(v: string): void {
    this.span(v, 0, v.length);
  }

  abstract end(): void;
  /** An empty field (no cell); moves on to the next column. */
  protected abstract empty(): void;
  /** A plain number (typed-input reads it as exactly this number, in General); moves on to the next column. */
  protected abstract number(v: number): void;
  /** Any other field's reading; moves on to the next column. */
  protected abstract typed(t: Typed): void;

  /** text[start, end) read as typed input, or its reading from the cache when it was seen before. */
  private typedField(text: string, start: number, end: number): void {
    const f = start === 0 && end === text.length ? text : text.substring(start, end);
    let t = this.cache.get(f);
    if (t === undefined) {
      t = parseTyped(f, { date1904: false, now: this.now });
      if (this.cache.size < CACHE_LIMIT) this.cache.set(f, t);
    }
    this.lastText[this.j] = f;
    this.lastTyped[this.j] = t;
    this.typed(t);
  }
}

/**
 * Fills a sheet's store from CSV fields, as a CsvSink of the fast splitter (fields handed over as they are
 * split, a plain number read without its substring) or row by row (`row`, for papaparse's rows).
 */
export class CsvFill extends CsvReading {
  private readonly styles = new Map<string, Style>();
  /** Style arrays by the formats of a row ("1:m/d/yyyy|"): rows formatted alike share one. */
  private readonly patterns = new Map<string, (Style | undefined)[]>();

  // The row being filled (its column is `j`).
  private r = 0;
  private current: StoreRow | undefined = undefined;
  /** The row's formatted columns and their styles: the first `styled` entries (buffers kept from row to row). */
  private readonly styledCols: number[] = [];
  private readonly rowStyles: Style[] = [];
  private styled = 0;
  /** Fields of the widest row so far: the size a new row's array is given. */
  private width = 0;
  /** The previous row's formatted columns and its style array, reused while rows keep the same formats. */
  private readonly lastCols: number[] = [];
  private readonly lastStyles: Style[] = [];
  private lastStyled = 0;
  private lastPattern: (Style | undefined)[] | undefined = undefined;

  constructor(
    private readonly store: SheetStore,
    now = new Date()
  ) {
    super(now);
  }

  /** Starts again at row 0 (the store was emptied for a papaparse pass). */
  restart(): void {
    this.r = 0;
    this.reset();
  }

  /** Fills sheet row `r` (0-based) from its fields. */
  row(r: number, fields: readonly string[]): void {
    this.r = r;
    this.width = Math.max(this.width, fields.length);
    for (const f of fields) this.value(f);
    this.end();
  }

  /**
   * Fills on from the fields of the file's rest as recorded by CsvPartReader (csv-part.ts) on text cut right
   * after this fill's last row: the same cells as reading that text here.
   */
  placePart(part: CsvPart): void {
    const { fields, numbers, readings } = part;
    let k = 0;
    for (let i = 0; i < fields.length; i++) {
      const f = fields[i];
      if (f >= 0) this.typed(readings[f]);
      else if (f === PART_NUMBER) this.number(numbers[k++]);
      else if (f === PART_EMPTY) this.empty();
      else this.end();
    }
  }

  protected empty(): void {
    this.j++;
  }

  protected number(v: number): void {
    this.put(v);
  }

  protected typed(t: Typed): void {
    this.place(t);
  }

  end(): void {
    const row = this.current;
    const n = this.styled;
    if (row !== undefined && n > 0) {
      // Formatted like the row before (a CSV's date columns): its style array, with no array made for this row.
      if (this.lastPattern !== undefined && this.sameAsLast()) row.s = this.lastPattern;
      else {
        const cols = this.styledCols.slice(0, n);
        const styles = this.rowStyles.slice(0, n);
        const key = cols.map((c, k) => `${c}:${styles[k].numFmt}|`).join("");
        row.s = this.pattern(key, Math.max(this.width, this.j), cols, styles);
        for (let k = 0; k < n; k++) {
          this.lastCols[k] = cols[k];
          this.lastStyles[k] = styles[k];
        }
        this.lastStyled = n;
        this.lastPattern = row.s as (Style | undefined)[];
      }
    }
    if (this.j > this.width) this.width = this.j;
    this.r++;
    this.reset();
  }

  private reset(): void {
    this.j = 0;
    this.current = undefined;
    this.styled = 0;
  }

  /** The row's formatted columns and styles are the previous formatted row's. */
  private sameAsLast(): boolean {
    const n = this.styled;
    if (n !== this.lastStyled) return false;
    for (let k = 0; k < n; k++) {
      if (this.styledCols[k] !== this.lastCols[k] || this.rowStyles[k] !== this.lastStyles[k]) return false;
    }
    return true;
  }

  private cell(): StoreRow {
    return (this.current ??= this.store.rowAt(this.r, this.width));
  }

  private put(v: unknown): void {
    this.cell().v[this.j++] = v;
  }

  /** Puts a field's reading into the current cell. */
  private place(t: Typed): void {
    if (t.kind === "empty") {
      this.j++;
      return;
    }
    const j = this.j;
    switch (t.kind) {
      case "number":
        this.put(t.value);
        if (t.format) {
          this.styledCols[this.styled] = j;
          this.rowStyles[this.styled] = this.style(t.format);
          this.styled++;
        }
        return;
      case "boolean":
      case "text":
        this.put(t.value);
        return;
      case "formula":
        this.put({ formula: t.formula });
        return;
      case "error":
        this.put({ error: t.value });
        return;
    }
  }

  private style(numFmt: string): Style {
    let s = this.styles.get(numFmt);
    if (s === undefined) {
      s = { numFmt };
      this.styles.set(numFmt, s);
    }
    return s;
  }

  private pattern(key: string, width: number, cols: number[], styles: Style[]): (Style | undefined)[] {
    let p = this.patterns.get(key);
    if (p === undefined) {
      p = new Array<Style | undefined>(width);
      for (let k = 0; k < cols.length; k++) p[cols[k]] = styles[k];
      if (this.patterns.size < 10_000) this.patterns.set(key, p);
    }
    return p;
  }
}

/** text[start, end) equals s. */
function sameText(text: string, start: number, end: number, s: string): boolean {
  if (s.length !== end - start) return false;
  for (let i = 0; i < s.length; i++) if (text.charCodeAt(start + i) !== s.charCodeAt(i)) return false;
  return true;
}
