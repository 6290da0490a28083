/**
 * segment() uses the cleaning (issue 3): duplicate records resolved as the settings say before the
 * figures, each column's day/month order used when dates are read, outliers kept out of threshold
 * estimation (still scored), customers without any purchase record classed 新客户 (the documents'
 * rule), accepted fixes applied, and every such change noted for the 数据质量 column. Expected
 * figures are worked out by hand from the cells (days counted with Date.UTC).
 */
import { defaultSettings, parseSettings, type Settings } from "../../src/engine/config";
import { segment } from "../../src/engine/pipeline";
import { quintileScores } from "../../src/engine/rfm/scores";
import type { Lang, RawTable, SegmentationResult } from "../../src/engine/types";

const AS_OF = "2024-06-01";
const day = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d) / 86_400_000;
const daysTo = (y: number, m: number, d: number) => day(2024, 6, 1) - day(y, m, d);

function run(table: RawTable, settings: Settings = defaultSettings(), lang: Lang = "zh-CN"): SegmentationResult {
  const r = segment(table, settings, { asOf: AS_OF, lang });
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
}

function settingsOf(json: unknown): Settings {
  const s = parseSettings(json);
  if (!s.ok) throw new Error(JSON.stringify(s.error));
  return s.value;
}

const figures = (r: SegmentationResult) => r.customers.map((c) => [c.id, c.recencyDays, c.frequency, c.monetary]);

describe("duplicate records are resolved before the figures", () => {
  // C002 entered twice: an old record (updated 2024-01-10) and a newer one (2024-05-20).
  const table: RawTable = {
    headers: ["客户编号", "姓名", "近6个月消费频次", "累计消费金额(元)", "上一次购买时间", "最后更新时间", "兴趣爱好"],
    rows: [
      ["C001", "张三", 3, 900, "2024-05-01", "2024-05-02", "跑步"],
      ["C002", "李四", 2, 500, "2024-01-05", "2024-01-10", "阅读"],
      ["C003", "王五", 6, 2400, "2024-04-20", "2024-04-21", "旅行"],
      ["C002", "李四", 4, 1500, "2024-05-18", "2024-05-20", "摄影"],
    ],
  };

  test("keep-latest (the default): the customer's figures are the latest record's; the old row maps to it", () => {
    const r = run(table);
    // Customers in the order their kept rows stand: C002 is its row 3 now.
    expect(figures(r)).toEqual([
      ["C001", daysTo(2024, 5, 1), 3, 900],
      ["C003", daysTo(2024, 4, 20), 6, 2400],
      ["C002", daysTo(2024, 5, 18), 4, 1500],
    ]);
    expect(Array.from(r.rowCustomer)).toEqual([0, 2, 1, 2]);
    expect(r.cleaning.applied).toContain("sameCustomer");
    expect(r.cleaning.resolve).toBe("keepLatest");
    // The 数据质量 notes: row 1 folded into row 3, row 3 stands for both.
    expect(r.cleaning.marks).toEqual([
      { row: 1, kind: "duplicate", column: -1, rule: "keepLatest", rows: [3] },
      { row: 3, kind: "kept", column: -1, rule: "keepLatest", rows: [1] },
    ]);
  });

  test("merge: F and M summed, the latest purchase, on the top-most row", () => {
    const r = run(table, settingsOf({ cleaning: { duplicates: { resolve: "merge" } } }));
    expect(figures(r)).toEqual([
      ["C001", daysTo(2024, 5, 1), 3, 900],
      ["C002", daysTo(2024, 5, 18), 6, 2000],
      ["C003", daysTo(2024, 4, 20), 6, 2400],
    ]);
    expect(Array.from(r.rowCustomer)).toEqual([0, 1, 2, 1]);
    expect(r.cleaning.marks.map((m) => [m.row, m.kind, m.rule, m.rows])).toEqual([
      [1, "kept", "merge", [3]],
      [3, "duplicate", "merge", [1]],
    ]);
    // The merge's cell values travel with the result, for a run that writes them when accepted.
    expect(r.cleaning.report.fixes.sameCustomer?.filter((f) => f.op === "set").length).toBeGreaterThan(0);
  });

  test("rows equal but for their ids are folded only when that fix is accepted", () => {
    const twins: RawTable = {
      headers: ["客户编号", "近6个月消费频次", "累计消费金额(元)", "上一次购买时间"],
      rows: [
        ["A1", 2, 300, "2024-05-01"],
        ["A2", 2, 300, "2024-05-01"],
        ["A3", 7, 5000, "2024-05-30"],
      ],
    };
    expect(run(twins).customers).toHaveLength(3);
    expect(run(twins).cleaning.report.summary.duplicates).toBe(1);
    const folded = run(twins, settingsOf({ cleaning: { accept: ["duplicateButId"] } }));
    expect(folded.customers.map((c) => c.id)).toEqual(["A1", "A3"]);
    expect(Array.from(folded.rowCustomer)).toEqual([0, 0, 1]);
  });

  test("in an orders table equal lines are two purchases: reported, not folded", () => {
    const orders: RawTable = {
      headers: ["客户ID", "下单日期", "金额"],
      rows: [
        ["U1", "2024-05-01", 100],
        ["U1", "2024-05-01", 100],
        ["U2", "2024-04-01", 80],
      ],
    };
    const r = run(orders);
    expect(figures(r)).toEqual([
      ["U1", daysTo(2024, 5, 1), 2, 200],
      ["U2", daysTo(2024, 4, 1), 1, 80],
    ]);
    expect(r.cleaning.report.summary.duplicates).toBe(1);
    expect(r.cleaning.applied).toEqual([]);
    expect(r.cleaning.marks).toEqual([]);
  });
});

describe("dates are read in the order decided for their column", () => {
  test("a day-first column: 04-09-2012 is 4 September because 21-08-2013 can only be day-first", () => {
    const table: RawTable = {
      headers: ["客户编号", "近6个月消费频次", "累计消费金额(元)", "上一次购买时间"],
      rows: [
        ["D1", 3, 300, "04-05-2024"],
        ["D2", 5, 800, "21-03-2024"],
      ],
    };
    const r = run(table);
    expect(figures(r)).toEqual([
      ["D1", daysTo(2024, 5, 4), 3, 300],
      ["D2", daysTo(2024, 3, 21), 5, 800],
    ]);
    expect(r.report.issues).toEqual([]);
  });

  test("a column whose d/m/y cells all fit both orders stays unread (never guessed), unless the settings say", () => {
    const table: RawTable = {
      headers: ["客户编号", "近6个月消费频次", "累计消费金额(元)", "上一次购买时间"],
      rows: [
        ["D1", 3, 300, "04-05-2024"],
        ["D2", 5, 800, "03-02-2024"],
      ],
    };
    const unread = run(table);
    expect(unread.customers.map((c) => c.recencyDays)).toEqual([null, null]);
    expect(unread.report.issues.map((i) => i.code)).toEqual(["UNPARSED_DATE", "UNPARSED_DATE"]);
    expect(unread.cleaning.marks.map((m) => [m.row, m.kind, m.value])).toEqual([
      [0, "unparsed", "04-05-2024"],
      [1, "unparsed", "03-02-2024"],
    ]);
    const told = run(table, settingsOf({ cleaning: { dateOrders: { 上一次购买时间: "mdy" } } }));
    expect(told.customers.map((c) => c.recencyDays)).toEqual([daysTo(2024, 4, 5), daysTo(2024, 3, 2)]);
  });
});

describe("outliers are kept out of threshold estimation, and still scored", () => {
  // Eleven customers; C11 spent far above 3 × the mean (the documents' rule) and outside the IQR fences.
  const amounts = [100, 120, 150, 180, 200, 220, 260, 300, 340, 400, 90_000];
  const table: RawTable = {
    headers: ["客户编号", "近6个月消费频次", "累计消费金额(元)", "上一次购买时间"],
    rows: amounts.map((m, i) => [`C${String(i + 1).padStart(2, "0")}`, 1 + (i % 4), m, `2024-05-${10 + i}`]),
  };

  test("the M quintiles come from the ten others; the outlier gets the top score", () => {
    const r = run(table);
    expect(r.cleaning.report.thresholdMask).toEqual([10]);
    expect(r.cleaning.excludedCustomers).toBe(1);
    // The ten others score exactly as they would on their own.
    const alone = quintileScores(amounts.slice(0, 10), "higher");
    expect(r.customers.slice(0, 10).map((c) => c.mScore)).toEqual(Array.from(alone));
    expect(r.customers[10].mScore).toBe(5);
    expect(r.cleaning.marks).toEqual([{ row: 10, kind: "outlier", column: -1 }]);
    // With the outlier in the estimation, the quintiles shift (the run above did keep it out).
    const kept = run(table, settingsOf({ cleaning: { outliers: { excludeFromThresholds: false } } }));
    const withIt = quintileScores(amounts, "higher");
    expect(kept.customers.map((c) => c.mScore)).toEqual(Array.from(withIt));
    expect(kept.cleaning.marks).toEqual([]);
  });

  test("value-band tertiles are estimated without the outlier", () => {
    const r = run(table);
    // Tertiles of the ten others: 180 + (1/3·9 − 3)·20 = 180 and 260 + (2/3·9 − 6)·40 = 260.
    expect(r.customers.map((c) => c.valueBand)).toEqual([
      "低价值",
      "低价值",
      "低价值",
      "中价值",
      "中价值",
      "中价值",
      "中价值",
      "高价值",
      "高价值",
      "高价值",
      "高价值",
    ]);
  });
});

describe("customers without any purchase record are 新客户 (the documents' rule)", () => {
  const table: RawTable = {
    headers: ["客户编号", "性别", "年龄", "近6个月消费频次", "累计消费金额(元)", "上一次购买时间", "客户类型"],
    rows: [
      ["N1", "女", 28, 12, 4200, "2024-05-17", ""],
      ["N2", "男", 35, 5, 4400, "2024-04-02", ""],
      ["N3", "女", 42, 2, 300, "2024-02-02", ""],
      ["N4", "男", "", "", "", "", ""],
    ],
  };

  test.each<[Lang, string]>([
    ["zh-CN", "新客户"],
    ["zh-TW", "新客戶"],
    ["en", "New customer (no purchase yet)"],
  ])("%s: no RFM class, the label instead of 000, counted apart", (lang, label) => {
    const r = run(table, defaultSettings(), lang);
    expect(r.customers[3]).toMatchObject({
      frequency: 0,
      monetary: 0,
      recencyDays: null,
      rfmCode: "—",
      rfmLabel: label,
    });
    expect(r.customers.slice(0, 3).map((c) => c.rfmCode)).not.toContain("—");
    expect(r.segments.at(-1)).toEqual({ code: "—", label, count: 1 });
    expect(r.segments.reduce((n, s) => n + s.count, 0)).toBe(4);
    expect(r.cleaning.noPurchaseCustomers).toBe(1);
    expect(r.cleaning.marks).toEqual([{ row: 3, kind: "noPurchase", column: -1 }]);
    // Its blank purchase cells are explained by the rule, not reported as missing values.
    expect(r.report.issues).toEqual([]);
  });

  test("the label is the setting's when the user renamed it", () => {
    const r = run(table, settingsOf({ cleaning: { missing: { newCustomerLabel: "潜在客户" } } }));
    expect(r.customers[3].rfmLabel).toBe("潜在客户");
  });

  test("with the rule off, the customer is classed like any other (missing figures rank lowest)", () => {
    const r = run(table, settingsOf({ cleaning: { missing: { rules: false } } }));
    expect(r.customers[3]).toMatchObject({ rfmCode: "000", missing: ["recency", "frequency", "monetary"] });
  });
});

describe("accepted fixes are what the segmentation reads", () => {
  const table: RawTable = {
    headers: ["客户编号", "年龄", "所在城市", "近6个月消费频次", "累计消费金额(元)", "上一次购买时间"],
    rows: [
      ["F1", 25, "上海", 3, 300, "2024-05-01"],
      ["F2", "", "北京", 4, 500, "2024-05-02"],
      ["F3", 41, "成都", 5, 700, "2024-05-03"],
    ],
  };

  test("a blank age is unknown until the median fill is accepted; then it is 33 and noted", () => {
    expect(run(table).customers[1].ageBand).toBe("未知");
    const r = run(table, settingsOf({ cleaning: { accept: ["fillMedian"] } }));
    expect(r.customers[1].ageBand).toBe("26-35岁");
    expect(r.cleaning.applied).toEqual(["fillMedian"]);
    expect(r.cleaning.marks).toEqual([
      { row: 1, kind: "filled", column: 1, header: "年龄", value: 33, rule: "median" },
    ]);
    expect(r.cleaning.report.fixes.fillMedian).toHaveLength(1);
  });

  test("the result carries only the fixes a run may write", () => {
    const r = run(table);
    expect(Object.keys(r.cleaning.report.fixes)).toEqual([]);
    expect(r.cleaning.report.summary.filled).toBe(1); // the finding is still counted
  });
});

describe("settings", () => {
  test("the cleaning section is part of the settings, checked with a path", () => {
    expect(defaultSettings().cleaning.accept).toEqual([]);
    expect(settingsOf({ cleaning: { accept: ["maskPhone", "fillMedian"] } }).cleaning.accept).toEqual([
      "maskPhone",
      "fillMedian",
    ]);
    expect(parseSettings({ cleaning: { accept: ["deleteRows"] } })).toEqual({
      ok: false,
      error: {
        code: "BAD_SETTINGS",
        params: { path: "cleaning.accept[0]", reason: expect.stringMatching(/^expected/) },
      },
    });
    expect(parseSettings({ cleaning: { duplicates: { resolve: "newest" } } })).toMatchObject({
      ok: false,
      error: { params: { path: "cleaning.duplicates.resolve" } },
    });
  });
});
