/**
 * The matrix k-means runs on: one row per customer with every feature known, each feature
 * transformed and standardised.
 *
 * - Default features: recency days, frequency and monetary. Chosen features (cluster.features) are
 *   headers of the table: a header that names frequency, monetary or recency (or an order amount or
 *   last-purchase date) means the customer's figure; any other header is read as a number per customer
 *   (the first non-blank cell among the customer's rows).
 * - Money and counts (frequency, monetary, 客单价) are right-skewed: they go through log1p when none
 *   is negative. Other features are left as they are.
 * - Standardised to mean 0 and standard deviation 1 (population, as sklearn's StandardScaler); a
 *   constant feature becomes 0.
 * - A customer with a feature unknown is left out of clustering (its cluster is "").
 */
import { parseNumber } from "../parse/number";
import type { Matrix } from "./kmeans";

export type FeatureKind = "recency" | "frequency" | "monetary" | "avgOrderValue" | "other";

export interface FeatureColumn {
  /** Shown in the summary and used for naming: the header, or the figure's name. */
  name: string;
  kind: FeatureKind;
  values: ReadonlyArray<number | null>;
}

export interface FeatureMatrix extends Matrix {
  /** Customer index of every row. */
  customers: Int32Array;
  names: string[];
  kinds: FeatureKind[];
  transforms: Array<"log1p" | "none">;
  /** Mean and standard deviation of each transformed feature (to go back to original units). */
  mean: Float64Array;
  std: Float64Array;
}

const SKEWED: ReadonlySet<FeatureKind> = new Set(["frequency", "monetary", "avgOrderValue"]);

/** Cells → numbers (null when blank or unreadable). */
export const numbersOf = (cells: ReadonlyArray<string | number | boolean>): Array<number | null> =>
  cells.map((c) => parseNumber(c));

export function buildFeatures(columns: readonly FeatureColumn[], customers: number): FeatureMatrix {
  const d = columns.length;
  const rows: number[] = [];
  for (let c = 0; c < customers; c++) {
    if (columns.every((col) => col.values[c] !== null && Number.isFinite(col.values[c] as number))) rows.push(c);
  }
  const n = rows.length;
  const transforms = columns.map((col) =>
    SKEWED.has(col.kind) && rows.every((c) => (col.values[c] as number) >= 0) ? "log1p" : "none"
  ) as Array<"log1p" | "none">;
  const data = new Float64Array(n * d);
  rows.forEach((c, i) => {
    columns.forEach((col, f) => {
      const v = col.values[c] as number;
      data[i * d + f] = transforms[f] === "log1p" ? Math.log1p(v) : v;
    });
  });
  const mean = new Float64Array(d);
  const std = new Float64Array(d);
  for (let f = 0; f < d; f++) {
    let s = 0;
    for (let i = 0; i < n; i++) s += data[i * d + f];
    mean[f] = n > 0 ? s / n : 0;
    let v = 0;
    for (let i = 0; i < n; i++) v += (data[i * d + f] - mean[f]) ** 2;
    std[f] = n > 0 ? Math.sqrt(v / n) : 0;
    for (let i = 0; i < n; i++) data[i * d + f] = std[f] > 0 ? (data[i * d + f] - mean[f]) / std[f] : 0;
  }
  return {
    data,
    n,
    d,
    customers: Int32Array.from(rows),
    names: columns.map((c) => c.name),
    kinds: columns.map((c) => c.kind),
    transforms,
    mean,
    std,
  };
}

/** A standardised value back in the feature's original units. */
export function originalUnits(m: FeatureMatrix, f: number, z: number): number {
  const t = z * m.std[f] + m.mean[f];
  return m.transforms[f] === "log1p" ? Math.expm1(t) : t;
}
