/**
 * Review between runs (复盘): two runs with different as-of dates give a migration matrix and KPIs; a third run
 * with the second's inputs changes no cell (no wall-clock time in the workbook).
 */
import { defaultSettings, Settings } from "../../src/engine/config";
import type { CellValue } from "../../src/engine/types";
import { segmentSheet } from "../../src/excel/segment-sheet";
import { HostWorkbook } from "../../src/xlsx-host";
import { seedTable1 } from "../fixtures/seed-workbooks";
import { sheetNames, sheetValues } from "../helpers/workbook";

function thresholds(): Settings {
  const s = defaultSettings();
  s.rfm.split = "thresholds";
  return s;
}

const run = (wb: HostWorkbook, asOf: string) =>
  wb.run((context) => segmentSheet(context, { settings: thresholds(), asOf, lang: "zh-CN" }));

async function everySheet(wb: HostWorkbook): Promise<Record<string, CellValue[][]>> {
  const out: Record<string, CellValue[][]> = {};
  for (const name of await sheetNames(wb)) out[name] = await sheetValues(wb, name);
  return out;
}

const visibility = (wb: HostWorkbook, name: string) =>
  wb.run(async (context) => {
    const s = context.workbook.worksheets.getItem(name);
    s.load("visibility");
    await context.sync();
    return s.visibility;
  });

describe("migration between runs", () => {
  it("the first run keeps its period in a hidden history sheet and writes no migration yet", async () => {
    const wb = await HostWorkbook.fromXlsx(await seedTable1());
    const summary = await run(wb, "2024-06-01");
    expect(summary.written.migration).toEqual({ sheet: null, previousAsOf: null, historySheet: "细分历史" });
    expect(await visibility(wb, "细分历史")).toBe("Hidden");
    const h = await sheetValues(wb, "细分历史");
    expect(h[0]).toEqual(["数据日期", "客户ID", "RFM分组", "F(消费频次)", "M(消费金额)"]);
    expect(h.slice(1)).toEqual([
      ["2024-06-01", "1001", "111", 12, 4200],
      ["2024-06-01", "1002", "011", 5, 4400],
      ["2024-06-01", "1003", "000", 2, 300],
    ]);
  });

  it("a later as-of date gives the transition matrix and per-segment KPIs against the previous period", async () => {
    const wb = await HostWorkbook.fromXlsx(await seedTable1());
    await run(wb, "2024-06-01");
    // 20 days later the same purchases are older: 1001 (35 days) falls out of R ≤ 30 → 011.
    const summary = await run(wb, "2024-06-21");
    expect(summary.written.migration).toMatchObject({ sheet: "细分迁移", previousAsOf: "2024-06-01" });
    const v = await sheetValues(wb, "细分迁移");
    expect(v[0][0]).toBe("客户细分迁移：上期 2024-06-01 → 本期 2024-06-21");
    const header = v[2];
    const at = (from: string, to: string) => {
      const row = v.find((r) => String(r[0]).startsWith(from));
      const c = header.findIndex((h) => String(h).startsWith(to));
      return row && c > 0 ? row[c] : undefined;
    };
    expect(at("111", "011")).toBe(1);
    expect(at("011", "011")).toBe(1);
    expect(at("000", "000")).toBe(1);
    expect(at("111", "111")).toBe(0);
    expect(at("新增客户", "011")).toBe(0);
    // KPI rows: 011 has two customers now, one before; repurchase rate 100 % (F 12 and 5), AOV (4200+4400)/(12+5).
    const kpi = v.find((r, i) => i > 12 && String(r[0]).startsWith("011"));
    expect(kpi?.slice(1, 4)).toEqual([2, 1, 1]);
    expect(kpi?.[5]).toBeCloseTo(8600 / 17, 6);
    expect(kpi?.[6]).toBeCloseTo(4400 / 5, 6);
  });

  it("a third run with the second's inputs changes no cell in any sheet", async () => {
    const wb = await HostWorkbook.fromXlsx(await seedTable1());
    await run(wb, "2024-06-01");
    await run(wb, "2024-06-21");
    const second = await everySheet(wb);
    await run(wb, "2024-06-21");
    expect(await everySheet(wb)).toEqual(second);
    const reopened = await HostWorkbook.fromXlsx(await wb.toXlsx());
    await run(reopened, "2024-06-21");
    expect(await everySheet(reopened)).toEqual(second);
  });
});
