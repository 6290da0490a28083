/**
 * The messy template (test/fixtures/dirty/template.ts) read as Excel returns it — through src/excel's
 * readTable over the xlsx-host: the title rows skipped, numbers and dates as Excel stores them
 * (serials for real dates), everything else as text — then through the existing segment() and
 * through cleanTable/applyFixes.
 *
 * The expected R, F and M are worked out by hand from the cells, with days counted by Date.UTC:
 *   C001  上一次购买时间 = Excel date 2024-05-10 → R = 22;  "５次" → F 5;   "4,200元" → M 4200
 *   C002  "2024年4月2日"                     → R = 60;  12    → F 12;  "1.2万"   → M 12000
 *   C003  "2024/3/15"                        → R = 78;  "3次" → F 3;   "¥1,500"  → M 1500
 *   C004  Excel date 2024-05-31              → R = 1;   "8次" → F 8;   "0.5万元" → M 5000
 *   C005  no purchase record: every purchase cell blank.
 */
import { defaultSettings } from "../../src/engine/config";
import { applyFixes, cleanTable, defaultCleaningSettings, type CleaningReport } from "../../src/engine/clean";
import { segment } from "../../src/engine/pipeline";
import { detectFields } from "../../src/engine/schema/detect-fields";
import type { CustomerRfm, RawTable } from "../../src/engine/types";
import { readTable } from "../../src/excel/read-table";
import { HostWorkbook } from "../../src/xlsx-host";
import { dirtyTemplate, TEMPLATE_AS_OF, TEMPLATE_SHEET } from "../fixtures/dirty/template";

const day = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d) / 86_400_000;
const asOf = day(2024, 6, 1);

const EXPECTED: Record<string, { recencyDays: number | null; frequency: number; monetary: number }> = {
  C001: { recencyDays: asOf - day(2024, 5, 10), frequency: 5, monetary: 4200 },
  C002: { recencyDays: asOf - day(2024, 4, 2), frequency: 12, monetary: 12000 },
  C003: { recencyDays: asOf - day(2024, 3, 15), frequency: 3, monetary: 1500 },
  C004: { recencyDays: asOf - day(2024, 5, 31), frequency: 8, monetary: 5000 },
};

let table: RawTable;
let report: CleaningReport;

beforeAll(async () => {
  const wb = await HostWorkbook.fromXlsx(await dirtyTemplate());
  const read = await wb.run((context) => readTable(context, TEMPLATE_SHEET));
  table = read.table;
  report = cleanTable(table, detectFields(table.headers), defaultCleaningSettings(), { asOf: TEMPLATE_AS_OF });
});

const figures = (c: CustomerRfm) => ({ recencyDays: c.recencyDays, frequency: c.frequency, monetary: c.monetary });

test("the RawTable is shaped as Excel returns it", () => {
  expect(table.headers[0]).toBe("客户编号");
  expect(table.rows).toHaveLength(5);
  expect(typeof table.rows[0][8]).toBe("number"); // a real date is a serial
  expect(table.rows[0][3]).toBe("35岁");
  expect(table.rows[1][8]).toBe("2024年4月2日");
  expect(table.numberFormats?.[8]).toBe("yyyy/m/d");
});

test("segment() gives the right R, F and M for every customer", () => {
  expect([EXPECTED.C001.recencyDays, EXPECTED.C002.recencyDays, EXPECTED.C003.recencyDays]).toEqual([22, 60, 78]);
  const res = segment(table, defaultSettings(), { asOf: TEMPLATE_AS_OF, lang: "zh-CN" });
  if (!res.ok) throw new Error(JSON.stringify(res.error));
  const byId = new Map(res.value.customers.map((c) => [c.id, c]));
  for (const [id, want] of Object.entries(EXPECTED)) {
    expect(figures(byId.get(id) as CustomerRfm)).toEqual(want);
    expect(byId.get(id)?.missing).toBeUndefined();
  }
  // No purchase record: the documents' rule (客户无消费记录可标记为‘新客户’) — F = M = 0, no purchase date,
  // and 新客户 instead of an RFM class.
  expect(byId.get("C005")).toMatchObject({ frequency: 0, monetary: 0, recencyDays: null, missing: ["recency"] });
  expect(byId.get("C005")).toMatchObject({ rfmCode: "—", rfmLabel: "新客户" });
  expect(res.value.cleaning.noPurchaseCustomers).toBe(1);
});

test("cleaning reads the same cells and proposes their plain forms", () => {
  const col = (h: string) => table.headers.indexOf(h);
  const fixesAt = (kind: keyof CleaningReport["fixes"], c: number) =>
    (report.fixes[kind] ?? [])
      .filter((f) => f.op === "set" && f.column === c)
      .map((f) => (f.op === "set" ? [f.before, f.after] : []));
  expect(report.summary.unparsed).toBe(0);
  expect(fixesAt("normalizeNumber", col("近6个月消费频次"))).toEqual([
    ["５次", 5],
    ["3次", 3],
    ["8次", 8],
  ]);
  expect(fixesAt("normalizeNumber", col("累计消费金额(元)"))).toEqual([
    ["4,200元", 4200],
    ["1.2万", 12000],
    ["¥1,500", 1500],
    ["0.5万元", 5000],
  ]);
  expect(fixesAt("normalizeNumber", col("年龄"))).toEqual([
    ["35岁", 35],
    ["42岁", 42],
  ]);
  expect(fixesAt("normalizeDate", col("上一次购买时间"))).toEqual([
    ["2024年4月2日", "2024-04-02"],
    ["2024/3/15", "2024-03-15"],
  ]);
  expect(fixesAt("normalizeGender", col("性别"))).toEqual([
    ["F", "女"],
    ["M", "男"],
  ]);
  expect(fixesAt("normalizeCity", col("所在城市"))).toEqual([
    ["上海市", "上海"],
    ["广东省深圳市", "深圳"],
    ["杭州市", "杭州"],
  ]);
});

test("missing values: the documents' rules first, then the median", () => {
  const col = (h: string) => table.headers.indexOf(h);
  const fills = (kind: "fillRule" | "fillMedian") =>
    (report.fixes[kind] ?? []).map((f) => (f.op === "set" ? [f.row, table.headers[f.column], f.after, f.rule] : []));
  expect(report.newCustomerRows).toEqual([4]);
  expect(fills("fillRule")).toEqual([
    [4, "近6个月消费频次", 0, "noPurchase"],
    [4, "累计消费金额(元)", 0, "noPurchase"],
    [4, "客户类型", "新客户", "noPurchase"],
    [1, "性别", "女", "title"], // 王女士
  ]);
  // Ages 35, 28, 42, 31 → median 33 for C004's blank age.
  expect(fills("fillMedian")).toEqual([[3, "年龄", 33, "median"]]);
  expect(report.summary.filled).toBe(5);
  // C005's blank purchase date is explained by the rule, not reported as missing.
  expect((report.samples.missingValue ?? []).filter((f) => f.column === col("上一次购买时间"))).toEqual([]);
});

test("privacy: unmasked phones are masked on request, keeping the last 4 digits", () => {
  expect((report.fixes.maskPhone ?? []).map((f) => (f.op === "set" ? [f.before, f.after] : []))).toEqual([
    [13812345678, "138****5678"],
    ["+86 137-0000-1111", "137****1111"],
  ]);
  expect(report.counts.unmaskedPhone).toBe(2);
});

test("after the accepted fixes the same customers have the same R, F and M, and C005 has F = M = 0", () => {
  const cleaned = applyFixes(table, report, [
    "normalizeNumber",
    "normalizeDate",
    "normalizeGender",
    "normalizeCity",
    "fillRule",
    "fillMedian",
    "maskPhone",
  ]);
  expect(cleaned.rows[0][6]).toBe(5);
  expect(cleaned.rows[1][8]).toBe("2024-04-02");
  expect(table.rows[0][6]).toBe("５次"); // the input is untouched
  const res = segment(cleaned, defaultSettings(), { asOf: TEMPLATE_AS_OF, lang: "zh-CN" });
  if (!res.ok) throw new Error(JSON.stringify(res.error));
  const byId = new Map(res.value.customers.map((c) => [c.id, c]));
  for (const [id, want] of Object.entries(EXPECTED)) expect(figures(byId.get(id) as CustomerRfm)).toEqual(want);
  expect(byId.get("C005")).toMatchObject({ frequency: 0, monetary: 0, recencyDays: null, missing: ["recency"] });
});
