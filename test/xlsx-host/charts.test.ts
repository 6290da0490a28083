/**
 * Worksheet.charts on the host: the API as strict as Excel's (chart.ts cites each rule), and the chart saved as a
 * real DrawingML chart that a second reader (openpyxl) and the host itself read back with its cell references and
 * cached values.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { HostWorkbook } from "../../src/xlsx-host";
import { HostNotImplementedError } from "../../src/xlsx-host/errors";
import { saveWorkbookFile } from "../../src/xlsx-host/node";
import { find, first, malformedParts, orderErrors, packageParts, parse } from "../helpers/ooxml";
import { openXlsx, rejection, thrown } from "./helpers";

const SIZES = [
  ["Segment", "Customers"],
  ["重要价值客户", 120],
  ["流失客户", 45],
  ["新客户", 80],
];

/** A sheet "Data" with segment sizes in A1:B4 (a header row, labels in column A). */
const sizesWorkbook = () =>
  openXlsx((wb) => {
    const ws = wb.addWorksheet("Data");
    SIZES.forEach((row, r) => row.forEach((v, c) => (ws.getCell(r + 1, c + 1).value = v)));
  });

async function addSizesChart(host: HostWorkbook, name = "Sizes"): Promise<void> {
  await host.run(async (ctx) => {
    const sheet = ctx.workbook.worksheets.getItem("Data");
    const chart = sheet.charts.add("ColumnClustered", sheet.getRange("A1:B4"), "Columns");
    chart.name = name;
    chart.title.text = "Customers per segment";
    chart.setPosition("D2", "J15");
    await ctx.sync();
  });
}

describe("ChartCollection and Chart", () => {
  test("a chart made from a block with a header row and a label column: one series named by the header", async () => {
    const host = await sizesWorkbook();
    await host.run(async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItem("Data");
      const chart = sheet.charts.add("ColumnClustered", sheet.getRange("A1:B4"), "Columns");
      chart.load("name, chartType, width, height, top, left");
      chart.title.load("text, visible");
      chart.series.load("count, items/name");
      await ctx.sync();
      // Excel's standard first name, its default 5 × 3 inch size, the only series' name as the automatic title.
      expect([chart.name, chart.chartType, chart.width, chart.height]).toEqual([
        "Chart 1",
        "ColumnClustered",
        360,
        216,
      ]);
      expect([chart.title.text, chart.title.visible]).toEqual(["Customers", true]);
      expect(chart.series.count).toBe(1);
      expect(chart.series.items.map((s) => s.name)).toEqual(["Customers"]);
      const second = sheet.charts.add("BarClustered", sheet.getRange("A1:B4"), "Rows").load("name");
      second.series.load("items/name");
      second.title.load("text");
      await ctx.sync();
      // By rows: one series per segment row, no single name, so the generic title.
      expect(second.name).toBe("Chart 2");
      expect(second.series.items.map((s) => s.name)).toEqual(["重要价值客户", "流失客户", "新客户"]);
      expect(second.title.text).toBe("Chart Title");
    });
  });

  test("properties are PropertyNotLoaded until loaded and synced; count and items too", async () => {
    const host = await sizesWorkbook();
    await addSizesChart(host);
    await host.run(async (ctx) => {
      const charts = ctx.workbook.worksheets.getItem("Data").charts;
      const chart = charts.getItem("Sizes");
      expect(thrown(() => chart.name).code).toBe("PropertyNotLoaded");
      expect(thrown(() => charts.items).code).toBe("PropertyNotLoaded");
      charts.load("count");
      chart.load("name");
      expect(thrown(() => chart.name).code).toBe("PropertyNotLoaded");
      await ctx.sync();
      expect(chart.name).toBe("Sizes");
      expect(charts.count).toBe(1);
      expect(thrown(() => charts.items).code).toBe("PropertyNotLoaded");
      expect(thrown(() => chart.top).code).toBe("PropertyNotLoaded");
    });
  });

  test("getItem of a missing chart fails the sync with ItemNotFound; getItemOrNullObject gives a null object", async () => {
    const host = await sizesWorkbook();
    await host.run(async (ctx) => {
      const charts = ctx.workbook.worksheets.getItem("Data").charts;
      charts.getItem("Nope");
      const e = await rejection(ctx.sync());
      expect([e.code, e.debugInfo.errorLocation]).toEqual(["ItemNotFound", "ChartCollection.getItem"]);
      const none = charts.getItemOrNullObject("Nope");
      const count = charts.getCount();
      await ctx.sync();
      expect(none.isNullObject).toBe(true);
      expect(count.value).toBe(0);
    });
  });

  test("bad arguments fail at sync with InvalidArgument; a chart type the host cannot draw is refused at once", async () => {
    const host = await sizesWorkbook();
    await host.run(async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItem("Data");
      const source = sheet.getRange("A1:B4");
      sheet.charts.add("NotAChart" as Excel.ChartType, source);
      expect((await rejection(ctx.sync())).code).toBe("InvalidArgument");
      sheet.charts.add("ColumnClustered", source, "Diagonal" as Excel.ChartSeriesBy);
      expect((await rejection(ctx.sync())).code).toBe("InvalidArgument");
      expect(() => sheet.charts.add("Pie", source)).toThrow(HostNotImplementedError);
      const chart = sheet.charts.add("ColumnClustered", source);
      chart.name = "";
      const e = await rejection(ctx.sync());
      expect([e.code, e.debugInfo.errorLocation]).toEqual(["InvalidArgument", "Chart.name"]);
      chart.width = -5;
      expect((await rejection(ctx.sync())).code).toBe("InvalidArgument");
      chart.setPosition("J15", "D2");
      expect((await rejection(ctx.sync())).code).toBe("InvalidArgument");
      chart.setPosition("not a cell");
      expect((await rejection(ctx.sync())).code).toBe("InvalidArgument");
      chart.setPosition("Other!A1");
      expect((await rejection(ctx.sync())).code).toBe("InvalidArgument");
    });
  });

  test("setPosition moves the corner to the start cell and sizes the chart over the end cell, in points", async () => {
    const host = await sizesWorkbook();
    await addSizesChart(host);
    await host.run(async (ctx) => {
      const chart = ctx.workbook.worksheets.getItem("Data").charts.getItem("Sizes").load("top, left, width, height");
      await ctx.sync();
      // Default rows are 15 pt, default columns 64 px = 48 pt: D2 starts 3 columns and 1 row in; D2:J15 is 7 × 14 cells.
      expect([chart.top, chart.left, chart.width, chart.height]).toEqual([15, 144, 7 * 48, 14 * 15]);
    });
  });

  test("a deleted chart is gone: the collection no longer has it and its proxy fails with ItemNotFound", async () => {
    const host = await sizesWorkbook();
    await addSizesChart(host);
    await host.run(async (ctx) => {
      const charts = ctx.workbook.worksheets.getItem("Data").charts;
      const chart = charts.getItem("Sizes");
      chart.delete();
      const again = charts.getItemOrNullObject("Sizes");
      await ctx.sync();
      expect(again.isNullObject).toBe(true);
      chart.load("name");
      expect((await rejection(ctx.sync())).code).toBe("ItemNotFound");
    });
  });
});

describe("charts in the saved .xlsx", () => {
  test("a DrawingML bar chart referencing the cells, with their cached values, in well-formed parts in schema order", async () => {
    const host = await sizesWorkbook();
    await addSizesChart(host);
    const parts = packageParts(await host.toXlsx());
    expect(malformedParts(parts)).toEqual([]);
    const sheetPart = [...parts.keys()].find((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n)) as string;
    const chartPart = [...parts.keys()].find((n) => /^xl\/charts\/chart\d+\.xml$/.test(n)) as string;
    const drawingPart = [...parts.keys()].find((n) => /^xl\/drawings\/drawing\d+\.xml$/.test(n)) as string;
    expect([sheetPart, chartPart, drawingPart].every(Boolean)).toBe(true);
    for (const p of [sheetPart, chartPart, drawingPart]) expect(orderErrors(parse(parts.get(p) as string))).toEqual([]);

    const chart = parse(parts.get(chartPart) as string);
    const ser = first(chart, "barChart", "ser");
    expect(first(ser, "tx", "f").text).toBe("Data!$B$1");
    expect(first(ser, "cat", "f").text).toBe("Data!$A$2:$A$4");
    expect(first(ser, "val", "f").text).toBe("Data!$B$2:$B$4");
    expect(find(first(ser, "cat"), "v").map((v) => v.text)).toEqual(["重要价值客户", "流失客户", "新客户"]);
    expect(find(first(ser, "val"), "v").map((v) => Number(v.text))).toEqual([120, 45, 80]);
    expect(first(chart, "barDir").attrs.val).toBe("col");
    expect(find(first(chart, "title"), "t").map((t) => t.text)).toEqual(["Customers per segment"]);

    // The sheet points at its drawing, the drawing at the chart; both parts have their content types.
    expect(find(parse(parts.get(sheetPart) as string), "drawing")).toHaveLength(1);
    const anchor = first(parse(parts.get(drawingPart) as string), "twoCellAnchor");
    expect(["from", "to"].map((k) => ["col", "row"].map((n) => Number(first(anchor, k, n).text)))).toEqual([
      [3, 1],
      [10, 15],
    ]);
    expect(first(anchor, "cNvPr").attrs.name).toBe("Sizes");
    const types = parts.get("[Content_Types].xml") as string;
    expect(types).toContain(
      `PartName="/${chartPart}" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"`
    );
    expect(types).toContain(
      `PartName="/${drawingPart}" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"`
    );
  });

  test("reopened, the chart is there with its name, type, title, place and series; saved again it is still one chart", async () => {
    const host = await sizesWorkbook();
    await addSizesChart(host);
    const reopened = await HostWorkbook.fromXlsx(await host.toXlsx());
    await reopened.run(async (ctx) => {
      const charts = ctx.workbook.worksheets.getItem("Data").charts;
      charts.load("items/name, items/chartType, items/top, items/left, items/width, items/height, items/title/text");
      const series = charts.getItem("Sizes").series.load("items/name");
      await ctx.sync();
      expect(charts.items.map((c) => [c.name, c.chartType, c.top, c.left, c.width, c.height, c.title.text])).toEqual([
        ["Sizes", "ColumnClustered", 15, 144, 336, 210, "Customers per segment"],
      ]);
      expect(series.items.map((s) => s.name)).toEqual(["Customers"]);
      // The chart follows its cells: a changed value is in the next save's cache.
      ctx.workbook.worksheets.getItem("Data").getRange("B3").values = [[46]];
      await ctx.sync();
    });
    const parts = packageParts(await reopened.toXlsx());
    const charts = [...parts.keys()].filter((n) => /^xl\/charts\/chart\d+\.xml$/.test(n));
    expect(charts).toHaveLength(1);
    const ser = first(parse(parts.get(charts[0]) as string), "ser");
    expect(find(first(ser, "val"), "v").map((v) => Number(v.text))).toEqual([120, 46, 80]);
  });

  test("a sheet name that needs quotes is quoted in the references as Excel quotes it, and read back", async () => {
    const host = await openXlsx((wb) => {
      const ws = wb.addWorksheet("Q2 data");
      SIZES.forEach((row, r) => row.forEach((v, c) => (ws.getCell(r + 1, c + 1).value = v)));
    });
    await host.run(async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItem("Q2 data");
      sheet.charts.add("BarStacked", sheet.getRange("A1:B4"), "Columns").name = "Stacked";
      await ctx.sync();
    });
    const bytes = await host.toXlsx();
    const parts = packageParts(bytes);
    const chartPart = [...parts.keys()].find((n) => /^xl\/charts\/chart\d+\.xml$/.test(n)) as string;
    const chart = parse(parts.get(chartPart) as string);
    expect(first(chart, "val", "f").text).toBe("'Q2 data'!$B$2:$B$4");
    expect([first(chart, "barDir").attrs.val, first(chart, "grouping").attrs.val]).toEqual(["bar", "stacked"]);
    const back = await (
      await HostWorkbook.fromXlsx(bytes)
    ).run(async (ctx) => {
      const c = ctx.workbook.worksheets.getItem("Q2 data").charts.getItem("Stacked").load("chartType");
      const series = c.series.load("items/name");
      await ctx.sync();
      return [c.chartType, series.items.map((x) => x.name)];
    });
    expect(back).toEqual(["BarStacked", ["Customers"]]);
  });

  test("a sheet that has a picture keeps it: the chart joins the picture in the sheet's one drawing", async () => {
    const png = Buffer.from(
      "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
      "base64"
    );
    const host = await openXlsx((wb) => {
      const ws = wb.addWorksheet("Data");
      SIZES.forEach((row, r) => row.forEach((v, c) => (ws.getCell(r + 1, c + 1).value = v)));
      const image = wb.addImage({ buffer: png, extension: "png" } as never);
      ws.addImage(image, "L2:M4");
    });
    await addSizesChart(host);
    const parts = packageParts(await host.toXlsx());
    expect(malformedParts(parts)).toEqual([]);
    const drawings = [...parts.keys()].filter((n) => /^xl\/drawings\/drawing\d+\.xml$/.test(n));
    expect(drawings).toHaveLength(1);
    const drawing = parse(parts.get(drawings[0]) as string);
    expect(find(drawing, "pic")).toHaveLength(1);
    expect(find(drawing, "graphicFrame")).toHaveLength(1);
    const ids = find(drawing, "cNvPr").map((c) => c.attrs.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  test("openpyxl, a second reader, finds the chart with its references and the values it caches", () => {
    const python = "/usr/bin/python3";
    const probe = spawnSync(python, ["-c", "import openpyxl"], { encoding: "utf8" });
    if (probe.status !== 0)
      throw new Error(`The cross-check needs openpyxl for ${python}: apt-get install -y python3-openpyxl`);
    return (async () => {
      const host = await sizesWorkbook();
      await addSizesChart(host);
      const dir = mkdtempSync(path.join(tmpdir(), "charts-"));
      const file = path.join(dir, "chart.xlsx");
      writeFileSync(file, await host.toXlsx());
      const script = [
        "import json, openpyxl, sys",
        "ws = openpyxl.load_workbook(sys.argv[1])['Data']",
        "out = [[c.tagname, c.barDir, [[s.tx.strRef.f, s.cat.strRef.f, s.val.numRef.f, [p.v for p in s.val.numRef.numCache.pt]] for s in c.series]] for c in ws._charts]",
        "print(json.dumps(out))",
      ].join("\n");
      const r = spawnSync(python, ["-c", script, file], { encoding: "utf8" });
      expect(r.stderr).toBe("");
      expect(JSON.parse(r.stdout)).toEqual([
        ["barChart", "col", [["Data!$B$1", "Data!$A$2:$A$4", "Data!$B$2:$B$4", [120, 45, 80]]]],
      ]);
    })();
  });

  test("the streaming writer (large workbooks) writes the chart too", async () => {
    const host = await sizesWorkbook();
    await addSizesChart(host);
    const file = path.join(mkdtempSync(path.join(tmpdir(), "charts-")), "stream.xlsx");
    expect(await saveWorkbookFile(host, file, { stream: true })).toBe("stream");
    const parts = packageParts(new Uint8Array(readFileSync(file)));
    expect(malformedParts(parts)).toEqual([]);
    const chartPart = [...parts.keys()].find((n) => /^xl\/charts\/chart\d+\.xml$/.test(n)) as string;
    expect(first(parse(parts.get(chartPart) as string), "val", "f").text).toBe("Data!$B$2:$B$4");
    const reopened = await HostWorkbook.fromXlsx(new Uint8Array(readFileSync(file)));
    const names = await reopened.run(async (ctx) => {
      const charts = ctx.workbook.worksheets.getItem("Data").charts.load("items/name");
      await ctx.sync();
      return charts.items.map((c) => c.name);
    });
    expect(names).toEqual(["Sizes"]);
  });
});
