/**
 * A sheet's used range as CSV bytes (UTF-8 with a BOM, RFC 4180, CRLF), in pieces of about PIECE_BYTES, for
 * writing a large sheet out without holding its text. This is a file export, not an API read: the whole used
 * range is written, however many cells it has.
 *
 * Fields are written as Excel writes them (the value; a date in its own format) and a text cell that
 * starts with = + - @, a tab or a carriage return gets a leading apostrophe (csvTextField, OWASP CSV
 * injection). Fast for a million rows: each distinct text, small integer and date is encoded to bytes once
 * and copied after that; no string is built per line or per field.
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
  const out = new Sink();
  out.bytes(BOM);
  const used = usedRect(sheet, true);
  if (used) {
    const cols = used.col + used.cols;
    const total = used.row + used.rows;
    const encode = fieldEncoder(date1904);
    const store = sheet.store;
    // Rows share style arrays (store.ts): each column's date format is looked up once per distinct array.
    let styles: StoreRow["s"] | null = null;
    let dateFormats: (string | undefined)[] = [];
    const lastValue: unknown[] = new Array(cols);
    const lastFormat: (string | undefined)[] = new Array(cols);
    const lastBytes: Uint8Array[] = new Array(cols);
    for (let r = 0; r < total; r++) {
      const row = store.row(r);
      if (row !== undefined && row.s !== styles) {
        styles = row.s;
        dateFormats = new Array(cols);
        for (let c = 0; c < cols; c++) {
          // A number comes from a cell that exists: its format is its own.
          const f = apiNumberFormat(row.styleAt(c)?.numFmt);
          dateFormats[c] = f !== GENERAL && isDateFormat(f) ? f : undefined;
        }
      }
      if (row !== undefined) {
        const v = row.v;
        for (let c = 0; c < cols; c++) {
          if (c > 0) out.byte(COMMA);
          const x = v[c];
          if (x === undefined || x === null || x === "") continue;
          // A column often repeats the row above (an order's lines): its bytes are reused as they are.
          const f = dateFormats[c];
          if (x !== lastValue[c] || f !== lastFormat[c]) {
            lastValue[c] = x;
            lastFormat[c] = f;
            lastBytes[c] = encode(x, f);
          }
          out.bytes(lastBytes[c]);
        }
      } else for (let c = 1; c < cols; c++) out.byte(COMMA);
      out.byte(0x0d);
      out.byte(0x0a);
      if (out.pos >= PIECE_BYTES) yield out.take();
    }
  }
  if (out.pos > 0) yield out.take();
}

/** A growing byte buffer handed out in pieces. */
class Sink {
  buf = new Uint8Array(PIECE_BYTES + 4096);
  pos = 0;

  room(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    const next = new Uint8Array(Math.max(this.buf.length * 2, this.pos + n));
    next.set(this.buf.subarray(0, this.pos));
    this.buf = next;
  }

  byte(b: number): void {
    if (this.pos >= this.buf.length) this.room(1);
    this.buf[this.pos++] = b;
  }

  bytes(b: ArrayLike<number>): void {
    const n = b.length;
    this.room(n);
    const buf = this.buf;
    let p = this.pos;
    if (n < 24) for (let i = 0; i < n; i++) buf[p++] = b[i];
    else {
      buf.set(b, p);
      p += n;
    }
    this.pos = p;
  }

  /** The bytes so far, as a piece of their own; the sink starts a new buffer. */
  take(): Uint8Array {
    const piece = this.buf.subarray(0, this.pos);
    this.buf = new Uint8Array(PIECE_BYTES + 4096);
    this.pos = 0;
    return piece;
  }
}

/** A stored value's bytes as a CSV field; `dateFormat` is its cell's date format, if it has one. */
type Encode = (stored: unknown, dateFormat: string | undefined) => Uint8Array;

function fieldEncoder(date1904: boolean): Encode {
  const utf8 = new TextEncoder();
  const texts = new Map<string, Uint8Array>();
  const dates = new Map<string, Map<number, Uint8Array>>();
  const numbers = new Map<number, Uint8Array>();
  const TRUE = utf8.encode("TRUE");
  const FALSE = utf8.encode("FALSE");
  const text = (s: string): Uint8Array => {
    let b = texts.get(s);
    if (b === undefined) {
      b = utf8.encode(csvTextField(s));
      if (s.length <= 64 && texts.size < MEMO_ENTRIES) texts.set(s, b);
    }
    return b;
  };
  const date = (v: number, f: string): Uint8Array => {
    let byValue = dates.get(f);
    if (!byValue) dates.set(f, (byValue = new Map()));
    let b = byValue.get(v);
    if (b === undefined) {
      b = utf8.encode(csvTextField(displayText(v, f, date1904)));
      if (byValue.size < MEMO_ENTRIES) byValue.set(v, b);
    }
    return b;
  };
  const EMPTY = new Uint8Array(0);
  return (stored, dateFormat) => {
    const x = typeof stored === "object" && stored !== null ? cellValue(stored, date1904) : stored;
    if (typeof x === "string") return x === "" ? EMPTY : text(x);
    if (typeof x === "number") {
      if (dateFormat !== undefined) return date(x, dateFormat);
      let b = numbers.get(x);
      if (b === undefined) {
        b = asciiBytes(String(x));
        if (numbers.size < MEMO_ENTRIES) numbers.set(x, b);
      }
      return b;
    }
    if (typeof x === "boolean") return x ? TRUE : FALSE;
    return EMPTY;
  };
}

/** A number's text ("-1.5", "1e+21") is ASCII: its char codes are its bytes (no encoder call per number). */
function asciiBytes(s: string): Uint8Array {
  const b = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) b[i] = s.charCodeAt(i);
  return b;
}
