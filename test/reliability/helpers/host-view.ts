/**
 * The host's view of a whole workbook, read through the same Excel API the add-in uses: every cell that holds a
 * value, a formula or a number format (value, formula and number format of each), on every sheet (hidden ones
 * too), and every workbook setting. Used to prove that a run loses nothing: "every user cell's value, formula and
 * number format identical before/after".
 *
 * A sheet is read by its used range (values and formats). A large or unbounded one (a stray cell at XFD or at row
 * 1,048,576) is split in halves, each asked for its own used range, until every piece is small: empty space is
 * never read, and no read is of whole rows or columns (Excel answers null for their cells).
 */
import type { HostWorkbook } from "../../../src/xlsx-host";

export interface CellView {
  value: string | number | boolean;
  formula: string | number | boolean;
  format: string;
}

export interface WorkbookView {
  /** "sheet!row,col" (0-based) → the cell. */
  cells: Map<string, CellView>;
  /** Sheet names in order, with their visibility. */
  sheets: { name: string; visibility: string }[];
  settings: Record<string, unknown>;
}

const LEAF_CELLS = 50_000;
const MAX_ROWS = 1_048_576;
const MAX_COLS = 16_384;

interface Piece {
  sheet: string;
  row: number;
  col: number;
  rows: number;
  cols: number;
}

export const cellKey = (sheet: string, row: number, col: number): string => `${sheet}!${row},${col}`;

function halves(p: Piece): [Piece, Piece] {
  if (p.cols >= p.rows) {
    const left = Math.floor(p.cols / 2);
    return [
      { ...p, cols: left },
      { ...p, col: p.col + left, cols: p.cols - left },
    ];
  }
  const top = Math.floor(p.rows / 2);
  return [
    { ...p, rows: top },
    { ...p, row: p.row + top, rows: p.rows - top },
  ];
}

const unbounded = (p: Piece) => (p.col === 0 && p.cols === MAX_COLS) || (p.row === 0 && p.rows === MAX_ROWS);

export async function workbookView(wb: HostWorkbook): Promise<WorkbookView> {
  return wb.run(async (context) => {
    const sheets = context.workbook.worksheets;
    sheets.load("items/name, items/visibility");
    const settings = context.workbook.settings;
    settings.load("items/key, items/value");
    await context.sync();
    const cells = new Map<string, CellView>();
    let pending: { piece: Piece | null; used: Excel.Range }[] = sheets.items.map((s) => {
      const used = s.getUsedRangeOrNullObject(false);
      used.load("rowIndex, columnIndex, rowCount, columnCount");
      return { piece: null, used };
    });
    const names = sheets.items.map((s) => s.name);
    let sheetOf = new Map(pending.map((p, i) => [p, names[i]]));
    await context.sync();
    while (pending.length > 0) {
      const leaves: { piece: Piece; range: Excel.Range }[] = [];
      const next: { piece: Piece | null; used: Excel.Range }[] = [];
      const nextSheet = new Map<{ piece: Piece | null; used: Excel.Range }, string>();
      for (const p of pending) {
        if (p.used.isNullObject) continue;
        const sheet = sheetOf.get(p) as string;
        const piece: Piece = {
          sheet,
          row: p.used.rowIndex,
          col: p.used.columnIndex,
          rows: p.used.rowCount,
          cols: p.used.columnCount,
        };
        if (piece.rows * piece.cols <= LEAF_CELLS && !unbounded(piece)) {
          const range = context.workbook.worksheets
            .getItem(sheet)
            .getRangeByIndexes(piece.row, piece.col, piece.rows, piece.cols);
          range.load("values, formulas, numberFormat");
          leaves.push({ piece, range });
          continue;
        }
        for (const h of halves(piece)) {
          const used = context.workbook.worksheets
            .getItem(sheet)
            .getRangeByIndexes(h.row, h.col, h.rows, h.cols)
            .getUsedRangeOrNullObject(false);
          used.load("rowIndex, columnIndex, rowCount, columnCount");
          const item = { piece: h, used };
          next.push(item);
          nextSheet.set(item, sheet);
        }
      }
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per level of halving, by design
      await context.sync();
      for (const { piece, range } of leaves) {
        for (let i = 0; i < piece.rows; i++)
          for (let j = 0; j < piece.cols; j++) {
            const formula = range.formulas[i][j] as string | number | boolean;
            const format = String(range.numberFormat[i][j]);
            if (formula === "" && format === "General") continue;
            cells.set(cellKey(piece.sheet, piece.row + i, piece.col + j), {
              value: range.values[i][j] as string | number | boolean,
              formula,
              format,
            });
          }
      }
      pending = next;
      sheetOf = nextSheet;
    }
    return {
      cells,
      sheets: sheets.items.map((s) => ({ name: s.name, visibility: s.visibility })),
      settings: Object.fromEntries(settings.items.map((s) => [s.key, s.value as unknown])),
    };
  });
}

export interface Untouched {
  /** Cells of `before` proved identical in `after`. */
  count: number;
  /** Cells that changed or vanished (or appeared) where nothing may change: "key: before → after". */
  changes: string[];
}

/**
 * Compares two views: every cell of `before` not `allowed` to change must be identical in `after`, and no cell may
 * appear in `after` on a sheet of `before` unless `allowed`. Sheets in `ignoreSheets` (the add-in's own) are skipped.
 */
export function untouched(
  before: WorkbookView,
  after: WorkbookView,
  allowed: (sheet: string, row: number, col: number, before: CellView | undefined) => boolean = () => false,
  ignoreSheets: ReadonlySet<string> = new Set()
): Untouched {
  const changes: string[] = [];
  let count = 0;
  const parse = (key: string) => {
    const at = key.lastIndexOf("!");
    const [row, col] = key
      .slice(at + 1)
      .split(",")
      .map(Number);
    return { sheet: key.slice(0, at), row, col };
  };
  const show = (c: CellView | undefined) => (c === undefined ? "(empty)" : JSON.stringify(c).slice(0, 120));
  for (const [key, cell] of before.cells) {
    const { sheet, row, col } = parse(key);
    if (ignoreSheets.has(sheet) || allowed(sheet, row, col, cell)) continue;
    const now = after.cells.get(key);
    if (now !== undefined && now.value === cell.value && now.formula === cell.formula && now.format === cell.format)
      count++;
    else changes.push(`${key}: ${show(cell)} → ${show(now)}`);
  }
  const sheetsBefore = new Set(before.sheets.map((s) => s.name));
  for (const [key, cell] of after.cells) {
    if (before.cells.has(key)) continue;
    const { sheet, row, col } = parse(key);
    if (!sheetsBefore.has(sheet) || ignoreSheets.has(sheet) || allowed(sheet, row, col, undefined)) continue;
    changes.push(`${key}: (empty) → ${show(cell)}`);
  }
  return { count, changes };
}

/** "客户信息!K4:K15" → 0-based column and rows. */
export function parseColumnAddress(address: string): { sheet: string; col: number; firstRow: number; lastRow: number } {
  const at = address.lastIndexOf("!");
  const sheet = address
    .slice(0, at)
    .replace(/^'(.*)'$/, "$1")
    .replace(/''/g, "'");
  const m = /^\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/.exec(address.slice(at + 1));
  if (!m) throw new Error(`not a range address: ${address}`);
  const col = [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  return { sheet, col, firstRow: Number(m[2]) - 1, lastRow: Number(m[4] ?? m[2]) - 1 };
}
