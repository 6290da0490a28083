import { orderFigures, roundMoney } from "../../src/engine/rfm/orders";
import type { CellValue, RawTable } from "../../src/engine/types";

const utcDay = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d) / 86_400_000;
const asOfDay = utcDay(2024, 6, 1);
const ctx = { asOfDay };
const orders = (rows: CellValue[][]): RawTable => ({ headers: ["订单号", "客户ID", "下单日期", "金额"], rows });
const fields = { orderId: 0, id: 1, orderDate: 2, amount: 3 };

describe("orderFigures", () => {
  test("lines with the same order id are one order", () => {
    const out = orderFigures(
      orders([
        ["A1", "c1", "2024-05-01", 100],
        ["A1", "c1", "2024-05-01", 50],
        ["A2", "c1", "2024-05-20", 30],
        ["B1", "c2", "2024-01-01", 10],
      ]),
      fields,
      ctx
    );
    expect(out.customers).toEqual([
      { id: "c1", recencyDays: 12, frequency: 2, monetary: 180 },
      { id: "c2", recencyDays: asOfDay - utcDay(2024, 1, 1), frequency: 1, monetary: 10 },
    ]);
    expect(Array.from(out.rowCustomer)).toEqual([0, 0, 0, 1]);
  });

  test("without an order id column each row is one order", () => {
    const t: RawTable = {
      headers: ["客户ID", "下单日期", "金额"],
      rows: [
        ["c1", "2024-05-01", 100],
        ["c1", "2024-05-01", 50],
      ],
    };
    const out = orderFigures(t, { id: 0, orderDate: 1, amount: 2 }, ctx);
    expect(out.customers[0]).toEqual({ id: "c1", recencyDays: 31, frequency: 2, monetary: 150 });
  });

  test("a blank order id makes the row its own order", () => {
    const out = orderFigures(
      orders([
        ["", "c1", "2024-05-01", 5],
        ["", "c1", "2024-05-01", 5],
      ]),
      fields,
      ctx
    );
    expect(out.customers[0].frequency).toBe(2);
  });

  test("returns count toward M but not F or R; non-positive orders do not count as purchases", () => {
    const out = orderFigures(
      orders([
        ["A1", "c1", "2024-03-01", 200],
        ["C1", "c1", "2024-05-25", -80], // a return, later than the last purchase
        ["A2", "c1", "2024-05-26", 0], // a zero order
        ["A3", "c1", "2024-05-27", 40],
        ["A3", "c1", "2024-05-27", -40], // an order that nets to 0
      ]),
      fields,
      ctx
    );
    expect(out.customers[0]).toEqual({
      id: "c1",
      recencyDays: asOfDay - utcDay(2024, 3, 1),
      frequency: 1,
      monetary: 120,
    });
  });

  test("a customer with only returns has no purchase: recency null, F 0, negative M", () => {
    const out = orderFigures(orders([["C9", "c1", "2024-05-01", -30]]), fields, ctx);
    expect(out.customers[0]).toEqual({ id: "c1", recencyDays: null, frequency: 0, monetary: -30 });
  });

  test("floating-point noise does not turn a zero order into a purchase", () => {
    const out = orderFigures(
      orders([
        ["A1", "c1", "2024-05-01", 0.1],
        ["A1", "c1", "2024-05-01", 0.2],
        ["A1", "c1", "2024-05-01", -0.3],
      ]),
      fields,
      ctx
    );
    expect(out.customers[0]).toEqual({ id: "c1", recencyDays: null, frequency: 0, monetary: 0 });
    expect(roundMoney(0.1 + 0.2)).toBe(0.3);
  });

  test("rows without a customer id are left out, counted and reported", () => {
    const out = orderFigures(
      orders([
        ["A1", "", "2024-05-01", 10],
        ["A2", "c1", "2024-05-01", 10],
        ["", "", "", ""],
      ]),
      fields,
      ctx
    );
    expect(out.customers.map((c) => c.id)).toEqual(["c1"]);
    expect(Array.from(out.rowCustomer)).toEqual([-1, 0, -1]);
    expect(out.rowsWithoutId).toBe(1);
    expect(out.blankRows).toBe(1);
    expect(out.issues).toEqual([{ row: 0, column: 1, value: "", code: "MISSING_ID" }]);
  });

  test("orders after the as-of date are left out and counted", () => {
    const out = orderFigures(
      orders([
        ["A1", "c1", "2024-05-01", 10],
        ["A2", "c1", "2024-06-02", 999], // the day after as-of
        ["A3", "c1", "2024-06-01", 5], // on the as-of date: counts, R = 0
        ["B1", "c2", "2024-07-01", 50], // c2 only after as-of: not a customer yet
      ]),
      fields,
      ctx
    );
    expect(out.customers).toEqual([{ id: "c1", recencyDays: 0, frequency: 2, monetary: 15 }]);
    expect(out.rowsAfterAsOf).toBe(2);
    expect(Array.from(out.rowCustomer)).toEqual([0, 0, 0, -1]);
  });

  test("quantity × unit price when there is no amount (Online Retail layout)", () => {
    const t: RawTable = {
      headers: ["InvoiceNo", "Quantity", "InvoiceDate", "UnitPrice", "CustomerID"],
      rows: [
        ["536365", 6, "2010-12-01 08:26:00", 2.55, 17850],
        ["536365", 6, "2010-12-01 08:26:00", 3.39, 17850],
        ["C536379", -1, "2010-12-01 09:41:00", 27.5, 17850],
        ["536366", 2, "2010-12-01 08:28:00", 1.85, ""],
      ],
    };
    const out = orderFigures(
      t,
      { orderId: 0, quantity: 1, orderDate: 2, unitPrice: 3, id: 4 },
      { asOfDay: utcDay(2010, 12, 10) }
    );
    expect(out.customers).toEqual([
      { id: "17850", recencyDays: 9, frequency: 1, monetary: roundMoney(6 * 2.55 + 6 * 3.39 - 27.5) },
    ]);
    expect(out.rowsWithoutId).toBe(1);
  });

  test("amount wins over quantity × unit price when both exist", () => {
    const t: RawTable = {
      headers: ["客户ID", "下单日期", "数量", "单价", "金额"],
      rows: [["c1", "2024-05-01", 2, 10, 15]],
    };
    const out = orderFigures(t, { id: 0, orderDate: 1, quantity: 2, unitPrice: 3, amount: 4 }, ctx);
    expect(out.customers[0].monetary).toBe(15);
  });

  test("unreadable dates and amounts are reported and left out; the row still maps to its customer", () => {
    const out = orderFigures(
      orders([
        ["A1", "c1", "2024-05-01", "100元"],
        ["A2", "c1", "上周", 50],
        ["A3", "c1", "2024-05-02", "很多"],
        ["A4", "c1", "", 10],
      ]),
      fields,
      ctx
    );
    expect(out.customers).toEqual([{ id: "c1", recencyDays: 31, frequency: 1, monetary: 100 }]);
    expect(out.issues.map((i) => [i.row, i.column, i.code])).toEqual([
      [1, 2, "UNPARSED_DATE"],
      [2, 3, "UNPARSED_NUMBER"],
      [3, 2, "MISSING_VALUE"],
    ]);
    expect(Array.from(out.rowCustomer)).toEqual([0, 0, 0, 0]);
  });

  test("the same order id for two customers is two orders", () => {
    const out = orderFigures(
      orders([
        ["A1", "c1", "2024-05-01", 10],
        ["A1", "c2", "2024-05-02", 20],
        ["A1", "c1", "2024-05-01", 1],
        ["A1", "c3", "2024-05-03", 30],
        ["A1", "c2", "2024-05-02", 2],
      ]),
      fields,
      ctx
    );
    expect(out.customers.map((c) => [c.id, c.frequency, c.monetary])).toEqual([
      ["c1", 1, 11],
      ["c2", 1, 22],
      ["c3", 1, 30],
    ]);
  });

  test("customers are listed in first-seen order; numeric and text ids are the same customer", () => {
    const out = orderFigures(
      orders([
        ["1", 20, "2024-05-01", 1],
        ["2", 10, "2024-05-01", 1],
        ["3", "20", "2024-05-02", 1],
      ]),
      fields,
      ctx
    );
    expect(out.customers.map((c) => [c.id, c.frequency])).toEqual([
      ["20", 2],
      ["10", 1],
    ]);
  });

  test("Excel serial dates in the 1904 system", () => {
    const out = orderFigures(orders([["A1", "c1", 45422 - 1462, 10]]), fields, { asOfDay, date1904: true });
    expect(out.customers[0].recencyDays).toBe(22);
  });
});
