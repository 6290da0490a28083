import { defaultSettings, type Settings } from "../../src/engine/config";
import { segment } from "../../src/engine/pipeline";
import type { CellValue, RawTable, SegmentationResult } from "../../src/engine/types";

/**
 * Seed tables transcribed from /work/shared/seeds/002_eee03824f9a714da.txt (营销团队客户细分分析模板),
 * 表1 客户基础信息与行为数据表 and 表2 RFM模型细分结果表; see SPEC.md "RFM result table".
 */
const SEED_TABLE_1: RawTable = {
  headers: [
    "客户ID",
    "性别",
    "年龄",
    "地域",
    "职业",
    "近6个月消费频次",
    "平均客单价(元)",
    "品类偏好(TOP3)",
    "活跃渠道",
    "累计消费金额(元)",
  ],
  rows: [
    [1001, "女", 28, "上海", "互联网运营", 12, 350, "护肤品、服装、配饰", "线上电商", 4200],
    [1002, "男", 35, "北京", "金融从业", 5, 880, "数码产品、酒类", "线下门店", 4400],
    [1003, "女", 42, "成都", "教师", 2, 150, "家居用品、母婴", "社群", 300],
  ],
};
const SEED_TABLE_2: RawTable = {
  headers: ["客户ID", "R(近30天消费)", "F(近6个月频次)", "M(近6个月金额)", "RFM分组", "客户类型"],
  rows: [
    [1001, "是(15天前)", "12次", "4200元", "111(高R/高F/高M)", "高价值客户"],
    [1002, "否(60天前)", "5次", "4400元", "011(低R/中F/高M)", "流失风险客户"],
    [1003, "否(120天前)", "2次", "300元", "000(低R/低F/低M)", "低价值客户"],
  ],
};

const seedSettings = (): Settings => {
  const s = defaultSettings();
  s.rfm.split = "thresholds";
  s.rfm.thresholds = { recencyDays: 30, frequency: 5, monetary: 2000 };
  return s;
};

function run(
  table: RawTable,
  settings: Settings = defaultSettings(),
  asOf = "2024-06-01",
  lang: "zh-CN" | "zh-TW" | "en" = "zh-CN"
): SegmentationResult {
  const r = segment(table, settings, { asOf, lang });
  if (!r.ok) throw new Error(`segment failed: ${JSON.stringify(r.error)}`);
  return r.value;
}

describe("seed example (SPEC table 2)", () => {
  test("thresholds R ≤ 30, F ≥ 5, M ≥ 2000 give 111, 011, 000", () => {
    const res = run(SEED_TABLE_2, seedSettings());
    expect(res.kind).toBe("customers");
    expect(res.customers.map((c) => [c.id, c.recencyDays, c.frequency, c.monetary, c.rfmCode])).toEqual([
      ["1001", 15, 12, 4200, "111"],
      ["1002", 60, 5, 4400, "011"],
      ["1003", 120, 2, 300, "000"],
    ]);
    expect(res.customers.map((c) => c.rfmLabel)).toEqual(["重要价值客户", "重要唤回客户", "流失客户"]);
  });

  test("the seed's own labels are expressible as overrides", () => {
    const s = seedSettings();
    s.rfm.labels = { "111": "高价值客户", "011": "流失风险客户", "000": "低价值客户" };
    const res = run(SEED_TABLE_2, s);
    expect(res.customers.map((c) => c.rfmLabel)).toEqual(SEED_TABLE_2.rows.map((r) => r[5]));
  });

  test("the relative R does not depend on the as-of date", () => {
    const res = run(SEED_TABLE_2, seedSettings(), "2030-01-01");
    expect(res.customers.map((c) => c.rfmCode)).toEqual(["111", "011", "000"]);
  });

  test("table 1 alone lacks recency: MISSING_FIELD names it", () => {
    const r = segment(SEED_TABLE_1, seedSettings(), { asOf: "2024-06-01", lang: "zh-CN" });
    expect(r).toEqual({
      ok: false,
      error: { code: "MISSING_FIELD", params: { fields: "lastPurchase|recency", kind: "customers" } },
    });
  });

  test("table 1 joined with table 2's R column gives the same classes", () => {
    const joined: RawTable = {
      headers: [...SEED_TABLE_1.headers, SEED_TABLE_2.headers[1]],
      rows: SEED_TABLE_1.rows.map((row, i) => [...row, SEED_TABLE_2.rows[i][1]]),
    };
    const res = run(joined, seedSettings());
    expect(res.customers.map((c) => c.rfmCode)).toEqual(["111", "011", "000"]);
  });

  test("Traditional Chinese headers and values, zh-TW labels", () => {
    const t: RawTable = {
      headers: ["客戶編號", "R（近30天消費）", "近6個月消費頻次", "累計消費金額（元）"],
      rows: [
        ["1001", "是（15天前）", "１２次", "4,200元"],
        ["1002", "否（60天前）", "５次", "0.44萬"],
        ["1003", "否（120天前）", "２次", "300元"],
      ],
    };
    const res = run(t, seedSettings(), "2024-06-01", "zh-TW");
    expect(res.customers.map((c) => [c.rfmCode, c.rfmLabel])).toEqual([
      ["111", "重要價值客戶"],
      ["011", "重要喚回客戶"],
      ["000", "流失客戶"],
    ]);
  });

  test("mean split (the default) on the seed: scores by hand", () => {
    // R days 15/60/120 → #more days 2/1/0 → 1+floor(5·k/3) = 4/2/1; mean 7/3 → only 1001 high.
    // F 12/5/2 → 4/2/1 → only 1001 high. M 4200/4400/300 → 2/4/1 → only 1002 high.
    const res = run(SEED_TABLE_2);
    expect(res.customers.map((c) => [c.rScore, c.fScore, c.mScore, c.rfmCode])).toEqual([
      [4, 4, 2, "110"],
      [2, 2, 4, "001"],
      [1, 1, 1, "000"],
    ]);
    expect(res.segments.filter((s) => s.count > 0).map((s) => [s.code, s.count])).toEqual([
      ["001", 1],
      ["110", 1],
      ["000", 1],
    ]);
  });
});

describe("segment", () => {
  const ordersTable = (rows: CellValue[][]): RawTable => ({ headers: ["订单号", "客户ID", "下单日期", "金额"], rows });

  test("orders table end to end, with the report", () => {
    const res = run(
      ordersTable([
        ["A1", "c1", "2024-05-30", "1,200元"],
        ["A2", "c2", "2024-01-10", 80],
        ["A3", "", "2024-05-01", 10],
        ["A4", "c1", "2024-06-05", 10],
        ["", "", "", ""],
      ])
    );
    expect(res.kind).toBe("orders");
    expect(res.fields).toEqual({ orderId: 0, id: 1, orderDate: 2, amount: 3 });
    expect(res.asOf).toBe("2024-06-01");
    expect(res.customers.map((c) => [c.id, c.recencyDays, c.frequency, c.monetary])).toEqual([
      ["c1", 2, 1, 1200],
      ["c2", 143, 1, 80],
    ]);
    expect(Array.from(res.rowCustomer)).toEqual([0, 1, -1, 0, -1]);
    expect(res.report).toMatchObject({ rowsRead: 5, rowsWithoutId: 1, blankRows: 1, rowsAfterAsOf: 1 });
    expect(res.segments).toHaveLength(8);
    expect(res.segments.reduce((n, s) => n + s.count, 0)).toBe(2);
  });

  test("English headers and labels (rfm package layout); the last-purchase date wins over recency_days", () => {
    const t: RawTable = {
      headers: ["customer_id", "revenue", "most_recent_visit", "number_of_orders", "recency_days"],
      rows: [
        ["Alice", 1200, "2024-05-20", 9, 300],
        ["Bob", 40, "2023-01-01", 1, 5],
      ],
    };
    const res = run(t, seedSettings(), "2024-06-01", "en");
    expect(res.customers.map((c) => [c.id, c.recencyDays, c.rfmCode, c.rfmLabel])).toEqual([
      ["Alice", 12, "110", "Potential loyalists"],
      ["Bob", asOfMinus("2023-01-01"), "000", "Lost customers"],
    ]);
  });

  test("settings.fields overrides choose the columns", () => {
    const t: RawTable = {
      headers: ["编号", "日子", "次数", "钱"],
      rows: [[1, "2024-05-31", 3, 10]],
    };
    const s = defaultSettings();
    s.fields = { id: "编号", lastPurchase: "日子", frequency: "次数", monetary: "钱" };
    const res = run(t, s);
    expect(res.fields).toEqual({ id: 0, lastPurchase: 1, frequency: 2, monetary: 3 });
    expect(res.customers[0]).toMatchObject({ id: "1", recencyDays: 1, frequency: 3, monetary: 10 });
  });

  test("an override naming a header the table lacks is MISSING_FIELD", () => {
    const s = defaultSettings();
    s.fields = { id: "会员卡" };
    const r = segment(SEED_TABLE_2, s, { asOf: "2024-06-01", lang: "zh-CN" });
    expect(r).toEqual({ ok: false, error: { code: "MISSING_FIELD", params: { fields: "id", header: "会员卡" } } });
  });

  test("unknown figures: reported, output as 0 with `missing`, ranked worst", () => {
    const t: RawTable = {
      headers: ["客户ID", "最后购买时间", "消费频次", "消费金额"],
      rows: [
        [1, "2024-05-01", "很多", 500],
        [2, "2024-05-01", 0, 500],
        [3, "2024-05-01", 4, 500],
      ],
    };
    const res = run(t);
    expect(res.customers[0]).toMatchObject({ frequency: 0, fScore: 1, missing: ["frequency"] });
    expect(res.customers[1].missing).toBeUndefined();
    // The real 0 is better than the unknown one.
    expect(res.customers[1].fScore).toBeGreaterThan(res.customers[0].fScore);
    expect(res.report.issues).toEqual([{ row: 0, column: 2, value: "很多", code: "UNPARSED_NUMBER" }]);
  });

  test.each(["2024-02-30", "", "2024/06/01", "today"])("BAD_AS_OF for %p", (asOf) => {
    expect(segment(SEED_TABLE_2, defaultSettings(), { asOf, lang: "zh-CN" })).toEqual({
      ok: false,
      error: { code: "BAD_AS_OF", params: { value: asOf } },
    });
  });

  test("NO_DATA_ROWS for no rows or only blank rows", () => {
    for (const rows of [
      [],
      [
        ["", "", "", ""],
        ["  ", "", "", ""],
      ],
    ]) {
      const r = segment({ headers: SEED_TABLE_2.headers.slice(0, 4), rows }, defaultSettings(), {
        asOf: "2024-06-01",
        lang: "en",
      });
      expect(r).toEqual({ ok: false, error: { code: "NO_DATA_ROWS", params: undefined } });
    }
  });

  test("MISSING_FIELD for an orders table without customer ids (Tmall layout)", () => {
    const t: RawTable = {
      headers: ["订单编号", "总金额", "买家实际支付金额", "收货地址 ", "订单创建时间", "订单付款时间 ", "退款金额"],
      rows: [[1, 178.8, 0, "上海", "2020-02-21 00:00:00", "", 0]],
    };
    const r = segment(t, defaultSettings(), { asOf: "2020-03-01", lang: "zh-CN" });
    expect(r).toEqual({ ok: false, error: { code: "MISSING_FIELD", params: { fields: "id", kind: "orders" } } });
  });

  test("NO_CUSTOMERS when no row yields a customer", () => {
    const noIds = ordersTable([["A1", "", "2024-05-01", 10]]);
    expect(segment(noIds, defaultSettings(), { asOf: "2024-06-01", lang: "zh-CN" })).toMatchObject({
      ok: false,
      error: { code: "NO_CUSTOMERS" },
    });
    const allLater = ordersTable([["A1", "c1", "2024-07-01", 10]]);
    expect(segment(allLater, defaultSettings(), { asOf: "2024-06-01", lang: "zh-CN" })).toMatchObject({
      ok: false,
      error: { code: "NO_CUSTOMERS" },
    });
  });
});

function asOfMinus(iso: string): number {
  return (Date.UTC(2024, 5, 1) - Date.parse(`${iso}T00:00:00Z`)) / 86_400_000;
}
