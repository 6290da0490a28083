/**
 * Fills a sheet's store from CSV fields, each taken as if typed into en-US Excel (typed-input.ts),
 * as Excel does when it opens a CSV file.
 *
 * Fast for large files: a plain decimal number skips the typed-input rules (same result), a field
 * seen before reuses what it became (exports repeat dates, countries, product names), and cells of
 * the same number format share one style object.
 */
import { Typed, parseTyped } from "./typed-input";
import type { SheetStore, Style } from "./store";

/** Distinct fields remembered; past this the cache stops growing (memory stays bounded). */
const CACHE_LIMIT = 200_000;

/**
 * A field that typed-input reads as exactly `Number(s)`: an optional "-", 1–15 digits without a
 * superfluous leading zero, an optional "." and up to 15 − integer digits more, at most 15 digits
 * in all (Excel keeps 15; to15Digits is then a no-op).
 */
function plainNumber(s: string): number | null {
  const n = s.length;
  if (n === 0 || n > 17) return null;
  let i = 0;
  if (s.charCodeAt(0) === 45 /* - */) {
    i = 1;
    if (n === 1) return null;
  }
  let digits = 0;
  let dot = false;
  const first = i;
  for (; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) digits++;
    else if (c === 46 /* . */ && !dot && i > first && i < n - 1) dot = true;
    else return null;
  }
  if (digits === 0 || digits > 15) return null;
  return Number(s);
}

export class CsvFill {
  private readonly cache = new Map<string, Typed>();
  private readonly styles = new Map<string, Style>();
  private readonly now = new Date();

  constructor(private readonly store: SheetStore) {}

  private typed(field: string): Typed {
    let t = this.cache.get(field);
    if (t === undefined) {
      t = parseTyped(field, { date1904: false, now: this.now });
      if (this.cache.size < CACHE_LIMIT) this.cache.set(field, t);
    }
    return t;
  }

  private style(numFmt: string): Style {
    let s = this.styles.get(numFmt);
    if (s === undefined) {
      s = { numFmt };
      this.styles.set(numFmt, s);
    }
    return s;
  }

  /** Style arrays by the formats of a row ("1:m/d/yyyy|"): rows formatted alike share one. */
  private readonly patterns = new Map<string, (Style | undefined)[]>();

  private pattern(key: string, width: number, cols: number[], styles: Style[]): (Style | undefined)[] {
    let p = this.patterns.get(key);
    if (p === undefined) {
      p = new Array<Style | undefined>(width);
      for (let k = 0; k < cols.length; k++) p[cols[k]] = styles[k];
      if (this.patterns.size < 10_000) this.patterns.set(key, p);
    }
    return p;
  }

  /** Fills sheet row `r` (0-based) from its fields. */
  row(r: number, fields: readonly string[]): void {
    let row = this.store.row(r);
    let key = "";
    let styledCols: number[] | undefined;
    let styles: Style[] | undefined;
    for (let j = 0; j < fields.length; j++) {
      const f = fields[j];
      if (f === "") continue;
      const num = plainNumber(f);
      if (num !== null) {
        row ??= this.store.rowAt(r, fields.length);
        row.v[j] = num;
        continue;
      }
      const t = this.typed(f);
      if (t.kind === "empty") continue;
      row ??= this.store.rowAt(r, fields.length);
      switch (t.kind) {
        case "number":
          row.v[j] = t.value;
          if (t.format) {
            key += `${j}:${t.format}|`;
            (styledCols ??= []).push(j);
            (styles ??= []).push(this.style(t.format));
          }
          break;
        case "boolean":
        case "text":
          row.v[j] = t.value;
          break;
        case "formula":
          row.v[j] = { formula: t.formula };
          break;
        case "error":
          row.v[j] = { error: t.value };
          break;
      }
    }
    if (row !== undefined && styledCols !== undefined && styles !== undefined)
      row.s = this.pattern(key, fields.length, styledCols, styles);
  }
}
