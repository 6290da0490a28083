/**
 * The engine off the pane's thread: what the worker answers (handler), the heat map, the pre-scan, and
 * the client that talks to the worker, falls back to the page's thread when there is none, and never
 * leaves a run hanging when the worker dies.
 */
import { defaultSettings } from "../../src/engine/config";
import type { RawTable } from "../../src/engine/types";
import { createEngineClient, EngineCrash, heatmapSegmenter, type WorkerLike } from "../../src/taskpane/engine/client";
import { handleEngineRequest, transferables } from "../../src/taskpane/engine/handler";
import { computeHeatmap, heatLevel, heatmapPeak } from "../../src/taskpane/engine/heatmap";
import { scanTable } from "../../src/taskpane/engine/inspect";
import { deriveMapping, latestPurchase } from "../../src/taskpane/engine/mapping";
import type { EngineRequest, EngineResponse } from "../../src/taskpane/engine/protocol";

const customers: RawTable = {
  headers: ["客户编号", "姓名", "近6个月消费频次", "累计消费金额(元)", "上一次购买时间", "备注"],
  rows: [
    ["1001", "张三", 12, "4,200元", "2024/5/17", "是(15天前)"],
    ["1002", "李四", 5, 4400, 45384, ""],
    ["1003", "王五", 2, 300, "2024年2月2日", "老客户"],
    ["1004", "赵六", 1, 120, "2023-12-01", ""],
    ["", "", "", "", "", ""],
  ],
  numberFormats: ["General", "General", "General", "General", "yyyy/m/d", "General"],
};

describe("engine handler (what the worker does)", () => {
  test("segments, with the heat map, and hands over the row index buffer", () => {
    const request: EngineRequest = {
      id: 7,
      kind: "segment",
      table: customers,
      settings: defaultSettings(),
      options: { asOf: "2024-06-01", lang: "zh-CN" },
    };
    const response = handleEngineRequest(request);
    if (response.kind !== "segment" || !response.result.ok) throw new Error(JSON.stringify(response));
    expect(response.id).toBe(7);
    expect(response.result.value.customers).toHaveLength(4);
    expect(response.heatmap?.total).toBe(4);
    const sum = response.heatmap!.counts.flat().reduce((a, b) => a + b, 0);
    expect(sum).toBe(4);
    expect(transferables(response)).toEqual([response.result.value.rowCustomer.buffer]);
  });

  test("a coded engine error comes back as a result, not a crash", () => {
    const response = handleEngineRequest({
      id: 1,
      kind: "segment",
      table: { headers: ["甲", "乙"], rows: [["1", "2"]] },
      settings: defaultSettings(),
      options: { asOf: "2024-06-01", lang: "en" },
    });
    expect(response).toMatchObject({
      kind: "segment",
      result: { ok: false, error: { code: "MISSING_FIELD" } },
      heatmap: null,
    });
    expect(transferables(response)).toEqual([]);
  });

  test("a throw inside the engine is a crash with its message", () => {
    const response = handleEngineRequest({ id: 2, kind: "scan", table: null as unknown as RawTable });
    expect(response).toMatchObject({ id: 2, kind: "crash" });
  });
});

describe("heat map", () => {
  test("counts customers per (R, F) score and sizes itself to the scores seen", () => {
    const map = computeHeatmap([
      { rScore: 5, fScore: 1 },
      { rScore: 5, fScore: 1 },
      { rScore: 1, fScore: 4 },
    ]);
    expect(map.rMax).toBe(5);
    expect(map.fMax).toBe(4);
    expect(map.counts[4][0]).toBe(2);
    expect(map.counts[0][3]).toBe(1);
    expect(map.total).toBe(3);
    expect(heatmapPeak(map)).toBe(2);
  });

  test("shade steps: 0 only for nothing, 4 for the peak", () => {
    expect(heatLevel(0, 10)).toBe(0);
    expect(heatLevel(1, 10)).toBe(1);
    expect(heatLevel(5, 10)).toBe(2);
    expect(heatLevel(10, 10)).toBe(4);
  });
});

describe("pre-scan", () => {
  test("finds the latest date of each date column, ignoring numbers of non-date columns and relative texts", () => {
    const scan = scanTable(customers);
    expect(scan.headers).toEqual(customers.headers);
    expect(scan.rows).toBe(5);
    // 2024/5/17 (text) beats the serial 45384 (2024-04-02) and the others.
    expect(scan.latestDates).toEqual([null, null, null, null, "2024-05-17", null]);
  });

  test("the mapping comes from the headers alone, and follows the user's overrides", () => {
    const auto = deriveMapping(customers.headers, {});
    expect(auto.kind).toBe("customers");
    expect(auto.fields).toMatchObject({ id: 0, frequency: 2, monetary: 3, lastPurchase: 4 });
    expect(latestPurchase(auto, scanTable(customers).latestDates)).toBe("2024-05-17");

    const unknown = deriveMapping(["ID号", "次数X", "金额", "最后日期Y"], {});
    expect(unknown.kind).toBeNull();
    expect(unknown.missing.length).toBeGreaterThan(0);

    const mapped = deriveMapping(["ID号", "次数X", "金额", "最后日期Y"], {
      id: "ID号",
      frequency: "次数X",
      monetary: "金额",
      lastPurchase: "最后日期Y",
    });
    expect(mapped.kind).toBe("customers");
    expect(mapped.missing).toEqual([]);

    const stale = deriveMapping(customers.headers, { frequency: "没有这一列" });
    expect(stale.overridesNotFound).toEqual(["frequency"]);
    expect(stale.fields.frequency).toBeUndefined();
  });

  test("orders tables take the order date", () => {
    const headers = ["订单号", "客户ID", "下单日期", "金额"];
    const mapping = deriveMapping(headers, {});
    expect(mapping.kind).toBe("orders");
    expect(latestPurchase(mapping, [null, null, "2024-03-01", null])).toBe("2024-03-01");
  });
});

/** A worker that answers in a later task, like a real one; `die` makes it fail as a crashed worker does. */
class FakeWorker implements WorkerLike {
  onmessage: ((event: MessageEvent) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  onmessageerror: ((event: MessageEvent) => void) | null = null;
  received: EngineRequest[] = [];
  terminated = false;
  constructor(private readonly die = false) {}
  postMessage(message: unknown): void {
    const request = message as EngineRequest;
    this.received.push(request);
    setTimeout(() => {
      if (this.die) {
        this.onerror?.({ message: "script failed to load", preventDefault() {} } as unknown as ErrorEvent);
        return;
      }
      const response: EngineResponse = handleEngineRequest(structuredClone(request));
      this.onmessage?.({ data: structuredClone(response) } as MessageEvent);
    }, 0);
  }
  terminate(): void {
    this.terminated = true;
  }
}

describe("engine client", () => {
  const settings = defaultSettings();
  const options = { asOf: "2024-06-01", lang: "en" as const };

  test("runs requests in the worker, started once", async () => {
    const workers: FakeWorker[] = [];
    const client = createEngineClient(() => {
      const w = new FakeWorker();
      workers.push(w);
      return w;
    });
    const [a, b] = await Promise.all([client.segment(customers, settings, options), client.scan(customers)]);
    expect(a.result.ok).toBe(true);
    expect(a.heatmap?.total).toBe(4);
    expect(b.latestDates[4]).toBe("2024-05-17");
    expect(workers).toHaveLength(1);
    expect(workers[0].received.map((r) => r.kind)).toEqual(["segment", "scan"]);
    expect(client.mode).toBe("worker");
    client.dispose();
    expect(workers[0].terminated).toBe(true);
  });

  test("falls back to the page's thread when the worker cannot start or dies", async () => {
    const none = createEngineClient(null);
    expect((await none.segment(customers, settings, options)).result.ok).toBe(true);
    expect(none.mode).toBe("thread");

    const throwing = createEngineClient(() => {
      throw new Error("blocked by CSP");
    });
    expect((await throwing.scan(customers)).rows).toBe(5);
    expect(throwing.mode).toBe("thread");

    let spawned = 0;
    const dying = createEngineClient(() => {
      spawned++;
      return new FakeWorker(true);
    });
    expect((await dying.segment(customers, settings, options)).result.ok).toBe(true);
    expect(dying.mode).toBe("thread");
    await dying.scan(customers); // later requests do not try the broken worker again
    expect(spawned).toBe(1);
  });

  test("a crash in the engine rejects with EngineCrash", async () => {
    const client = createEngineClient(null);
    await expect(client.scan(null as unknown as RawTable)).rejects.toBeInstanceOf(EngineCrash);
  });

  test("heatmapSegmenter is a Segmenter for RunOptions and keeps the last heat map", async () => {
    const run = heatmapSegmenter(createEngineClient(null));
    expect(run.heatmap()).toBeNull();
    const result = await run.segmenter(customers, settings, options);
    expect(result.ok).toBe(true);
    expect(run.heatmap()?.total).toBe(4);
  });
});
