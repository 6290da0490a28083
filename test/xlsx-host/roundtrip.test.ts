/** toXlsx → fromXlsx keeps what Excel keeps; opening and saving leaves untouched cells alone. */
import ExcelJS from "exceljs";
import { HostFileError, HostWorkbook } from "../../src/xlsx-host";
import { makeXlsx, readBack, rezip } from "./helpers";

async function roundTrip(host: HostWorkbook): Promise<HostWorkbook> {
  return HostWorkbook.fromXlsx(await host.toXlsx());
}

const rich = (wb: ExcelJS.Workbook) => {
  const a = wb.addWorksheet("Alpha");
  a.getCell("A1").value = "name";
  a.getCell("A1").font = { bold: true, color: { argb: "FFFF0000" } };
  a.getCell("B1").value = new Date(Date.UTC(2024, 4, 10));
  a.getCell("B1").numFmt = "yyyy-mm-dd";
  a.getCell("C1").value = 0.125;
  a.getCell("C1").numFmt = "0.0%";
  a.getCell("D1").value = { formula: "C1*2", result: 0.25 };
  a.getCell("A3").value = "merged";
  a.mergeCells("A3:C3");
  a.getColumn(1).width = 30;
  wb.addWorksheet("Hidden", { state: "hidden" }).getCell("A1").value = 1;
  wb.addWorksheet("Gamma").addTable({ name: "T", ref: "A1", columns: [{ name: "k" }, { name: "v" }], rows: [["x", 1]] });
};

describe("round trip", () => {
  test("values and number formats survive toXlsx/fromXlsx", async () => {
    const host = await roundTrip(await HostWorkbook.fromXlsx(await makeXlsx(rich)));
    const r = await host.run(async (ctx) => {
      const x = ctx.workbook.worksheets.getItem("Alpha").getRange("A1:D1").load("values, numberFormat");
      await ctx.sync();
      return [x.values, x.numberFormat];
    });
    expect(r).toEqual([
      [["name", 45422, 0.125, 0.25]],
      [["General", "yyyy-mm-dd", "0.0%", "General"]],
    ]);
  });

  test("written values survive a round trip", async () => {
    const host = HostWorkbook.empty();
    await host.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:C1").values = [["text", 12.5, "2024-05-10"]];
    });
    const back = await roundTrip(host);
    const v = await back.run(async (ctx) => {
      const x = ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:C1").load("values, text");
      await ctx.sync();
      return [x.values, x.text];
    });
    expect(v).toEqual([[["text", 12.5, 45422]], [["text", "12.5", "5/10/2024"]]]);
  });

  test("sheet order and visibility survive", async () => {
    const host = await HostWorkbook.fromXlsx(await makeXlsx(rich));
    await host.run(async (ctx) => {
      ctx.workbook.worksheets.add("Delta");
      ctx.workbook.worksheets.getItem("Gamma").visibility = "VeryHidden";
    });
    const back = await roundTrip(host);
    const sheets = await back.run(async (ctx) => {
      const c = ctx.workbook.worksheets.load("items/name, items/visibility");
      await ctx.sync();
      return c.items.map((s) => [s.name, s.visibility]);
    });
    expect(sheets).toEqual([
      ["Alpha", "Visible"],
      ["Hidden", "Hidden"],
      ["Gamma", "VeryHidden"],
      ["Delta", "Visible"],
    ]);
  });

  test("tables survive, including a column added through the API", async () => {
    const host = await HostWorkbook.fromXlsx(await makeXlsx(rich));
    await host.run(async (ctx) => {
      ctx.workbook.tables.getItem("T").columns.add(undefined, [["extra"], [true]]);
    });
    const back = await roundTrip(host);
    const r = await back.run(async (ctx) => {
      const t = ctx.workbook.tables.getItem("T");
      const range = t.getRange().load("address, values");
      const cols = t.columns.load("items/name");
      await ctx.sync();
      return [range.address, range.values, cols.items.map((c) => c.name)];
    });
    expect(r).toEqual(["Gamma!A1:C2", [["k", "v", "extra"], ["x", 1, true]], ["k", "v", "extra"]]);
  });

  test("settings survive and are not visible as a worksheet", async () => {
    const host = HostWorkbook.empty();
    await host.run(async (ctx) => {
      ctx.workbook.settings.add("segment-sheet", { version: 1, labels: ["高", "低"] });
    });
    const back = await roundTrip(host);
    const r = await back.run(async (ctx) => {
      const s = ctx.workbook.settings.getItem("segment-sheet").load("value");
      const sheets = ctx.workbook.worksheets.load("items/name");
      await ctx.sync();
      return [s.value, sheets.items.map((x) => x.name)];
    });
    expect(r).toEqual([{ version: 1, labels: ["高", "低"] }, ["Sheet1"]]);
  });

  test("settings are stored in a veryHidden sheet of the file", async () => {
    const host = HostWorkbook.empty();
    await host.run(async (ctx) => {
      ctx.workbook.settings.add("k", "v");
    });
    const wb = await readBack(await host.toXlsx());
    expect(wb.worksheets.map((w) => [w.name, w.state])).toEqual([
      ["Sheet1", "visible"],
      ["_xlsxhost_settings", "veryHidden"],
    ]);
  });

  test("a long settings value is split across cells and joined back", async () => {
    const host = HostWorkbook.empty();
    const big = "x".repeat(100_000);
    await host.run(async (ctx) => {
      ctx.workbook.settings.add("big", big);
    });
    const back = await roundTrip(host);
    const v = await back.run(async (ctx) => {
      const s = ctx.workbook.settings.getItem("big").load("value");
      await ctx.sync();
      return s.value;
    });
    expect(v).toBe(big);
  });

  test("the active sheet survives", async () => {
    const host = await HostWorkbook.fromXlsx(await makeXlsx(rich));
    await host.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Gamma").activate();
    });
    const back = await roundTrip(host);
    const name = await back.run(async (ctx) => {
      const a = ctx.workbook.worksheets.getActiveWorksheet().load("name");
      await ctx.sync();
      return a.name;
    });
    expect(name).toBe("Gamma");
  });
});

describe("untouched content", () => {
  test("opening and saving keeps untouched cells' values, styles, merges, widths and formulas", async () => {
    const original = await readBack(await makeXlsx(rich));
    const host = await HostWorkbook.fromXlsx(await makeXlsx(rich));
    await host.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Alpha").getRange("F1").values = [["touched"]];
    });
    const saved = await readBack(await host.toXlsx());
    const a0 = original.getWorksheet("Alpha")!;
    const a1 = saved.getWorksheet("Alpha")!;
    for (const addr of ["A1", "B1", "C1", "D1", "A3"]) {
      expect(a1.getCell(addr).value).toEqual(a0.getCell(addr).value);
      expect(a1.getCell(addr).numFmt).toEqual(a0.getCell(addr).numFmt);
    }
    expect(a1.getCell("A1").font).toMatchObject({ bold: true, color: { argb: "FFFF0000" } });
    expect(a1.getCell("B3").isMerged).toBe(true);
    expect(a1.getColumn(1).width).toBe(30);
    expect(saved.getWorksheet("Hidden")!.getCell("A1").value).toBe(1);
  });

  test("changing one cell's number format does not change other cells sharing its style", async () => {
    const host = await HostWorkbook.fromXlsx(
      await makeXlsx((wb) => {
        const ws = wb.addWorksheet("S");
        ws.getCell("A1").value = 1;
        ws.getCell("A2").value = 2;
        ws.getCell("A1").numFmt = "0.00";
        ws.getCell("A2").numFmt = "0.00";
      }),
    );
    const f = await host.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem("S");
      s.getRange("A1").numberFormat = [["0%"]];
      const r = s.getRange("A1:A2").load("numberFormat");
      await ctx.sync();
      return r.numberFormat;
    });
    expect(f).toEqual([["0%"], ["0.00"]]);
  });

  test("a table saved by Excel (no headerRowCount attribute) keeps its header row", async () => {
    const bytes = await makeXlsx((wb) => {
      wb.addWorksheet("S").addTable({ name: "ExcelTable", ref: "A1", columns: [{ name: "h1" }, { name: "h2" }], rows: [[1, 2]] });
    });
    // Excel writes no headerRowCount when it is 1 (the schema default).
    const excelShaped = await rezip(bytes, (name, text) => (name.startsWith("xl/tables/") ? text.replace(/\sheaderRowCount="1"/, "") : text));
    const host = await HostWorkbook.fromXlsx(excelShaped);
    const r = await host.run(async (ctx) => {
      const t = ctx.workbook.tables.getItem("ExcelTable");
      const h = t.getHeaderRowRange().load("values");
      const b = t.getDataBodyRange().load("values");
      await ctx.sync();
      return [h.values, b.values];
    });
    expect(r).toEqual([[["h1", "h2"]], [[1, 2]]]);
  });

  test("a table with headerRowCount=\"0\" has no header row", async () => {
    const bytes = await makeXlsx((wb) => {
      wb.addWorksheet("S").addTable({ name: "NoHeader", ref: "A1", headerRow: false, columns: [{ name: "c1" }], rows: [[5], [6]] });
    });
    const host = await HostWorkbook.fromXlsx(bytes);
    const body = await host.run(async (ctx) => {
      const b = ctx.workbook.tables.getItem("NoHeader").getDataBodyRange().load("values");
      await ctx.sync();
      return b.values;
    });
    expect(body).toEqual([[5], [6]]);
  });
});

describe("opening files", () => {
  test("bytes that are not a workbook throw HostFileError NOT_A_WORKBOOK", async () => {
    await expect(HostWorkbook.fromXlsx(new TextEncoder().encode("name,amount\n1,2\n"))).rejects.toMatchObject({ code: "NOT_A_WORKBOOK" });
  });

  test("a zip that is not a workbook throws NOT_A_WORKBOOK", async () => {
    const notWorkbook = await rezip(await makeXlsx((wb) => wb.addWorksheet("S")), (_n, t) => t);
    const broken = notWorkbook.slice();
    // Corrupt the central directory names so xl/workbook.xml is not found.
    const text = new TextDecoder("latin1").decode(broken);
    const i = text.lastIndexOf("xl/workbook.xml");
    broken[i] = "X".charCodeAt(0);
    const e = await HostWorkbook.fromXlsx(broken).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(HostFileError);
    expect((e as HostFileError).code).toBe("NOT_A_WORKBOOK");
  });

  test("empty() has one sheet named Sheet1", async () => {
    const names = await HostWorkbook.empty().run(async (ctx) => {
      const c = ctx.workbook.worksheets.load("items/name");
      await ctx.sync();
      return c.items.map((s) => s.name);
    });
    expect(names).toEqual(["Sheet1"]);
  });
});
