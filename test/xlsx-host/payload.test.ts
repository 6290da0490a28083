/** Sync and payload accounting; Excel on the web's 5 MB limits. */
import { HostWorkbook } from "../../src/xlsx-host";
import { rejection } from "./helpers";

const rows = (n: number, text: string) => Array.from({ length: n }, () => [text]);
const HUNDRED = "x".repeat(100);

describe("payload accounting", () => {
  test("every sync counts once, including syncs with nothing queued", async () => {
    const host = HostWorkbook.empty();
    await host.run(async (ctx) => {
      await ctx.sync();
      ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [[1]];
      await ctx.sync();
    });
    // two explicit syncs + the final sync of run
    expect(host.stats.syncs).toBe(3);
    expect(host.stats.requests).toBe(1);
  });

  test("request bytes grow by the UTF-8 JSON length of the written array", async () => {
    const bytesFor = async (text: string) => {
      const host = HostWorkbook.empty();
      await host.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [[text]];
        await ctx.sync();
      });
      return host.stats.totalRequestBytes;
    };
    const base = await bytesFor("");
    expect((await bytesFor("abcd")) - base).toBe(4);
    expect((await bytesFor("高")) - base).toBe(3);
  });

  test("response bytes grow by the UTF-8 JSON length of the loaded values", async () => {
    const bytesFor = async (text: string) => {
      const host = HostWorkbook.empty();
      await host.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [[text]];
        await ctx.sync();
      });
      host.resetStats();
      await host.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").load("values");
        await ctx.sync();
      });
      return host.stats.totalResponseBytes;
    };
    const base = await bytesFor("a");
    expect((await bytesFor("abcde")) - base).toBe(4);
  });

  test("maxRequestBytes and maxResponseBytes keep the largest sync", async () => {
    const host = HostWorkbook.empty();
    await host.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem("Sheet1");
      s.getRange("A1:A1000").values = rows(1000, HUNDRED);
      await ctx.sync();
      s.getRange("B1").values = [[1]];
      await ctx.sync();
      s.getRange("A1:A1000").load("values");
      await ctx.sync();
    });
    expect(host.stats.maxRequestBytes).toBeGreaterThan(1000 * 100);
    expect(host.stats.maxRequestBytes).toBeLessThan(host.stats.totalRequestBytes);
    expect(host.stats.maxResponseBytes).toBeGreaterThan(1000 * 100);
  });

  test("measurePayloads: false counts syncs and requests but sizes nothing; webLimits measures regardless", async () => {
    const write = async (options: { measurePayloads: boolean; webLimits?: boolean }) => {
      const host = HostWorkbook.empty(options);
      await host.run(async (ctx) => {
        const s = ctx.workbook.worksheets.getItem("Sheet1");
        s.getRange("A1:A1000").values = rows(1000, HUNDRED);
        await ctx.sync();
        s.getRange("A1:A1000").load("values");
        await ctx.sync();
      });
      return host.stats;
    };
    const quiet = await write({ measurePayloads: false });
    expect(quiet).toMatchObject({ syncs: 3, requests: 2, maxRequestBytes: 0, maxResponseBytes: 0 });
    const web = await write({ measurePayloads: false, webLimits: true });
    expect(web.maxRequestBytes).toBeGreaterThan(1000 * 100);
    expect(web.maxResponseBytes).toBeGreaterThan(1000 * 100);
  });

  test("resetStats zeroes the counters", async () => {
    const host = HostWorkbook.empty();
    await host.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [[1]];
    });
    host.resetStats();
    expect(host.stats).toEqual({ syncs: 0, requests: 0, maxRequestBytes: 0, maxResponseBytes: 0, totalRequestBytes: 0, totalResponseBytes: 0 });
  });
});

describe("Excel on the web limits (webLimits: true)", () => {
  test("a request over 5 MB fails with RequestPayloadSizeLimitExceeded and applies nothing", async () => {
    const host = HostWorkbook.empty({ webLimits: true });
    await host.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem("Sheet1");
      s.getRange("B1").values = [["small write before"]];
      s.getRange("A1:A60000").values = rows(60_000, HUNDRED); // ~6.2 MB of JSON
      const e = await rejection(ctx.sync());
      expect(e.code).toBe("RequestPayloadSizeLimitExceeded");
      const check = s.getRange("B1").load("values");
      await ctx.sync();
      expect(check.values).toEqual([[""]]);
    });
  });

  test("the same request succeeds without webLimits (desktop)", async () => {
    const host = HostWorkbook.empty();
    await host.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:A60000").values = rows(60_000, HUNDRED);
      await ctx.sync();
    });
    expect(host.stats.maxRequestBytes).toBeGreaterThan(5_000_000);
  });

  test("a response over 5 MB fails with ResponsePayloadSizeLimitExceeded", async () => {
    const host = HostWorkbook.empty({ webLimits: true });
    await host.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem("Sheet1");
      s.getRange("A1:A30000").values = rows(30_000, HUNDRED);
      await ctx.sync();
      s.getRange("A30001:A60000").values = rows(30_000, HUNDRED);
      await ctx.sync();
      const all = s.getRange("A1:A60000").load("values");
      const e = await rejection(ctx.sync());
      expect(e.code).toBe("ResponsePayloadSizeLimitExceeded");
      expect(() => all.values).toThrow();
    });
  });

  test("chunks under the limit pass with webLimits", async () => {
    const host = HostWorkbook.empty({ webLimits: true });
    await host.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem("Sheet1");
      for (let start = 0; start < 60_000; start += 20_000) {
        s.getRangeByIndexes(start, 0, 20_000, 1).values = rows(20_000, HUNDRED);
        await ctx.sync();
      }
    });
    expect(host.stats.maxRequestBytes).toBeLessThan(5_000_000);
    expect(host.stats.requests).toBe(3);
  });
});
