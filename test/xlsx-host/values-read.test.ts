/** Reading values, text, formulas, numberFormat, valueTypes from real .xlsx bytes. */
import { HostWorkbook } from "../../src/xlsx-host";
import { openXlsx, rejection } from "./helpers";

async function load(host: HostWorkbook, address: string, props = "values, text, formulas, numberFormat, valueTypes") {
  return host.run(async (ctx) => {
    const r = ctx.workbook.worksheets.getItem("S").getRange(address).load(props);
    await ctx.sync();
    const names = props.split(",").map((p) => p.trim()) as ("values" | "text" | "formulas" | "numberFormat" | "valueTypes")[];
    const out: Record<string, unknown[][]> = {};
    for (const n of names) out[n] = r[n];
    return out;
  });
}

describe("reading cells", () => {
  test("numbers, strings and booleans come back as they are", async () => {
    const host = await openXlsx((wb) => {
      const ws = wb.addWorksheet("S");
      ws.getRow(1).values = [1.25, "text", true];
    });
    expect((await load(host, "A1:C1", "values")).values).toEqual([[1.25, "text", true]]);
  });

  test("empty cells read as empty strings", async () => {
    const host = await openXlsx((wb) => {
      wb.addWorksheet("S").getCell("B2").value = 1;
    });
    expect((await load(host, "A1:B2", "values")).values).toEqual([["", ""], ["", 1]]);
  });

  test("a date cell reads as its 1900-system serial number, with its look in numberFormat", async () => {
    const host = await openXlsx((wb) => {
      const c = wb.addWorksheet("S").getCell("A1");
      c.value = new Date(Date.UTC(2024, 4, 10));
      c.numFmt = "yyyy-mm-dd";
    });
    const r = await load(host, "A1", "values, numberFormat, text");
    expect(r.values).toEqual([[45422]]);
    expect(r.numberFormat).toEqual([["yyyy-mm-dd"]]);
    expect(r.text).toEqual([["2024-05-10"]]);
  });

  test("serial 60 is Excel's fictitious 1900-02-29", async () => {
    const host = await openXlsx((wb) => {
      const c = wb.addWorksheet("S").getCell("A1");
      c.value = 60;
      c.numFmt = "yyyy-mm-dd";
    });
    const r = await load(host, "A1", "values, text");
    expect(r.values).toEqual([[60]]);
    expect(r.text).toEqual([["1900-02-29"]]);
  });

  test("a 1904-system workbook gives 1904 serials", async () => {
    const host = await openXlsx((wb) => {
      (wb.properties as { date1904?: boolean }).date1904 = true;
      const c = wb.addWorksheet("S").getCell("A1");
      c.value = new Date(Date.UTC(2024, 4, 10));
      c.numFmt = "yyyy-mm-dd";
    });
    const r = await load(host, "A1", "values, text");
    expect(r.values).toEqual([[45422 - 1462]]);
    expect(r.text).toEqual([["2024-05-10"]]);
  });

  test("text gives the displayed strings of the number formats", async () => {
    const host = await openXlsx((wb) => {
      const ws = wb.addWorksheet("S");
      ws.getCell("A1").value = 0.5;
      ws.getCell("A1").numFmt = "0%";
      ws.getCell("B1").value = 1234.5;
      ws.getCell("B1").numFmt = "#,##0.00";
      ws.getCell("C1").value = false;
    });
    expect((await load(host, "A1:C1", "text")).text).toEqual([["50%", "1,234.50", "FALSE"]]);
  });

  test("Excel's built-in date format 14 is reported as m/d/yyyy", async () => {
    const host = await openXlsx((wb) => {
      const c = wb.addWorksheet("S").getCell("A1");
      c.value = new Date(Date.UTC(2024, 4, 10));
      c.numFmt = "mm-dd-yy"; // exceljs's name for built-in numFmtId 14
    });
    const r = await load(host, "A1", "numberFormat, text");
    expect(r.numberFormat).toEqual([["m/d/yyyy"]]);
    expect(r.text).toEqual([["5/10/2024"]]);
  });

  test("error cells give their error string and valueType Error", async () => {
    const host = await openXlsx((wb) => {
      const ws = wb.addWorksheet("S");
      ws.getCell("A1").value = { error: "#N/A" } as never;
      ws.getCell("B1").value = { formula: "1/0", result: { error: "#DIV/0!" } } as never;
    });
    const r = await load(host, "A1:B1", "values, valueTypes");
    expect(r.values).toEqual([["#N/A", "#DIV/0!"]]);
    expect(r.valueTypes).toEqual([["Error", "Error"]]);
  });

  test("a formula cell gives its cached result in values and the formula in formulas", async () => {
    const host = await openXlsx((wb) => {
      const ws = wb.addWorksheet("S");
      ws.getCell("A1").value = 2;
      ws.getCell("B1").value = { formula: "A1*3", result: 6 };
    });
    const r = await load(host, "A1:B1", "values, formulas");
    expect(r.values).toEqual([[2, 6]]);
    expect(r.formulas).toEqual([[2, "=A1*3"]]);
  });

  test("valueTypes distinguish Empty, String, Double and Boolean", async () => {
    const host = await openXlsx((wb) => {
      wb.addWorksheet("S").getRow(1).values = [null, "a", 1, true] as never;
    });
    // exceljs rows are 1-based arrays: values[0] is ignored
    expect((await load(host, "A1:D1", "valueTypes")).valueTypes).toEqual([["Empty", "String", "Double", "Boolean"]]);
  });

  test("the non-anchor cells of a merged area read as empty", async () => {
    const host = await openXlsx((wb) => {
      const ws = wb.addWorksheet("S");
      ws.getCell("A1").value = "merged";
      ws.mergeCells("A1:B1");
    });
    expect((await load(host, "A1:B1", "values")).values).toEqual([["merged", ""]]);
  });

  test("cell-level properties of an unbounded range (whole columns) are null", async () => {
    const host = await openXlsx((wb) => {
      wb.addWorksheet("S").getCell("A1").value = 1;
    });
    const r = await load(host, "A:B", "values, text, numberFormat, formulas");
    expect([r.values, r.text, r.numberFormat, r.formulas]).toEqual([null, null, null, null]);
  });

  test("an unbounded range still reports its address and cellCount", async () => {
    const host = await openXlsx((wb) => {
      wb.addWorksheet("S");
    });
    const r = await host.run(async (ctx) => {
      const x = ctx.workbook.worksheets.getItem("S").getRange("2:3").load("address, cellCount");
      await ctx.sync();
      return [x.address, x.cellCount];
    });
    expect(r).toEqual(["S!2:3", 2 * 16384]);
  });

  test("reading more than 5,000,000 cells fails with RangeExceedsLimit", async () => {
    const host = await openXlsx((wb) => {
      wb.addWorksheet("S");
    });
    await host.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("S").getRange("A1:F1000000").load("values");
      const e = await rejection(ctx.sync());
      expect(e.code).toBe("RangeExceedsLimit");
      expect(e.debugInfo.errorLocation).toBe("Range.values");
    });
  });

  test("reading exactly 5,000,000 cells is allowed", async () => {
    const host = await openXlsx((wb) => {
      wb.addWorksheet("S");
    });
    const n = await host.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("S").getRange("A1:E1000000").load("values");
      await ctx.sync();
      return r.values.length;
    });
    expect(n).toBe(1_000_000);
  });

  test("a sheet name with a space is quoted in addresses", async () => {
    const host = await openXlsx((wb) => {
      wb.addWorksheet("My Sheet");
    });
    const a = await host.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("My Sheet").getRange("B2:C3").load("address");
      await ctx.sync();
      return r.address;
    });
    expect(a).toBe("'My Sheet'!B2:C3");
  });
});
