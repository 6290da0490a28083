/** Proxy objects, load and sync, as the Office.js client library behaves. */
import { HostWorkbook } from "../../src/xlsx-host";
import { openXlsx, rejection, thrown } from "./helpers";

const sheetWithData = () =>
  openXlsx((wb) => {
    const ws = wb.addWorksheet("Data");
    ws.getCell("A1").value = "name";
    ws.getCell("B1").value = 42;
  });

describe("load and sync", () => {
  test("reading a property that was never loaded throws PropertyNotLoaded synchronously", async () => {
    const host = await sheetWithData();
    await host.run(async (ctx) => {
      const range = ctx.workbook.worksheets.getItem("Data").getRange("A1:B1");
      const e = thrown(() => range.values);
      expect(e.name).toBe("RichApi.Error");
      expect(e.code).toBe("PropertyNotLoaded");
      expect(e.message).toBe(
        "The property 'values' is not available. Before reading the property's value, call the load method on the containing object and call \"context.sync()\" on the associated request context.",
      );
      expect(e.debugInfo.errorLocation).toBe("Range.values");
    });
  });

  test("a property loaded but read before sync still throws PropertyNotLoaded", async () => {
    const host = await sheetWithData();
    await host.run(async (ctx) => {
      const range = ctx.workbook.worksheets.getItem("Data").getRange("A1:B1");
      range.load("values");
      expect(thrown(() => range.values).code).toBe("PropertyNotLoaded");
      await ctx.sync();
      expect(range.values).toEqual([["name", 42]]);
    });
  });

  test("a property not named in load stays unavailable after sync", async () => {
    const host = await sheetWithData();
    await host.run(async (ctx) => {
      const range = ctx.workbook.worksheets.getItem("Data").getRange("A1:B1");
      range.load("address");
      await ctx.sync();
      expect(range.address).toBe("Data!A1:B1");
      expect(thrown(() => range.values).code).toBe("PropertyNotLoaded");
    });
  });

  test("each method call returns a fresh proxy: loading one does not load another", async () => {
    const host = await sheetWithData();
    await host.run(async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItem("Data");
      const a = sheet.getRange("A1");
      const b = sheet.getRange("A1");
      expect(a).not.toBe(b);
      a.load("values");
      await ctx.sync();
      expect(a.values).toEqual([["name"]]);
      expect(thrown(() => b.values).code).toBe("PropertyNotLoaded");
    });
  });

  test("nothing is read from the workbook until sync: a load sees writes queued before it", async () => {
    const host = await sheetWithData();
    await host.run(async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItem("Data");
      const before = sheet.getRange("B1");
      before.load("values");
      sheet.getRange("B1").values = [[7]];
      const after = sheet.getRange("B1");
      after.load("values");
      await ctx.sync();
      expect(before.values).toEqual([[42]]);
      expect(after.values).toEqual([[7]]);
    });
  });

  test("a property set locally reads back the set value before sync (as the Office.js setter keeps it)", async () => {
    const host = await sheetWithData();
    await host.run(async (ctx) => {
      const range = ctx.workbook.worksheets.getItem("Data").getRange("C1");
      range.values = [["x"]];
      expect(range.values).toEqual([["x"]]);
    });
  });

  test("load accepts a comma-separated string", async () => {
    const host = await sheetWithData();
    await host.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("Data").getRange("A1:B1").load("address, rowCount , columnCount");
      await ctx.sync();
      expect([r.address, r.rowCount, r.columnCount]).toEqual(["Data!A1:B1", 1, 2]);
    });
  });

  test("load accepts an array of names", async () => {
    const host = await sheetWithData();
    await host.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("Data").getRange("A1:B1").load(["rowIndex", "columnIndex"]);
      await ctx.sync();
      expect([r.rowIndex, r.columnIndex]).toEqual([0, 0]);
    });
  });

  test("load accepts an object with select, and navigation paths", async () => {
    const host = await sheetWithData();
    await host.run(async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItem("Data").load({ select: "name, protection/protected" });
      await ctx.sync();
      expect(sheet.name).toBe("Data");
      expect(sheet.protection.protected).toBe(false);
    });
  });

  test("load accepts a property-tree object", async () => {
    const host = await sheetWithData();
    await host.run(async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItem("Data");
      sheet.load({ name: true, protection: { protected: true } } as unknown as string);
      await ctx.sync();
      expect([sheet.name, sheet.protection.protected]).toEqual(["Data", false]);
    });
  });

  test("a collection's items are unavailable until loaded and synced", async () => {
    const host = await sheetWithData();
    await host.run(async (ctx) => {
      const sheets = ctx.workbook.worksheets;
      expect(thrown(() => sheets.items).code).toBe("PropertyNotLoaded");
      sheets.load("items/name");
      await ctx.sync();
      expect(sheets.items.map((s) => s.name)).toEqual(["Data"]);
    });
  });

  test("isNullObject is unknown before the sync that instantiates the proxy", async () => {
    const host = await sheetWithData();
    await host.run(async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItemOrNullObject("Data");
      expect(thrown(() => sheet.isNullObject).code).toBe("PropertyNotLoaded");
      await ctx.sync();
      expect(sheet.isNullObject).toBe(false);
    });
  });

  test("a ClientResult value is unavailable before sync (ValueNotLoaded)", async () => {
    const host = await sheetWithData();
    await host.run(async (ctx) => {
      const count = ctx.workbook.worksheets.getCount();
      expect(thrown(() => count.value).code).toBe("ValueNotLoaded");
      await ctx.sync();
      expect(count.value).toBe(1);
    });
  });

  test("run performs a final sync: queued writes without an explicit sync are applied", async () => {
    const host = await sheetWithData();
    await host.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Data").getRange("C1").values = [["late"]];
    });
    const v = await host.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("Data").getRange("C1").load("values");
      await ctx.sync();
      return r.values;
    });
    expect(v).toEqual([["late"]]);
  });

  test("run rejects a batch function that does not return a promise", async () => {
    const host = HostWorkbook.empty();
    const e = await rejection(host.run((() => undefined) as unknown as (c: Excel.RequestContext) => Promise<void>));
    expect(e.code).toBe("RunMustReturnPromise");
  });

  test("proxies cannot be used after their run ended", async () => {
    const host = HostWorkbook.empty();
    let kept: Excel.Range | undefined;
    await host.run(async (ctx) => {
      kept = ctx.workbook.worksheets.getItem("Sheet1").getRange("A1");
    });
    expect(thrown(() => kept!.load("values")).code).toBe("InvalidObjectPath");
  });

  test("loading an unsupported property fails loudly at once instead of being ignored", () => {
    const host = HostWorkbook.empty();
    return host.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("Sheet1").getRange("A1");
      expect(() => r.load("height")).toThrow(/not implemented/);
    });
  });
});
