import { customerFigures } from "../../src/engine/rfm/customers";
import type { CellValue, RawTable } from "../../src/engine/types";

const utcDay = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d) / 86_400_000;
const asOfDay = utcDay(2024, 6, 1);
const table = (headers: string[], rows: CellValue[][], extra: Partial<RawTable> = {}): RawTable => ({
  headers,
  rows,
  ...extra,
});

describe("customerFigures", () => {
  const headers = ["客户ID", "最后购买时间", "消费频次", "累计消费金额(元)"];
  const fields = { id: 0, lastPurchase: 1, frequency: 2, monetary: 3 };

  test("reads R from a last-purchase date, F and M from messy numbers", () => {
    const t = table(headers, [
      [1001, "2024-05-17", "12次", "4,200元"],
      ["1002", 45383, "５次", "0.44万"], // serial 45383 = 2024-04-01
      ["1003", "2024年2月2日", 2, 300],
    ]);
    const out = customerFigures(t, fields, { asOfDay });
    expect(out.customers).toEqual([
      { id: "1001", recencyDays: 15, frequency: 12, monetary: 4200 },
      { id: "1002", recencyDays: asOfDay - utcDay(2024, 4, 1), frequency: 5, monetary: 4400 },
      { id: "1003", recencyDays: asOfDay - utcDay(2024, 2, 2), frequency: 2, monetary: 300 },
    ]);
    expect(Array.from(out.rowCustomer)).toEqual([0, 1, 2]);
    expect(out.issues).toEqual([]);
  });

  test("reads R from a recency column when there is no date column", () => {
    const t = table(
      ["客户ID", "R(近30天消费)", "F", "M"],
      [
        [1, "是(15天前)", 1, 1],
        [2, 60, 1, 1],
        [3, "2024-05-01", 1, 1],
      ]
    );
    const out = customerFigures(t, { id: 0, recency: 1, frequency: 2, monetary: 3 }, { asOfDay });
    expect(out.customers.map((c) => c.recencyDays)).toEqual([15, 60, 31]);
  });

  test("a recency column of dates formatted as dates is read as dates", () => {
    const t = table(["客户ID", "R", "F", "M"], [[1, 45422, 1, 1]], {
      numberFormats: ["General", "yyyy/m/d", "General", "General"],
    });
    const out = customerFigures(
      t,
      { id: 0, recency: 1, frequency: 2, monetary: 3 },
      { asOfDay, numberFormats: t.numberFormats }
    );
    expect(out.customers[0].recencyDays).toBe(asOfDay - utcDay(2024, 5, 10));
  });

  test("the 1904 date system shifts serials", () => {
    const t = table(headers, [[1, 45422 - 1462, 1, 1]]);
    expect(customerFigures(t, fields, { asOfDay, date1904: true }).customers[0].recencyDays).toBe(22);
  });

  test("rows without an id are left out, counted and reported; blank rows are skipped", () => {
    const t = table(headers, [
      ["", "2024-05-01", 3, 100],
      [1001, "2024-05-01", 3, 100],
      ["", "", "", ""],
      ["#N/A", "2024-05-01", 3, 100],
    ]);
    const out = customerFigures(t, fields, { asOfDay });
    expect(out.customers.map((c) => c.id)).toEqual(["1001"]);
    expect(Array.from(out.rowCustomer)).toEqual([-1, 0, -1, -1]);
    expect(out.rowsWithoutId).toBe(2);
    expect(out.blankRows).toBe(1);
    expect(out.issues.map((i) => [i.row, i.column, i.code])).toEqual([
      [0, 0, "MISSING_ID"],
      [3, 0, "MISSING_ID"],
    ]);
  });

  test("duplicate ids: the first row is the customer, later rows map to it", () => {
    const t = table(headers, [
      [1001, "2024-05-01", 3, 100],
      [1002, "2024-05-01", 4, 200],
      ["1001", "2024-05-30", 9, 999],
    ]);
    const out = customerFigures(t, fields, { asOfDay });
    expect(out.customers).toHaveLength(2);
    expect(out.customers[0]).toEqual({ id: "1001", recencyDays: 31, frequency: 3, monetary: 100 });
    expect(Array.from(out.rowCustomer)).toEqual([0, 1, 0]);
    expect(out.duplicateIdRows).toBe(1);
  });

  test("unreadable or blank cells are reported with their position and become unknown, never 0", () => {
    const t = table(headers, [
      [1, "上个月", "很多", "4200元"],
      [2, "", "", "约1000"],
      [3, "2024-07-01", 2, 300],
    ]);
    const out = customerFigures(t, fields, { asOfDay });
    expect(out.customers).toEqual([
      { id: "1", recencyDays: null, frequency: null, monetary: 4200, missing: ["recency", "frequency"] },
      { id: "2", recencyDays: null, frequency: null, monetary: null, missing: ["recency", "frequency", "monetary"] },
      { id: "3", recencyDays: null, frequency: 2, monetary: 300, missing: ["recency"] },
    ]);
    expect(out.issues).toEqual([
      { row: 0, column: 1, value: "上个月", code: "UNPARSED_DATE" },
      { row: 0, column: 2, value: "很多", code: "UNPARSED_NUMBER" },
      { row: 1, column: 1, value: "", code: "MISSING_VALUE" },
      { row: 1, column: 2, value: "", code: "MISSING_VALUE" },
      { row: 1, column: 3, value: "约1000", code: "UNPARSED_NUMBER" },
      { row: 2, column: 1, value: "2024-07-01", code: "AFTER_AS_OF" },
    ]);
  });

  test("rows shorter than the header read as blank cells", () => {
    const out = customerFigures(table(headers, [[1, "2024-05-01"]]), fields, { asOfDay });
    expect(out.customers[0].missing).toEqual(["frequency", "monetary"]);
  });
});
