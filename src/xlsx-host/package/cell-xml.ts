/**
 * A written cell as a <c> element (ECMA-376 Part 1 §18.3.1.4): the host's stored value (the form exceljs uses
 * for cell.value, store.ts) with its cellXfs index. Strings go to the shared string table; dates (exceljs
 * reads date-formatted numbers as Date objects) go back to serial numbers exactly as exceljs made them.
 */
import { cellValue } from "../cells";
import { MERGE, VT, typeOfStored } from "../store";
import { parseTyped } from "../typed-input";
import type { RichRun, SharedStrings } from "./shared-strings";
import { escText } from "./xml";

export interface CellContext {
  /** Namespace prefix of the sheet's elements ("" or "x:"). */
  p: string;
  sst: SharedStrings;
  date1904: boolean;
}

function dateSerial(d: Date, date1904: boolean): number {
  // Inverse of exceljs utils.excelToDate (as cells.ts dateToSerial).
  return 25569 + d.getTime() / 86_400_000 - (date1904 ? 1462 : 0);
}

function num(n: number): string {
  return Object.is(n, -0) ? "0" : String(n);
}

/** The t attribute and content of a formula's cached result. */
function resultXml(p: string, res: unknown, date1904: boolean): { t: string; v: string } {
  if (res === undefined || res === null) return { t: "", v: "" };
  switch (typeof res) {
    case "number":
      return { t: "", v: `<${p}v>${num(res)}</${p}v>` };
    case "boolean":
      return { t: ' t="b"', v: `<${p}v>${res ? 1 : 0}</${p}v>` };
    case "string":
      return { t: ' t="str"', v: `<${p}v>${escText(res)}</${p}v>` };
  }
  if (res instanceof Date) return { t: "", v: `<${p}v>${num(dateSerial(res, date1904))}</${p}v>` };
  const o = res as { error?: unknown };
  if (typeof o.error === "string") return { t: ' t="e"', v: `<${p}v>${escText(o.error)}</${p}v>` };
  const x = cellValue(res, date1904);
  return resultXml(p, x, date1904);
}

/**
 * The <c> element of a cell holding `v` with cellXfs index `xf`, or "" when nothing is to be written (no
 * cell, or an empty unstyled one).
 */
export function cellXml(ctx: CellContext, ref: string, v: unknown, xf: number): string {
  const p = ctx.p;
  const s = xf ? ` s="${xf}"` : "";
  if (v === undefined) return "";
  if (v === null || v === MERGE) return xf ? `<${p}c r="${ref}"${s}/>` : "";
  switch (typeof v) {
    case "number":
      return `<${p}c r="${ref}"${s}><${p}v>${num(v)}</${p}v></${p}c>`;
    case "string":
      return `<${p}c r="${ref}"${s} t="s"><${p}v>${ctx.sst.indexOf(v)}</${p}v></${p}c>`;
    case "boolean":
      return `<${p}c r="${ref}"${s} t="b"><${p}v>${v ? 1 : 0}</${p}v></${p}c>`;
  }
  if (v instanceof Date) return `<${p}c r="${ref}"${s}><${p}v>${num(dateSerial(v, ctx.date1904))}</${p}v></${p}c>`;
  const o = v as { formula?: string; result?: unknown; error?: string; richText?: RichRun[]; text?: unknown };
  switch (typeOfStored(v)) {
    case VT.Formula: {
      const r = resultXml(p, o.result, ctx.date1904);
      return `<${p}c r="${ref}"${s}${r.t}><${p}f>${escText(o.formula ?? "")}</${p}f>${r.v}</${p}c>`;
    }
    case VT.Error:
      return `<${p}c r="${ref}"${s} t="e"><${p}v>${escText(String(o.error))}</${p}v></${p}c>`;
    case VT.RichText:
      return `<${p}c r="${ref}"${s} t="s"><${p}v>${ctx.sst.richIndexOf(o.richText ?? [])}</${p}v></${p}c>`;
  }
  // A hyperlink (its text; the link itself stays in the sheet's <hyperlinks>), or anything else: its value.
  const x = cellValue(v, ctx.date1904);
  return cellXml(ctx, ref, x === "" ? null : x, xf);
}

const quoteCache = new Map<string, boolean>();

/**
 * Does a written string need the quote prefix to stay text when someone edits the cell in Excel? Excel gives
 * a cell the quotePrefix format when a value is entered with a leading apostrophe
 * (https://github.com/OfficeDev/office-js/issues/6687; the file form is the xf attribute quotePrefix, ECMA-376
 * Part 1 §18.8.45, as in https://github.com/PHPOffice/PhpSpreadsheet/issues/1061). The host stores only the
 * text, so the writer gives the prefix to the strings that would not stay text if typed (typed-input.ts),
 * which are the ones src/excel writes with an apostrophe for that reason (cell-text.ts).
 */
export function needsQuotePrefix(s: string, numFmt: string | undefined): boolean {
  if (numFmt === "@" || s === "") return false;
  // Text that starts with a CJK (or later) character is text as typed: only ASCII starts a number, date,
  // boolean, error or formula, and trimming (typed-input.ts) removes U+3000 and U+FEFF only.
  const first = s.charCodeAt(0);
  if (first >= 0x2e80 && first !== 0x3000 && first !== 0xfeff) return false;
  // Digits only (an id written as text): a number when typed.
  if (/^\d+$/.test(s)) return true;
  let q = quoteCache.get(s);
  if (q === undefined) {
    q = s.startsWith("'") || parseTyped(s, { date1904: false, now: new Date(2000, 0, 1) }).kind !== "text";
    if (quoteCache.size < 100_000) quoteCache.set(s, q);
  }
  return q;
}
