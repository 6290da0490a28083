/**
 * A sheet's used range as CSV bytes (UTF-8 with a BOM, RFC 4180, CRLF), in pieces of about PIECE_BYTES, for
 * writing a large sheet out without holding its text. This is a file export, not an API read: the whole used
 * range is written, however many cells it has.
 *
 * Fields are written as Excel writes them (the value; a date in its own format) and a text cell that
 * starts with = + - @, a tab or a carriage return gets a leading apostrophe (csvTextField, OWASP CSV
 * injection). Fast for a million rows: each distinct text, small integer and date is encoded to bytes once
 * and copied after that, and a run of cells equal to the row above's (an order's lines share its number,
 * date, customer and the customer's segment columns) is copied from the line above in one go; no string is
 * built per line or per field.
 */
import { cellValue, usedRect } from "./cells";
import { csvTextField } from "./csv";
import type { SheetState } from "./doc";
import { GENERAL, apiNumberFormat, displayText, isDateFormat } from "./number-format";
import type { StoreRow } from "./store";

const PIECE_BYTES = 1 << 20;
const BOM = [0xef, 0xbb, 0xbf];
const COMMA = 0x2c;

/** Distinct values whose bytes are remembered, per kind. */
const MEMO_ENTRIES = 100_000;

export function* csvBytes(sheet: SheetState, date1904: boolean): Generator<Uint8Array> {
  let buf: Uint8Array = new Uint8Array(PIECE_BYTES + 4096);
  buf.set(BOM);
  let p = BOM.length;
  const used = usedRect(sheet, true);
  if (used) {
    const cols = used.col + used.cols;
    const total = used.row + used.rows;
    const fields = new FieldBytes(date1904);
    const store = sheet.store;
    // Rows share style arrays (store.ts): each column's date format is looked up once per distinct array.
    let styles: StoreRow["s"] | null = null;
    let dateFormats: (string | undefined)[] = [];
    // Per column, the last value encoded and where its bytes are (FieldBytes): a value seen again in its column
    // is copied without a lookup — where rows do not share a style array (an .xlsx input), no run applies below.
    const lastValue: unknown[] = new Array(cols);
    const lastFormat: (string | undefined)[] = new Array(cols);
    const lastStart = new Int32Array(cols);
    const lastLength = new Int32Array(cols);
    const lastLoose: Uint8Array[] = new Array(cols);
    // Where each field of the line above starts and ends in `buf`, and where this line's go: a run of cells equal
    // to the row above's (same styles: same formats) is copied from that line in one go.
    let starts = new Int32Array(cols);
    let ends = new Int32Array(cols);
    let aboveStarts = new Int32Array(cols);
    let aboveEnds = new Int32Array(cols);
    let above: StoreRow | undefined = undefined;
    for (let r = 0; r < total; r++) {
      const row = store.row(r);
      if (p + cols + 2 > buf.length) buf = grow(buf, p, cols + 2);
      if (row !== undefined) {
        if (row.s !== styles) {
          styles = row.s;
          dateFormats = new Array(cols);
          for (let c = 0; c < cols; c++) {
            // A number comes from a cell that exists: its format is its own.
            const f = apiNumberFormat(row.styleAt(c)?.numFmt);
            dateFormats[c] = f !== GENERAL && isDateFormat(f) ? f : undefined;
          }
        }
        const v = row.v;
        const av = above !== undefined && above.s === row.s ? above.v : undefined;
        let run = -1;
        for (let c = 0; c <= cols; c++) {
          const x = c < cols ? v[c] : undefined;
          if (c < cols && av !== undefined && x === av[c]) {
            if (run < 0) run = c;
            continue;
          }
          if (run >= 0) {
            // Fields run…c-1 as the line above has them (with the commas between).
            if (run > 0) buf[p++] = COMMA;
            const from = aboveStarts[run];
            const n = aboveEnds[c - 1] - from;
            if (p + n + cols + 2 > buf.length) buf = grow(buf, p, n + cols + 2);
            if (n > 48) buf.copyWithin(p, from, from + n);
            else for (let i = 0; i < n; i++) buf[p + i] = buf[from + i];
            const shift = p - from;
            for (let k = run; k < c; k++) {
              starts[k] = aboveStarts[k] + shift;
              ends[k] = aboveEnds[k] + shift;
            }
            p += n;
            run = -1;
          }
          if (c === cols) break;
          if (c > 0) buf[p++] = COMMA;
          starts[c] = p;
          ends[c] = p;
          if (x === undefined || x === null || x === "") continue;
          const f = dateFormats[c];
          if (x !== lastValue[c] || f !== lastFormat[c]) {
            lastValue[c] = x;
            lastFormat[c] = f;
            lastStart[c] = fields.encode(x, f);
            lastLength[c] = fields.length;
            if (lastStart[c] < 0) lastLoose[c] = fields.loose;
          }
          const n = lastLength[c];
          // Room for the field and the rest of the row's commas and line end.
          if (p + n + cols + 2 > buf.length) buf = grow(buf, p, n + cols + 2);
          const s = lastStart[c];
          if (s < 0) {
            buf.set(lastLoose[c], p);
            p += n;
          } else {
            const kept = fields.kept;
            for (let i = 0; i < n; i++) buf[p++] = kept[s + i];
          }
          ends[c] = p;
        }
        above = row;
        const nextStarts = aboveStarts;
        aboveStarts = starts;
        starts = nextStarts;
        const nextEnds = aboveEnds;
        aboveEnds = ends;
        ends = nextEnds;
      } else {
        for (let c = 1; c < cols; c++) buf[p++] = COMMA;
        above = undefined;
      }
      buf[p++] = 0x0d;
      buf[p++] = 0x0a;
      if (p >= PIECE_BYTES) {
        yield buf.subarray(0, p);
        buf = new Uint8Array(PIECE_BYTES + 4096);
        p = 0;
        above = undefined; // its line went out with the piece
      }
    }
  }
  if (p > 0) yield buf.subarray(0, p);
}

/** `buf` with room for `n` more bytes after its first `used`. */
function grow(buf: Uint8Array, used: number, n: number): Uint8Array {
  const next = new Uint8Array(Math.max(buf.length * 2, used + n));
  next.set(buf.subarray(0, used));
  return next;
}

const utf8 = new TextEncoder();
const TRUE = utf8.encode("TRUE");
const FALSE = utf8.encode("FALSE");
const EMPTY = new Uint8Array(0);
/** Integers kept by index: -SMALL_OFFSET up to SMALL_INTS - SMALL_OFFSET (exclusive). */
const SMALL_INTS = 1 << 17;
const SMALL_OFFSET = 1024;
/** Fields longer than this (in bytes) are not kept: start × 1024 + length needs the length below 1024 (a kept text, at most 64 characters, is under 200 bytes). */
const KEPT_MAX_LENGTH = 1023;

/**
 * Stored values as CSV field bytes. The bytes of each distinct text (up to 64 characters), small number and
 * date are encoded once and kept side by side in one array (`kept`): copying a field is then a loop over a
 * few bytes that stay in the cache, not a visit to a small array of its own somewhere in the heap.
 */
class FieldBytes {
  /** Fields' bytes, one after another; a field is known by its start and length. */
  kept: Uint8Array = new Uint8Array(1 << 16);
  private top = 0;
  /** The length of the field `encode` gave last. */
  length = 0;
  /** The bytes of the field `encode` gave last, when they were not kept (encode gave -1). */
  loose: Uint8Array = EMPTY;
  /** Kept fields by text, by number, and by date format and number: start × 1024 + length. */
  private readonly texts = new Map<string, number>();
  private readonly numbers = new Map<number, number>();
  /** Kept integers from -SMALL_OFFSET up, by the integer + SMALL_OFFSET (0: not kept yet). */
  private readonly smallInts = new Float64Array(SMALL_INTS);
  private readonly dates = new Map<string, Map<number, number>>();

  constructor(private readonly date1904: boolean) {}

  /** `stored` (a cell value; `dateFormat` is its cell's date format, if any) as bytes: their start in `kept`, or -1 and `loose`. */
  encode(stored: unknown, dateFormat: string | undefined): number {
    const x = typeof stored === "object" && stored !== null ? cellValue(stored, this.date1904) : stored;
    if (typeof x === "string") {
      if (x === "") return this.none();
      const known = this.texts.get(x);
      if (known !== undefined) return this.at(known);
      const b = utf8.encode(csvTextField(x));
      return x.length <= 64 && this.texts.size < MEMO_ENTRIES ? this.keep(b, this.texts, x) : this.looseBytes(b);
    }
    if (typeof x === "number") {
      if (dateFormat !== undefined) {
        let byValue = this.dates.get(dateFormat);
        if (!byValue) this.dates.set(dateFormat, (byValue = new Map()));
        const known = byValue.get(x);
        if (known !== undefined) return this.at(known);
        const b = utf8.encode(csvTextField(displayText(x, dateFormat, this.date1904)));
        return byValue.size < MEMO_ENTRIES ? this.keep(b, byValue, x) : this.looseBytes(b);
      }
      // Small integers (scores, quantities, ids) by index, the rest by the Map.
      const small = (x | 0) === x && x >= -SMALL_OFFSET && x < SMALL_INTS - SMALL_OFFSET;
      const known = small ? this.smallInts[x + SMALL_OFFSET] : this.numbers.get(x);
      if (known !== undefined && known !== 0) return this.at(known);
      const b = asciiBytes(String(x));
      if (small) {
        const start = this.keep(b);
        this.smallInts[x + SMALL_OFFSET] = start * 1024 + b.length;
        return start;
      }
      return this.numbers.size < MEMO_ENTRIES ? this.keep(b, this.numbers, x) : this.looseBytes(b);
    }
    if (typeof x === "boolean") return this.looseBytes(x ? TRUE : FALSE);
    return this.none();
  }

  private none(): number {
    return this.looseBytes(EMPTY);
  }

  private looseBytes(b: Uint8Array): number {
    this.loose = b;
    this.length = b.length;
    return -1;
  }

  private at(ref: number): number {
    const length = ref % 1024;
    this.length = length;
    return (ref - length) / 1024;
  }

  /** Keeps `b` after the kept fields (and remembers where under `key` in `memo`). */
  private keep<K>(b: Uint8Array, memo?: Map<K, number>, key?: K): number {
    if (b.length > KEPT_MAX_LENGTH) return this.looseBytes(b);
    const start = this.top;
    if (start + b.length > this.kept.length) this.kept = grow(this.kept, start, b.length);
    this.kept.set(b, start);
    this.top = start + b.length;
    if (memo !== undefined) memo.set(key as K, start * 1024 + b.length);
    this.length = b.length;
    return start;
  }
}

/** A number's text ("-1.5", "1e+21") is ASCII: its char codes are its bytes (no encoder call per number). */
function asciiBytes(s: string): Uint8Array {
  const b = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) b[i] = s.charCodeAt(i);
  return b;
}
