import { chunks } from "./limits";
import type { ObjectsChange } from "./sheet-objects";

/** Cells read per round trip while capturing (formulas and number formats: two arrays a cell). */
const CAPTURE_CELLS = 100_000;

/**
 * What a run is about to change, captured before it changes it, so "Undo last run" can put every cell
 * back. Captures are read in a round trip of their own before the writes they protect (flush), so the
 * snapshot never depends on how a batch orders reads against writes.
 */

export interface CapturedRange {
  sheet: string;
  row: number;
  column: number;
  /** Range.formulas: constants as values, formulas as "=…" text. */
  formulas: (string | number | boolean)[][];
  numberFormat: string[][];
}

export interface UndoSnapshot {
  version: 1;
  /** Ranges to write back, in order. */
  ranges: CapturedRange[];
  /** Sheets whose whole content is replaced: cleared before their ranges are written back. */
  replacedSheets: string[];
  /** Sheets the run added: deleted on undo. */
  createdSheets: string[];
  /** workbook.settings entries before the run (key → JSON text, or null when absent). */
  settings: Record<string, string | null>;
  /** Charts and conditional formats the run replaced on its own sheets (sheet-objects.ts); absent in older snapshots. */
  objects?: ObjectsChange[];
}

interface Pending {
  sheet: string;
  range: Excel.Range;
  cells: number;
}

type Cell = string | number | boolean | null;

/** A written cell as it will read back: the text-keeping apostrophe is not part of the value. */
function readBack(v: string | number | boolean): string | number | boolean {
  return typeof v === "string" && v.startsWith("'") ? v.slice(1) : v;
}

export class Journal {
  private pending: Pending[] = [];
  private readonly ranges: CapturedRange[] = [];
  private readonly replaced: string[] = [];
  private readonly created: string[] = [];
  private readonly objects: ObjectsChange[] = [];
  private readonly settings: Record<string, string | null> = {};
  private readonly settingItems: { key: string; item: Excel.Setting }[] = [];
  private readonly expected: { sheet: string; row: number; column: number; cells: Cell[][] }[] = [];
  private readonly expectedSheets = new Map<string, Cell[][]>();
  private readonly expectedSettings: Record<string, string> = {};
  private wholeSheets: { sheet: string; used: Excel.Range }[] = [];

  /** A journal that is not `enabled` captures nothing: no undo, no rollback (the CLI's CSV output needs neither). */
  constructor(
    private readonly context: Excel.RequestContext,
    readonly enabled = true
  ) {}

  /** Queues the capture of a block of cells that the run will write, in pieces below the read limits. */
  capture(sheet: string, row: number, column: number, rowCount: number, columnCount: number): void {
    if (!this.enabled || rowCount <= 0 || columnCount <= 0) return;
    const rowsPerRead = Math.max(1, Math.floor(CAPTURE_CELLS / columnCount));
    for (const [start, count] of chunks(rowCount, rowsPerRead)) {
      const range = this.context.workbook.worksheets
        .getItem(sheet)
        .getRangeByIndexes(row + start, column, count, columnCount);
      this.pending.push({ sheet, range, cells: count * columnCount });
    }
  }

  /** What the run writes at a place (null: left as it is), to tell whether the run changes anything. */
  expect(sheet: string, row: number, column: number, cells: Cell[][]): void {
    if (this.enabled) this.expected.push({ sheet, row, column, cells });
  }

  /** The whole content a replaced sheet gets, from A1. */
  expectSheet(sheet: string, cells: Cell[][]): void {
    this.expectedSheets.set(sheet, cells);
  }

  expectSetting(key: string, json: string): void {
    this.expectedSettings[key] = json;
  }

  /**
   * Queues the capture of a whole sheet the run will clear and rewrite: its used range's extent first,
   * then its cells in pieces like any other block (a large sheet is far over one read's limits).
   */
  captureSheet(sheet: string): void {
    if (!this.enabled) return;
    const used = this.context.workbook.worksheets.getItem(sheet).getUsedRangeOrNullObject();
    used.load("rowIndex, columnIndex, rowCount, columnCount");
    this.wholeSheets.push({ sheet, used });
  }

  /** Queues the capture of a workbook setting the run will write. */
  captureSetting(key: string): void {
    if (!this.enabled) return;
    const item = this.context.workbook.settings.getItemOrNullObject(key);
    item.load("value");
    this.settingItems.push({ key, item });
  }

  createdSheet(name: string): void {
    this.created.push(name);
  }

  /** Records the charts and formats a sheet had (before) and gets (after); undo swaps them back. */
  objectsChanged(change: ObjectsChange): void {
    if (this.enabled) this.objects.push(change);
  }

  /** Reads what was queued; call before the writes it protects. */
  async flush(): Promise<void> {
    if (this.wholeSheets.length > 0) {
      await this.context.sync();
      for (const { sheet, used } of this.wholeSheets) {
        if (!used.isNullObject) this.capture(sheet, used.rowIndex, used.columnIndex, used.rowCount, used.columnCount);
      }
    }
    const whole = this.wholeSheets.map((w) => w.sheet);
    this.wholeSheets = [];
    if (this.pending.length === 0 && this.settingItems.length === 0) {
      this.replaced.push(...whole);
      return;
    }
    // One round trip per CAPTURE_CELLS: formulas and number formats of a piece stay under 5 MB. Loads are
    // queued here, group by group, so that each sync carries only its own group.
    let cells = 0;
    for (const p of this.pending) {
      if (cells > 0 && cells + p.cells > CAPTURE_CELLS) {
        await this.context.sync();
        cells = 0;
      }
      p.range.load("formulas, numberFormat, rowIndex, columnIndex");
      cells += p.cells;
    }
    await this.context.sync();
    // A sheet counts as replaced (cleared on undo) only once its content is safely captured.
    this.replaced.push(...whole);
    for (const { sheet, range } of this.pending) {
      this.ranges.push({
        sheet,
        row: range.rowIndex,
        column: range.columnIndex,
        formulas: range.formulas as (string | number | boolean)[][],
        numberFormat: range.numberFormat as string[][],
      });
    }
    for (const { key, item } of this.settingItems) {
      if (key in this.settings) continue;
      const v: unknown = item.isNullObject ? null : item.value;
      this.settings[key] = v === null ? null : typeof v === "string" ? v : JSON.stringify(v);
    }
    this.pending = [];
    this.settingItems.length = 0;
  }

  /** Whether the run changes anything it captured (a repeat of the same run changes nothing). */
  changes(): boolean {
    if (!this.enabled) return false;
    for (const [key, json] of Object.entries(this.expectedSettings)) if (this.settings[key] !== json) return true;
    if (this.created.length > 0) return true;
    for (const o of this.objects) if (JSON.stringify(o.before) !== JSON.stringify(o.after)) return true;
    for (const [sheet, cells] of this.expectedSheets) if (sheetChanges(this.ranges, sheet, cells)) return true;
    for (const e of this.expected) {
      for (let r = 0; r < e.cells.length; r++) {
        for (let c = 0; c < e.cells[r].length; c++) {
          const v = e.cells[r][c];
          if (v === null) continue;
          if (this.before(e.sheet, e.row + r, e.column + c) !== readBack(v)) return true;
        }
      }
    }
    return false;
  }

  private lastHit: CapturedRange | null = null;

  /** A captured cell's content before the run, or undefined when it was not captured. */
  private before(sheet: string, row: number, column: number): string | number | boolean | undefined {
    const inside = (r: CapturedRange) =>
      r.sheet === sheet &&
      row >= r.row &&
      row < r.row + r.formulas.length &&
      column >= r.column &&
      column < r.column + (r.formulas[0]?.length ?? 0);
    const hit = this.lastHit && inside(this.lastHit) ? this.lastHit : this.ranges.find(inside);
    if (!hit) return undefined;
    this.lastHit = hit;
    return hit.formulas[row - hit.row][column - hit.column];
  }

  snapshot(): UndoSnapshot {
    return {
      version: 1,
      ranges: [...this.ranges],
      replacedSheets: [...this.replaced],
      createdSheets: [...this.created],
      settings: { ...this.settings },
      objects: [...this.objects],
    };
  }
}

/** Whether a sheet whose content is replaced by `cells` (from A1) ends up different from what it held. */
function sheetChanges(ranges: CapturedRange[], sheet: string, cells: Cell[][]): boolean {
  // The sheet's captured pieces, row by row (pieces are row slices of its used range).
  const rows = new Map<number, { column: number; values: (string | number | boolean)[] }>();
  for (const r of ranges)
    if (r.sheet === sheet) r.formulas.forEach((values, i) => rows.set(r.row + i, { column: r.column, values }));
  const at = (r: number, c: number): string | number | boolean => {
    const row = rows.get(r);
    return row === undefined ? "" : (row.values[c - row.column] ?? "");
  };
  // Every cell written reads back as it was …
  for (let r = 0; r < cells.length; r++) {
    for (let c = 0; c < cells[r].length; c++) {
      const v = cells[r][c];
      if (v !== null && at(r, c) !== readBack(v)) return true;
    }
  }
  // … and nothing that was there lies outside what is written (it would be cleared).
  for (const [r, { column, values }] of rows) {
    for (let c = 0; c < values.length; c++) {
      const written = cells[r];
      const inside = written !== undefined && column + c < written.length;
      if (!inside && values[c] !== "") return true;
    }
  }
  return false;
}
