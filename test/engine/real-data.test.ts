/**
 * Header recognition and the pipeline on the real data sets in ../shared/data (sources and quirks
 * in shared/data/SOURCES.md). Cells are given as text, as a CSV import would give them.
 */
import * as fs from "fs";
import * as path from "path";
import Papa from "papaparse";
import { defaultSettings } from "../../src/engine/config";
import { segment } from "../../src/engine/pipeline";
import { detectFields } from "../../src/engine/schema/detect-fields";
import { detectKind, missingFields } from "../../src/engine/schema/detect-kind";
import type { RawTable } from "../../src/engine/types";

const DATA = path.resolve(process.env.SEGMENT_SHEET_SHARED ?? path.resolve(__dirname, "../../../shared"), "data");

function load(file: string, delimiter?: string): RawTable {
  const full = path.join(DATA, file);
  if (!fs.existsSync(full)) throw new Error(`data file not found: ${full} (set SEGMENT_SHEET_SHARED)`);
  const text = fs.readFileSync(full, "utf8"); // sample-orders.csv is Mac Roman, but its header is ASCII
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: true, delimiter });
  const [headers, ...rows] = parsed.data;
  return { headers, rows };
}

describe("real headers", () => {
  test.each<[string, string | undefined, "orders" | "customers" | null]>([
    ["derived/rfm_data_orders.csv", undefined, "orders"],
    ["derived/rfm_data_customer.csv", undefined, "customers"],
    ["derived/online_retail_germany_france.csv", undefined, "orders"],
    ["online_retail_sample.csv", undefined, "orders"],
    ["sample-orders.csv", undefined, "orders"],
    ["Mall_Customers.csv", undefined, null],
    ["tmall_order_report.csv", undefined, null],
    ["marketing_campaign.csv", "\t", null],
  ])("%s is %p", (file, delimiter, kind) => {
    const { headers } = load(file, delimiter);
    expect(detectKind(detectFields(headers))).toBe(kind);
  });

  test("what the non-RFM tables lack is named", () => {
    const mall = detectFields(load("Mall_Customers.csv").headers);
    expect(mall).toEqual({ id: 0, gender: 1, age: 2 });
    expect(missingFields(mall).missing).toEqual(["lastPurchase|recency", "frequency", "monetary"]);
    const tmall = detectFields(load("tmall_order_report.csv").headers);
    expect(missingFields(tmall)).toEqual({ kind: "orders", missing: ["id"] });
  });
});

describe("pipeline on real orders", () => {
  test("Online Retail, Germany and France: 182 customers (SOURCES.md)", () => {
    const t = load("derived/online_retail_germany_france.csv");
    const res = segment(t, defaultSettings(), { asOf: "2011-12-10", lang: "en" });
    if (!res.ok) throw new Error(JSON.stringify(res.error));
    expect(res.value.customers).toHaveLength(182);
    expect(res.value.report.rowsWithoutId).toBe(t.rows.filter((r) => String(r[6]).trim() === "").length);
    expect(res.value.report.issues.filter((i) => i.code !== "MISSING_ID")).toEqual([]);
    expect(res.value.segments.reduce((n, s) => n + s.count, 0)).toBe(182);
  });

  test("rfm package orders: 995 customers (SOURCES.md), revenue read as the order amount", () => {
    const t = load("derived/rfm_data_orders.csv");
    const res = segment(t, defaultSettings(), { asOf: "2007-01-01", lang: "zh-CN" });
    if (!res.ok) throw new Error(JSON.stringify(res.error));
    expect(res.value.fields).toMatchObject({ id: 0, orderDate: 1, amount: 2 });
    expect(res.value.customers).toHaveLength(995);
    const total = t.rows.reduce((n, r) => n + Number(r[2]), 0);
    expect(res.value.customers.reduce((n, c) => n + c.monetary, 0)).toBeCloseTo(total, 6);
  });
});
