/**
 * The strategy tracker (表3 layout): default strategies and live figures per segment; what people type is kept
 * across runs; a tracker the team already keeps (seed 002 表3) is updated in place.
 */
import { defaultSettings, Settings } from "../../src/engine/config";
import type { CellValue } from "../../src/engine/types";
import { segmentSheet } from "../../src/excel/segment-sheet";
import { HostWorkbook } from "../../src/xlsx-host";
import { SEED_AS_OF, seedTable1, seedTable2WithTracker } from "../fixtures/seed-workbooks";
import { col, sheetNames, sheetValues } from "../helpers/workbook";

const TEMPLATE = ["细分群体名称", "客户特征", "核心策略", "执行动作", "负责人", "目标指标", "执行周期", "当前进度"];

function thresholds(labels: Record<string, string> = {}): Settings {
  const s = defaultSettings();
  s.rfm.split = "thresholds";
  s.rfm.labels = labels;
  return s;
}

const run = (wb: HostWorkbook, settings: Settings, asOf = SEED_AS_OF) =>
  wb.run((context) => segmentSheet(context, { settings, asOf, lang: "zh-CN" }));

function rowOf(v: CellValue[][], headerRow: number, name: string): CellValue[] {
  const c = col(v, headerRow, "细分群体名称");
  const row = v.find((r, i) => i > headerRow && r[c] === name);
  if (!row) throw new Error(`no tracker row ${name}`);
  return row;
}

describe("strategy tracker", () => {
  it("is made in the 表3 layout with a row per segment that has customers, the documents' strategy and live figures", async () => {
    const wb = await HostWorkbook.fromXlsx(await seedTable1());
    const summary = await run(wb, thresholds());
    expect(summary.written.trackerSheet).toBe("客户细分策略跟踪");
    const v = await sheetValues(wb, "客户细分策略跟踪");
    expect(v[0].slice(0, 8)).toEqual(TEMPLATE);
    expect(v[0].slice(8)).toEqual(["RFM分组", "客户数", "占比", "数据日期", "状态"]);
    expect(v.slice(1).map((r) => r[0])).toEqual(["重要价值客户", "重要唤回客户", "流失客户"]);
    const top = rowOf(v, 0, "重要价值客户");
    expect(top[2]).toBe("专属权益提升粘性");
    expect(String(top[3])).toContain("专属客服");
    expect(top[4]).toBe(""); // 负责人 is for people
    expect(top.slice(8, 12)).toEqual(["111", 1, 1 / 3, SEED_AS_OF]);
    expect(String(rowOf(v, 0, "流失客户")[3])).toContain("召回优惠券");
  });

  it("keeps every cell a person typed (负责人, 当前进度, an edited strategy) when the run is repeated", async () => {
    const wb = await HostWorkbook.fromXlsx(await seedTable1());
    await run(wb, thresholds());
    await wb.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("客户细分策略跟踪");
      sheet.getRange("C2").values = [["VIP 沙龙邀约"]];
      sheet.getRange("E2:E3").values = [["客户经理A"], ["市场专员C"]];
      sheet.getRange("H2").values = [["已完成30%"]];
      await context.sync();
    });
    const edited = await sheetValues(wb, "客户细分策略跟踪");
    await run(wb, thresholds(), "2024-06-15");
    const v = await sheetValues(wb, "客户细分策略跟踪");
    expect(v.length).toBe(edited.length);
    for (let r = 1; r < v.length; r++) {
      expect(v[r].slice(0, 8)).toEqual(edited[r].slice(0, 8)); // the template's cells, as people left them
      expect(v[r][11]).toBe("2024-06-15"); // the figures follow the data
    }
    expect(v[1][2]).toBe("VIP 沙龙邀约");
    // The second as-of date is a second period: the review sheet appears beside the rest.
    expect(await sheetNames(wb)).toEqual([
      "客户信息",
      "RFM细分结果",
      "客户细分策略跟踪",
      "细分历史",
      "客户细分概览",
      "SegmentSheet.undo",
      "细分迁移",
    ]);
  });

  it("updates the team's own 表3 in place: matching rows get figures, their rows and edits stay, missing segments are added", async () => {
    const wb = await HostWorkbook.fromXlsx(await seedTable2WithTracker());
    const before = await sheetValues(wb, "策略跟踪");
    const summary = await run(wb, thresholds({ "111": "高价值客户", "011": "流失风险客户", "000": "低价值客户" }));
    expect(summary.written.trackerSheet).toBe("策略跟踪");
    expect(await sheetNames(wb)).toEqual(["RFM", "策略跟踪", "RFM细分结果", "细分历史", "客户细分概览", "SegmentSheet.undo"]);
    const v = await sheetValues(wb, "策略跟踪");
    expect(v[0][0]).toBe(before[0][0]);
    // Every cell the team typed is still there.
    for (let r = 1; r <= 4; r++) expect(v[r].slice(0, 8)).toEqual(before[r].slice(0, 8));
    // Their rows for our segments carry the live figures; 价格敏感客户 is theirs alone and untouched.
    expect(rowOf(v, 1, "高价值客户").slice(8, 10)).toEqual(["111", 1]);
    expect(rowOf(v, 1, "流失风险客户").slice(8, 10)).toEqual(["011", 1]);
    expect(rowOf(v, 1, "价格敏感客户").slice(8).every((c) => c === "")).toBe(true);
    // 低价值客户 had no row: it is added under theirs with the default strategy.
    const added = rowOf(v, 1, "低价值客户");
    expect(v.indexOf(added)).toBe(5);
    expect(String(added[2])).toBe("低成本唤醒");
    expect(added[4]).toBe("");
  });
});
