/**
 * Excel A1 addresses as Range.address gives them ("客户信息!M4:M303", "'My Sheet'!A1", "'It''s'!B2:C9"):
 * the sheet and the cell rectangle, 0-based. Used by the pane's "select in workbook" links (the Excel
 * side needs the sheet and the range apart) and by the playground's grid, which highlights the range.
 */

export interface CellRect {
  /** 0-based first row and column. */
  top: number;
  left: number;
  /** 0-based last row and column (inclusive). */
  bottom: number;
  right: number;
}

export interface ParsedAddress extends CellRect {
  /** The sheet named before "!", unquoted; null when the address names none. */
  sheet: string | null;
  /** The range part, e.g. "M4:M303". */
  range: string;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;
const MAX_COLUMNS = 16384;
const MAX_ROWS = 1048576;

/** "A" → 0, "Z" → 25, "AA" → 26; -1 when out of Excel's range. */
export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n >= 1 && n <= MAX_COLUMNS ? n - 1 : -1;
}

/** 0 → "A", 25 → "Z", 26 → "AA". */
export function columnLetters(index: number): string {
  let s = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function cell(ref: string): { row: number; col: number } | null {
  const m = CELL.exec(ref);
  if (!m) return null;
  const col = columnIndex(m[1]);
  const row = Number(m[2]) - 1;
  if (col < 0 || row < 0 || row >= MAX_ROWS) return null;
  return { row, col };
}

/** Splits "sheet!range" at the "!" that ends the sheet name (a quoted name may itself hold "!"). */
function splitSheet(address: string): { sheet: string | null; range: string } | null {
  const a = address.trim();
  if (a.startsWith("'")) {
    let i = 1;
    let name = "";
    while (i < a.length) {
      if (a[i] === "'") {
        if (a[i + 1] === "'") {
          name += "'";
          i += 2;
          continue;
        }
        break;
      }
      name += a[i++];
    }
    if (a[i] !== "'" || a[i + 1] !== "!") return null;
    return { sheet: name, range: a.slice(i + 2) };
  }
  const bang = a.lastIndexOf("!");
  return bang < 0 ? { sheet: null, range: a } : { sheet: a.slice(0, bang), range: a.slice(bang + 1) };
}

/** The address's sheet and rectangle, or null when it is not an A1 cell or cell range. */
export function parseAddress(address: string): ParsedAddress | null {
  const parts = splitSheet(address);
  if (!parts || parts.sheet === "") return null;
  const [a, b = a, extra] = parts.range.split(":");
  if (extra !== undefined) return null;
  const first = cell(a);
  const last = cell(b);
  if (!first || !last) return null;
  return {
    sheet: parts.sheet,
    range: parts.range,
    top: Math.min(first.row, last.row),
    left: Math.min(first.col, last.col),
    bottom: Math.max(first.row, last.row),
    right: Math.max(first.col, last.col),
  };
}

/** A sheet name as an address writes it: quoted ('My Sheet', 'It''s') unless it is letters, digits and _ only. */
export function quoteSheet(sheet: string): string {
  return /^[\p{L}_][\p{L}\p{N}_]*$/u.test(sheet) && !/^[A-Za-z]{1,3}\d+$/.test(sheet)
    ? sheet
    : `'${sheet.replace(/'/g, "''")}'`;
}

/** The A1 address of a cell (0-based row and column) on a sheet, e.g. "客户信息!G5", "'My Sheet'!A1". */
export function cellAddress(sheet: string, row: number, column: number): string {
  return `${quoteSheet(sheet)}!${columnLetters(column)}${row + 1}`;
}
