/**
 * Cleaning the dirty real files of ../shared/data (SOURCES.md): every asserted count comes from
 * scripts/clean-expected.py, a pandas calculation sharing no code with the engine, over the same
 * file. The tables are loaded as a text import gives them (test/fixtures/dirty/shared-data.ts:
 * every cell a string, headers as written); Tmall is also loaded through HostWorkbook.fromCsv,
 * as the CLI opens a CSV, to show the findings do not depend on the loader.
 */
import { defaultSettings } from "../../src/engine/config";
import { applyFixes, cleanTable, defaultCleaningSettings, type CleaningReport } from "../../src/engine/clean";
import { segment } from "../../src/engine/pipeline";
import { detectFields } from "../../src/engine/schema/detect-fields";
import type { CellValue, RawTable } from "../../src/engine/types";
import { HostWorkbook } from "../../src/xlsx-host";
import * as fs from "fs";
import { expectedCleaning, loadAsText, sharedFile, type ExpectedCleaning } from "../fixtures/dirty/shared-data";
import { sheetValues } from "../helpers/workbook";
import { readTable } from "../../src/excel/read-table";

let expected: ExpectedCleaning;
beforeAll(() => {
  expected = expectedCleaning();
});

const clean = (t: RawTable, asOf: string): CleaningReport =>
  cleanTable(t, detectFields(t.headers), defaultCleaningSettings(), { asOf });

const rowsOf = (r: CleaningReport, kind: keyof CleaningReport["counts"]) => r.counts[kind] ?? 0;

describe("marketing_campaign.csv (tab-separated, dd-mm-yyyy, iFood case)", () => {
  let t: RawTable;
  let r: CleaningReport;
  beforeAll(() => {
    t = loadAsText("marketing_campaign.csv", "\t");
    // The data's last Dt_Customer is 2014-06-29; ages count from the end of that year.
    r = clean(t, "2014-12-31");
  });

  test("24 empty incomes are filled with the median, each as a fix", () => {
    const e = expected.marketing_campaign;
    expect(rowsOf(r, "fillMedian")).toBe(e.income_blank);
    const income = t.headers.indexOf("Income");
    const fills = r.fixes.fillMedian ?? [];
    expect(fills).toHaveLength(e.income_blank);
    for (const f of fills) {
      expect(f).toMatchObject({ op: "set", column: income, before: "", after: e.income_median, rule: "median" });
    }
    expect(r.summary.filled).toBe(e.income_blank);
  });

  test("birth years 1893, 1899, 1900 are implausible", () => {
    const found = (r.samples.implausible ?? []).map((f) => Number(f.value)).sort();
    expect(rowsOf(r, "implausible")).toBe(expected.marketing_campaign.birth_year_implausible.length);
    expect(found).toEqual(expected.marketing_campaign.birth_year_implausible);
  });

  test("income 666666 is an outlier by both rules and kept out of thresholds", () => {
    const e = expected.marketing_campaign;
    expect(rowsOf(r, "outlierMean")).toBe(e.income_mean_outliers);
    expect(rowsOf(r, "outlierIqr")).toBe(e.income_iqr_outliers);
    const row666 = t.rows.findIndex((row) => row[4] === String(e.income_max));
    expect(r.samples.outlierMean?.some((f) => f.row === row666)).toBe(true);
    expect(r.samples.outlierIqr?.some((f) => f.row === row666)).toBe(true);
    // The documents' rule is the stricter one here: every 3 × mean outlier is an IQR outlier too.
    expect(r.summary.outliers).toBe(e.income_iqr_outliers);
    expect(r.thresholdMask).toContain(row666);
    expect(r.summary.excluded).toBe(r.thresholdMask.length);
  });

  test("358 rows duplicate another row but for the ID: 176 groups, 182 records to remove", () => {
    const e = expected.marketing_campaign;
    expect(rowsOf(r, "duplicateButId")).toBe(e.dup_but_id_rows);
    expect(r.duplicateGroups.filter((g) => g.kind === "duplicateButId")).toHaveLength(e.dup_but_id_groups);
    expect(rowsOf(r, "duplicateRow")).toBe(e.exact_dup_rows);
    expect(rowsOf(r, "sameCustomer")).toBe(0);
    expect(r.summary.duplicates).toBe(e.dup_but_id_redundant);
    const removals = r.fixes.duplicateButId ?? [];
    expect(removals).toHaveLength(e.dup_but_id_redundant);
    expect(removals.every((f) => f.op === "removeRow" && f.rule === "keepFirst")).toBe(true);
    // Applying them leaves no such duplicate.
    const cleaned = applyFixes(t, r, ["duplicateButId"]);
    expect(cleaned.rows).toHaveLength(e.rows - e.dup_but_id_redundant);
    expect(clean(cleaned, "2014-12-31").counts.duplicateButId ?? 0).toBe(0);
  });

  test("Dt_Customer is read day-first, decided from the column's values", () => {
    expect(r.counts.dateSwapSuspect).toBeUndefined(); // text only: nothing Excel converted
    const e = expected.marketing_campaign;
    expect(e.dt_second_over_12).toBe(0); // nothing speaks for month-first
    const col = t.headers.indexOf("Dt_Customer");
    expect(r.columns[col]).toMatchObject({ kind: "date", dateOrder: "dmy", unparsed: 0 });
    expect(r.samples.dateOrderDecided).toEqual([
      expect.objectContaining({ row: -1, column: col, detail: `dmy: ${e.dt_first_over_12} of ${e.rows} cells` }),
    ]);
    // "04-09-2012" is 4 September 2012.
    expect(r.fixes.normalizeDate?.[0]).toMatchObject({
      row: 0,
      column: col,
      before: "04-09-2012",
      after: "2012-09-04",
    });
    expect(rowsOf(r, "normalizeDate")).toBe(e.rows);
  });

  test("through en-US Excel (HostWorkbook.fromCsv + readTable): swapped dates are suspected", async () => {
    const e = expected.marketing_campaign;
    const wb = HostWorkbook.fromCsv(fs.readFileSync(sharedFile("marketing_campaign.csv")), "marketing");
    const read = await wb.run((context) => readTable(context, "marketing"));
    const x = clean(read.table, "2014-12-31");
    const col = read.table.headers.indexOf("Dt_Customer");
    // Excel turned "04-09-2012" into 9 April 2012 (a serial) and left "21-08-2013" as text.
    expect(typeof read.table.rows[0][col]).toBe("number");
    expect(read.table.rows[2][col]).toBe("21-08-2013");
    expect(x.columns[col]).toMatchObject({ kind: "date", dateOrder: "dmy", unparsed: 0 });
    expect(x.counts.dateSwapSuspect).toBe(e.dt_both_le_12);
    expect(x.samples.dateSwapSuspect?.[0]).toMatchObject({ row: 0, column: col, detail: "2012-04-09" });
    expect(x.counts.normalizeDate).toBe(e.dt_first_over_12);
    // The other findings do not depend on the loader.
    expect(x.counts.fillMedian).toBe(e.income_blank);
    expect(x.counts.duplicateButId).toBe(e.dup_but_id_rows);
    expect(x.counts.implausible).toBe(e.birth_year_implausible.length);
    expect(x.counts.outlierIqr).toBe(e.income_iqr_outliers);
    expect(x.counts.normalizeNumber ?? 0).toBe(0); // Excel made the numbers numbers
  });

  test("constant columns, rare categories and numbers stored as text", () => {
    const e = expected.marketing_campaign;
    expect((r.samples.constantColumn ?? []).map((f) => f.value)).toEqual(e.constant_columns);
    expect(rowsOf(r, "rareCategory")).toBe(e.rare_category_rows);
    expect(new Set((r.samples.rareCategory ?? []).map((f) => f.value))).toEqual(new Set(["Alone", "Absurd", "YOLO"]));
    expect(rowsOf(r, "normalizeNumber")).toBe(e.numeric_text_cells);
    expect(r.summary.unparsed).toBe(0);
  });
});

describe("online_retail_sample.csv (UCI Online Retail, US dates, NA ids)", () => {
  let t: RawTable;
  let r: CleaningReport;
  beforeAll(() => {
    t = loadAsText("online_retail_sample.csv");
    r = clean(t, "2011-12-10");
  });

  test("an orders table: NA ids, cancellations, returns, free lines", () => {
    const e = expected.online_retail_sample;
    expect(r.kind).toBe("orders");
    expect(rowsOf(r, "missingId")).toBe(e.na_ids);
    expect(rowsOf(r, "cancelled")).toBe(e.cancellations);
    expect(rowsOf(r, "negativeQuantity")).toBe(e.negative_not_cancelled);
    expect(rowsOf(r, "zeroPrice")).toBe(e.zero_price);
    expect(r.samples.cancelled?.every((f) => String(f.value).startsWith("C"))).toBe(true);
  });

  test("InvoiceDate is month-first, decided from the column's values", () => {
    const e = expected.online_retail_sample;
    expect(e.date_first_over_12).toBe(0);
    const col = t.headers.indexOf("InvoiceDate");
    expect(r.columns[col]).toMatchObject({ role: "orderDate", dateOrder: "mdy", unparsed: 0 });
    expect(r.samples.dateOrderDecided?.[0].detail).toBe(`mdy: ${e.date_second_over_12} of ${e.rows} cells`);
    expect(r.fixes.normalizeDate?.[0]).toMatchObject({ before: "10/31/2011 10:42", after: "2011-10-31 10:42" });
  });

  test("spaces, numbers as text and outliers of quantity × unit price", () => {
    const e = expected.online_retail_sample;
    expect(rowsOf(r, "normalizeText")).toBe(e.spaced_text_cells);
    expect(rowsOf(r, "normalizeNumber")).toBe(e.numeric_text_cells);
    expect(rowsOf(r, "outlierMean")).toBe(e.amount_mean_outliers);
    expect(rowsOf(r, "outlierIqr")).toBe(e.amount_iqr_outliers);
    expect(r.summary).toMatchObject({ duplicates: 0, filled: 0, unparsed: 0 });
  });

  test("the RFM pipeline reads the dates in the order cleaning decided, as after normalising them", () => {
    // Month-first was decided from the column's values (never guessed per cell): segment() reads
    // "10/31/2011" as 31 October, exactly as the normalised "2011-10-31".
    const direct = segment(t, defaultSettings(), { asOf: "2011-12-10", lang: "en" });
    if (!direct.ok) throw new Error(JSON.stringify(direct.error));
    const fixed = applyFixes(t, r, ["normalizeDate"]);
    const after = segment(fixed, defaultSettings(), { asOf: "2011-12-10", lang: "en" });
    if (!after.ok) throw new Error(JSON.stringify(after.error));
    expect(after.value.customers).toHaveLength(expected.online_retail_sample.customers);
    const figures = (x: typeof after.value) => x.customers.map((c) => [c.id, c.recencyDays, c.frequency, c.monetary]);
    expect(figures(direct.value)).toEqual(figures(after.value));
    expect(direct.value.report.issues.filter((i) => i.code === "UNPARSED_DATE")).toEqual([]);
    expect(direct.value.cleaning.report.columns[t.headers.indexOf("InvoiceDate")].dateOrder).toBe("mdy");
  });
});

describe("tmall_order_report.csv (Chinese headers, unpaid orders, refunds)", () => {
  test("loaded as text", () => {
    const e = expected.tmall_order_report;
    const t = loadAsText("tmall_order_report.csv");
    const r = clean(t, "2020-03-01");
    expect(r.kind).toBeNull(); // no customer id: RFM is not possible, cleaning still is
    expect(rowsOf(r, "headerSpaces")).toBe(e.header_spaces);
    expect(rowsOf(r, "unpaid")).toBe(e.unpaid);
    expect(rowsOf(r, "refund")).toBe(e.refunds);
    expect(rowsOf(r, "normalizeCity")).toBe(e.region_suffixed);
    expect(rowsOf(r, "outlierMean")).toBe(e.amount_mean_outliers);
    expect(rowsOf(r, "outlierIqr")).toBe(e.amount_iqr_outliers);
    expect(rowsOf(r, "normalizeNumber")).toBe(e.money_text_cells);
    expect(r.summary).toMatchObject({ duplicates: 0, filled: 0, unparsed: 0 });
    const after = new Set((r.fixes.normalizeCity ?? []).map((f) => (f.op === "set" ? f.after : "")));
    expect(after).toEqual(
      new Set([
        "云南",
        "内蒙古",
        "吉林",
        "四川",
        "宁夏",
        "安徽",
        "山东",
        "山西",
        "广东",
        "广西",
        "新疆",
        "江苏",
        "江西",
        "河北",
        "河南",
        "浙江",
        "海南",
        "湖北",
        "湖南",
        "甘肃",
        "福建",
        "西藏",
        "贵州",
        "辽宁",
        "陕西",
        "青海",
        "黑龙江",
      ])
    );
  });

  test("loaded through HostWorkbook.fromCsv: the same unpaid orders and refunds", async () => {
    const e = expected.tmall_order_report;
    const wb = HostWorkbook.fromCsv(fs.readFileSync(sharedFile("tmall_order_report.csv")), "tmall");
    const values = await sheetValues(wb, "tmall");
    const [head, ...rows] = values;
    const t: RawTable = { headers: head.map((h: CellValue) => String(h)), rows };
    const r = clean(t, "2020-03-01");
    expect(rowsOf(r, "headerSpaces")).toBe(e.header_spaces);
    expect(rowsOf(r, "unpaid")).toBe(e.unpaid);
    expect(rowsOf(r, "refund")).toBe(e.refunds);
    expect(rowsOf(r, "normalizeCity")).toBe(e.region_suffixed);
    expect(rowsOf(r, "outlierIqr")).toBe(e.amount_iqr_outliers);
    // Excel made the numbers and dates real: nothing to normalise there.
    expect(rowsOf(r, "normalizeNumber")).toBe(0);
    expect(rowsOf(r, "normalizeDate")).toBe(0);
  });
});
