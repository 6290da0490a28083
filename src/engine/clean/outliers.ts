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

/** Moves the k-th smallest value of a[from..to] to a[k], smaller ones before it, larger after (Hoare). */
function select(a: Float64Array, k: number): void {
  let from = 0;
  let to = a.length - 1;
  while (to > from) {
    const mid = (from + to) >> 1;
    // median of three as the pivot
    const x = a[from];
    const y = a[mid];
    const z = a[to];
    const pivot = x < y ? (y < z ? y : x < z ? z : x) : x < z ? x : y < z ? z : y;
    let i = from;
    let j = to;
    while (i <= j) {
      while (a[i] < pivot) i++;
      while (a[j] > pivot) j--;
      if (i <= j) {
        const t = a[i];
        a[i] = a[j];
        a[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) to = j;
    else if (k >= i) from = i;
    else return;
  }
}

/**
 * quantile(p) of `values` (type 7, as `quantile` on the sorted values) by selection, in O(n) instead of
 * a sort: the two order statistics it interpolates between. Reorders `values`.
 */
export function selectQuantile(values: Float64Array, p: number): number {
  const h = (values.length - 1) * p;
  const lo = Math.floor(h);
  select(values, lo);
  const low = values[lo];
  if (lo + 1 >= values.length || h === lo) return low;
  let high = Infinity;
  for (let i = lo + 1; i < values.length; i++) if (values[i] < high) high = values[i];
  return low + (h - lo) * (high - low);
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
    let count = 0;
    let sum = 0;
    for (let r = 0; r < nums.length; r++) {
      const v = nums[r];
      if (Number.isFinite(v)) {
        count++;
        sum += v;
      }
    }
    if (count === 0) continue;
    /** Flags the values outside [lo, hi]. */
    const flag = (k: "outlierMean" | "outlierIqr", lo: number, hi: number, detail: string) => {
      for (let r = 0; r < nums.length; r++) {
        const v = nums[r];
        if (!(v < lo || v > hi)) continue; // NaN (no value) is neither
        flagged[r] = 1;
        if (!out.wants(k)) {
          out.tally(k);
          continue;
        }
        out.find({
          kind: k,
          row: r,
          column: col,
          value: cellAt(parsed.table, r, col),
          detail: `${note} ${v} ${detail}`,
        });
      }
    };
    if (rules.includes("mean")) {
      const mean = sum / count;
      const limit = meanMultiple * mean;
      if (mean > 0) flag("outlierMean", -Infinity, limit, `> ${meanMultiple} × mean ${round(mean)}`);
    }
    if (rules.includes("iqr")) {
      const values = new Float64Array(count);
      for (let r = 0, i = 0; r < nums.length; r++) if (Number.isFinite(nums[r])) values[i++] = nums[r];
      const q1 = selectQuantile(values, 0.25);
      const q3 = selectQuantile(values, 0.75);
      const lo = q1 - iqrMultiple * (q3 - q1);
      const hi = q3 + iqrMultiple * (q3 - q1);
      flag("outlierIqr", lo, hi, `outside [${round(lo)}, ${round(hi)}]`);
    }
  }
  const rows: number[] = [];
  for (let r = 0; r < flagged.length; r++) if (flagged[r]) rows.push(r);
  return { rows, mask: settings.outliers.excludeFromThresholds ? rows : [] };
}

const round = (x: number) => Math.round(x * 100) / 100;
