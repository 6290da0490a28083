import { cleanTable, defaultCleaningSettings, quantile } from "../../src/engine/clean";
import { detectFields } from "../../src/engine/schema/detect-fields";
import type { RawTable } from "../../src/engine/types";

const AS_OF = "2024-06-01";

describe("quantile (type 7, as numpy.percentile and pandas)", () => {
  test.each<[number[], number, number]>([
    [[1, 2, 3, 4], 0.25, 1.75], // numpy.percentile([1,2,3,4], 25) == 1.75
    [[1, 2, 3, 4], 0.75, 3.25],
    [[1, 2, 3, 4, 5], 0.5, 3],
    [[7], 0.25, 7],
    [[10, 20], 0.75, 17.5],
  ])("%p at %p → %p", (values, p, expected) => expect(quantile(values, p)).toBeCloseTo(expected, 12));
});

/** A customer table whose 累计消费金额 is `amounts`. */
const customers = (amounts: (number | string)[]): RawTable => ({
  headers: ["客户编号", "近6个月消费频次", "累计消费金额(元)", "上一次购买时间", "年龄"],
  rows: amounts.map((m, i) => [`C${i + 1}`, 1, m, "2024-05-01", 20 + i]), // distinct ages: no duplicates
});

describe("outliers in the money columns", () => {
  // mean = (100 × 9 + 2000) / 10 = 290; 3 × mean = 870 → 2000 is an outlier.
  // Quartiles 100 and 100, IQR 0: the fences are [100, 100], so 2000 is an outlier and 50 too.
  const t = customers([100, 100, 100, 100, 100, 100, 100, 100, 100, 2000]);

  test("the documents' rule: above 3 × the mean", () => {
    const r = cleanTable(t, detectFields(t.headers), defaultCleaningSettings(), { asOf: AS_OF });
    expect((r.samples.outlierMean ?? []).map((f) => [f.row, f.value])).toEqual([[9, 2000]]);
    expect(r.samples.outlierMean?.[0].detail).toBe("monetary 2000 > 3 × mean 290");
    expect(r.thresholdMask).toEqual([9]);
    expect(r.summary).toMatchObject({ outliers: 1, excluded: 1 });
  });

  test("the robust rule: outside the quartiles by 1.5 IQR, both sides", () => {
    const t2 = customers([10, 40, 50, 50, 60, 60, 70, 200, "1.2万"]);
    // sorted 10 40 50 50 60 60 70 200 12000; Q1 = 50, Q3 = 70, IQR 20 → fences [20, 100]
    const s = defaultCleaningSettings();
    s.outliers.rules = ["iqr"];
    const r = cleanTable(t2, detectFields(t2.headers), s, { asOf: AS_OF });
    expect((r.samples.outlierIqr ?? []).map((f) => f.value)).toEqual([10, 200, "1.2万"]);
    expect(r.counts.outlierMean).toBeUndefined();
    expect(r.thresholdMask).toEqual([0, 7, 8]);
  });

  test("flag only: with excludeFromThresholds off nothing is masked; rows are never removed", () => {
    const s = defaultCleaningSettings();
    s.outliers.excludeFromThresholds = false;
    const r = cleanTable(t, detectFields(t.headers), s, { asOf: AS_OF });
    expect(r.summary).toMatchObject({ outliers: 1, excluded: 0 });
    expect(r.thresholdMask).toEqual([]);
    const removals = Object.values(r.fixes)
      .flat()
      .filter((f) => f?.op === "removeRow");
    expect(removals).toEqual([]);
  });

  test("3 × mean with a different multiple", () => {
    const s = defaultCleaningSettings();
    s.outliers = { ...s.outliers, rules: ["mean"], meanMultiple: 10 };
    const r = cleanTable(t, detectFields(t.headers), s, { asOf: AS_OF });
    expect(r.counts.outlierMean).toBeUndefined(); // 2000 < 10 × 290
  });

  test("an orders table without an amount column: quantity × unit price per line", () => {
    const orders: RawTable = {
      headers: ["订单号", "客户ID", "下单日期", "数量", "单价"],
      rows: [1, 1, 1, 1, 1, 1, 1, 1, 1, 40].map((q, i) => [`A${i}`, "C1", "2024-05-01", q, 2.5]),
    };
    const r = cleanTable(orders, detectFields(orders.headers), defaultCleaningSettings(), { asOf: AS_OF });
    expect((r.samples.outlierMean ?? []).map((f) => [f.row, f.column, f.detail])).toEqual([
      [9, 4, "quantity×unitPrice 100 > 3 × mean 12.25"],
    ]);
  });
});

describe("implausible ages and birth years", () => {
  test("outside 0–100 at the as-of date", () => {
    const t: RawTable = {
      headers: ["客户编号", "年龄", "出生年份"],
      rows: [
        ["C1", 30, 1990],
        ["C2", "130岁", 1893],
        ["C3", -2, 2030],
        ["C4", 100, 1924],
      ],
    };
    const r = cleanTable(t, detectFields(t.headers), defaultCleaningSettings(), { asOf: AS_OF });
    expect((r.samples.implausible ?? []).map((f) => [f.row, t.headers[f.column], f.value])).toEqual([
      [1, "年龄", "130岁"],
      [2, "年龄", -2],
      [1, "出生年份", 1893],
      [2, "出生年份", 2030],
    ]);
  });
});
