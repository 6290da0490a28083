/**
 * A real transaction log through the add-in's own path: every CDNOW order (../shared/data/CDNOW_master.txt)
 * as an orders sheet with Chinese headers in a real .xlsx, segmented by src/excel on the xlsx-host. The RFM
 * result sheet and the per-row columns are read back through the Excel API and compared with the
 * independent pandas calculation (scripts/engine-cdnow-expected.py).
 */
import { defaultSettings } from "../../src/engine/config";
import { segmentSheet } from "../../src/excel/segment-sheet";
import type { RunSummary } from "../../src/excel/types";
import { HostWorkbook } from "../../src/xlsx-host";
import { Expected, expectedCdnow } from "../helpers/cdnow-expected";
import { cdnowOrdersWorkbook, readCdnow } from "../fixtures/cdnow";
import { col, sheetValues } from "../helpers/workbook";

const AS_OF = "1998-07-01";

describe("CDNOW orders sheet (客户ID · 下单日期 · 数量 · 金额) segmented in the workbook", () => {
  let wb: HostWorkbook;
  let summary: RunSummary;
  let want: Expected[];
  /** The run's own round trips, taken before the tests read the sheets back (their reads are not the add-in's). */
  let runStats: { maxRequestBytes: number; maxResponseBytes: number };
  beforeAll(async () => {
    want = expectedCdnow(AS_OF, { recencyDays: 90, frequency: 3, monetary: 100 });
    wb = await HostWorkbook.fromXlsx(await cdnowOrdersWorkbook(readCdnow()));
    summary = await wb.run((context) => segmentSheet(context, { settings: defaultSettings(), asOf: AS_OF, lang: "zh-CN" }));
    runStats = { maxRequestBytes: wb.stats.maxRequestBytes, maxResponseBytes: wb.stats.maxResponseBytes };
  });

  it("reads every order line as an orders table", () => {
    expect(summary).toMatchObject({ kind: "orders", rows: 69_659, customers: 23_570, headerRow: 1 });
    expect(summary.fields).toMatchObject({ id: "客户ID", orderDate: "下单日期", amount: "金额" });
  });

  it("the RFM sheet gives every customer's R, F, M, scores and code as pandas computes them", async () => {
    const v = await sheetValues(wb, summary.written.rfmSheet.name);
    const rows = v.slice(1);
    expect(rows).toHaveLength(want.length);
    const mismatches: string[] = [];
    rows.forEach((r, i) => {
      const e = want[i];
      const got = [String(r[0]), r[1] === "" ? null : r[1], r[2], r[3], r[4], r[5], r[6], r[7]];
      const exp = [e.id, e.recency, e.frequency, e.monetary, e.r, e.f, e.m, e.codeMean];
      if (JSON.stringify(got) !== JSON.stringify(exp)) mismatches.push(`${JSON.stringify(got)} ≠ ${JSON.stringify(exp)}`);
    });
    expect(mismatches.slice(0, 5)).toEqual([]);
    // Zero-padded ids stay text ("00001"), never the number 1.
    expect(rows[0][0]).toBe("00001");
  });

  it("every order line carries its customer's code in the owned RFM分组 column", async () => {
    const v = await sheetValues(wb, "订单");
    const c = col(v, 0, "RFM分组");
    expect(c).toBe(4 + 3); // after the four user columns and R分 · F分 · M分
    const byId = new Map(want.map((e) => [e.id, e.codeMean]));
    const wrong = v.slice(1).filter((r) => r[c] !== byId.get(String(r[0])));
    expect(wrong).toHaveLength(0);
  });

  it("stays within Excel on the web's payload limit in every round trip", () => {
    expect(runStats.maxRequestBytes).toBeLessThan(5_000_000);
    expect(runStats.maxResponseBytes).toBeLessThan(5_000_000);
  });
});
