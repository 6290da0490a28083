/** Tables (ListObjects) read from .xlsx, table columns, and workbook settings. */
import { HostWorkbook } from "../../src/xlsx-host";
import { openXlsx, rejection } from "./helpers";

const withTable = () =>
  openXlsx((wb) => {
    const ws = wb.addWorksheet("Data");
    ws.getCell("A1").value = "title";
    ws.addTable({
      name: "Customers",
      ref: "B3",
      columns: [{ name: "id" }, { name: "city" }],
      rows: [
        [1, "Beijing"],
        [2, "Shanghai"],
      ],
    });
  });

describe("tables", () => {
  test("a table read from the file has its name, ranges and worksheet", async () => {
    const host = await withTable();
    const r = await host.run(async (ctx) => {
      const t = ctx.workbook.tables.getItem("Customers").load("name, id");
      const all = t.getRange().load("address");
      const header = t.getHeaderRowRange().load("values");
      const body = t.getDataBodyRange().load("values, address");
      const ws = t.worksheet.load("name");
      await ctx.sync();
      return { name: t.name, id: typeof t.id, all: all.address, header: header.values, body: body.values, bodyAddress: body.address, sheet: ws.name };
    });
    expect(r).toEqual({
      name: "Customers",
      id: "string",
      all: "Data!B3:C5",
      header: [["id", "city"]],
      body: [[1, "Beijing"], [2, "Shanghai"]],
      bodyAddress: "Data!B4:C5",
      sheet: "Data",
    });
  });

  test("table names match case-insensitively", async () => {
    const host = await withTable();
    const name = await host.run(async (ctx) => {
      const t = ctx.workbook.tables.getItem("customers").load("name");
      await ctx.sync();
      return t.name;
    });
    expect(name).toBe("Customers");
  });

  test("worksheet.tables lists the sheet's tables; getItemAt and getCount work", async () => {
    const host = await withTable();
    const r = await host.run(async (ctx) => {
      const tables = ctx.workbook.worksheets.getItem("Data").tables;
      tables.load("items/name");
      const first = tables.getItemAt(0).load("name");
      const count = tables.getCount();
      await ctx.sync();
      return [tables.items.map((t) => t.name), first.name, count.value];
    });
    expect(r).toEqual([["Customers"], "Customers", 1]);
  });

  test("table columns list their names", async () => {
    const host = await withTable();
    const names = await host.run(async (ctx) => {
      const cols = ctx.workbook.tables.getItem("Customers").columns.load("items/name");
      await ctx.sync();
      return cols.items.map((c) => c.name);
    });
    expect(names).toEqual(["id", "city"]);
  });

  test("columns.add at the end widens the table and writes header and values", async () => {
    const host = await withTable();
    const r = await host.run(async (ctx) => {
      const t = ctx.workbook.tables.getItem("Customers");
      const col = t.columns.add(undefined, [["segment"], ["A"], ["B"]]).load("name, index");
      const range = t.getRange().load("address, values");
      await ctx.sync();
      return { name: col.name, index: col.index, address: range.address, values: range.values };
    });
    expect(r).toEqual({
      name: "segment",
      index: 2,
      address: "Data!B3:D5",
      values: [["id", "city", "segment"], [1, "Beijing", "A"], [2, "Shanghai", "B"]],
    });
  });

  test("columns.add with a name and no values adds an empty named column", async () => {
    const host = await withTable();
    const values = await host.run(async (ctx) => {
      const t = ctx.workbook.tables.getItem("Customers");
      t.columns.add(undefined, undefined, "score");
      const range = t.getRange().load("values");
      await ctx.sync();
      return range.values;
    });
    expect(values).toEqual([["id", "city", "score"], [1, "Beijing", ""], [2, "Shanghai", ""]]);
  });

  test("columns.add in the middle shifts the columns to its right", async () => {
    const host = await withTable();
    const values = await host.run(async (ctx) => {
      const t = ctx.workbook.tables.getItem("Customers");
      t.columns.add(1, [["new"], [10], [20]]);
      const range = t.getRange().load("values");
      await ctx.sync();
      return range.values;
    });
    expect(values).toEqual([["id", "new", "city"], [1, 10, "Beijing"], [2, 20, "Shanghai"]]);
  });

  test("columns.add with values of the wrong height fails with InvalidArgument", async () => {
    const host = await withTable();
    await host.run(async (ctx) => {
      ctx.workbook.tables.getItem("Customers").columns.add(undefined, [["x"], [1]]);
      expect((await rejection(ctx.sync())).code).toBe("InvalidArgument");
    });
  });
});

describe("settings", () => {
  test("settings.add stores a JSON value readable by getItem", async () => {
    const host = HostWorkbook.empty();
    const v = await host.run(async (ctx) => {
      ctx.workbook.settings.add("config", { thresholds: [1, 2], label: "高" });
      const s = ctx.workbook.settings.getItem("config").load("value");
      await ctx.sync();
      return s.value;
    });
    expect(v).toEqual({ thresholds: [1, 2], label: "高" });
  });

  test("settings.add of an existing key replaces its value", async () => {
    const host = HostWorkbook.empty();
    const v = await host.run(async (ctx) => {
      ctx.workbook.settings.add("k", 1);
      ctx.workbook.settings.add("k", 2);
      const s = ctx.workbook.settings.getItem("k").load("value");
      await ctx.sync();
      return s.value;
    });
    expect(v).toBe(2);
  });

  test("settings.items lists keys and values", async () => {
    const host = HostWorkbook.empty();
    const items = await host.run(async (ctx) => {
      ctx.workbook.settings.add("a", 1);
      ctx.workbook.settings.add("b", "two");
      const all = ctx.workbook.settings.load("items/key, items/value");
      await ctx.sync();
      return all.items.map((s) => [s.key, s.value]);
    });
    expect(items).toEqual([["a", 1], ["b", "two"]]);
  });

  test("Setting.delete removes the setting", async () => {
    const host = HostWorkbook.empty();
    await host.run(async (ctx) => {
      ctx.workbook.settings.add("a", 1);
      ctx.workbook.settings.getItem("a").delete();
      const s = ctx.workbook.settings.getItemOrNullObject("a");
      await ctx.sync();
      expect(s.isNullObject).toBe(true);
    });
  });

  test("a Date inside a setting value comes back as a Date", async () => {
    const host = HostWorkbook.empty();
    const v = await host.run(async (ctx) => {
      ctx.workbook.settings.add("when", { at: new Date(Date.UTC(2024, 4, 10)) });
      const s = ctx.workbook.settings.getItem("when").load("value");
      await ctx.sync();
      return s.value as { at: Date };
    });
    expect(v.at).toBeInstanceOf(Date);
    expect(v.at.toISOString()).toBe("2024-05-10T00:00:00.000Z");
  });
});
