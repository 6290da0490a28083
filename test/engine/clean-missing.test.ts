import { cleanTable, defaultCleaningSettings, median, type CleaningReport } from "../../src/engine/clean";
import { detectFields } from "../../src/engine/schema/detect-fields";
import type { CellValue, RawTable } from "../../src/engine/types";

const AS_OF = "2024-06-01";
const fills = (r: CleaningReport, t: RawTable) =>
  (["fillRule", "fillMedian", "fillUnknown"] as const).flatMap((k) =>
    (r.fixes[k] ?? []).map((f) => (f.op === "set" ? [k, f.row, t.headers[f.column], f.before, f.after, f.rule] : []))
  );

describe("median", () => {
  test("odd and even counts, NaN ignored", () => {
    expect(median(Float64Array.from([3, 1, 2]))).toBe(2);
    expect(median(Float64Array.from([4, 1, 3, 2]))).toBe(2.5);
    expect(median(Float64Array.from([Number.NaN, 5]))).toBe(5);
    expect(median(Float64Array.from([Number.NaN]))).toBeNull();
  });
});

describe("missing values in a customer table", () => {
  // prettier-ignore
  const rows: CellValue[][] = [
    ["C1", "*先生", "男", 30, "上海", "教师", 5, 1000, "2024-05-01", "", ""],
    ["C2", "王女士", "", "", "", "", "", "", "", "", ""],       // no purchase record; title → 女
    ["C3", "张三", "", 40, "北京", "", 0, "", "", "", ""],       // F = 0, M blank: no purchase record
    ["C4", "李四", "女", 50, "成都", "医生", 3, "", "2024-04-01", "", ""], // bought, M blank → median
    ["C5", "", "男", "", "", "工程师", 2, 3000, "2024-03-01", "", "高价值客户"],
    ["", "", "", "", "", "", "", "", "", "", ""],              // blank row: skipped
    ["", "无名", "男", 20, "广州", "", 1, 10, "2024-01-01", "", ""], // no id: reported, filled like the rest
  ];
  const t: RawTable = {
    headers: [
      "客户编号",
      "姓名",
      "性别",
      "年龄",
      "所在城市",
      "职业",
      "近6个月消费频次",
      "累计消费金额(元)",
      "上一次购买时间",
      "RFM分组",
      "客户类型",
    ],
    rows,
  };
  const r = cleanTable(t, detectFields(t.headers), defaultCleaningSettings(), { asOf: AS_OF });

  test("business rules first, then the median, then 未知 — each value a fix", () => {
    expect(r.newCustomerRows).toEqual([1, 2]);
    expect(fills(r, t)).toEqual([
      ["fillRule", 1, "近6个月消费频次", "", 0, "noPurchase"],
      ["fillRule", 1, "累计消费金额(元)", "", 0, "noPurchase"],
      ["fillRule", 1, "客户类型", "", "新客户", "noPurchase"],
      ["fillRule", 2, "累计消费金额(元)", "", 0, "noPurchase"],
      ["fillRule", 2, "客户类型", "", "新客户", "noPurchase"],
      ["fillRule", 1, "性别", "", "女", "title"],
      // 年龄: 30, 40, 50, 20 → 35
      ["fillMedian", 1, "年龄", "", 35, "median"],
      ["fillMedian", 4, "年龄", "", 35, "median"],
      // 累计消费金额: 1000, 3000, 10 → 1000 (the rule's zeros are not data)
      ["fillMedian", 3, "累计消费金额(元)", "", 1000, "median"],
      ["fillUnknown", 2, "性别", "", "未知", "unknown"],
      ["fillUnknown", 1, "所在城市", "", "未知", "unknown"],
      ["fillUnknown", 4, "所在城市", "", "未知", "unknown"],
      ["fillUnknown", 1, "职业", "", "未知", "unknown"],
      ["fillUnknown", 2, "职业", "", "未知", "unknown"],
      ["fillUnknown", 6, "职业", "", "未知", "unknown"],
    ]);
    expect(r.summary.filled).toBe(15);
  });

  test("names, the add-in's own columns and ids are not filled; a missing id is reported", () => {
    const filledColumns = new Set(fills(r, t).map((f) => f[2]));
    for (const h of ["姓名", "RFM分组", "客户编号"]) expect(filledColumns.has(h)).toBe(false);
    expect((r.samples.missingId ?? []).map((f) => f.row)).toEqual([6]);
    expect(r.blankRows).toBe(1);
  });

  test("a blank purchase date is reported unless the row has no purchase record", () => {
    expect((r.samples.missingValue ?? []).map((f) => [f.row, t.headers[f.column]])).toEqual([]);
    const t2: RawTable = { headers: t.headers, rows: [["C9", "x", "男", 30, "上海", "教师", 2, 100, "", "", ""]] };
    const r2 = cleanTable(t2, detectFields(t2.headers), defaultCleaningSettings(), { asOf: AS_OF });
    expect((r2.samples.missingValue ?? []).map((f) => [f.row, t2.headers[f.column]])).toEqual([[0, "上一次购买时间"]]);
  });

  test("with fills switched off, blanks are reported instead", () => {
    const s = defaultCleaningSettings();
    s.missing = { ...s.missing, rules: false, numeric: "none", categorical: "none" };
    const off = cleanTable(t, detectFields(t.headers), s, { asOf: AS_OF });
    expect(off.summary.filled).toBe(0);
    expect(off.newCustomerRows).toEqual([]);
    expect(off.counts.missingValue).toBeGreaterThan(0);
  });
});

describe("missing values in an orders table", () => {
  test("an order's facts are not invented: blank amounts and dates are reported", () => {
    const t: RawTable = {
      headers: ["订单号", "客户ID", "下单日期", "金额"],
      rows: [
        ["A1", "C1", "2024-05-01", 100],
        ["A2", "C1", "", 100],
        ["A3", "C2", "2024-05-03", ""],
      ],
    };
    const r = cleanTable(t, detectFields(t.headers), defaultCleaningSettings(), { asOf: AS_OF });
    expect(r.summary.filled).toBe(0);
    expect((r.samples.missingValue ?? []).map((f) => [f.row, t.headers[f.column]])).toEqual([
      [1, "下单日期"],
      [2, "金额"],
    ]);
  });
});
