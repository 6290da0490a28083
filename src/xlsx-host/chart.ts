/**
 * Excel.ChartCollection, Chart, ChartTitle, ChartSeriesCollection and ChartSeries (ExcelApi 1.1; getCount and
 * getItemOrNullObject 1.4, id and chartType 1.7), over the sheet's chart models (objects-model.ts).
 * Reference: https://learn.microsoft.com/javascript/api/excel/excel.chartcollection and
 * https://learn.microsoft.com/javascript/api/excel/excel.chart (and the doc comments in @types/office-js).
 *
 * - add(type, sourceData, seriesBy) makes the chart from the range as Insert Chart does: a first row of text
 *   names the series, a first column of text (or a blank top-left cell) gives the categories. "Auto" plots
 *   the longer side as categories (Excel on the desktop; "In Excel on the web, 'auto' will simply default to
 *   'columns'", https://learn.microsoft.com/javascript/api/office-scripts/excelscript/excelscript.chartseriesby).
 * - getItem / getItemOrNullObject find a chart by name; "If there are multiple charts with the same name, the
 *   first one will be returned" (so names may repeat). A missing one fails with ItemNotFound, or gives a null object.
 * - A new chart is named "Chart <n>" (Excel's standard name, https://github.com/OfficeDev/office-js/issues/3034).
 * - The automatic title is the name of the only series, else the localized "Chart Title"
 *   ([MS-OI29500] 2.1.1553, https://msdn.microsoft.com/en-us/library/ff533581(v=office.12).aspx).
 * - setPosition(startCell, endCell?) moves the chart's top-left corner to the start cell's, and with an end
 *   cell sizes it to cover it (the office-js-snippets sample `chart.setPosition("A15", "F30")`,
 *   https://github.com/OfficeDev/office-js-snippets/pull/42).
 * Not confirmed, the stricter choice taken: a new chart's place (the top-left corner of the sheet) and size
 * (360 × 216 pt, Excel's default 5 × 3 inch chart); an empty name, a negative position or a size ≤ 0 fails
 * with InvalidArgument; an end cell above or left of the start cell fails with InvalidArgument.
 * Chart types other than the clustered/stacked column and bar charts are not drawn by this host: asking for
 * one throws HostNotImplementedError at once, never a silently different chart.
 */
import { Rect, parseAddress, sameSheetName } from "./address";
import { readRect } from "./cells";
import type { HostContext } from "./context";
import type { SheetState } from "./doc";
import { HostNotImplementedError, richError } from "./errors";
import { columnLeft, columnWidth, rowHeight, rowTop } from "./geometry";
import {
  BoundObject,
  CollectionObject,
  HostObject,
  Json,
  Loadable,
  NavObject,
  Resolvable,
  Selection,
  emptySelection,
} from "./proxy";
import { CellRef, ChartKind, ChartModel, SeriesModel, isChartKind, newObjectId } from "./objects-model";
import { Range, RangeTarget } from "./range";
import { Worksheet } from "./worksheet";

/** Every Excel.ChartType name (@types/office-js): a valid name the host cannot draw is refused as not implemented. */
const EXCEL_CHART_TYPES = new Set(
  (
    "ColumnClustered ColumnStacked ColumnStacked100 3DColumnClustered 3DColumnStacked 3DColumnStacked100 " +
    "BarClustered BarStacked BarStacked100 3DBarClustered 3DBarStacked 3DBarStacked100 LineStacked LineStacked100 " +
    "LineMarkers LineMarkersStacked LineMarkersStacked100 PieOfPie PieExploded 3DPieExploded BarOfPie " +
    "XYScatterSmooth XYScatterSmoothNoMarkers XYScatterLines XYScatterLinesNoMarkers AreaStacked AreaStacked100 " +
    "3DAreaStacked 3DAreaStacked100 DoughnutExploded RadarMarkers RadarFilled Surface SurfaceWireframe " +
    "SurfaceTopView SurfaceTopViewWireframe Bubble Bubble3DEffect StockHLC StockOHLC StockVHLC StockVOHLC " +
    "CylinderColClustered CylinderColStacked CylinderColStacked100 CylinderBarClustered CylinderBarStacked " +
    "CylinderBarStacked100 CylinderCol ConeColClustered ConeColStacked ConeColStacked100 ConeBarClustered " +
    "ConeBarStacked ConeBarStacked100 ConeCol PyramidColClustered PyramidColStacked PyramidColStacked100 " +
    "PyramidBarClustered PyramidBarStacked PyramidBarStacked100 PyramidCol 3DColumn Line 3DLine 3DPie Pie " +
    "XYScatter 3DArea Area Doughnut Radar Histogram Boxwhisker Pareto RegionMap Treemap Waterfall Sunburst Funnel"
  ).split(" ")
);

/** A chart type argument: a drawable kind, or a failure to report at sync (InvalidArgument) or now (not implemented). */
function chartKind(type: unknown, location: string): ChartKind | null {
  if (isChartKind(type)) return type;
  if (typeof type === "string" && EXCEL_CHART_TYPES.has(type))
    throw new HostNotImplementedError(`${location} with chart type "${type}"`);
  return null;
}

export const DEFAULT_CHART_WIDTH = 360;
export const DEFAULT_CHART_HEIGHT = 216;
/** The automatic title of a chart without one series name (en-US, as the host's locale). */
export const DEFAULT_CHART_TITLE = "Chart Title";

function live(m: ChartModel, location: string): ChartModel {
  if (m.deleted || m.owner.deleted) throw richError("ItemNotFound", location);
  return m;
}

function cellText(ref: CellRef): string {
  if (ref.sheet.deleted) return "#REF!";
  const t = readRect(ref.sheet, { ...ref.rect, rows: 1, cols: 1 }, "text", ref.sheet.doc.date1904);
  return String(t[0][0]);
}

export function seriesName(s: SeriesModel, index: number): string {
  if (s.name === null) return `Series${index + 1}`;
  return "text" in s.name ? s.name.text : cellText(s.name.ref);
}

export function titleText(m: ChartModel): string {
  if (m.title.text !== null) return m.title.text;
  return m.series.length === 1 && m.series[0].name !== null ? seriesName(m.series[0], 0) : DEFAULT_CHART_TITLE;
}

/**
 * The series of a chart made from `rect` on `sheet`: text in the first row names the series, text in the first
 * column (or a blank top-left cell) makes it the categories; by columns, each other column is a series.
 */
export function seriesFrom(sheet: SheetState, rect: Rect, seriesBy: "Auto" | "Columns" | "Rows"): SeriesModel[] {
  const v = readRect(sheet, rect, "values", sheet.doc.date1904);
  const byColumns = seriesBy === "Columns" || (seriesBy === "Auto" && rect.rows >= rect.cols);
  // Work on the block as if series ran down columns.
  const rows = byColumns ? rect.rows : rect.cols;
  const cols = byColumns ? rect.cols : rect.rows;
  const at = (i: number, j: number) => (byColumns ? v[i][j] : v[j][i]);
  const isText = (x: unknown) => typeof x === "string" && x !== "";
  const blankCorner = at(0, 0) === "";
  let catCol = cols > 1 && rows > 1 && blankCorner;
  if (!catCol && cols > 1) for (let i = 1; i < rows && !catCol; i++) if (isText(at(i, 0))) catCol = true;
  let nameRow = rows > 1 && cols > 1 && blankCorner;
  if (!nameRow && rows > 1) {
    const first = catCol ? 1 : 0;
    let text = false;
    let numbers = false;
    for (let j = first; j < cols; j++) {
      if (isText(at(0, j))) text = true;
      if (typeof at(0, j) === "number") numbers = true;
    }
    nameRow = text && !numbers;
  }
  const r0 = nameRow ? 1 : 0;
  const c0 = catCol ? 1 : 0;
  const cell = (i: number, j: number, n: number, m: number): CellRef => ({
    sheet,
    rect: byColumns
      ? { row: rect.row + i, col: rect.col + j, rows: n, cols: m }
      : { row: rect.row + j, col: rect.col + i, rows: m, cols: n },
  });
  const out: SeriesModel[] = [];
  if (rows - r0 <= 0) return out;
  for (let j = c0; j < cols; j++) {
    out.push({
      name: nameRow ? { ref: cell(0, j, 1, 1) } : null,
      categories: catCol ? cell(r0, 0, rows - r0, 1) : null,
      values: cell(r0, j, rows - r0, 1),
    });
  }
  return out;
}

// ---- ChartCollection ----------------------------------------------------------------------------------

/** Marks a load of the collection's own `count` (not an item property). */
const COUNT = "$count";

/**
 * A collection with a `count` property besides its items (ChartCollection, ChartSeriesCollection): `count` is
 * loaded alongside or instead of the items, as Office.js loads it.
 */
abstract class CountedCollection<T, I, IP extends HostObject<I>> extends CollectionObject<T, I, IP> {
  /** The number of items of the resolved parent. */
  abstract _countOf(t: T): number;

  get count(): number {
    return this._get("count");
  }

  override _select(paths: string[], sel: Selection = emptySelection()): Selection {
    const rest = paths.filter((p) => p.split(/[/.]/)[0] !== "count");
    if (rest.length < paths.length) sel.navs.set(COUNT, emptySelection());
    return rest.length ? super._select(rest, sel) : sel;
  }
  override _compute(sel: Selection): Json {
    const t = this._resolve();
    if (t === null) return null;
    const itemSel = withoutCount(sel);
    const wantItems = itemSel.scalars.size > 0 || itemSel.navs.size > 0;
    const out = (wantItems ? super._compute(itemSel) : {}) as { [k: string]: Json };
    if (sel.navs.has(COUNT)) out.count = this._countOf(t);
    return out;
  }
  override _apply(sel: Selection, data: Json): void {
    const itemSel = withoutCount(sel);
    if (itemSel.scalars.size > 0 || itemSel.navs.size > 0) super._apply(itemSel, data);
    else this._isNull = data === null;
    if (data !== null && sel.navs.has(COUNT)) this._props.count = (data as { count: number }).count;
  }
}

export class ChartCollection extends CountedCollection<SheetState, ChartModel, Chart> {
  get _typeName(): string {
    return "ChartCollection";
  }
  _list(s: SheetState): ChartModel[] {
    return [...s.objects.charts];
  }
  _itemProxy(item: ChartModel): Chart {
    const c = new Chart(this._ctx, "ChartCollection.items");
    c._target = item;
    c._isNull = false;
    return c;
  }
  _prototypeItem(): Chart {
    return new Chart(this._ctx, "ChartCollection.items");
  }

  /** "count: Returns the number of charts in the worksheet." */
  _countOf(s: SheetState): number {
    return s.objects.charts.length;
  }

  private _find(s: SheetState, name: string): ChartModel | null {
    return s.objects.charts.find((c) => c.name === String(name)) ?? null;
  }

  getItem(name: string): Chart {
    return this._instantiate(
      new Chart(this._ctx, "ChartCollection.getItem"),
      "getItem",
      [name],
      (s) => this._find(s, name),
      false
    );
  }
  getItemOrNullObject(name: string): Chart {
    return this._instantiate(
      new Chart(this._ctx, "ChartCollection.getItemOrNullObject"),
      "getItemOrNullObject",
      [name],
      (s) => this._find(s, name),
      true
    );
  }
  getItemAt(index: number): Chart {
    return this._instantiate(
      new Chart(this._ctx, "ChartCollection.getItemAt"),
      "getItemAt",
      [index],
      (s) => {
        const list = s.objects.charts;
        if (!Number.isInteger(index) || index < 0 || index >= list.length)
          throw richError("InvalidArgument", "ChartCollection.getItemAt");
        return list[index];
      },
      false
    );
  }
  getCount(): OfficeExtension.ClientResult<number> {
    return this._countResult("ChartCollection.getCount", [], (s) => s.objects.charts.length);
  }

  /** "Creates a new chart." sourceData: "The Range object corresponding to the source data." */
  add(type: string, sourceData: Excel.Range, seriesBy?: string): Chart {
    const location = "ChartCollection.add";
    const kind = chartKind(type, location);
    const source = sourceData as unknown;
    const by = seriesBy ?? "Auto";
    const child = new Chart(this._ctx, location);
    return this._instantiate(
      child,
      "add",
      [String(type), source instanceof Range ? source._serial : null, String(by)],
      (s) => {
        if (kind === null) throw richError("InvalidArgument", location);
        if (by !== "Auto" && by !== "Columns" && by !== "Rows") throw richError("InvalidArgument", location);
        if (!(source instanceof Range)) throw richError("InvalidArgument", location);
        const target = source._resolve();
        if (!target || target.sheet.deleted) throw richError("InvalidArgument", location);
        if (target.rect.rows * target.rect.cols > 1_000_000)
          throw new HostNotImplementedError(`${location} over ${target.rect.rows * target.rect.cols} cells`);
        const series = seriesFrom(target.sheet, target.rect, by);
        const model: ChartModel = {
          id: newObjectId(2),
          owner: s,
          name: s.objects.defaultChartName(),
          kind,
          series,
          title: { text: null, visible: true },
          top: 0,
          left: 0,
          width: DEFAULT_CHART_WIDTH,
          height: DEFAULT_CHART_HEIGHT,
          deleted: false,
        };
        s.objects.charts.push(model);
        return model;
      },
      false
    );
  }
}

function withoutCount(sel: Selection): Selection {
  if (!sel.navs.has(COUNT)) return sel;
  const navs = new Map(sel.navs);
  navs.delete(COUNT);
  return { scalars: sel.scalars, navs };
}

// ---- Chart ---------------------------------------------------------------------------------------------

function positiveNumber(v: unknown, location: string, allowZero: boolean): number {
  if (typeof v !== "number" || !Number.isFinite(v) || v < 0 || (!allowZero && v === 0))
    throw richError("InvalidArgument", location);
  return v;
}

/** A start or end cell of setPosition: a Range on the chart's sheet or an address on it. */
function positionCell(m: ChartModel, cell: unknown, location: string): Rect {
  if (cell instanceof Range) {
    const t: RangeTarget | null = cell._resolve();
    if (!t || t.sheet !== m.owner) throw richError("InvalidArgument", location);
    return t.rect;
  }
  if (typeof cell !== "string") throw richError("InvalidArgument", location);
  const parsed = parseAddress(cell);
  if (!parsed || (parsed.sheet !== undefined && !sameSheetName(parsed.sheet, m.owner.name)))
    throw richError("InvalidArgument", location);
  return parsed.rect;
}

export class Chart extends BoundObject<ChartModel> {
  private _title?: ChartTitle;
  private _series?: ChartSeriesCollection;
  private _worksheet?: Worksheet;

  get _typeName(): string {
    return "Chart";
  }
  _scalarReaders(): Record<string, (m: ChartModel) => Json> {
    return {
      name: (m) => live(m, "Chart.name").name,
      id: (m) => live(m, "Chart.id").id,
      chartType: (m) => live(m, "Chart.chartType").kind,
      top: (m) => live(m, "Chart.top").top,
      left: (m) => live(m, "Chart.left").left,
      width: (m) => live(m, "Chart.width").width,
      height: (m) => live(m, "Chart.height").height,
    };
  }
  override _navProps(): Record<string, () => Loadable> {
    return { title: () => this.title, series: () => this.series, worksheet: () => this.worksheet };
  }

  get name(): string {
    return this._get("name");
  }
  set name(v: string) {
    this._setProp("name", v, (m, x) => {
      live(m, "Chart.name");
      if (typeof x !== "string" || x.trim() === "") throw richError("InvalidArgument", "Chart.name");
      m.name = x;
    });
  }
  get id(): string {
    return this._get("id");
  }
  get chartType(): string {
    return this._get("chartType");
  }
  set chartType(v: string) {
    const kind = chartKind(v, "Chart.chartType");
    this._setProp("chartType", v, (m) => {
      live(m, "Chart.chartType");
      if (kind === null) throw richError("InvalidArgument", "Chart.chartType");
      m.kind = kind;
    });
  }
  get top(): number {
    return this._get("top");
  }
  set top(v: number) {
    this._setProp("top", v, (m, x) => (live(m, "Chart.top").top = positiveNumber(x, "Chart.top", true)));
  }
  get left(): number {
    return this._get("left");
  }
  set left(v: number) {
    this._setProp("left", v, (m, x) => (live(m, "Chart.left").left = positiveNumber(x, "Chart.left", true)));
  }
  get width(): number {
    return this._get("width");
  }
  set width(v: number) {
    this._setProp("width", v, (m, x) => (live(m, "Chart.width").width = positiveNumber(x, "Chart.width", false)));
  }
  get height(): number {
    return this._get("height");
  }
  set height(v: number) {
    this._setProp("height", v, (m, x) => (live(m, "Chart.height").height = positiveNumber(x, "Chart.height", false)));
  }

  get title(): ChartTitle {
    if (!this._title) this._title = new ChartTitle(this._ctx, "Chart.title", this, (m) => m as ChartModel);
    return this._title;
  }
  get series(): ChartSeriesCollection {
    if (!this._series)
      this._series = new ChartSeriesCollection(this._ctx, "Chart.series", this, (m) => m as ChartModel);
    return this._series;
  }
  get worksheet(): Worksheet {
    if (!this._worksheet) {
      this._worksheet = new Worksheet(this._ctx, "Chart.worksheet", () => {
        const m = this._resolve();
        return m ? m.owner : null;
      });
    }
    return this._worksheet;
  }

  delete(): void {
    this._method("delete", [], (m) => {
      live(m, "Chart.delete").deleted = true;
      const list = m.owner.objects.charts;
      list.splice(list.indexOf(m), 1);
    });
  }

  setPosition(startCell: Excel.Range | string, endCell?: Excel.Range | string): void {
    const location = "Chart.setPosition";
    const wire = (c: unknown): Json => (c instanceof Range ? { range: c._serial } : ((c ?? null) as Json));
    this._method("setPosition", [wire(startCell), wire(endCell)], (m) => {
      live(m, location);
      const start = positionCell(m, startCell, location);
      const sheet = m.owner;
      const top = rowTop(sheet, start.row);
      const left = columnLeft(sheet, start.col);
      let size: { width: number; height: number } | null = null;
      if (endCell !== undefined && endCell !== null) {
        const end = positionCell(m, endCell, location);
        const lastRow = end.row + end.rows - 1;
        const lastCol = end.col + end.cols - 1;
        if (lastRow < start.row || lastCol < start.col) throw richError("InvalidArgument", location);
        size = {
          width: columnLeft(sheet, lastCol) + columnWidth(sheet, lastCol) - left,
          height: rowTop(sheet, lastRow) + rowHeight(sheet, lastRow) - top,
        };
        if (size.width <= 0 || size.height <= 0) throw richError("InvalidArgument", location);
      }
      m.top = top;
      m.left = left;
      if (size) {
        m.width = size.width;
        m.height = size.height;
      }
    });
  }
}

// ---- ChartTitle ----------------------------------------------------------------------------------------

export class ChartTitle extends NavObject<ChartModel, ChartModel> {
  get _typeName(): string {
    return "ChartTitle";
  }
  _scalarReaders(): Record<string, (m: ChartModel) => Json> {
    return {
      text: (m) => titleText(live(m, "ChartTitle.text")),
      visible: (m) => live(m, "ChartTitle.visible").title.visible,
    };
  }
  get text(): string {
    return this._get("text");
  }
  set text(v: string) {
    this._setProp("text", v, (m, x) => {
      live(m, "ChartTitle.text");
      if (typeof x !== "string") throw richError("InvalidArgument", "ChartTitle.text");
      m.title.text = x;
    });
  }
  get visible(): boolean {
    return this._get("visible");
  }
  set visible(v: boolean) {
    this._setProp("visible", v, (m, x) => {
      live(m, "ChartTitle.visible");
      if (typeof x !== "boolean") throw richError("InvalidArgument", "ChartTitle.visible");
      m.title.visible = x;
    });
  }
}

// ---- ChartSeriesCollection / ChartSeries ---------------------------------------------------------------

export interface SeriesTarget {
  chart: ChartModel;
  series: SeriesModel;
}

function seriesLive(t: SeriesTarget, location: string): number {
  live(t.chart, location);
  const i = t.chart.series.indexOf(t.series);
  if (i < 0) throw richError("ItemNotFound", location);
  return i;
}

export class ChartSeriesCollection extends CountedCollection<ChartModel, SeriesTarget, ChartSeries> {
  constructor(ctx: HostContext, location: string, parent: Resolvable<unknown>, derive: (p: unknown) => ChartModel) {
    super(ctx, location, parent, (p) => live(derive(p), location));
  }
  get _typeName(): string {
    return "ChartSeriesCollection";
  }
  _list(m: ChartModel): SeriesTarget[] {
    return m.series.map((series) => ({ chart: m, series }));
  }
  _itemProxy(item: SeriesTarget): ChartSeries {
    const s = new ChartSeries(this._ctx, "ChartSeriesCollection.items");
    s._target = item;
    s._isNull = false;
    return s;
  }
  _prototypeItem(): ChartSeries {
    return new ChartSeries(this._ctx, "ChartSeriesCollection.items");
  }
  _countOf(m: ChartModel): number {
    return m.series.length;
  }
  getItemAt(index: number): ChartSeries {
    return this._instantiate(
      new ChartSeries(this._ctx, "ChartSeriesCollection.getItemAt"),
      "getItemAt",
      [index],
      (m) => {
        if (!Number.isInteger(index) || index < 0 || index >= m.series.length)
          throw richError("InvalidArgument", "ChartSeriesCollection.getItemAt");
        return { chart: m, series: m.series[index] };
      },
      false
    );
  }
  getCount(): OfficeExtension.ClientResult<number> {
    return this._countResult("ChartSeriesCollection.getCount", [], (m) => m.series.length);
  }
}

export class ChartSeries extends BoundObject<SeriesTarget> {
  get _typeName(): string {
    return "ChartSeries";
  }
  _scalarReaders(): Record<string, (t: SeriesTarget) => Json> {
    return { name: (t) => seriesName(t.series, seriesLive(t, "ChartSeries.name")) };
  }
  get name(): string {
    return this._get("name");
  }
  set name(v: string) {
    this._setProp("name", v, (t, x) => {
      seriesLive(t, "ChartSeries.name");
      if (typeof x !== "string") throw richError("InvalidArgument", "ChartSeries.name");
      t.series.name = { text: x };
    });
  }
}
