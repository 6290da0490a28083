/**
 * The seed's own example, end to end through src/excel on the xlsx-host: customers 1001/1002/1003 of
 * seed 002's 表1 with R ≤ 30 days, F ≥ 5, M ≥ 2000 as high come out 111, 011, 000, written on the
 * template sheet itself, plus the RFM result sheet in 表2's layout.
 */
import { defaultSettings, Settings } from "../../src/engine/config";
import { SegmentSheetError } from "../../src/engine/errors";
import type { Lang } from "../../src/engine/types";
import { segmentSheet } from "../../src/excel/segment-sheet";
import type { RunSummary } from "../../src/excel/types";
import { HostWorkbook } from "../../src/xlsx-host";
import { SEED_AS_OF, seedTable1, seedTable2 } from "../fixtures/seed-workbooks";
import { col, sheetNames, sheetValues } from "../helpers/workbook";

function thresholdSettings(): Settings {
  const s = defaultSettings();
  s.rfm.split = "thresholds";
  s.rfm.thresholds = { recencyDays: 30, frequency: 5, monetary: 2000 };
  return s;
}

async function run(wb: HostWorkbook, opts: { lang?: Lang; consent?: boolean; sheet?: string } = {}): Promise<RunSummary> {
  return wb.run((context) =>
    segmentSheet(context, {
      settings: thresholdSettings(),
      asOf: SEED_AS_OF,
      lang: opts.lang ?? "zh-CN",
      sheetName: opts.sheet,
      overwriteTemplateColumns: opts.consent,
    }),
  );
}

async function refusal(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    if (e instanceof SegmentSheetError) return e.error.code;
    throw e;
  }
  throw new Error("the run was expected to be refused");
}

describe("seed 002 表1 on its own template sheet", () => {
  it("finds the header under the title and blank rows and writes 111 / 011 / 000 beside the user's columns", async () => {
    const wb = await HostWorkbook.fromXlsx(await seedTable1());
    const summary = await run(wb);
    expect(summary.sheet).toBe("客户信息");
    expect(summary.headerRow).toBe(3);
    expect(summary.kind).toBe("customers");
    expect(summary.customers).toBe(3);

    const v = await sheetValues(wb, "客户信息");
    // The template's own empty 客户类型 column (L) is filled in place, not twinned.
    const typeCol = col(v, 2, "客户类型");
    expect(typeCol).toBe(11);
    expect(v[2].filter((h) => h === "客户类型")).toHaveLength(1);
    const codeCol = col(v, 2, "RFM分组");
    expect(codeCol).toBeGreaterThan(typeCol);
    expect([v[3][0], v[4][0], v[5][0]]).toEqual([1001, 1002, 1003]);
    // Codes are text: "011" must not become the number 11.
    expect([v[3][codeCol], v[4][codeCol], v[5][codeCol]]).toEqual(["111", "011", "000"]);
    expect(v[3][typeCol]).toBe("重要价值客户");
    expect(v[4][typeCol]).toBe("重要唤回客户");
    expect(v[5][typeCol]).toBe("流失客户");
    // The user's cells are untouched: title, headers and data.
    expect(v[0][0]).toBe("表1：客户基础信息与行为数据表（示例）");
    expect(v[3].slice(0, 10)).toEqual([1001, "女", 28, "上海", "互联网运营", 12, 350, "护肤品、服装、配饰", "线上电商", 4200]);
  });

  it("writes the RFM result sheet in 表2's layout: one row per customer with R, F, M, scores, code and type", async () => {
    const wb = await HostWorkbook.fromXlsx(await seedTable1());
    const summary = await run(wb);
    expect(summary.written.rfmSheet.name).toBe("RFM细分结果");
    const v = await sheetValues(wb, "RFM细分结果");
    // Issue #4 widened 表2's layout deliberately: after 客户类型 come 客户细分, 聚类群组 and the tags, always in
    // this order (a value the sheet cannot give is blank: 3 customers are too few to cluster).
    expect(v[0]).toEqual([
      "客户ID",
      "R(距今天数)",
      "F(消费频次)",
      "M(消费金额)",
      "R分",
      "F分",
      "M分",
      "RFM分组",
      "客户类型",
      "客户细分",
      "聚类群组",
      "消费能力标签",
      "活跃度标签",
      "需求标签",
      "城市等级",
      "区域",
      "年龄段",
    ]);
    expect(v.slice(1).map((r) => r.slice(9))).toEqual([
      // 客单价 350 / 880 / 150 (tertiles); 12, 5, 2 purchases in 6 months = 2, 0.8, 0.3 a month.
      ["重要价值客户", "", "中", "中频", "", "一线", "华东", "26-35岁"],
      ["重要唤回客户", "", "高", "低频", "", "一线", "华北", "26-35岁"],
      ["流失客户", "", "低", "低频", "", "新一线", "西南", "36-45岁"],
    ]);
    expect(v.slice(1).map((r) => [r[0], r[1], r[2], r[3], r[7]])).toEqual([
      [1001, 15, 12, 4200, "111"],
      [1002, 60, 5, 4400, "011"],
      [1003, 120, 2, 300, "000"],
    ]);
  });

  it("a second run updates the columns it wrote instead of adding new ones, and changes no value", async () => {
    const wb = await HostWorkbook.fromXlsx(await seedTable1());
    await run(wb);
    const first = await sheetValues(wb, "客户信息");
    const firstRfm = await sheetValues(wb, "RFM细分结果");
    await run(wb);
    expect(await sheetValues(wb, "客户信息")).toEqual(first);
    expect(await sheetValues(wb, "RFM细分结果")).toEqual(firstRfm);
    expect(await sheetNames(wb)).toEqual([
      "客户信息",
      "RFM细分结果",
      "客户细分策略跟踪",
      "细分历史",
      "客户细分概览",
      "SegmentSheet.undo",
    ]);
  });

  it("the ownership record survives saving the file, so a re-run of the saved .xlsx adds no twin columns", async () => {
    const wb = await HostWorkbook.fromXlsx(await seedTable1());
    await run(wb);
    const before = await sheetValues(wb, "客户信息");
    const reopened = await HostWorkbook.fromXlsx(await wb.toXlsx());
    await run(reopened);
    expect(await sheetValues(reopened, "客户信息")).toEqual(before);
  });

  it("refuses to overwrite a 客户类型 column a person filled in, and writes nothing", async () => {
    const wb = await HostWorkbook.fromXlsx(await seedTable1({ customerTypes: ["VIP", "", "老客户"] }));
    const before = await sheetValues(wb, "客户信息");
    expect(await refusal(run(wb))).toBe("USER_COLUMN_NOT_EMPTY");
    expect(await sheetValues(wb, "客户信息")).toEqual(before);
    expect(await sheetNames(wb)).toEqual(["客户信息"]);
  });

  it("with the user's consent, fills the person's 客户类型 column", async () => {
    const wb = await HostWorkbook.fromXlsx(await seedTable1({ customerTypes: ["VIP", "", "老客户"] }));
    await run(wb, { consent: true });
    const v = await sheetValues(wb, "客户信息");
    expect([v[3][11], v[4][11], v[5][11]]).toEqual(["重要价值客户", "重要唤回客户", "流失客户"]);
  });

  it("reads an Excel table (ListObject) in place and widens it with the new columns", async () => {
    const wb = await HostWorkbook.fromXlsx(await seedTable1({ asExcelTable: true }));
    const summary = await run(wb);
    expect(summary.headerRow).toBe(3);
    const v = await sheetValues(wb, "客户信息");
    const codeCol = col(v, 2, "RFM分组");
    expect([v[3][codeCol], v[4][codeCol], v[5][codeCol]]).toEqual(["111", "011", "000"]);
  });

  it("never writes over a user's cell to the right of the table", async () => {
    const wb = await HostWorkbook.fromXlsx(await seedTable1({ noteRightOfTable: "备注：勿删" }));
    await run(wb);
    const v = await sheetValues(wb, "客户信息");
    expect(v[2][13]).toBe("备注：勿删");
    const codeCol = col(v, 2, "RFM分组");
    expect(codeCol).toBeGreaterThan(13);
    expect(v[4][codeCol]).toBe("011");
  });

  it("writes headers and labels in the user's language", async () => {
    const wb = await HostWorkbook.fromXlsx(await seedTable1());
    await run(wb, { lang: "en" });
    const v = await sheetValues(wb, "RFM segments");
    expect(v[0][0]).toBe("Customer ID");
    expect(v[0][7]).toBe("RFM code");
  });
});

describe("seed 002 表2, the RFM result table itself, read in place", () => {
  it("parses 是(15天前) / 12次 / 4200元 and fills the empty RFM分组 and 客户类型 columns", async () => {
    const wb = await HostWorkbook.fromXlsx(await seedTable2());
    const summary = await run(wb);
    expect(summary.customers).toBe(3);
    const v = await sheetValues(wb, "RFM");
    // Issue #4: 消费能力标签 (客单价 = M ÷ F), 活跃度标签 (F over the 6 months its header names) and 客户细分
    // are appended too; 表2 has no city, age or text columns, so no tier, region, age band or need tag.
    expect(v[2]).toEqual([
      "客户ID",
      "R(近30天消费)",
      "F(近6个月频次)",
      "M(近6个月金额)",
      "RFM分组",
      "客户类型",
      "R分",
      "F分",
      "M分",
      "消费能力标签",
      "活跃度标签",
      "客户细分",
    ]);
    expect(v.slice(3, 6).map((r) => r.slice(9))).toEqual([
      ["中", "中频", "重要价值客户"],
      ["高", "低频", "重要唤回客户"],
      ["低", "低频", "流失客户"],
    ]);
    expect(v.slice(3, 6).map((r) => [r[0], r[4], r[5]])).toEqual([
      [1001, "111", "重要价值客户"],
      [1002, "011", "重要唤回客户"],
      [1003, "000", "流失客户"],
    ]);
  });

  it("accepts the seed's own labels for the classes (高价值客户 / 流失风险客户 / 低价值客户)", async () => {
    const wb = await HostWorkbook.fromXlsx(await seedTable2());
    const settings = thresholdSettings();
    settings.rfm.labels = { "111": "高价值客户", "011": "流失风险客户", "000": "低价值客户" };
    await wb.run((context) => segmentSheet(context, { settings, asOf: SEED_AS_OF, lang: "zh-CN" }));
    const v = await sheetValues(wb, "RFM");
    expect(v.slice(3, 6).map((r) => r[5])).toEqual(["高价值客户", "流失风险客户", "低价值客户"]);
  });
});

describe("refusals", () => {
  it("a sheet with no customer table is refused with NO_TABLE_FOUND and left as it was", async () => {
    const wb = HostWorkbook.fromCsv("产品,库存\n苹果,3\n梨,5\n", "库存");
    expect(await refusal(run(wb))).toBe("NO_TABLE_FOUND");
    expect(await sheetNames(wb)).toEqual(["库存"]);
  });

  it("a missing sheet is SHEET_NOT_FOUND", async () => {
    const wb = await HostWorkbook.fromXlsx(await seedTable1());
    expect(await refusal(run(wb, { sheet: "没有这个表" }))).toBe("SHEET_NOT_FOUND");
  });
});
