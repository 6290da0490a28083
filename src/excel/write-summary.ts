/**
 * The segment summary sheet (SPEC "Output written back": size, share, mean R/F/M, 客单价, top city/age/channel and a
 * short persona per segment; a native Excel chart of segment sizes). One row per final segment (客户细分, largest
 * first, the merged group last) and, when k-means ran, one per cluster below. The chart is Excel's own
 * (worksheet.charts), over the sheet's cells, so it follows them; data bars show size and share, colour scales the
 * means (a short recency is good: its scale runs the other way).
 *
 * The sheet is the add-in's own: a re-run replaces its cells, its chart and its formats (never a second chart),
 * everything through the journal so that a failed run is rolled back and "Undo last run" puts back what was there.
 * Every string from the data (segment names can be renamed in the settings, "=…" included) is written as text.
 */
import type { Lang, SegmentationResult, SegmentProfile } from "../engine/types";
import { fill } from "../i18n/messages";
import { SUMMARY_COLUMNS, SummaryColumn, summaryHeaders, summaryWords } from "../i18n/summary";
import { asText } from "./cell-text";
import type { Journal } from "./journal";
import { FormatSpec, ObjectsSpec, objectSupport, queueObjects, removeObjects } from "./sheet-objects";

type Cell = string | number | boolean;

/** The summary chart's name: how a re-run finds the chart it made. */
export const SUMMARY_CHART = "SegmentSheet.segmentSizes";
const HEADER_ROW = 2;
const WIDTH = SUMMARY_COLUMNS.length;
const DATA_BAR = "#638EC6";
const LOW_TO_HIGH: [string, string, string] = ["#F8696B", "#FFEB84", "#63BE7B"];
const HIGH_TO_LOW: [string, string, string] = ["#63BE7B", "#FFEB84", "#F8696B"];

const NUMBER_FORMATS: Partial<Record<SummaryColumn, string>> = {
  customers: "0",
  share: "0.0%",
  recency: "0.0",
  frequency: "0.0",
  monetary: "#,##0.00",
  aov: "#,##0.00",
};
/** Column widths in points: labels, figures, top values, the persona sentence. */
const WIDTHS: Record<SummaryColumn, number> = {
  segment: 110,
  customers: 60,
  share: 60,
  recency: 90,
  frequency: 90,
  monetary: 100,
  aov: 80,
  cityTier: 80,
  ageBand: 80,
  channel: 80,
  persona: 520,
};

export interface SummaryLayout {
  cells: Cell[][];
  /** 0-based rows of the segment table's data, and of the cluster table's (null without clusters). */
  segments: { first: number; count: number };
  clusters: { first: number; count: number } | null;
}

const num = (v: number | null): Cell => (v === null ? "" : v);

function profileRow(p: SegmentProfile): Cell[] {
  const top = (t: { label: string } | undefined): Cell => (t ? asText(t.label) : "");
  return [
    asText(p.label),
    p.size,
    p.share,
    num(p.mean.recencyDays),
    num(p.mean.frequency),
    num(p.mean.monetary),
    num(p.mean.avgOrderValue),
    top(p.top.cityTier),
    top(p.top.ageBand),
    top(p.top.channel),
    asText(p.persona),
  ];
}

/** Every cell of the summary sheet, from A1. */
export function summaryLayout(result: SegmentationResult, lang: Lang): SummaryLayout {
  const headers = SUMMARY_COLUMNS.map((c) => summaryHeaders[lang][c]);
  const pad = (row: Cell[]) => row.concat(new Array<Cell>(WIDTH - row.length).fill(""));
  const cells: Cell[][] = [pad([fill(summaryWords[lang].title, { asOf: result.asOf })]), pad([]), headers];
  const segments = { first: cells.length, count: result.profiles.segments.length };
  for (const p of result.profiles.segments) cells.push(profileRow(p));
  let clusters: SummaryLayout["clusters"] = null;
  if (result.profiles.clusters.length > 0) {
    cells.push(pad([]), [summaryWords[lang].clusters, ...headers.slice(1)]);
    clusters = { first: cells.length, count: result.profiles.clusters.length };
    for (const p of result.profiles.clusters) cells.push(profileRow(p));
  }
  return { cells, segments, clusters };
}

const col = (key: SummaryColumn): string => String.fromCharCode(65 + SUMMARY_COLUMNS.indexOf(key));

/** The chart and formats of a layout, as far as the host supports them. */
export function summaryObjects(layout: SummaryLayout, lang: Lang): ObjectsSpec {
  const { first, count } = layout.segments;
  const support = objectSupport();
  if (count === 0) return { charts: [], formats: [] };
  const rows = (key: SummaryColumn) => `${col(key)}${first + 1}:${col(key)}${first + count}`;
  const charts = support.charts
    ? [
        {
          name: SUMMARY_CHART,
          type: "ColumnClustered" as const,
          source: `${col("segment")}${HEADER_ROW + 1}:${col("customers")}${first + count}`,
          title: summaryWords[lang].chartTitle,
          from: `A${layout.cells.length + 2}`,
          to: `H${layout.cells.length + 21}`,
        },
      ]
    : [];
  const formats: FormatSpec[] = support.formats
    ? [
        { kind: "dataBar", range: rows("customers"), color: DATA_BAR },
        { kind: "dataBar", range: rows("share"), color: DATA_BAR },
        { kind: "colorScale", range: rows("recency"), colors: HIGH_TO_LOW },
        { kind: "colorScale", range: rows("frequency"), colors: LOW_TO_HIGH },
        { kind: "colorScale", range: rows("monetary"), colors: LOW_TO_HIGH },
        { kind: "colorScale", range: rows("aov"), colors: LOW_TO_HIGH },
      ]
    : [];
  return { charts, formats };
}

export interface SummaryOutcome {
  sheet: string;
  objects: ObjectsSpec;
}

/** Writes (or rewrites) the summary sheet, its chart and its formats; returns the sheet's name and what it holds. */
export async function writeSummary(
  context: Excel.RequestContext,
  result: SegmentationResult,
  lang: Lang,
  recorded: { summarySheet?: string; summaryObjects?: ObjectsSpec },
  sheetNames: string[],
  journal: Journal
): Promise<SummaryOutcome> {
  const lower = sheetNames.map((n) => n.toLowerCase());
  const exists = recorded.summarySheet !== undefined && lower.includes(recorded.summarySheet.toLowerCase());
  let name = exists ? (recorded.summarySheet as string) : summaryWords[lang].sheet;
  if (!exists) for (let i = 2; lower.includes(name.toLowerCase()); i++) name = `${summaryWords[lang].sheet} (${i})`;
  const layout = summaryLayout(result, lang);
  const objects = summaryObjects(layout, lang);
  const before = exists ? (recorded.summaryObjects ?? null) : null;

  if (exists) {
    journal.captureSheet(name);
    await journal.flush();
    journal.expectSheet(name, layout.cells);
  } else journal.createdSheet(name);
  journal.objectsChanged({ sheet: name, before, after: objects });

  const sheets = context.workbook.worksheets;
  const sheet = exists ? sheets.getItem(name) : sheets.add(name);
  if (exists) {
    await removeObjects(context, name, before, [SUMMARY_CHART]);
    sheet.getRange().clear();
  }
  const { cells } = layout;
  sheet.getRangeByIndexes(0, 0, cells.length, WIDTH).values = cells;
  SUMMARY_COLUMNS.forEach((key, c) => {
    sheet.getRangeByIndexes(0, c, 1, 1).format.columnWidth = WIDTHS[key];
    const format = NUMBER_FORMATS[key];
    if (format === undefined) return;
    for (const block of [layout.segments, layout.clusters])
      if (block && block.count > 0) sheet.getRangeByIndexes(block.first, c, block.count, 1).numberFormat = [[format]];
  });
  queueObjects(context, name, objects);
  await context.sync();
  return { sheet: name, objects };
}
