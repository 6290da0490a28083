/**
 * Tagging (SPEC "Tagging"): 消费能力标签, 活跃度标签, 需求标签, age bands, value bands; each with ties, a single
 * customer, all customers equal and customers with no purchases; and the labels in three languages.
 */
import { defaultSettings, parseSettings, type Settings } from "../../src/engine/config";
import { segment } from "../../src/engine/pipeline";
import { activityLevel } from "../../src/engine/tags/activity";
import {
  activityMonths,
  chineseNumber,
  DAYS_PER_MONTH,
  monthsFromHeader,
  spanMonths,
} from "../../src/engine/tags/activity-months";
import { ageBand } from "../../src/engine/tags/age-band";
import { band, bands, tertileThresholds } from "../../src/engine/tags/bands";
import { compileRules, DEFAULT_NEED_RULES, isPriceSensitive, needTag } from "../../src/engine/tags/need";
import { averageOrderValue } from "../../src/engine/tags/spending";
import type { Lang, RawTable, SegmentationResult } from "../../src/engine/types";

function run(
  table: RawTable,
  settings: Settings = defaultSettings(),
  lang: Lang = "zh-CN",
  asOf = "2024-06-01"
): SegmentationResult {
  const r = segment(table, settings, { asOf, lang });
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
}
function settingsOf(json: unknown): Settings {
  const s = parseSettings(json);
  if (!s.ok) throw new Error(JSON.stringify(s.error));
  return s.value;
}

/** 表1 of the seed with a last-purchase column (days before 2024-06-01: 15, 60, 120), plus a customer who never bought. */
const TABLE_1: RawTable = {
  headers: [
    "客户ID",
    "年龄",
    "地域",
    "近6个月消费频次",
    "平均客单价(元)",
    "活跃渠道",
    "累计消费金额(元)",
    "最后购买时间",
    "备注",
  ],
  rows: [
    [1001, 28, "上海", 12, 350, "线上电商", 4200, "2024-05-17", "看重性价比"],
    [1002, 35, "北京", 5, 880, "线下门店", 4400, "2024-04-02", "偏好高端品牌"],
    [1003, 42, "成都", 2, 150, "社群", 300, "2024-02-02", "重视售后服务"],
    [1004, "", "", 0, "", "", 0, "", ""],
  ],
};

describe("bands: high ⇔ > X, low ⇔ < Y, middle otherwise; tertiles by default", () => {
  test("tertiles are the type-7 quantiles at 1/3 and 2/3", () => {
    const t = tertileThresholds([1, 2, 3]);
    expect(t?.low).toBeCloseTo(5 / 3, 12);
    expect(t?.high).toBeCloseTo(7 / 3, 12);
    expect(bands([1, 2, 3]).levels).toEqual(["low", "mid", "high"]);
  });
  test("the documents' X > Y rule with thresholds from settings: X and Y themselves are middle", () => {
    const t = { high: 500, low: 200 };
    expect([600, 500, 350, 200, 100].map((v) => band(v, t))).toEqual(["high", "mid", "mid", "mid", "low"]);
  });
  test("ties share a band; all equal and a single value are middle; unknown is null", () => {
    expect(bands([5, 5, 5, 9]).levels).toEqual(["mid", "mid", "mid", "high"]);
    expect(bands([7, 7, 7]).levels).toEqual(["mid", "mid", "mid"]);
    expect(bands([42]).levels).toEqual(["mid"]);
    expect(bands([null, 1, 2, 3]).levels).toEqual([null, "low", "mid", "high"]);
    expect(bands([null, null]).levels).toEqual([null, null]);
  });
});

describe("消费能力标签 by 客单价", () => {
  test("客单价 is the column's value, else monetary ÷ frequency, else unknown", () => {
    expect(averageOrderValue({ frequency: 4, monetary: 1000 }, "350元")).toBe(350);
    expect(averageOrderValue({ frequency: 4, monetary: 1000 }, "")).toBe(250);
    expect(averageOrderValue({ frequency: 4, monetary: 1000 })).toBe(250);
    expect(averageOrderValue({ frequency: 0, monetary: 0 })).toBeNull();
    expect(averageOrderValue({ frequency: null, monetary: 100 })).toBeNull();
  });

  test("tertiles of 客单价 on the seed table; a customer with no purchases is 未知", () => {
    const res = run(TABLE_1);
    expect(res.customers.map((c) => [c.id, c.avgOrderValue, c.spendingTag])).toEqual([
      ["1001", 350, "中"],
      ["1002", 880, "高"],
      ["1003", 150, "低"],
      ["1004", null, "未知"],
    ]);
  });

  test("thresholds from settings (高 > 800, 低 < 200)", () => {
    const res = run(TABLE_1, settingsOf({ tags: { spending: { thresholds: { high: 800, low: 200 } } } }));
    expect(res.customers.map((c) => c.spendingTag)).toEqual(["中", "高", "低", "未知"]);
  });

  test("a single customer and all customers equal are 中", () => {
    expect(run({ ...TABLE_1, rows: [TABLE_1.rows[0]] }).customers.map((c) => c.spendingTag)).toEqual(["中"]);
    const same = [0, 1, 2].map((i) => [`c${i}`, 30, "上海", 3, 200, "社群", 600, "2024-05-01", ""]);
    expect(run({ ...TABLE_1, rows: same }).customers.map((c) => c.spendingTag)).toEqual(["中", "中", "中"]);
  });
});

describe("活跃度标签 by purchases per month", () => {
  test("≥ 3 高频, 1 to < 3 中频, < 1 低频; unknown frequency or span is 未知", () => {
    expect([18, 17.9, 6, 5.9, 0].map((f) => activityLevel(f, 6))).toEqual(["high", "mid", "mid", "low", "low"]);
    expect(activityLevel(null, 6)).toBeNull();
    expect(activityLevel(3, null)).toBeNull();
  });

  test.each([
    ["购买频率(月)", { months: 1, source: "perMonth" }],
    ["月均购买次数", { months: 1, source: "perMonth" }],
    ["Purchases per month", { months: 1, source: "perMonth" }],
    ["近6个月消费频次", { months: 6, source: "header" }],
    ["近6個月消費頻次", { months: 6, source: "header" }],
    ["近一年购买次数", { months: 12, source: "header" }],
    ["近半年消费次数", { months: 6, source: "header" }],
    ["近十二个月订单数", { months: 12, source: "header" }],
    ["Orders (last 3 months)", { months: 3, source: "header" }],
  ])("header %p → %p", (header, expected) => expect(monthsFromHeader(header)).toEqual(expected));

  test("近30天 is 30 days of 365.25/12", () => {
    expect(monthsFromHeader("近30天消费次数")?.months).toBeCloseTo(30 / DAYS_PER_MONTH, 12);
    expect(monthsFromHeader("消费频次")).toBeNull();
    expect([
      chineseNumber("十"),
      chineseNumber("二十"),
      chineseNumber("十二"),
      chineseNumber("三"),
      chineseNumber("x"),
    ]).toEqual([10, 20, 12, 3, null]);
  });

  test("which months: setting, header, orders window, orders span, else the documents' 6", () => {
    expect(activityMonths({ setting: 3, frequencyHeader: "近6个月消费频次", kind: "customers" })).toEqual({
      months: 3,
      source: "setting",
    });
    expect(activityMonths({ frequencyHeader: "消费频次", kind: "customers" })).toEqual({
      months: 6,
      source: "default",
    });
    expect(activityMonths({ kind: "orders", windowMonths: 12 })).toEqual({ months: 12, source: "window" });
    expect(activityMonths({ kind: "orders" })).toEqual({ months: null, source: "span" });
    expect(spanMonths(null, 100)).toBeNull();
    expect(spanMonths(90, 100)).toBe(1); // at least one month
    expect(spanMonths(100 - 3 * DAYS_PER_MONTH, 100)).toBeCloseTo(3, 12);
  });

  test("the seed table: 12, 5, 2 purchases in 6 months; no purchase is 低频", () => {
    const res = run(TABLE_1);
    expect(res.report.activityMonths).toEqual({ months: 6, source: "header" });
    expect(res.customers.map((c) => c.activityTag)).toEqual(["中频", "低频", "低频", "低频"]);
    const perMonth = run({
      ...TABLE_1,
      headers: TABLE_1.headers.map((h) => (h === "近6个月消费频次" ? "购买频率(月)" : h)),
    });
    expect(perMonth.customers.map((c) => c.activityTag)).toEqual(["高频", "高频", "中频", "低频"]);
  });

  test("orders: each customer's own span from the first purchase to the as-of date", () => {
    const orders: RawTable = {
      headers: ["客户ID", "下单日期", "金额"],
      rows: [
        ["a", "2024-03-01", 10],
        ["a", "2024-04-01", 10],
        ["a", "2024-05-01", 10],
        ["a", "2024-05-20", 10],
        ["b", "2024-05-25", 10],
        ["b", "2024-05-26", 10],
        ["b", "2024-05-27", 10],
        ["c", "2023-06-01", 10],
      ],
    };
    // a: 4 orders in 92 days (3.02 months) → 中频; b: 3 orders, a span under a month counts as one → 高频;
    // c: 1 order in 12 months → 低频.
    expect(run(orders).customers.map((c) => [c.id, c.activityTag])).toEqual([
      ["a", "中频"],
      ["b", "高频"],
      ["c", "低频"],
    ]);
  });
});

describe("需求标签", () => {
  const rules = compileRules(DEFAULT_NEED_RULES);
  test.each([
    [["看重性价比"], "price"],
    [["偏好高端品牌"], "quality"],
    [["品質優先"], "quality"],
    [["偏好环保材质"], "function"],
    [["重視售後服務"], "function"],
    [["Looks for value for money"], "price"],
    [["户外运动", "摄影"], null],
    [[""], null],
    [[], null],
  ])("%p → %p", (texts, tag) => expect(needTag(undefined, texts, rules)).toBe(tag));

  test("rules apply in order: the first that matches wins", () => {
    expect(needTag(undefined, ["品质好又有折扣"], rules)).toBe("price");
  });

  test("a 价格敏感度 that says sensitive wins; anything else falls through to the keywords", () => {
    expect(["高", "敏感", "High", "是", " 较高 "].map(isPriceSensitive)).toEqual([true, true, true, true, true]);
    expect(["低", "不敏感", "一般", ""].map(isPriceSensitive)).toEqual([false, false, false, false]);
    expect(needTag("高", ["偏好高端品牌"], rules)).toBe("price");
    expect(needTag("低", ["偏好高端品牌"], rules)).toBe("quality");
  });

  test("editable rules from settings, and extra headers to read", () => {
    const table: RawTable = {
      headers: ["客户ID", "消费频次", "消费金额", "最后购买时间", "客户留言"],
      rows: [
        ["a", 1, 100, "2024-05-01", "只买爆款"],
        ["b", 1, 100, "2024-05-01", "要环保"],
      ],
    };
    const s = settingsOf({ tags: { need: { fields: ["客户留言"], rules: [{ tag: "price", keywords: ["爆款"] }] } } });
    expect(run(table, s).customers.map((c) => c.needTag)).toEqual(["价格敏感型", ""]);
    const missing = segment(table, settingsOf({ tags: { need: { fields: ["没有这列"] } } }), {
      asOf: "2024-06-01",
      lang: "zh-CN",
    });
    expect(missing).toEqual({
      ok: false,
      error: { code: "MISSING_FIELD", params: { fields: "tags.need.fields", header: "没有这列" } },
    });
  });

  test("on the seed table, from 备注; no text → no tag", () => {
    expect(run(TABLE_1).customers.map((c) => c.needTag)).toEqual(["价格敏感型", "品质导向型", "功能偏好型", ""]);
  });

  test("without any source column the need tag is not computed", () => {
    const res = run({ headers: TABLE_1.headers.slice(0, 8), rows: TABLE_1.rows.map((r) => r.slice(0, 8)) });
    expect(res.computed).not.toContain("needTag");
    expect(res.customers.every((c) => c.needTag === "")).toBe(true);
  });
});

describe("age bands", () => {
  test.each([
    [17, "under18"],
    [18, "18-25"],
    [25, "18-25"],
    [25.9, "18-25"],
    [26, "26-35"],
    [35, "26-35"],
    [36, "36-45"],
    [45, "36-45"],
    [46, "46+"],
    [90, "46+"],
    ["28岁", "26-35"],
    ["", null],
    ["未知", null],
    [-1, null],
    [150, null],
  ])("%p → %p", (age, expected) => expect(ageBand(age)).toBe(expected));
});

describe("value bands and dimensions on the seed table", () => {
  test("value band by monetary tertiles; city tier, region and age band from their columns", () => {
    const res = run(TABLE_1);
    expect(res.customers.map((c) => [c.valueBand, c.cityTier, c.region, c.ageBand])).toEqual([
      // monetary 4200, 4400, 300, 0: tertiles 300 and 4200, which are themselves 中.
      ["中价值", "一线", "华东", "26-35岁"],
      ["高价值", "一线", "华北", "26-35岁"],
      ["中价值", "新一线", "西南", "36-45岁"],
      ["低价值", "未知", "未知", "未知"],
    ]);
    expect(res.computed).toEqual([
      "spendingTag",
      "activityTag",
      "needTag",
      "cityTier",
      "region",
      "ageBand",
      "valueBand",
      "segment",
    ]);
  });

  test("labels in Traditional Chinese and English", () => {
    const tw = run(TABLE_1, defaultSettings(), "zh-TW").customers[2];
    expect([tw.spendingTag, tw.activityTag, tw.needTag, tw.cityTier, tw.region, tw.ageBand, tw.valueBand]).toEqual([
      "低",
      "低頻",
      "功能偏好型",
      "新一線",
      "西南",
      "36-45歲",
      "中價值",
    ]);
    const en = run(TABLE_1, defaultSettings(), "en").customers[2];
    expect([en.spendingTag, en.activityTag, en.needTag, en.cityTier, en.region, en.ageBand, en.valueBand]).toEqual([
      "Low",
      "Low frequency",
      "Feature-focused",
      "New tier 1",
      "Southwest China",
      "36-45",
      "Medium value",
    ]);
    expect(run(TABLE_1, defaultSettings(), "en").customers[3].cityTier).toBe("Unknown");
  });
});

describe("edge cases of every tag at once", () => {
  const tags = (r: SegmentationResult) =>
    r.customers.map((c) => [c.spendingTag, c.activityTag, c.needTag, c.cityTier, c.region, c.ageBand, c.valueBand]);

  test("a single customer: bands are 中, per-customer tags as for anyone", () => {
    expect(tags(run({ ...TABLE_1, rows: [TABLE_1.rows[1]] }))).toEqual([["中", "低频", "品质导向型", "一线", "华北", "26-35岁", "中价值"]]);
  });

  test("all customers equal: all equal tags", () => {
    const same = run({ ...TABLE_1, rows: [0, 1, 2, 3].map((i) => [`c${i}`, ...TABLE_1.rows[0].slice(1)]) });
    expect(new Set(tags(same).map((t) => t.join("|"))).size).toBe(1);
    expect(tags(same)[0]).toEqual(["中", "中频", "价格敏感型", "一线", "华东", "26-35岁", "中价值"]);
  });

  test("ties: customers with equal figures get equal bands whatever the row order", () => {
    const rows = [TABLE_1.rows[0], TABLE_1.rows[2], [9, ...TABLE_1.rows[0].slice(1)], TABLE_1.rows[1]];
    const res = run({ ...TABLE_1, rows });
    expect(tags(res)[0]).toEqual(tags(res)[2]);
    const reversed = run({ ...TABLE_1, rows: [...rows].reverse() });
    expect(tags(reversed)[3]).toEqual(tags(res)[0]);
  });

  test("customers with no purchases: 客单价 and its tag unknown, 低频, lowest value band", () => {
    const none = [1, 2].map((i) => [`n${i}`, 30, "成都", 0, "", "社群", 0, "", ""]);
    const res = run({ ...TABLE_1, rows: [...TABLE_1.rows.slice(0, 3), ...none] });
    expect(res.customers.slice(3).map((c) => [c.avgOrderValue, c.spendingTag, c.activityTag, c.valueBand, c.recencyDays])).toEqual([
      [null, "未知", "低频", "低价值", null],
      [null, "未知", "低频", "低价值", null],
    ]);
  });
});
