import {
  applyFixes,
  cleanTable,
  defaultCleaningSettings,
  FIX_ORDER,
  type CleaningReport,
} from "../../src/engine/clean";
import { isSegmentSheetError } from "../../src/engine/errors";
import { detectFields } from "../../src/engine/schema/detect-fields";
import type { RawTable } from "../../src/engine/types";

const AS_OF = "2024-06-01";
const clean = (t: RawTable, settings = defaultCleaningSettings()): CleaningReport =>
  cleanTable(t, detectFields(t.headers), settings, { asOf: AS_OF });

const customers = (): RawTable => ({
  headers: ["客户编号", "性别", "是否会员", "近6个月消费频次", "累计消费金额(元)", "上一次购买时间", " 渠道偏好 "],
  rows: [
    ["Ｃ００１", "M", "Y", "５次", "4,200元", "2024年5月10日", " 线上电商 "],
    ["C002", "女", "是", 3, "abc", "2024-05-11", "线下门店"],
    ["C003", "男", "√", "约5次", 800, "上周", "社群"],
    ["C004", "Female", "N", 2, 300, 45422, "社群"],
  ],
  numberFormats: ["General", "General", "General", "General", "General", "yyyy/m/d", "General"],
});

describe("cleanTable", () => {
  test("every cell is read as its column's kind; the unreadable ones are reported with their position", () => {
    const t = customers();
    const r = clean(t);
    expect((r.samples.unparsed ?? []).map((f) => [f.row, f.column, f.value, f.detail])).toEqual([
      [2, 3, "约5次", "number"],
      [1, 4, "abc", "number"],
      [2, 5, "上周", "date"],
    ]);
    expect(r.summary.unparsed).toBe(3);
    expect(r.columns.map((c) => [c.header, c.role ?? null, c.kind, c.unparsed])).toEqual([
      ["客户编号", "id", "id", 0],
      ["性别", "gender", "gender", 0],
      ["是否会员", null, "boolean", 0],
      ["近6个月消费频次", "frequency", "number", 1],
      ["累计消费金额(元)", "monetary", "number", 1],
      ["上一次购买时间", "lastPurchase", "date", 1],
      [" 渠道偏好 ", expect.any(String), "category", 0],
    ]);
  });

  test("plain forms are proposed per kind", () => {
    const r = clean(customers());
    const pairs = (k: keyof CleaningReport["fixes"]) =>
      (r.fixes[k] ?? []).map((f) => (f.op === "set" ? [f.before, f.after] : []));
    expect(pairs("normalizeText")).toEqual([
      ["Ｃ００１", "C001"],
      [" 线上电商 ", "线上电商"],
    ]);
    expect(pairs("normalizeGender")).toEqual([
      ["M", "男"],
      ["Female", "女"],
    ]);
    expect(pairs("normalizeBoolean")).toEqual([
      ["Y", "是"],
      ["√", "是"],
      ["N", "否"],
    ]);
    expect(pairs("normalizeNumber")).toEqual([
      ["５次", 5],
      ["4,200元", 4200],
    ]);
    expect(pairs("normalizeDate")).toEqual([["2024年5月10日", "2024-05-10"]]);
    expect(r.counts.headerSpaces).toBe(1);
  });

  test("the table is not changed, and the report survives JSON (a Web Worker posts it)", () => {
    const t = customers();
    const before = JSON.stringify(t);
    const r = clean(t);
    expect(JSON.stringify(t)).toBe(before);
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
  });

  test("samples are capped, counts are not", () => {
    const t: RawTable = {
      headers: ["客户编号", "累计消费金额(元)"],
      rows: Array.from({ length: 50 }, (_, i) => [`C${i}`, `${i}元`]),
    };
    const s = defaultCleaningSettings();
    s.sampleSize = 3;
    const r = clean(t, s);
    expect(r.counts.normalizeNumber).toBe(50);
    expect(r.samples.normalizeNumber).toHaveLength(3);
    expect(r.fixes.normalizeNumber).toHaveLength(50);
  });

  test("a bad as-of date is a typed error", () => {
    let caught: unknown;
    try {
      cleanTable(customers(), {}, defaultCleaningSettings(), { asOf: "2024/06/01" });
    } catch (e) {
      caught = e;
    }
    expect(isSegmentSheetError(caught) && caught.error).toEqual({ code: "BAD_AS_OF", params: { value: "2024/06/01" } });
  });

  test("an Excel error value is reported, never filled over; a typed NA is a blank", () => {
    const t: RawTable = {
      headers: ["客户编号", "年龄", "近6个月消费频次", "累计消费金额(元)", "上一次购买时间"],
      rows: [
        ["C1", "#DIV/0!", 1, 100, "2024-05-01"],
        ["C2", "NA", 2, 200, "2024-05-02"],
        ["C3", 40, 3, 300, "2024-05-03"],
      ],
    };
    const r = clean(t);
    expect((r.samples.unparsed ?? []).map((f) => [f.row, f.column, f.detail])).toEqual([[0, 1, "excelError"]]);
    expect((r.fixes.fillMedian ?? []).map((f) => (f.op === "set" ? [f.row, f.column] : []))).toEqual([[1, 1]]);
  });

  test("inferred columns never report unreadable cells", () => {
    const t: RawTable = {
      headers: ["客户编号", "附加信息"],
      rows: [
        ["C1", "12"],
        ["C2", "abc"],
        ["C3", "4,200元"],
      ],
    };
    const r = clean(t);
    expect(r.columns[1]).toMatchObject({ kind: "text", inferred: true, unparsed: 0 });
    expect(r.summary.unparsed).toBe(0);
  });
});

describe("day/month order per column", () => {
  const table = (dates: string[]): RawTable => ({
    headers: ["客户编号", "近6个月消费频次", "累计消费金额(元)", "上一次购买时间"],
    rows: dates.map((d, i) => [`C${i}`, 1, 100, d]),
  });

  test("an ambiguous column is reported and its cells are not read", () => {
    const r = clean(table(["04-05-2024", "05-04-2024", "2024-05-01"]));
    expect(r.columns[3].dateOrder).toBe("ambiguous");
    expect(r.samples.dateOrderAmbiguous).toEqual([
      { kind: "dateOrderAmbiguous", row: -1, column: 3, value: "上一次购买时间", detail: "2 cells" },
    ]);
    expect((r.samples.unparsed ?? []).map((f) => [f.row, f.detail])).toEqual([
      [0, "date:order"],
      [1, "date:order"],
    ]);
  });

  test("the user's order for the column resolves it", () => {
    const s = defaultCleaningSettings();
    s.dateOrders = { 上一次购买时间: "dmy" };
    const r = clean(table(["04-05-2024", "05-04-2024", "2024-05-01"]), s);
    expect(r.columns[3].dateOrder).toBe("dmy");
    expect(r.counts.dateOrderAmbiguous).toBeUndefined();
    expect((r.fixes.normalizeDate ?? []).map((f) => (f.op === "set" ? f.after : ""))).toEqual([
      "2024-05-04",
      "2024-04-05",
    ]);
  });

  test("a column with both orders is a conflict", () => {
    const r = clean(table(["25-05-2024", "05-25-2024"]));
    expect(r.columns[3].dateOrder).toBe("conflict");
    expect(r.samples.dateOrderConflict?.[0].detail).toBe("dmy 1, mdy 1 of 2 cells");
    expect(r.summary.unparsed).toBe(2);
  });
});

describe("applyFixes", () => {
  const t: RawTable = {
    headers: ["客户编号", "手机号", "近6个月消费频次", "累计消费金额(元)", "上一次购买时间"],
    rows: [
      ["C1", "13812345678", "5次", "1,000元", "2024-05-01"],
      ["C2", "13912345678", 2, 200, "2024-04-01"],
      ["C3", "13812345678", "3次", 500, "2024-05-20"],
    ],
    numberFormats: ["General", "General", "General", "General", "General"],
    date1904: false,
  };

  test("only accepted kinds, in a fixed order: a merge writes over the normalised values; rows are removed last", () => {
    const s = defaultCleaningSettings();
    s.duplicates.resolve = "merge";
    const r = clean(t, s);
    const out = applyFixes(t, r, ["normalizeNumber", "sameCustomer"]);
    expect(out.rows).toEqual([
      ["C1", "13812345678", 8, 1500, "2024-05-20"],
      ["C2", "13912345678", 2, 200, "2024-04-01"],
    ]);
    expect(out.numberFormats).toEqual(t.numberFormats);
    expect(out.date1904).toBe(false);
    expect(applyFixes(t, r, ["normalizeNumber"]).rows.map((row) => row[2])).toEqual([5, 2, 3]);
    expect(applyFixes(t, r, []).rows).toEqual(t.rows);
    expect(t.rows[0][2]).toBe("5次");
  });

  test("FIX_ORDER names every fix kind once", () => {
    expect(new Set(FIX_ORDER).size).toBe(FIX_ORDER.length);
  });
});
