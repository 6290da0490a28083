/**
 * Outliers (异常值) in the money columns — 消费金额 / 累计消费金额 (monetary), an order's amount,
 * 平均客单价, 收入 (income); an orders table without an amount column uses quantity × unit price,
 * reported on the unit-price column:
 * - "mean": the documents' rule, 消费金额超均值3倍: a value above meanMultiple × the column's mean;
 * - "iqr": the robust rule, outside [Q1 − k·IQR, Q3 + k·IQR] with k = iqrMultiple (1.5), the
 *   quartiles interpolated linearly between order statistics (Hyndman & Fan type 7, the default of
 *   R, NumPy and pandas).
 * Outliers are flagged, never deleted or changed; with excludeFromThresholds their rows form the
 * mask that keeps them out of threshold estimation.
 */
import type { TableKind } from "../types";
import type { Collector } from "./collector";
import { cellAt, type ParsedTable } from "./normalize";
import type { CleaningSettings, ColumnRole } from "./types";

const MONEY: readonly ColumnRole[] = ["monetary", "amount", "avgOrderValue", "income"];

/** Quantile p of ascending values, type 7. */
export function quantile(sorted: ArrayLike<number>, p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

export interface OutlierResult {
  /** Rows flagged by any rule, ascending. */
  rows: number[];
  /** Rows to keep out of threshold estimation, ascending. */
  mask: number[];
}

/** The money columns to check: [column reported on, values per row (NaN = none), note]. */
function moneyColumns(parsed: ParsedTable, kind: TableKind): Array<[number, Float64Array, string]> {
  const { profiles, numbers } = parsed;
  const out: Array<[number, Float64Array, string]> = [];
  profiles.forEach((p, col) => {
    const nums = numbers[col];
    if (p.kind === "number" && p.role !== undefined && MONEY.includes(p.role) && nums) out.push([col, nums, p.role]);
  });
  const colOf = (role: ColumnRole) => profiles.findIndex((p) => p.role === role);
  const q = colOf("quantity");
  const price = colOf("unitPrice");
  if (kind === "orders" && colOf("amount") < 0 && q >= 0 && price >= 0) {
    const qn = numbers[q] as Float64Array;
    const pn = numbers[price] as Float64Array;
    out.push([price, qn.map((x, r) => x * pn[r]), "quantity×unitPrice"]);
  }
  return out;
}

export function flagOutliers(
  parsed: ParsedTable,
  kind: TableKind,
  settings: CleaningSettings,
  out: Collector
): OutlierResult {
  const { rules, meanMultiple, iqrMultiple } = settings.outliers;
  const flagged = new Uint8Array(parsed.table.rows.length);
  for (const [col, nums, note] of moneyColumns(parsed, kind)) {
    const values = nums.filter((x) => Number.isFinite(x));
    if (values.length === 0) continue;
    const flag = (k: "outlierMean" | "outlierIqr", test: (v: number) => boolean, detail: string) => {
      nums.forEach((v, r) => {
        if (!Number.isFinite(v) || !test(v)) return;
        flagged[r] = 1;
        out.find({
          kind: k,
          row: r,
          column: col,
          value: cellAt(parsed.table, r, col),
          detail: `${note} ${v} ${detail}`,
        });
      });
    };
    if (rules.includes("mean")) {
      const mean = values.reduce((a, b) => a + b, 0) / values.length;
      const limit = meanMultiple * mean;
      if (mean > 0) flag("outlierMean", (v) => v > limit, `> ${meanMultiple} × mean ${round(mean)}`);
    }
    if (rules.includes("iqr")) {
      values.sort(); // a typed array sorts numerically
      const q1 = quantile(values, 0.25);
      const q3 = quantile(values, 0.75);
      const lo = q1 - iqrMultiple * (q3 - q1);
      const hi = q3 + iqrMultiple * (q3 - q1);
      flag("outlierIqr", (v) => v < lo || v > hi, `outside [${round(lo)}, ${round(hi)}]`);
    }
  }
  const rows: number[] = [];
  flagged.forEach((f, r) => {
    if (f) rows.push(r);
  });
  return { rows, mask: settings.outliers.excludeFromThresholds ? rows : [] };
}

const round = (x: number) => Math.round(x * 100) / 100;
