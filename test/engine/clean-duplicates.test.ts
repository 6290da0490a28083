import fc from "fast-check";
import {
  cleanTable,
  defaultCleaningSettings,
  resolveDuplicates,
  type CleaningReport,
  type Fix,
} from "../../src/engine/clean";
import { detectFields } from "../../src/engine/schema/detect-fields";
import type { CellValue, RawTable } from "../../src/engine/types";

const AS_OF = "2024-06-01";
const HEADERS = [
  "客户编号",
  "姓名",
  "手机号",
  "统一社会信用代码",
  "近6个月消费频次",
  "累计消费金额(元)",
  "上一次购买时间",
  "最后更新时间",
  "兴趣爱好",
  "所在城市",
];
// prettier-ignore
const ROWS: CellValue[][] = [
  /* 0 */ ["C001", "张三", "13812345678", "91350200776049653A", 5, 1000, "2024-05-01", "2024-05-02", "运动、旅游", "上海"],
  /* 1 */ ["C001", "张三", "13812345678", "91350200776049653A", 5, 1000, "2024-05-01", "2024-05-02", "运动、旅游", "上海"],
  /* 2 */ ["C009", "张三", "+86 138-1234-5678", "", 3, 500, "2024-05-20", "2024-05-21", "美食, 旅游", ""],
  /* 3 */ ["C002", "李四", "138****5678", "", 2, 200, "2024-01-01", "2024-01-02", "", "北京"],
  /* 4 */ ["C003", "王五", "139****5678", "", 1, 100, "2024-02-01", "2024-02-02", "", "北京"],
  /* 5 */ ["C004", "赵六", "13900000000", "91350500798359476R", 4, 800, "2024-03-01", "2024-03-05", "", "广州"],
  /* 6 */ ["C005", "赵六", "13700000000", "91350500798359476R", 6, 900, "2024-03-02", "2024-03-05", "", "广州"],
  /* 7 */ ["C006", "孙八", "", "91350211M0000XUF46", 1, 50, "2024-04-01", "", "", "深圳"],
  /* 8 */ ["C007", "周九", "", "ABC", 1, 60, "2024-04-02", "", "", "深圳"],
  /* 9 */ ["C010", "李四", "138****5678", "", 2, 200, "2024-01-01", "2024-01-02", "", "北京"],
];

const table = (): RawTable => ({ headers: HEADERS.slice(), rows: ROWS.map((r) => r.slice()) });
const clean = (t: RawTable, mode: "keepLatest" | "merge" = "keepLatest"): CleaningReport => {
  const s = defaultCleaningSettings();
  s.duplicates.resolve = mode;
  return cleanTable(t, detectFields(t.headers), s, { asOf: AS_OF });
};
const sets = (fixes: Fix[] | undefined) =>
  (fixes ?? []).map((f) =>
    f.op === "set" ? ["set", f.row, HEADERS[f.column], f.after] : ["remove", f.row, f.keptRow, f.rule]
  );

describe("duplicate groups", () => {
  const r = clean(table());

  test("exact rows, rows equal but for the id, and records of the same customer are told apart", () => {
    expect(r.duplicateGroups.map((g) => [g.kind, g.rows, g.keys ?? []])).toEqual([
      ["duplicateRow", [0, 1], []],
      ["sameCustomer", [0, 1, 2], ["id", "phone", "creditCode"]],
      ["duplicateButId", [3, 9], []],
      ["sameCustomer", [5, 6], ["creditCode"]],
    ]);
    expect(r.counts).toMatchObject({ duplicateRow: 2, duplicateButId: 2, sameCustomer: 5 });
    expect(r.summary.duplicates).toBe(4); // {0,1,2} → 2, {3,9} → 1, {5,6} → 1
  });

  test("the phone key is digits only without +86; masked phones are no key", () => {
    const g = r.duplicateGroups.find((x) => x.kind === "sameCustomer" && x.rows.includes(2));
    expect(g?.values).toContain("phone:13812345678");
    // Rows 3 and 4 end in the same 4 digits but are masked: not the same customer.
    expect(r.duplicateGroups.some((x) => x.rows.includes(3) && x.rows.includes(4))).toBe(false);
  });

  test("invalid 统一社会信用代码 are findings of their own", () => {
    expect(r.counts.invalidCreditCode).toBe(2);
    expect((r.samples.invalidCreditCode ?? []).map((f) => [f.row, f.detail])).toEqual([
      [7, "check"],
      [8, "form"],
    ]);
  });

  test("keep-latest keeps the record with the latest 最后更新时间 (bottom-most on a tie)", () => {
    expect(sets(r.fixes.sameCustomer)).toEqual([
      ["remove", 0, 2, "keepLatest"],
      ["remove", 1, 2, "keepLatest"],
      ["remove", 5, 6, "keepLatest"],
    ]);
    expect(sets(r.fixes.duplicateButId)).toEqual([["remove", 9, 3, "keepFirst"]]);
    expect(r.fixes.duplicateRow).toBeUndefined(); // rows 0 and 1 are resolved with their customer
  });

  test("merge sums F and M over distinct records, takes the latest dates and the union of tags", () => {
    const m = clean(table(), "merge");
    expect(sets(m.fixes.sameCustomer)).toEqual([
      ["set", 0, "近6个月消费频次", 8], // 5 (rows 0 and 1 are one record) + 3
      ["set", 0, "累计消费金额(元)", 1500],
      ["set", 0, "上一次购买时间", "2024-05-20"],
      ["set", 0, "最后更新时间", "2024-05-21"],
      ["set", 0, "兴趣爱好", "运动、旅游、美食"],
      ["remove", 1, 0, "merge"],
      ["remove", 2, 0, "merge"],
      ["set", 5, "近6个月消费频次", 10],
      ["set", 5, "累计消费金额(元)", 1700],
      ["set", 5, "上一次购买时间", "2024-03-02"],
      ["remove", 6, 5, "merge"],
    ]);
  });

  test("resolveDuplicates switches the mode without cleaning again, and is pure", () => {
    const t = table();
    const before = JSON.stringify(t);
    const merged = resolveDuplicates(t, r.columns, r.duplicateGroups, "merge", AS_OF);
    expect(merged.sameCustomer).toEqual(clean(table(), "merge").fixes.sameCustomer);
    expect(JSON.stringify(t)).toBe(before);
  });

  test("in an orders table many rows per customer are no duplicates; equal lines are", () => {
    const orders: RawTable = {
      headers: ["订单号", "客户ID", "下单日期", "金额"],
      rows: [
        ["A1", "C1", "2024-05-01", 100],
        ["A2", "C1", "2024-05-02", 100],
        ["A2", "C1", "2024-05-02", 100],
      ],
    };
    const o = cleanTable(orders, detectFields(orders.headers), defaultCleaningSettings(), { asOf: AS_OF });
    expect(o.kind).toBe("orders");
    expect(o.duplicateGroups).toEqual([{ kind: "duplicateRow", rows: [1, 2] }]);
    expect(sets(o.fixes.duplicateRow)).toEqual([["remove", 2, 1, "keepFirst"]]);
  });

  test("equal lines are those whose cells are equal, text compared trimmed (fast-check against plain keys)", () => {
    // Cells that are equal only when trimmed, numbers that look like texts, -0 and 0, blanks.
    const cell = fc.constantFrom<CellValue>(
      "A1",
      " A1",
      "A1 ",
      "a1",
      "1",
      1,
      1.5,
      0,
      -0,
      "",
      " ",
      true,
      "true",
      "C1",
      "C1\u3000",
      45_000
    );
    const key = (row: CellValue[]) =>
      row.map((v) => (typeof v === "string" ? v.trim() : `${typeof v}:${String(v)}`)).join("\u0001");
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 4, maxLength: 4 }), { minLength: 2, maxLength: 40 }), (rows) => {
        const orders: RawTable = {
          headers: ["订单号", "客户ID", "下单日期", "金额"],
          rows: rows.map((r) => r.slice()),
        };
        const o = cleanTable(orders, detectFields(orders.headers), defaultCleaningSettings(), { asOf: AS_OF });
        const byKey = new Map<string, number[]>();
        rows.forEach((r, i) => {
          if (r.every((v) => typeof v === "string" && v.trim() === "")) return; // blank lines are no lines
          byKey.set(key(r), [...(byKey.get(key(r)) ?? []), i]);
        });
        const expected = [...byKey.values()].filter((g) => g.length > 1).sort((a, b) => a[0] - b[0]);
        expect(o.duplicateGroups.filter((g) => g.kind === "duplicateRow").map((g) => g.rows)).toEqual(expected);
      }),
      { numRuns: 500, seed: 3 }
    );
  });

  test("duplicate keys can be switched off", () => {
    const s = defaultCleaningSettings();
    s.duplicates.keys = ["id"];
    const only = cleanTable(table(), detectFields(HEADERS), s, { asOf: AS_OF });
    expect(only.duplicateGroups.filter((g) => g.kind === "sameCustomer")).toEqual([]);
  });
});
