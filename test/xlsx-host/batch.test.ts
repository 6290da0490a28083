/** The batch: order, non-transactional failure, error shape, the failAtSync hook. */
import { HostWorkbook } from "../../src/xlsx-host";
import { rejection } from "./helpers";

async function valuesOf(host: HostWorkbook, address: string): Promise<unknown[][]> {
  return host.run(async (ctx) => {
    const r = ctx.workbook.worksheets.getItem("Sheet1").getRange(address).load("values");
    await ctx.sync();
    return r.values;
  });
}

describe("batch", () => {
  test("queued operations run in the order they were queued", async () => {
    const host = HostWorkbook.empty();
    await host.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem("Sheet1");
      s.getRange("A1").values = [[1]];
      s.getRange("A1").values = [[2]];
      s.getRange("A1").values = [[3]];
      await ctx.sync();
    });
    expect(await valuesOf(host, "A1")).toEqual([[3]]);
  });

  test("a failing operation does not undo the operations queued before it (not transactional)", async () => {
    const host = HostWorkbook.empty();
    await host.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem("Sheet1");
      s.getRange("A1").values = [["before"]];
      s.getRange("A2:B2").values = [["wrong shape"]];
      await rejection(ctx.sync());
    });
    expect(await valuesOf(host, "A1")).toEqual([["before"]]);
  });

  test("operations queued after a failing operation are not applied", async () => {
    const host = HostWorkbook.empty();
    await host.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem("Sheet1");
      s.getRange("A2:B2").values = [["wrong shape"]];
      s.getRange("A3").values = [["after"]];
      await rejection(ctx.sync());
    });
    expect(await valuesOf(host, "A3")).toEqual([[""]]);
  });

  test("loads queued before a failing operation are still delivered", async () => {
    const host = HostWorkbook.empty();
    await host.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem("Sheet1");
      const r = s.getRange("A1").load("address");
      s.getRange("A2:B2").values = [[1]];
      await rejection(ctx.sync());
      expect(r.address).toBe("Sheet1!A1");
    });
  });

  test("a failed sync rejects with a RichApi.Error shaped error carrying debugInfo", async () => {
    const host = HostWorkbook.empty();
    await host.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:B2").values = [[1, 2]];
      const e = await rejection(ctx.sync());
      expect(e.name).toBe("RichApi.Error");
      expect(e.code).toBe("InvalidArgument");
      expect(e.message).toBe("The number of rows or columns in the input array doesn't match the size or dimensions of the range.");
      expect(e.debugInfo).toMatchObject({ code: "InvalidArgument", message: e.message, errorLocation: "Range.values" });
    });
  });

  test("the context stays usable after a failed sync", async () => {
    const host = HostWorkbook.empty();
    await host.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem("Sheet1");
      s.getRange("A1:B1").values = [[1]];
      await rejection(ctx.sync());
      s.getRange("A1").values = [[5]];
      await ctx.sync();
    });
    expect(await valuesOf(host, "A1")).toEqual([[5]]);
  });

  test("failAtSync makes exactly that sync throw GeneralException and apply nothing", async () => {
    const host = HostWorkbook.empty({ failAtSync: 2 });
    await host.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem("Sheet1");
      s.getRange("A1").values = [["first"]];
      await ctx.sync();
      s.getRange("A2").values = [["second"]];
      const e = await rejection(ctx.sync());
      expect(e.code).toBe("GeneralException");
      s.getRange("A3").values = [["third"]];
      await ctx.sync();
    });
    expect(await valuesOf(host, "A1:A3")).toEqual([["first"], [""], ["third"]]);
  });

  test("a batch that throws is not flushed by run", async () => {
    const host = HostWorkbook.empty();
    await rejection(
      host.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [["queued"]];
        throw new Error("boom");
      }),
    );
    expect(await valuesOf(host, "A1")).toEqual([[""]]);
  });

  test("suspendApiCalculationUntilNextSync is accepted and queued as an operation", async () => {
    const host = HostWorkbook.empty();
    await host.run(async (ctx) => {
      ctx.workbook.application.suspendApiCalculationUntilNextSync();
      await ctx.sync();
    });
    expect(host.stats.requests).toBe(1);
  });
});
