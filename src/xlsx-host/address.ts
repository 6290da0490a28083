/**
 * A1 addresses, sheet-name rules and sheet-name quoting.
 * All row/column numbers here are 0-based unless named `...1`.
 */

export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 16_384;

export interface Rect {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

export function columnLetters(col: number): string {
  let n = col + 1;
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

const CELL_RE = /^\$?([A-Za-z]{1,3})\$?([0-9]{1,7})$/;
const COL_RE = /^\$?([A-Za-z]{1,3})$/;
const ROW_RE = /^\$?([0-9]{1,7})$/;

type Part = { kind: "cell"; row: number; col: number } | { kind: "col"; col: number } | { kind: "row"; row: number };

function parsePart(s: string): Part | null {
  let m = CELL_RE.exec(s);
  if (m) {
    const col = columnIndex(m[1]);
    const row = Number(m[2]) - 1;
    if (col < 0 || col >= MAX_COLS || row < 0 || row >= MAX_ROWS) return null;
    return { kind: "cell", row, col };
  }
  m = COL_RE.exec(s);
  if (m) {
    const col = columnIndex(m[1]);
    return col >= 0 && col < MAX_COLS ? { kind: "col", col } : null;
  }
  m = ROW_RE.exec(s);
  if (m) {
    const row = Number(m[1]) - 1;
    return row >= 0 && row < MAX_ROWS ? { kind: "row", row } : null;
  }
  return null;
}

/**
 * Parses "B2", "A1:C10", "A:A", "B:D", "1:3", "3" is NOT accepted (Excel needs "3:3").
 * An optional "Sheet!" / "'My Sheet'!" prefix is returned separately.
 * Returns null for anything Excel would reject (InvalidArgument at sync).
 */
export function parseAddress(address: string): { sheet?: string; rect: Rect } | null {
  let text = address.trim();
  let sheet: string | undefined;
  const bang = text.lastIndexOf("!");
  if (bang >= 0) {
    let s = text.slice(0, bang);
    text = text.slice(bang + 1);
    if (s.startsWith("'") && s.endsWith("'") && s.length >= 2) s = s.slice(1, -1).replace(/''/g, "'");
    sheet = s;
  }
  const pieces = text.split(":");
  if (pieces.length > 2 || pieces.length === 0) return null;
  const a = parsePart(pieces[0]);
  if (!a) return null;
  if (pieces.length === 1) {
    if (a.kind !== "cell") return null;
    return { sheet, rect: { row: a.row, col: a.col, rows: 1, cols: 1 } };
  }
  const b = parsePart(pieces[1]);
  if (!b || a.kind !== b.kind) return null;
  if (a.kind === "cell" && b.kind === "cell") {
    const r0 = Math.min(a.row, b.row),
      r1 = Math.max(a.row, b.row);
    const c0 = Math.min(a.col, b.col),
      c1 = Math.max(a.col, b.col);
    return { sheet, rect: { row: r0, col: c0, rows: r1 - r0 + 1, cols: c1 - c0 + 1 } };
  }
  if (a.kind === "col" && b.kind === "col") {
    const c0 = Math.min(a.col, b.col),
      c1 = Math.max(a.col, b.col);
    return { sheet, rect: { row: 0, col: c0, rows: MAX_ROWS, cols: c1 - c0 + 1 } };
  }
  if (a.kind === "row" && b.kind === "row") {
    const r0 = Math.min(a.row, b.row),
      r1 = Math.max(a.row, b.row);
    return { sheet, rect: { row: r0, col: 0, rows: r1 - r0 + 1, cols: MAX_COLS } };
  }
  return null;
}

/** True when the range spans whole columns or whole rows ("A:A", "1:3"): Excel's "unbounded" range. */
export function isUnbounded(r: Rect): boolean {
  return (r.row === 0 && r.rows === MAX_ROWS) || (r.col === 0 && r.cols === MAX_COLS);
}

/** Address without sheet, as Excel prints it (no $): "A1", "A1:C3", "A:B", "2:5". */
export function formatRect(r: Rect): string {
  const fullCols = r.row === 0 && r.rows === MAX_ROWS;
  const fullRows = r.col === 0 && r.cols === MAX_COLS;
  if (fullCols && !fullRows) return `${columnLetters(r.col)}:${columnLetters(r.col + r.cols - 1)}`;
  if (fullRows) return `${r.row + 1}:${r.row + r.rows}`;
  const tl = `${columnLetters(r.col)}${r.row + 1}`;
  if (r.rows === 1 && r.cols === 1) return tl;
  return `${tl}:${columnLetters(r.col + r.cols - 1)}${r.row + r.rows}`;
}

export function cellAddress(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}

const WORD_OR_DOT = /^[\p{L}\p{N}\p{M}_.\p{Extended_Pictographic}]+$/u;

function looksLikeA1Cell(name: string): boolean {
  const m = /^([A-Za-z]{1,3})([0-9]+)$/.exec(name);
  if (!m) return false;
  const col = columnIndex(m[1]);
  const row = Number(m[2]);
  return col < MAX_COLS && row >= 1 && row <= MAX_ROWS;
}

function startsLikeR1C1(name: string): boolean {
  // "R", "C", "RC" alone, or a name starting with R<digits>, C<digits>, RC<digits>, R<digits>C...
  return /^(R|C|RC)$/i.test(name) || /^(R\d+|C\d+|RC\d+)/i.test(name);
}

/**
 * Quotes a sheet name for an address the way Excel does: 'My Sheet'!A1, Sheet1!A1.
 * Rules observed in Excel and written down in https://github.com/jmcnamara/XlsxWriter/issues/1078:
 * quote when the name has a character other than a word character or "."; when it starts with a
 * digit or "."; when it is an A1 cell reference; when it starts like an R1C1 reference
 * (https://github.com/EPPlusSoftware/EPPlus/issues/214). Inner ' are doubled.
 */
export function quoteSheetName(name: string): string {
  const needs =
    !WORD_OR_DOT.test(name) ||
    /^[\d.]/.test(name) ||
    /^\p{Extended_Pictographic}/u.test(name) ||
    looksLikeA1Cell(name) ||
    startsLikeR1C1(name);
  return needs ? `'${name.replace(/'/g, "''")}'` : name;
}

/**
 * Excel's worksheet-name rules: 1..31 characters, none of : \ / ? * [ ], not blank, not starting or
 * ending with an apostrophe, and not the reserved name "History":
 * https://wisechecker.com/excel-sheet-name-rules-maximum-length-forbidden-characters/ and
 * https://openboxmodels.com/documentation/why-do-i-get-a-message-saying-the-name-of-my-report-or-sheet-is-not-valid/
 * (exceljs enforces the same set in lib/doc/worksheet.js).
 */
export function isValidSheetName(name: string): boolean {
  if (name.length === 0 || name.length > 31) return false;
  if (/[:\\/?*[\]]/.test(name)) return false;
  if (name.startsWith("'") || name.endsWith("'")) return false;
  if (name.trim().length === 0) return false;
  if (name.toLowerCase() === "history") return false;
  return true;
}

/** Excel compares sheet names case-insensitively (also for non-ASCII letters). */
export function sameSheetName(a: string, b: string): boolean {
  return a.toLocaleUpperCase("en-US") === b.toLocaleUpperCase("en-US");
}
