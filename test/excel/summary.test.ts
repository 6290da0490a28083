/**
 * The segment summary sheet (write-summary.ts) through the add-in's own path on the xlsx-host: its figures are the
 * engine's profiles (checked against the RFM sheet's own 客户细分 column too) for real CDNOW orders
 * (../shared/data/CDNOW_master.txt via test/fixtures/cdnow.ts) and for the seed 表1 (test/fixtures/seed-workbooks.ts);
 * the chart is Excel's own, saved with references to the cells and their cached values; a re-run keeps one chart,
 * undo takes away what a run added and gives back what it replaced; data that looks like a formula stays text.
 */
import { defaultSettings, Settings } from "../../src/engine/config";
import type { CellValue, Lang } from "../../src/engine/types";
import { segmentSheet } from "../../src/excel/segment-sheet";
import type { RunSummary } from "../../src/excel/types";
import { undoLastRun } from "../../src/excel/undo";
import { HostWorkbook } from "../../src/xlsx-host";
import { cdnowOrdersWorkbook, readCdnow } from "../fixtures/cdnow";
import { SEED_AS_OF, seedTable1 } from "../fixtures/seed-workbooks";
import { find, first, malformedParts, orderErrors, packageParts, parse } from "../helpers/ooxml";
import { col, sheetNames, sheetValues } from "../helpers/workbook";

const CDNOW_AS_OF = "1998-07-01";
/** The first 6,000 order lines of CDNOW (about 1,900 customers: enough for every class and for k-means). */
const CDNOW_ROWS = 6000;
const HEADER_ROW = 2;

function thresholds(labels: Record<string, string> = {}): Settings {
  const s = defaultSettings();
  s.rfm.split = "thresholds";
  s.rfm.labels = labels;
  return s;
}

const runOn = (wb: HostWorkbook, lang: Lang, settings: Settings, asOf: string) =>
  wb.run((context) => segmentSheet(context, { settings, asOf, lang }));

/** The sheet's charts: name, and the formats on the whole sheet: type. */
async function objectsOf(wb: HostWorkbook, sheet: string): Promise<{ charts: string[]; formats: string[] }> {
  return wb.run(async (ctx) => {
    const s = ctx.workbook.worksheets.getItem(sheet);
    const charts = s.charts.load("items/name");
    const formats = s.getRange().conditionalFormats.load("items/type");
    await ctx.sync();
    return { charts: charts.items.map((c) => c.name), formats: formats.items.map((f) => f.type) };
  });
}

function chartPartOf(parts: Map<string, string>): ReturnType<typeof parse> {
  const names = [...parts.keys()].filter((n) => /^xl\/charts\/chart\d+\.xml$/.test(n));
  expect(names).toHaveLength(1);
  return parse(parts.get(names[0]) as string);
}

describe("segment summary sheet on CDNOW orders", () => {
  let wb: HostWorkbook;
  let summary: RunSummary;
  let values: CellValue[][];
  beforeAll(async () => {
    wb = await HostWorkbook.fromXlsx(await cdnowOrdersWorkbook(readCdnow(CDNOW_ROWS)));
    summary = await runOn(wb, "zh-CN", defaultSettings(), CDNOW_AS_OF);
    values = await sheetValues(wb, summary.written.summarySheet);
  });

  it("has one row per final segment with the engine's size, share, mean R/F/M, 客单价, top values and persona", () => {
    expect(summary.written.summarySheet).toBe("客户细分概览");
    expect(summary.written.sheets).toContain("客户细分概览");
    const segments = summary.profiles.segments;
    expect(segments.length).toBeGreaterThanOrEqual(5);
    const rows = values.slice(HEADER_ROW + 1, HEADER_ROW + 1 + segments.length);
    const blank = (v: number | null) => (v === null ? "" : v);
    expect(rows).toEqual(
      segments.map((p) => [
        p.label,
        p.size,
        p.share,
        blank(p.mean.recencyDays),
        blank(p.mean.frequency),
        blank(p.mean.monetary),
        blank(p.mean.avgOrderValue),
        p.top.cityTier?.label ?? "",
        p.top.ageBand?.label ?? "",
        p.top.channel?.label ?? "",
        p.persona,
      ])
    );
    expect(rows.reduce((n, r) => n + (r[1] as number), 0)).toBe(summary.customers);
  });

  it("its sizes are the counts of the RFM sheet's 客户细分 column", async () => {
    const rfm = await sheetValues(wb, summary.written.rfmSheet.name);
    const c = col(rfm, 0, "客户细分");
    const counts = new Map<string, number>();
    for (const r of rfm.slice(1)) counts.set(String(r[c]), (counts.get(String(r[c])) ?? 0) + 1);
    const rows = values.slice(HEADER_ROW + 1, HEADER_ROW + 1 + summary.profiles.segments.length);
    expect(Object.fromEntries(rows.map((r) => [r[0], r[1]]))).toEqual(Object.fromEntries(counts));
  });

  it("lists the k-means clusters below the segments, with their own header", () => {
    const clusters = summary.profiles.clusters;
    expect(clusters.length).toBeGreaterThanOrEqual(3);
    const header = HEADER_ROW + summary.profiles.segments.length + 2;
    expect(values[header][0]).toBe("聚类群组");
    expect(values.slice(header + 1).map((r) => [r[0], r[1], r[2]])).toEqual(
      clusters.map((p) => [p.label, p.size, p.share])
    );
  });

  it("has Excel's own chart of segment sizes and the formats on the figures; saved, the chart refers to the cells and caches their values", async () => {
    expect(await objectsOf(wb, "客户细分概览")).toEqual({
      charts: ["SegmentSheet.segmentSizes"],
      formats: ["ColorScale", "ColorScale", "ColorScale", "ColorScale", "DataBar", "DataBar"],
    });
    const parts = packageParts(await wb.toXlsx());
    expect(malformedParts(parts)).toEqual([]);
    const chart = chartPartOf(parts);
    expect(orderErrors(chart)).toEqual([]);
    const n = summary.profiles.segments.length;
    const ser = first(chart, "ser");
    expect(first(ser, "tx", "f").text).toBe("客户细分概览!$B$3");
    expect(first(ser, "cat", "f").text).toBe(`客户细分概览!$A$4:$A$${3 + n}`);
    expect(first(ser, "val", "f").text).toBe(`客户细分概览!$B$4:$B$${3 + n}`);
    expect(find(first(ser, "cat"), "v").map((v) => v.text)).toEqual(summary.profiles.segments.map((p) => p.label));
    expect(find(first(ser, "val"), "v").map((v) => Number(v.text))).toEqual(
      summary.profiles.segments.map((p) => p.size)
    );
    expect(find(first(chart, "title"), "t").map((t) => t.text)).toEqual(["各细分群体客户数"]);
  });
});

describe("segment summary sheet on the seed 表1", () => {
  const HEADERS: Record<Lang, string[]> = {
    "zh-CN": [
      "细分群体",
      "客户数",
      "占比",
      "平均R(距今天数)",
      "平均F(消费频次)",
      "平均M(消费金额)",
      "客单价",
      "主要城市等级",
      "主要年龄段",
      "主要渠道",
      "群体画像",
    ],
    "zh-TW": [
      "細分群體",
      "客戶數",
      "占比",
      "平均R(距今天數)",
      "平均F(消費頻次)",
      "平均M(消費金額)",
      "客單價",
      "主要城市等級",
      "主要年齡段",
      "主要通路",
      "群體畫像",
    ],
    en: [
      "Segment",
      "Customers",
      "Share",
      "Avg R (days since last purchase)",
      "Avg F (purchases)",
      "Avg M (amount)",
      "Average order value",
      "Top city tier",
      "Top age band",
      "Top channel",
      "Persona",
    ],
  };
  const SHEETS: Record<Lang, string> = { "zh-CN": "客户细分概览", "zh-TW": "客戶細分概覽", en: "Segment summary" };

  it.each(["zh-CN", "zh-TW", "en"] as Lang[])("is written in the user's language (%s)", async (lang) => {
    const wb = await HostWorkbook.fromXlsx(await seedTable1());
    const summary = await runOn(wb, lang, thresholds(), SEED_AS_OF);
    expect(summary.written.summarySheet).toBe(SHEETS[lang]);
    const v = await sheetValues(wb, SHEETS[lang]);
    expect(String(v[0][0])).toContain(SEED_AS_OF);
    expect(v[HEADER_ROW]).toEqual(HEADERS[lang]);
    // The seed's three customers, one in each class: 111 / 011 / 000.
    expect(v.slice(HEADER_ROW + 1).map((r) => [r[0], r[1]])).toEqual(
      summary.profiles.segments.map((p) => [p.label, 1])
    );
    expect((await objectsOf(wb, SHEETS[lang])).charts).toHaveLength(1);
  });

  it("a re-run replaces its chart and formats instead of adding more, also in a saved and reopened file", async () => {
    const wb = await HostWorkbook.fromXlsx(await seedTable1());
    await runOn(wb, "zh-CN", thresholds(), SEED_AS_OF);
    const once = await objectsOf(wb, "客户细分概览");
    await runOn(wb, "zh-CN", thresholds(), "2024-07-01");
    expect(await objectsOf(wb, "客户细分概览")).toEqual(once);
    const reopened = await HostWorkbook.fromXlsx(await wb.toXlsx());
    await runOn(reopened, "zh-CN", thresholds(), "2024-08-01");
    expect(await objectsOf(reopened, "客户细分概览")).toEqual(once);
    const parts = packageParts(await reopened.toXlsx());
    chartPartOf(parts);
    expect(malformedParts(parts)).toEqual([]);
  });

  it("undo of a first run removes the summary sheet with its chart; undo of a re-run gives back the earlier summary", async () => {
    const wb = await HostWorkbook.fromXlsx(await seedTable1());
    await runOn(wb, "zh-CN", thresholds(), SEED_AS_OF);
    const first1 = await sheetValues(wb, "客户细分概览");
    const firstObjects = await objectsOf(wb, "客户细分概览");
    // Months later every customer has gone quiet: other classes, other rows, another chart source.
    await runOn(wb, "zh-CN", thresholds(), "2025-06-01");
    expect(await sheetValues(wb, "客户细分概览")).not.toEqual(first1);
    await wb.run((context) => undoLastRun(context));
    expect(await sheetValues(wb, "客户细分概览")).toEqual(first1);
    expect(await objectsOf(wb, "客户细分概览")).toEqual(firstObjects);
    const chart = chartPartOf(packageParts(await wb.toXlsx()));
    expect(find(first(chart, "ser", "val"), "v").map((v) => Number(v.text))).toEqual([1, 1, 1]);

    const fresh = await HostWorkbook.fromXlsx(await seedTable1());
    await runOn(fresh, "zh-CN", thresholds(), SEED_AS_OF);
    await fresh.run((context) => undoLastRun(context));
    expect(await sheetNames(fresh)).toEqual(["客户信息"]);
  });

  it("a re-run that fails at any sync leaves the summary, its chart and its formats as they were, or all new", async () => {
    /** The summary's cells, objects, and the chart's cached categories as saved. */
    const state = async (wb: HostWorkbook) => {
      const chart = chartPartOf(packageParts(await wb.toXlsx()));
      return JSON.stringify({
        cells: await sheetValues(wb, "客户细分概览"),
        objects: await objectsOf(wb, "客户细分概览"),
        categories: find(first(chart, "ser", "cat"), "v").map((v) => v.text),
      });
    };
    const reference = await HostWorkbook.fromXlsx(await seedTable1());
    await runOn(reference, "zh-CN", thresholds(), SEED_AS_OF);
    const between = await reference.toXlsx();
    const before = await state(reference);
    reference.resetStats();
    await runOn(reference, "zh-CN", thresholds(), "2025-06-01");
    const syncs = reference.stats.syncs;
    const after = await state(reference);
    expect(after).not.toBe(before);
    let rolledBack = 0;
    for (let n = 1; n <= syncs; n++) {
      const wb = await HostWorkbook.fromXlsx(between, { failAtSync: n });
      const failed = await runOn(wb, "zh-CN", thresholds(), "2025-06-01").then(
        () => false,
        () => true
      );
      wb.options.failAtSync = undefined;
      const got = await state(wb);
      expect([n, got === before || got === after]).toEqual([n, true]);
      if (failed && got === before) rolledBack++;
    }
    expect(rolledBack).toBeGreaterThan(syncs / 2);
  });

  it("a segment name that starts with '=' (renamed in the settings) is text in the cells and in the chart", async () => {
    const wb = await HostWorkbook.fromXlsx(await seedTable1());
    await runOn(wb, "zh-CN", thresholds({ "111": "=SUM(1,2)", "000": "-1+1" }), SEED_AS_OF);
    const read = await wb.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("客户细分概览").getRange("A4:K6").load("values, valueTypes");
      await ctx.sync();
      return { values: r.values, types: r.valueTypes };
    });
    const labels = read.values.map((r) => r[0]);
    expect(labels).toEqual(expect.arrayContaining(["=SUM(1,2)", "-1+1"]));
    for (const r of read.types) expect([r[0], r[10]]).toEqual(["String", "String"]);
    expect(read.values.find((r) => r[0] === "=SUM(1,2)")?.[10]).toMatch(/^=SUM\(1,2\)：1人/);
    const chart = chartPartOf(packageParts(await wb.toXlsx()));
    expect(find(first(chart, "ser", "cat"), "v").map((v) => v.text)).toEqual(labels);
  });

  describe("on a host without the requirement sets", () => {
    const g = globalThis as { Office?: unknown };
    const withSets = (supported: string[]) => {
      g.Office = {
        context: {
          requirements: { isSetSupported: (name: string, v: string) => name === "ExcelApi" && supported.includes(v) },
        },
      };
    };
    afterEach(() => delete g.Office);

    it("without ExcelApi 1.6 writes the sheet and the chart but no conditional formats", async () => {
      withSets(["1.1", "1.2", "1.3", "1.4", "1.5"]);
      const wb = await HostWorkbook.fromXlsx(await seedTable1());
      await runOn(wb, "zh-CN", thresholds(), SEED_AS_OF);
      expect(await objectsOf(wb, "客户细分概览")).toEqual({ charts: ["SegmentSheet.segmentSizes"], formats: [] });
    });

    it("without charts (ExcelApi 1.1) writes the sheet alone, and a later run on a full host adds them", async () => {
      withSets([]);
      const wb = await HostWorkbook.fromXlsx(await seedTable1());
      await runOn(wb, "zh-CN", thresholds(), SEED_AS_OF);
      expect(await objectsOf(wb, "客户细分概览")).toEqual({ charts: [], formats: [] });
      delete g.Office;
      await runOn(wb, "zh-CN", thresholds(), SEED_AS_OF);
      expect((await objectsOf(wb, "客户细分概览")).charts).toEqual(["SegmentSheet.segmentSizes"]);
    });
  });
});
