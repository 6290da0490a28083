/**
 * Range.conditionalFormats on the host (data bars and colour scales): the API as strict as Excel's
 * (conditional-format.ts cites each rule) and the formats saved as <conditionalFormatting> in the place the
 * worksheet schema gives them, read back on open, next to the file's other rules.
 */
import { HostWorkbook } from "../../src/xlsx-host";
import { HostNotImplementedError } from "../../src/xlsx-host/errors";
import { find, first, malformedParts, orderErrors, packageParts, parse } from "../helpers/ooxml";
import { openXlsx, rejection, rezip, thrown } from "./helpers";

/** "Data": figures in B2:D6 under a header row. */
const figures = () =>
  openXlsx((wb) => {
    const ws = wb.addWorksheet("Data");
    ws.addRow(["segment", "customers", "share", "recency"]);
    [
      ["A", 120, 0.4, 15],
      ["B", 45, 0.15, 120],
      ["C", 80, 0.27, 60],
      ["D", 30, 0.1, 200],
      ["E", 25, 0.08, 30],
    ].forEach((r) => ws.addRow(r));
  });

function sheetXml(parts: Map<string, string>): string {
  return parts.get("xl/worksheets/sheet1.xml") as string;
}

describe("ConditionalFormatCollection and ConditionalFormat", () => {
  test("add puts a format at the top priority; the collection lists the formats that meet its range", async () => {
    const host = await figures();
    await host.run(async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItem("Data");
      const bar = sheet.getRange("B2:B6").conditionalFormats.add("DataBar");
      const scale = sheet.getRange("D2:D6").conditionalFormats.add("ColorScale");
      bar.load("type, priority, stopIfTrue");
      scale.load("type, priority");
      const all = sheet.getRange("A1:D6").conditionalFormats.load("items/type");
      const onlyB = sheet.getRange("B3").conditionalFormats.load("items/type");
      const none = sheet.getRange("A1:A6").conditionalFormats.getCount();
      await ctx.sync();
      expect([bar.type, bar.priority, bar.stopIfTrue]).toEqual(["DataBar", 1, null]);
      expect([scale.type, scale.priority]).toEqual(["ColorScale", 0]);
      expect(all.items.map((f) => f.type)).toEqual(["ColorScale", "DataBar"]);
      expect(onlyB.items.map((f) => f.type)).toEqual(["DataBar"]);
      expect(none.value).toBe(0);
    });
  });

  test("properties are PropertyNotLoaded until loaded and synced", async () => {
    const host = await figures();
    await host.run(async (ctx) => {
      const format = ctx.workbook.worksheets.getItem("Data").getRange("B2:B6").conditionalFormats.add("DataBar");
      expect(thrown(() => format.type).code).toBe("PropertyNotLoaded");
      format.dataBar.load("lowerBoundRule");
      expect(thrown(() => format.dataBar.lowerBoundRule).code).toBe("PropertyNotLoaded");
      await ctx.sync();
      expect(format.dataBar.lowerBoundRule).toEqual({ type: "Automatic" });
      expect(thrown(() => format.dataBar.upperBoundRule).code).toBe("PropertyNotLoaded");
    });
  });

  test("data bar and colour scale settings are kept and read back; colours as #RRGGBB", async () => {
    const host = await figures();
    await host.run(async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItem("Data");
      const bar = sheet.getRange("B2:B6").conditionalFormats.add("DataBar");
      bar.dataBar.lowerBoundRule = { type: "Number", formula: "0" };
      bar.dataBar.upperBoundRule = { type: "Percentile", formula: "90" };
      bar.dataBar.positiveFormat.fillColor = "orange";
      bar.dataBar.showDataBarOnly = true;
      const scale = sheet.getRange("D2:D6").conditionalFormats.add("ColorScale");
      scale.colorScale.criteria = {
        minimum: { type: "LowestValue", color: "#63be7b" },
        maximum: { type: "HighestValue", color: "red" },
      };
      bar.dataBar.load("lowerBoundRule, upperBoundRule, showDataBarOnly");
      bar.dataBar.positiveFormat.load("fillColor");
      scale.colorScale.load("criteria, threeColorScale");
      await ctx.sync();
      expect([bar.dataBar.lowerBoundRule, bar.dataBar.upperBoundRule, bar.dataBar.showDataBarOnly]).toEqual([
        { type: "Number", formula: "0" },
        { type: "Percentile", formula: "90" },
        true,
      ]);
      expect(bar.dataBar.positiveFormat.fillColor).toBe("#FFA500");
      expect(scale.colorScale.threeColorScale).toBe(false);
      expect(scale.colorScale.criteria).toEqual({
        minimum: { type: "LowestValue", color: "#63BE7B" },
        maximum: { type: "HighestValue", color: "#FF0000" },
      });
    });
  });

  test("bad rules fail at sync with InvalidArgument; unimplemented types and colour names are refused at once", async () => {
    const host = await figures();
    await host.run(async (ctx) => {
      const range = ctx.workbook.worksheets.getItem("Data").getRange("B2:B6");
      const bar = range.conditionalFormats.add("DataBar");
      bar.dataBar.lowerBoundRule = { type: "Number" }; // a number rule needs its formula
      expect((await rejection(ctx.sync())).code).toBe("InvalidArgument");
      bar.dataBar.upperBoundRule = { type: "Percent", formula: "150" };
      expect((await rejection(ctx.sync())).code).toBe("InvalidArgument");
      bar.dataBar.lowerBoundRule = { type: "HighestValue" };
      expect((await rejection(ctx.sync())).code).toBe("InvalidArgument");
      bar.dataBar.positiveFormat.fillColor = "#12345";
      const e = await rejection(ctx.sync());
      expect([e.code, e.debugInfo.errorLocation]).toEqual([
        "InvalidArgument",
        "ConditionalDataBarPositiveFormat.fillColor",
      ]);
      const scale = range.conditionalFormats.add("ColorScale");
      scale.colorScale.criteria = { minimum: { type: "Automatic" }, maximum: { type: "HighestValue" } } as never;
      expect((await rejection(ctx.sync())).code).toBe("InvalidArgument");
      range.conditionalFormats.add("Sparkle" as Excel.ConditionalFormatType);
      expect((await rejection(ctx.sync())).code).toBe("InvalidArgument");
      expect(() => range.conditionalFormats.add("IconSet")).toThrow(HostNotImplementedError);
      expect(() => (bar.dataBar.positiveFormat.fillColor = "cornflowerblue")).toThrow(HostNotImplementedError);
    });
  });

  test("the properties of another format type fail the sync; their *OrNullObject variant is a null object", async () => {
    const host = await figures();
    await host.run(async (ctx) => {
      const bar = ctx.workbook.worksheets.getItem("Data").getRange("B2:B6").conditionalFormats.add("DataBar");
      bar.colorScale.load("criteria");
      const e = await rejection(ctx.sync());
      expect([e.code, e.message]).toEqual([
        "InvalidOperation",
        "This operation is not permitted for the current object.",
      ]);
      const scale = bar.colorScaleOrNullObject.load();
      const custom = bar.customOrNullObject.load();
      await ctx.sync();
      expect([scale.isNullObject, custom.isNullObject]).toEqual([true, true]);
    });
  });

  test("clearAll clears the range's cells only: a format reaching beyond it keeps its other cells, split", async () => {
    const host = await figures();
    await host.run(async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItem("Data");
      const bar = sheet.getRange("B2:B6").conditionalFormats.add("DataBar");
      sheet.getRange("B4").conditionalFormats.clearAll();
      const whole = bar.getRangeOrNullObject();
      const left = sheet.getRange("B1:B6").conditionalFormats.getCount();
      await ctx.sync();
      expect(whole.isNullObject).toBe(true); // now on B2:B3 and B5:B6
      expect(left.value).toBe(1);
      bar.getRange();
      expect((await rejection(ctx.sync())).code).toBe("InvalidOperation");
      sheet.getRange("B1:B6").conditionalFormats.clearAll();
      const after = sheet.getRange("B1:B6").conditionalFormats.getCount();
      await ctx.sync();
      expect(after.value).toBe(0);
      bar.load("type");
      expect((await rejection(ctx.sync())).code).toBe("ItemNotFound");
    });
  });

  test("Range.clear of formats takes the cells out of their formats; clearing contents keeps them", async () => {
    const host = await figures();
    await host.run(async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItem("Data");
      sheet.getRange("B2:B6").conditionalFormats.add("DataBar");
      sheet.getRange("D2:D6").conditionalFormats.add("ColorScale");
      sheet.getRange("B2:B6").clear("Contents");
      sheet.getRange("D2:D6").clear();
      const b = sheet.getRange("B2:B6").conditionalFormats.getCount();
      const d = sheet.getRange("D2:D6").conditionalFormats.getCount();
      await ctx.sync();
      expect([b.value, d.value]).toEqual([1, 0]);
    });
  });

  test("a protected sheet refuses a new format with AccessDenied", async () => {
    const host = await openXlsx((wb) => {
      const ws = wb.addWorksheet("Locked");
      ws.getCell("A1").value = 1;
      void ws.protect("", {});
    });
    await host.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Locked").getRange("A1").conditionalFormats.add("DataBar");
      expect((await rejection(ctx.sync())).code).toBe("AccessDenied");
    });
  });
});

describe("conditional formats in the saved .xlsx", () => {
  test("written as <conditionalFormatting> in schema order, priorities in API order, read back on open", async () => {
    const host = await figures();
    await host.run(async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItem("Data");
      const bar = sheet.getRange("B2:B6").conditionalFormats.add("DataBar");
      bar.dataBar.lowerBoundRule = { type: "Number", formula: "0" };
      bar.dataBar.upperBoundRule = { type: "HighestValue" };
      sheet.getRange("D2:D6").conditionalFormats.add("ColorScale").colorScale.criteria = {
        minimum: { type: "LowestValue", color: "#63BE7B" },
        midpoint: { type: "Percentile", formula: "50", color: "#FFEB84" },
        maximum: { type: "HighestValue", color: "#F8696B" },
      };
      sheet.getRange("B4").conditionalFormats.clearAll();
      await ctx.sync();
    });
    const bytes = await host.toXlsx();
    const parts = packageParts(bytes);
    expect(malformedParts(parts)).toEqual([]);
    const ws = parse(sheetXml(parts));
    expect(orderErrors(ws)).toEqual([]);
    const cfs = find(ws, "conditionalFormatting");
    expect(cfs.map((c) => [c.attrs.sqref, first(c, "cfRule").attrs.type, first(c, "cfRule").attrs.priority])).toEqual([
      ["D2:D6", "colorScale", "1"],
      ["B2:B3 B5:B6", "dataBar", "2"],
    ]);
    expect(find(cfs[0], "cfvo").map((v) => [v.attrs.type, v.attrs.val])).toEqual([
      ["min", undefined],
      ["percentile", "50"],
      ["max", undefined],
    ]);
    expect(find(cfs[0], "color").map((c) => c.attrs.rgb)).toEqual(["FF63BE7B", "FFFFEB84", "FFF8696B"]);
    expect(find(cfs[1], "cfvo").map((v) => [v.attrs.type, v.attrs.val])).toEqual([
      ["num", "0"],
      ["max", undefined],
    ]);

    const reopened = await HostWorkbook.fromXlsx(bytes);
    await reopened.run(async (ctx) => {
      const list = ctx.workbook.worksheets.getItem("Data").getRange("A1:D6").conditionalFormats;
      list.load("items/type, items/priority");
      await ctx.sync();
      expect(list.items.map((f) => [f.type, f.priority])).toEqual([
        ["ColorScale", 0],
        ["DataBar", 1],
      ]);
      const scale = list.items[0].colorScale.load("criteria");
      const bar = list.items[1].dataBar.load("lowerBoundRule, upperBoundRule");
      await ctx.sync();
      expect(scale.criteria.midpoint).toEqual({ type: "Percentile", formula: "50", color: "#FFEB84" });
      expect([bar.lowerBoundRule, bar.upperBoundRule]).toEqual([
        { type: "Number", formula: "0" },
        { type: "HighestValue" },
      ]);
    });
    // Saved again, the formats are written once (the model replaces what it was read from).
    const again = parse(sheetXml(packageParts(await reopened.toXlsx())));
    expect(find(again, "conditionalFormatting").map((c) => c.attrs.sqref)).toEqual(["D2:D6", "B2:B3 B5:B6"]);
  });

  test("an Excel data bar with its x14 extension is read into the model and written back once, without the extension", async () => {
    // The shape Excel 2010+ saves a data bar in: the rule points (x14:id) at its twin in the worksheet's extLst.
    const id = "{A1B2C3D4-0000-0000-0000-000000000001}";
    const rule =
      `<conditionalFormatting sqref="B2:B6"><cfRule type="dataBar" priority="1"><dataBar><cfvo type="min"/><cfvo type="max"/>` +
      `<color rgb="FF638EC6"/></dataBar><extLst><ext uri="{B025F937-C7B1-47D3-B67F-A62EFF666E3E}" ` +
      `xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:id>${id}</x14:id></ext></extLst>` +
      `</cfRule></conditionalFormatting>`;
    const ext =
      `<extLst><ext uri="{78C0D931-6437-407d-A8EE-F0AAD7539E65}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main">` +
      `<x14:conditionalFormattings><x14:conditionalFormatting xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main">` +
      `<x14:cfRule type="dataBar" id="${id}"><x14:dataBar minLength="0" maxLength="100"><x14:cfvo type="autoMin"/>` +
      `<x14:cfvo type="autoMax"/></x14:dataBar></x14:cfRule><xm:sqref>B2:B6</xm:sqref></x14:conditionalFormatting>` +
      `</x14:conditionalFormattings></ext></extLst>`;
    const saved = await (await figures()).toXlsx();
    const excelLike = await rezip(saved, (name, text) =>
      name === "xl/worksheets/sheet1.xml"
        ? text.replace("</sheetData>", `</sheetData>${rule}`).replace("</worksheet>", `${ext}</worksheet>`)
        : text
    );
    const host = await HostWorkbook.fromXlsx(excelLike);
    await host.run(async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItem("Data");
      const list = sheet.getRange("B2:B6").conditionalFormats.load("items/type");
      await ctx.sync();
      expect(list.items.map((f) => f.type)).toEqual(["DataBar"]);
      sheet.getRange("D2:D6").conditionalFormats.add("ColorScale");
      await ctx.sync();
    });
    const parts = packageParts(await host.toXlsx());
    expect(malformedParts(parts)).toEqual([]);
    const xml = sheetXml(parts);
    const ws = parse(xml);
    expect(orderErrors(ws)).toEqual([]);
    expect(find(ws, "cfRule").map((r) => [r.attrs.type, r.attrs.priority])).toEqual([
      ["colorScale", "1"],
      ["dataBar", "2"],
    ]);
    expect(xml).not.toContain("x14:cfRule");
    expect(find(ws, "extLst")).toHaveLength(0);
  });

  test("a file's other rules stay, after the API's formats, and the sheet's later elements stay in order", async () => {
    const host = await openXlsx((wb) => {
      const ws = wb.addWorksheet("Data");
      ws.addRow(["segment", "customers"]);
      ws.addRow(["A", 120]);
      ws.addRow(["B", 45]);
      ws.addConditionalFormatting({
        ref: "B2:B3",
        rules: [
          { type: "cellIs", operator: "greaterThan", formulae: [100], priority: 1, style: { font: { bold: true } } },
        ],
      } as never);
      ws.getCell("A5").value = { text: "docs", hyperlink: "https://example.com" } as never;
      ws.pageSetup.orientation = "landscape";
    });
    await host.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Data").getRange("B2:B3").conditionalFormats.add("DataBar");
      await ctx.sync();
    });
    const ws = parse(sheetXml(packageParts(await host.toXlsx())));
    expect(orderErrors(ws)).toEqual([]);
    const rules = find(ws, "cfRule").map((r) => [r.attrs.type, r.attrs.priority]);
    expect(rules).toEqual([
      ["dataBar", "1"],
      ["cellIs", "2"],
    ]);
    expect(find(ws, "hyperlinks")).toHaveLength(1);
  });
});
