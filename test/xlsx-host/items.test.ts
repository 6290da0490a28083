/** getItem / *OrNullObject for sheets, tables and settings; worksheet collection rules. */
import { HostWorkbook } from "../../src/xlsx-host";
import { openXlsx, rejection } from "./helpers";

const twoSheets = () =>
  openXlsx((wb) => {
    wb.addWorksheet("Customers").getCell("A1").value = "id";
    wb.addWorksheet("Orders");
    wb.getWorksheet("Orders")!.addTable({ name: "OrdersTable", ref: "A1", columns: [{ name: "id" }, { name: "amount" }], rows: [[1, 10]] });
  });

describe("missing items", () => {
  test("getItem of a missing sheet fails the sync with ItemNotFound even if nothing is loaded", async () => {
    const host = await twoSheets();
    await host.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Nope");
      const e = await rejection(ctx.sync());
      expect([e.code, e.debugInfo.errorLocation]).toEqual(["ItemNotFound", "WorksheetCollection.getItem"]);
    });
  });

  test("getItemOrNullObject of a missing sheet gives an object with isNullObject true, never null", async () => {
    const host = await twoSheets();
    await host.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItemOrNullObject("Nope");
      await ctx.sync();
      expect(s).not.toBeNull();
      expect(s.isNullObject).toBe(true);
    });
  });

  test("getItem matches sheet names case-insensitively", async () => {
    const host = await twoSheets();
    const name = await host.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem("customers").load("name");
      await ctx.sync();
      return s.name;
    });
    expect(name).toBe("Customers");
  });

  test("getItem also finds a sheet by its id", async () => {
    const host = await twoSheets();
    const name = await host.run(async (ctx) => {
      const first = ctx.workbook.worksheets.getItem("Orders").load("id");
      await ctx.sync();
      const again = ctx.workbook.worksheets.getItem(first.id).load("name");
      await ctx.sync();
      return again.name;
    });
    expect(name).toBe("Orders");
  });

  test("getItem of a missing table fails with ItemNotFound", async () => {
    const host = await twoSheets();
    await host.run(async (ctx) => {
      ctx.workbook.tables.getItem("NoTable");
      expect((await rejection(ctx.sync())).code).toBe("ItemNotFound");
    });
  });

  test("getItemOrNullObject of a missing table is a null object", async () => {
    const host = await twoSheets();
    await host.run(async (ctx) => {
      const t = ctx.workbook.tables.getItemOrNullObject("NoTable");
      await ctx.sync();
      expect(t.isNullObject).toBe(true);
    });
  });

  test("getItem of a missing setting fails with ItemNotFound", async () => {
    const host = await twoSheets();
    await host.run(async (ctx) => {
      ctx.workbook.settings.getItem("nope");
      expect((await rejection(ctx.sync())).code).toBe("ItemNotFound");
    });
  });

  test("getItemOrNullObject of a missing setting is a null object", async () => {
    const host = await twoSheets();
    await host.run(async (ctx) => {
      const s = ctx.workbook.settings.getItemOrNullObject("nope");
      await ctx.sync();
      expect(s.isNullObject).toBe(true);
    });
  });

  test("methods on a null object fail the sync with ItemNotFound", async () => {
    const host = await twoSheets();
    await host.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItemOrNullObject("Nope");
      await ctx.sync();
      s.getRange("A1").values = [[1]];
      expect((await rejection(ctx.sync())).code).toBe("ItemNotFound");
    });
  });
});

describe("worksheet collection", () => {
  test("add appends a sheet at the end without activating it", async () => {
    const host = await twoSheets();
    const r = await host.run(async (ctx) => {
      ctx.workbook.worksheets.add("New");
      const sheets = ctx.workbook.worksheets.load("items/name, items/position");
      const active = ctx.workbook.worksheets.getActiveWorksheet().load("name");
      await ctx.sync();
      return { names: sheets.items.map((s) => [s.name, s.position]), active: active.name };
    });
    expect(r.names).toEqual([["Customers", 0], ["Orders", 1], ["New", 2]]);
    expect(r.active).toBe("Customers");
  });

  test("add without a name picks the first free SheetN", async () => {
    const host = await twoSheets();
    const name = await host.run(async (ctx) => {
      const s = ctx.workbook.worksheets.add().load("name");
      await ctx.sync();
      return s.name;
    });
    expect(name).toBe("Sheet1");
  });

  test("add of a name that exists in another case fails with ItemAlreadyExists", async () => {
    const host = await twoSheets();
    await host.run(async (ctx) => {
      ctx.workbook.worksheets.add("ORDERS");
      expect((await rejection(ctx.sync())).code).toBe("ItemAlreadyExists");
    });
  });

  test.each([["x".repeat(32)], ["a/b"], ["a[b]"], ["a:b"], ["a*b"], ["a?b"], ["a\\b"], [""], ["'quoted'"], ["History"], ["   "]])(
    "add of the invalid name %j fails with InvalidArgument",
    async (name) => {
      const host = await twoSheets();
      await host.run(async (ctx) => {
        ctx.workbook.worksheets.add(name);
        expect((await rejection(ctx.sync())).code).toBe("InvalidArgument");
      });
    },
  );

  test("a name of exactly 31 characters is accepted", async () => {
    const host = await twoSheets();
    await host.run(async (ctx) => {
      ctx.workbook.worksheets.add("x".repeat(31));
      await ctx.sync();
    });
  });

  test("getCount counts the sheets, or only the visible ones", async () => {
    const host = await openXlsx((wb) => {
      wb.addWorksheet("A");
      wb.addWorksheet("B", { state: "hidden" });
    });
    const counts = await host.run(async (ctx) => {
      const all = ctx.workbook.worksheets.getCount();
      const visible = ctx.workbook.worksheets.getCount(true);
      await ctx.sync();
      return [all.value, visible.value];
    });
    expect(counts).toEqual([2, 1]);
  });

  test("visibility reads and writes Visible / Hidden / VeryHidden", async () => {
    const host = await twoSheets();
    const v = await host.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Orders").visibility = "VeryHidden";
      const s = ctx.workbook.worksheets.getItem("Orders").load("visibility");
      await ctx.sync();
      return s.visibility;
    });
    expect(v).toBe("VeryHidden");
  });

  test("the only visible sheet cannot be hidden", async () => {
    const host = HostWorkbook.empty();
    await host.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").visibility = "Hidden";
      expect((await rejection(ctx.sync())).code).toBe("InvalidOperation");
    });
  });

  test("activate makes a sheet the active one", async () => {
    const host = await twoSheets();
    const name = await host.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Orders").activate();
      const a = ctx.workbook.worksheets.getActiveWorksheet().load("name");
      await ctx.sync();
      return a.name;
    });
    expect(name).toBe("Orders");
  });

  test("delete removes a sheet and its tables", async () => {
    const host = await twoSheets();
    const r = await host.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Orders").delete();
      const sheets = ctx.workbook.worksheets.load("items/name");
      const tables = ctx.workbook.tables.getCount();
      await ctx.sync();
      return [sheets.items.map((s) => s.name), tables.value];
    });
    expect(r).toEqual([["Customers"], 0]);
  });

  test("the last visible sheet cannot be deleted", async () => {
    const host = HostWorkbook.empty();
    await host.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").delete();
      expect((await rejection(ctx.sync())).code).toBe("InvalidOperation");
    });
  });
});

describe("used range", () => {
  test("getUsedRange of an empty sheet is A1, not an error", async () => {
    const host = HostWorkbook.empty();
    const a = await host.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("Sheet1").getUsedRange().load("address");
      await ctx.sync();
      return r.address;
    });
    expect(a).toBe("Sheet1!A1");
  });

  test("getUsedRangeOrNullObject of an empty sheet is a null object", async () => {
    const host = HostWorkbook.empty();
    await host.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("Sheet1").getUsedRangeOrNullObject();
      await ctx.sync();
      expect(r.isNullObject).toBe(true);
    });
  });

  test("the used range spans the cells with values or formatting", async () => {
    const host = await openXlsx((wb) => {
      const ws = wb.addWorksheet("S");
      ws.getCell("B2").value = 1;
      ws.getCell("D5").numFmt = "0.00";
    });
    const a = await host.run(async (ctx) => {
      const all = ctx.workbook.worksheets.getItem("S").getUsedRange().load("address");
      const valuesOnly = ctx.workbook.worksheets.getItem("S").getUsedRange(true).load("address");
      await ctx.sync();
      return [all.address, valuesOnly.address];
    });
    expect(a).toEqual(["S!B2:D5", "S!B2"]);
  });
});

describe("range navigation", () => {
  const nav = async (f: (s: Excel.Worksheet) => Excel.Range) => {
    const host = HostWorkbook.empty();
    return host.run(async (ctx) => {
      const r = f(ctx.workbook.worksheets.getItem("Sheet1")).load("address");
      await ctx.sync();
      return r.address;
    });
  };

  test.each<[string, (s: Excel.Worksheet) => Excel.Range, string]>([
    ["getRangeByIndexes", (s) => s.getRangeByIndexes(1, 2, 3, 4), "Sheet1!C2:F4"],
    ["getCell on the sheet", (s) => s.getCell(4, 1), "Sheet1!B5"],
    ["getCell outside its range", (s) => s.getRange("B2:C3").getCell(5, 5), "Sheet1!G7"],
    ["getRow", (s) => s.getRange("B2:C3").getRow(1), "Sheet1!B3:C3"],
    ["getColumn", (s) => s.getRange("B2:C3").getColumn(0), "Sheet1!B2:B3"],
    ["getResizedRange", (s) => s.getRange("B2").getResizedRange(2, 1), "Sheet1!B2:C4"],
    ["getOffsetRange", (s) => s.getRange("B2:C3").getOffsetRange(1, -1), "Sheet1!A3:B4"],
    ["getEntireColumn", (s) => s.getRange("B2:C3").getEntireColumn(), "Sheet1!B:C"],
    ["getLastRow", (s) => s.getRange("B2:C5").getLastRow(), "Sheet1!B5:C5"],
    ["rows address", (s) => s.getRange("1:3"), "Sheet1!1:3"],
    ["column address", (s) => s.getRange("A:A"), "Sheet1!A:A"],
  ])("%s gives the expected address", async (_name, f, address) => {
    expect(await nav(f)).toBe(address);
  });

  test("an offset outside the grid fails with InvalidArgument", async () => {
    const host = HostWorkbook.empty();
    await host.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").getOffsetRange(-1, 0);
      expect((await rejection(ctx.sync())).code).toBe("InvalidArgument");
    });
  });

  test("an address Excel cannot parse fails with InvalidArgument", async () => {
    const host = HostWorkbook.empty();
    await host.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").getRange("A0");
      expect((await rejection(ctx.sync())).code).toBe("InvalidArgument");
    });
  });

  test("clear removes values and formats", async () => {
    const host = HostWorkbook.empty();
    const r = await host.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem("Sheet1");
      s.getRange("A1").values = [[0.5]];
      s.getRange("A1").numberFormat = [["0%"]];
      s.getRange("A1").clear();
      const x = s.getRange("A1").load("values, numberFormat");
      await ctx.sync();
      return [x.values, x.numberFormat];
    });
    expect(r).toEqual([[[""]], [["General"]]]);
  });
});
