import { contextualHeaderKeys, detectFields, headerCandidates } from "../../src/engine/schema/detect-fields";
import { detectKind, missingFields } from "../../src/engine/schema/detect-kind";
import { headerRowScore } from "../../src/engine/schema/header-row";
import { headerKeys, normalizeHeader } from "../../src/engine/schema/normalize";
import { ORDER_FIELDS } from "../../src/engine/schema/synonyms";
import type { FieldKey } from "../../src/engine/types";

/** The field a lone header is recognised as (in a table of its own, so no money context). */
const fieldOf = (header: string): FieldKey | undefined => {
  const map = detectFields([header]);
  return (Object.keys(map) as FieldKey[])[0];
};

describe("normalizeHeader / headerKeys", () => {
  test("trim, width, case, spaces, underscores, Traditional", () => {
    expect(normalizeHeader("  Customer_ID ")).toBe("customerid");
    expect(normalizeHeader("ＣｕｓｔｏｍｅｒＩＤ")).toBe("customerid");
    expect(normalizeHeader("客戶 編號")).toBe("客户编号");
    expect(normalizeHeader("*客户ID:")).toBe("客户id");
  });
  test("bracketed unit suffixes in both widths, and time windows", () => {
    expect(headerKeys("累计消费金额(元)")).toContain("累计消费金额");
    expect(headerKeys("累计消费金额（元）")).toContain("累计消费金额");
    expect(headerKeys("累计消费金额 【元】")).toContain("累计消费金额");
    expect(headerKeys("近6个月消费频次")).toContain("消费频次");
    expect(headerKeys("购买频率(月)")).toContain("购买频率");
  });
  test("a single letter only as the whole header", () => {
    expect(headerKeys("R")).toEqual(["r"]);
    expect(headerKeys("R(距今天数)")).toEqual(["r(距今天数)"]);
  });
});

describe("header synonyms", () => {
  const cases: Array<[FieldKey, string[]]> = [
    [
      "id",
      ["客户编号", "客户ID", "客戶編號", "客戶ID", "Customer ID", "customer_id", "CustomerID", "会员编号", "ＩＤ"],
    ],
    ["name", ["姓名", "客户名称", "公司名称", "客戶名稱", "公司名稱", "Name", "Customer Name"]],
    ["gender", ["性别", "性別", "Genre", "Gender", "sex"]],
    ["age", ["年龄", "年齡", "Age", "年龄(岁)"]],
    ["city", ["所在城市", "地域", "城市", "City"]],
    ["phone", ["联系方式", "联系方式(脱敏)", "聯繫方式", "聯絡方式", "手机号", "手機號碼", "Phone"]],
    [
      "lastPurchase",
      [
        "上一次购买时间",
        "最后购买时间",
        "最近购买日期",
        "最後購買時間",
        "上一次購買時間",
        "Last purchase",
        "most_recent_visit",
        "Last Purchase Date",
      ],
    ],
    ["recency", ["R(近30天消费)", "R（近30天消費）", "R", "recency", "Recency", "recency_days", "距今天数"]],
    [
      "frequency",
      [
        "近6个月消费频次",
        "购买频率",
        "购买频率(月)",
        "消费频次",
        "F(近6个月频次)",
        "近6個月消費頻次",
        "購買頻率",
        "Frequency",
        "number_of_orders",
        "F",
      ],
    ],
    [
      "monetary",
      [
        "累计消费金额(元)",
        "近6个月消费金额",
        "M(近6个月金额)",
        "累計消費金額（元）",
        "累積消費金額",
        "近6個月消費金額",
        "Monetary",
        "M",
      ],
    ],
    ["avgOrderValue", ["平均客单价(元)", "平均客單價(元)", "客单价", "Average order value"]],
    ["orderId", ["订单号", "订单编号", "訂單編號", "InvoiceNo", "order_id", "Order ID"]],
    ["orderDate", ["下单日期", "订单创建时间", "下單日期", "訂單創建時間", "InvoiceDate", "order_date", "Order Date"]],
    ["quantity", ["Quantity", "数量", "數量", "Qty"]],
    ["unitPrice", ["UnitPrice", "单价", "單價", "Unit Price"]],
    ["rfmCode", ["RFM分组", "RFM分組", "RFM code"]],
    ["rfmLabel", ["客户类型", "客戶類型", "Customer type"]],
    ["spendTag", ["消费能力标签", "消費能力標籤", "Spending tag"]],
    ["activityTag", ["活跃度标签", "活躍度標籤", "Activity level"]],
    // Issue #4: the fields that tags, profiles and the 客户细分 column read or fill.
    ["needTag", ["核心需求标签", "需求標籤", "Need tag"]],
    ["segment", ["客户细分", "客戶細分", "细分群体", "Customer segment"]],
    ["channel", ["活跃渠道", "渠道偏好", "活躍渠道", "Channel"]],
    ["priceSensitivity", ["价格敏感度", "對價格敏感度", "Price sensitivity"]],
    ["interests", ["兴趣爱好", "興趣愛好", "Interests"]],
    ["categories", ["品类偏好(TOP3)", "历史购买品类", "品類偏好", "Preferred categories"]],
    ["notes", ["备注", "備註", "Notes"]],
  ];
  test.each(cases.flatMap(([field, headers]) => headers.map((h) => [h, field] as const)))("%p → %p", (header, field) =>
    expect(fieldOf(header)).toBe(field)
  );

  test.each(["职业", "R分", "F分", "M分", "R(距今天数)", "F (purchases)", "Annual Income (k$)", ""])(
    "%p names no field",
    (header) => expect(fieldOf(header)).toBeUndefined()
  );

  test("the money words that depend on context are exactly the amount/monetary pairs", () => {
    const contextual = contextualHeaderKeys();
    expect(contextual.length).toBeGreaterThan(0);
    for (const { key, fields } of contextual) {
      expect({ key, fields: [...fields].sort() }).toEqual({ key, fields: ["amount", "monetary"] });
    }
    expect(
      headerCandidates("revenue")
        .map((c) => c.field)
        .sort()
    ).toEqual(["amount", "monetary"]);
  });
});

describe("detectFields", () => {
  test("seed table 1 (customer information)", () => {
    const headers = [
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
    ];
    expect(detectFields(headers)).toEqual({
      id: 0,
      gender: 1,
      age: 2,
      city: 3,
      frequency: 5,
      avgOrderValue: 6,
      categories: 7,
      channel: 8,
      monetary: 9,
    });
  });

  test("seed table 2 (RFM result)", () => {
    const headers = ["客户ID", "R(近30天消费)", "F(近6个月频次)", "M(近6个月金额)", "RFM分组", "客户类型"];
    expect(detectFields(headers)).toEqual({ id: 0, recency: 1, frequency: 2, monetary: 3, rfmCode: 4, rfmLabel: 5 });
  });

  test("Traditional Chinese customer table", () => {
    const headers = ["客戶編號", "姓名", "性別", "最後購買時間", "近6個月消費頻次", "累計消費金額（元）"];
    expect(detectFields(headers)).toEqual({ id: 0, name: 1, gender: 2, lastPurchase: 3, frequency: 4, monetary: 5 });
  });

  test("revenue is monetary in a customer table (rfm package customer data)", () => {
    const headers = ["customer_id", "revenue", "most_recent_visit", "number_of_orders", "recency_days"];
    expect(detectFields(headers)).toEqual({ id: 0, monetary: 1, lastPurchase: 2, frequency: 3, recency: 4 });
  });

  test("revenue is the amount in an orders table (rfm package orders data)", () => {
    const headers = ["customer_id", "order_date", "revenue", "first_name", "last_name", "email"];
    expect(detectFields(headers)).toEqual({ id: 0, orderDate: 1, amount: 2 });
  });

  test("金额 follows the same context", () => {
    expect(detectFields(["订单号", "客户ID", "下单日期", "金额"])).toEqual({
      orderId: 0,
      id: 1,
      orderDate: 2,
      amount: 3,
    });
    expect(detectFields(["客户ID", "最后购买时间", "消费频次", "金额"])).toEqual({
      id: 0,
      lastPurchase: 1,
      frequency: 2,
      monetary: 3,
    });
  });

  test("Online Retail and Superstore headers", () => {
    const retail = [
      "InvoiceNo",
      "StockCode",
      "Description",
      "Quantity",
      "InvoiceDate",
      "UnitPrice",
      "CustomerID",
      "Country",
    ];
    expect(detectFields(retail)).toEqual({ orderId: 0, quantity: 3, orderDate: 4, unitPrice: 5, id: 6 });
    expect(detectFields(["order_date", "order_id", "customer", "grand_total"])).toEqual({
      orderDate: 0,
      orderId: 1,
      id: 2,
      amount: 3,
    });
  });

  test("two columns for one field: the earlier synonym wins, then the leftmost", () => {
    expect(detectFields(["客户", "客户ID"]).id).toBe(1);
    expect(detectFields(["客户ID", "客户编号"]).id).toBe(1);
    expect(detectFields(["客户ID", "客户 ID"]).id).toBe(0);
    expect(detectFields(["累计消费金额(元)", "近6个月消费金额"]).monetary).toBe(1);
  });

  test("overrides come first and claim their column", () => {
    const headers = ["编号", "客户ID", "最近一次", "消费频次", "累计消费金额"];
    const map = detectFields(headers, { id: "编号", lastPurchase: " 最近一次 " });
    expect(map.id).toBe(0);
    expect(map.lastPurchase).toBe(2);
    expect(map.frequency).toBe(3);
    // The column the override displaced is not mapped elsewhere.
    expect(Object.values(map)).not.toContain(1);
  });

  test("an override to a missing header maps nothing, and disables the synonyms for that field", () => {
    expect(detectFields(["客户ID"], { frequency: "次数" })).toEqual({ id: 0 });
    expect(detectFields(["客户ID", "消费频次"], { id: "会员卡" })).toEqual({ frequency: 1 });
  });
});

describe("headerRowScore", () => {
  test("a header row outscores titles, blank rows and data rows", () => {
    const title = ["表1:客户信息管理表", "", "", ""];
    const blank = ["", "", "", ""];
    const header = ["客户ID", "R(近30天消费)", "F(近6个月频次)", "M(近6个月金额)"];
    const data = [1001, "是(15天前)", "12次", "4200元"];
    expect(headerRowScore(header)).toBe(4);
    expect(headerRowScore(title)).toBe(0);
    expect(headerRowScore(blank)).toBe(0);
    expect(headerRowScore(data)).toBe(0);
  });
  test("counts distinct fields, not cells", () => {
    expect(headerRowScore(["客户ID", "客户编号", "姓名"])).toBe(2);
  });
});

describe("detectKind", () => {
  test("orders: id + order date + amount, or quantity × unit price", () => {
    expect(detectKind({ id: 0, orderDate: 1, amount: 2 })).toBe("orders");
    expect(detectKind({ id: 0, orderDate: 1, quantity: 2, unitPrice: 3, orderId: 4 })).toBe("orders");
    expect(detectKind({ id: 0, orderDate: 1, quantity: 2 })).toBeNull();
    expect(detectKind({ orderDate: 1, amount: 2 })).toBeNull();
  });
  test("customers: id + (last purchase or recency) + frequency + monetary", () => {
    expect(detectKind({ id: 0, lastPurchase: 1, frequency: 2, monetary: 3 })).toBe("customers");
    expect(detectKind({ id: 0, recency: 1, frequency: 2, monetary: 3 })).toBe("customers");
    expect(detectKind({ id: 0, frequency: 2, monetary: 3 })).toBeNull();
  });
  test("a table with per-customer frequency or monetary is not an orders table", () => {
    expect(detectKind({ id: 0, orderDate: 1, amount: 2, frequency: 3 })).toBeNull();
    expect(detectKind({ id: 0, orderDate: 1, amount: 2, lastPurchase: 3, frequency: 4, monetary: 5 })).toBe(
      "customers"
    );
  });
  test("missingFields names what the closest kind lacks", () => {
    expect(missingFields({ orderId: 0, amount: 1, orderDate: 2 })).toEqual({ kind: "orders", missing: ["id"] });
    expect(missingFields({ id: 0, orderDate: 1 })).toEqual({ kind: "orders", missing: ["amount|quantity+unitPrice"] });
    expect(missingFields({ id: 0, frequency: 1, monetary: 2 })).toEqual({
      kind: "customers",
      missing: ["lastPurchase|recency"],
    });
    expect(missingFields({ id: 0, gender: 1 })).toEqual({
      kind: "customers",
      missing: ["lastPurchase|recency", "frequency", "monetary"],
    });
  });
  test("ORDER_FIELDS are the orders-table fields", () => {
    expect([...ORDER_FIELDS].sort()).toEqual(["amount", "orderDate", "orderId", "quantity", "unitPrice"]);
  });
});
