/**
 * The drawing-layer objects of a sheet that the host models: charts (chart.ts gives them the Excel API) and
 * conditional formats (conditional-format.ts). They live on SheetState.objects; package/sheet-objects.ts
 * writes them into the .xlsx (DrawingML chart parts, <conditionalFormatting>) and reads back the ones it can.
 *
 * Cell references hold the live SheetState, so a renamed sheet writes its new name and a deleted one writes
 * #REF!, as Excel does.
 */
import type { Rect } from "./address";
import type { SheetState } from "./doc";

/** The chart types the host can draw and save: DrawingML c:barChart with its direction and grouping. */
export const CHART_KINDS = [
  "ColumnClustered",
  "ColumnStacked",
  "ColumnStacked100",
  "BarClustered",
  "BarStacked",
  "BarStacked100",
] as const;
export type ChartKind = (typeof CHART_KINDS)[number];

export function isChartKind(v: unknown): v is ChartKind {
  return typeof v === "string" && (CHART_KINDS as readonly string[]).includes(v);
}

/** A block of cells on a sheet (the sheet object itself, so that renames follow). */
export interface CellRef {
  sheet: SheetState;
  rect: Rect;
}

export interface SeriesModel {
  /** The series name: a cell (the header above a column of values), a literal, or none ("Series1"). */
  name: { ref: CellRef } | { text: string } | null;
  /** Category labels (the first column of the source), or none (1, 2, 3 …). */
  categories: CellRef | null;
  values: CellRef;
}

export interface ChartModel {
  readonly id: string;
  /** The sheet the chart is drawn on. */
  readonly owner: SheetState;
  name: string;
  kind: ChartKind;
  series: SeriesModel[];
  /** `text` null: Excel's automatic title (the single series' name, else "Chart Title"). */
  title: { text: string | null; visible: boolean };
  /** Position and size in points, from the top-left corner of cell A1. */
  top: number;
  left: number;
  width: number;
  height: number;
  deleted: boolean;
}

/** ConditionalFormatRuleType / ConditionalFormatColorCriterionType values the host keeps. */
export const BOUND_TYPES = [
  "Automatic",
  "LowestValue",
  "HighestValue",
  "Number",
  "Percent",
  "Formula",
  "Percentile",
] as const;
export type BoundType = (typeof BOUND_TYPES)[number];

export interface Bound {
  type: BoundType;
  /** A number or a formula ("=…") for Number / Percent / Percentile / Formula; null otherwise. */
  formula: string | null;
}

export interface ColorPoint extends Bound {
  /** "#RRGGBB". */
  color: string;
}

export interface DataBarRule {
  kind: "DataBar";
  lower: Bound;
  upper: Bound;
  /** "#RRGGBB": the positive bars' fill. */
  fillColor: string;
  showDataBarOnly: boolean;
}

export interface ColorScaleRule {
  kind: "ColorScale";
  minimum: ColorPoint;
  midpoint: ColorPoint | null;
  maximum: ColorPoint;
}

export type FormatRule = DataBarRule | ColorScaleRule;

export interface FormatModel {
  readonly id: string;
  readonly owner: SheetState;
  /** The cells it applies to (one or more rectangles: a clearAll inside it splits it). */
  ranges: Rect[];
  rule: FormatRule;
  deleted: boolean;
}

let serial = 0;

/** A GUID-shaped id, unique in this process (Excel's chart ids are opaque strings). */
export function newObjectId(kind: number): string {
  const hex = (++serial).toString(16).padStart(8, "0").toUpperCase();
  return `{${hex}-000${kind}-0000-0000-000000000000}`;
}

export class SheetObjects {
  charts: ChartModel[] = [];
  /** In priority order: index 0 is the top priority. */
  formats: FormatModel[] = [];
  /**
   * Chart parts of the opened file whose charts were read into `charts`: a writer that keeps the file's own
   * parts drops these (the model replaces them) — see package/sheet-objects.ts.
   */
  readonly claimedParts = new Set<string>();
  /** The number of the next default chart name, "Chart <n>". */
  nextChartNumber = 1;

  constructor(readonly sheet: SheetState) {}

  isEmpty(): boolean {
    return this.charts.length === 0 && this.formats.length === 0 && this.claimedParts.size === 0;
  }

  /** Excel's default name for a new chart: "Chart 1", "Chart 2", … counting on from the highest in use. */
  defaultChartName(): string {
    for (const c of this.charts) {
      const m = /^Chart (\d+)$/.exec(c.name);
      if (m) this.nextChartNumber = Math.max(this.nextChartNumber, Number(m[1]) + 1);
    }
    return `Chart ${this.nextChartNumber++}`;
  }
}

// ---- rectangles -----------------------------------------------------------------------------------

export function intersects(a: Rect, b: Rect): boolean {
  return a.row < b.row + b.rows && b.row < a.row + a.rows && a.col < b.col + b.cols && b.col < a.col + a.cols;
}

/** `a` without the cells of `b`: up to four rectangles (above, below, left, right of the overlap). */
export function subtract(a: Rect, b: Rect): Rect[] {
  if (!intersects(a, b)) return [a];
  const top = Math.max(a.row, b.row);
  const bottom = Math.min(a.row + a.rows, b.row + b.rows);
  const out: Rect[] = [];
  if (top > a.row) out.push({ row: a.row, col: a.col, rows: top - a.row, cols: a.cols });
  if (bottom < a.row + a.rows) out.push({ row: bottom, col: a.col, rows: a.row + a.rows - bottom, cols: a.cols });
  const left = Math.max(a.col, b.col);
  const right = Math.min(a.col + a.cols, b.col + b.cols);
  if (left > a.col) out.push({ row: top, col: a.col, rows: bottom - top, cols: left - a.col });
  if (right < a.col + a.cols) out.push({ row: top, col: right, rows: bottom - top, cols: a.col + a.cols - right });
  return out;
}
