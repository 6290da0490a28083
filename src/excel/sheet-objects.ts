/**
 * Charts and conditional formats the add-in puts on its own sheets, described as plain data (a spec) so that the
 * ownership record can keep what the last run made, a re-run can take exactly that away before making its own, and
 * "Undo last run" (undo.ts) can put the previous run's back. Only the Excel JavaScript API is used:
 * - charts: `worksheet.charts.add(type, range, seriesBy)`, `chart.setPosition`, `chart.title.text`, `chart.name`
 *   (ExcelApi 1.1, https://learn.microsoft.com/javascript/api/excel/excel.chartcollection);
 * - conditional formats: `range.conditionalFormats.add("DataBar" | "ColorScale")` (ExcelApi 1.6,
 *   https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-conditional-formatting).
 * Both sets are asked for with Office.context.requirements.isSetSupported; a host without one gets the sheet
 * without that part. Data bars get explicit bounds: automatic bounds draw a bar in one cell only
 * (https://github.com/OfficeDev/office-js/issues/2026).
 */

export interface ChartSpec {
  /** The chart's name, by which a later run finds it. */
  name: string;
  type: "ColumnClustered" | "BarClustered";
  /** The source block on the same sheet ("A3:B11"): header row, labels in the first column. */
  source: string;
  title: string;
  /** setPosition's start and end cells. */
  from: string;
  to: string;
}

export interface DataBarSpec {
  kind: "dataBar";
  range: string;
  /** "#RRGGBB". */
  color: string;
}

export interface ColorScaleSpec {
  kind: "colorScale";
  range: string;
  /** Colours of the lowest value, the median (50th percentile) and the highest value, "#RRGGBB". */
  colors: [string, string, string];
}

export type FormatSpec = DataBarSpec | ColorScaleSpec;

export interface ObjectsSpec {
  charts: ChartSpec[];
  formats: FormatSpec[];
}

/** What a run did to one sheet's objects: `before` is put back on undo, `after` taken away. */
export interface ObjectsChange {
  sheet: string;
  before: ObjectsSpec | null;
  after: ObjectsSpec | null;
}

export interface ObjectSupport {
  charts: boolean;
  formats: boolean;
}

function supports(version: string): boolean {
  // Outside Office (the xlsx-host in the CLI, tests and playground) the host implements both.
  if (typeof Office === "undefined") return true;
  try {
    return Office.context?.requirements?.isSetSupported("ExcelApi", version) === true;
  } catch {
    return false;
  }
}

/** Charts need ExcelApi 1.1, conditional formats ExcelApi 1.6. */
export function objectSupport(): ObjectSupport {
  return { charts: supports("1.1"), formats: supports("1.6") };
}

/** Queues the spec's charts and formats on a sheet (no sync). */
export function queueObjects(context: Excel.RequestContext, sheetName: string, spec: ObjectsSpec): void {
  const support = objectSupport();
  const sheet = context.workbook.worksheets.getItem(sheetName);
  if (support.charts) {
    for (const c of spec.charts) {
      const chart = sheet.charts.add(c.type, sheet.getRange(c.source), "Columns");
      chart.name = c.name;
      chart.title.text = c.title;
      chart.setPosition(c.from, c.to);
    }
  }
  if (support.formats) {
    for (const f of spec.formats) {
      const range = sheet.getRange(f.range);
      if (f.kind === "dataBar") {
        const format = range.conditionalFormats.add("DataBar");
        format.dataBar.lowerBoundRule = { type: "Number", formula: "0" };
        format.dataBar.upperBoundRule = { type: "HighestValue" };
        format.dataBar.positiveFormat.fillColor = f.color;
      } else {
        range.conditionalFormats.add("ColorScale").colorScale.criteria = {
          minimum: { type: "LowestValue", color: f.colors[0] },
          midpoint: { type: "Percentile", formula: "50", color: f.colors[1] },
          maximum: { type: "HighestValue", color: f.colors[2] },
        };
      }
    }
  }
}

/**
 * Queues the removal of what a spec put on a sheet, and of any chart named in `alsoCharts`: charts by name (one
 * round trip to list them), formats by clearing the spec's ranges. The caller syncs.
 */
export async function removeObjects(
  context: Excel.RequestContext,
  sheetName: string,
  spec: ObjectsSpec | null,
  alsoCharts: string[] = []
): Promise<void> {
  const support = objectSupport();
  const names = new Set([...(spec?.charts ?? []).map((c) => c.name), ...alsoCharts]);
  if (support.charts && names.size > 0) {
    const charts = context.workbook.worksheets.getItem(sheetName).charts;
    charts.load("items/name");
    await context.sync();
    for (const c of charts.items) if (names.has(c.name)) c.delete();
  }
  const sheet = context.workbook.worksheets.getItem(sheetName);
  if (support.formats) for (const f of spec?.formats ?? []) sheet.getRange(f.range).conditionalFormats.clearAll();
}

// ---- reading a spec back (ownership record, undo snapshot) ---------------------------------------------

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const isText = (v: unknown): v is string => typeof v === "string" && v !== "";
const isColor = (v: unknown): v is string => typeof v === "string" && /^#[0-9A-Fa-f]{6}$/.test(v);

function chartSpec(v: unknown): ChartSpec | null {
  if (!isObject(v)) return null;
  const { name, type, source, title, from, to } = v;
  if (!isText(name) || (type !== "ColumnClustered" && type !== "BarClustered")) return null;
  if (!isText(source) || typeof title !== "string" || !isText(from) || !isText(to)) return null;
  return { name, type, source, title, from, to };
}

function formatSpec(v: unknown): FormatSpec | null {
  if (!isObject(v) || !isText(v.range)) return null;
  if (v.kind === "dataBar" && isColor(v.color)) return { kind: "dataBar", range: v.range, color: v.color };
  const c = v.colors;
  if (v.kind === "colorScale" && Array.isArray(c) && c.length === 3 && c.every(isColor))
    return { kind: "colorScale", range: v.range, colors: [c[0], c[1], c[2]] };
  return null;
}

/** A spec read from the workbook; anything unrecognisable counts as none. */
export function parseSpec(v: unknown): ObjectsSpec | null {
  if (!isObject(v) || !Array.isArray(v.charts) || !Array.isArray(v.formats)) return null;
  const charts = v.charts.map(chartSpec);
  const formats = v.formats.map(formatSpec);
  if (charts.some((c) => c === null) || formats.some((f) => f === null)) return null;
  return { charts: charts as ChartSpec[], formats: formats as FormatSpec[] };
}
