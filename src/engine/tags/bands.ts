/**
 * High / middle / low by two thresholds, the documents' rule: high ⇔ value > high threshold,
 * low ⇔ value < low threshold, middle otherwise (low ≤ value ≤ high). Without thresholds from the
 * settings, the data's tertiles are used: R's type-7 quantiles at 1/3 and 2/3 of the known values.
 * Equal values always get the same band; when all values are equal (or there is one), all are middle.
 */
import type { BandThresholds } from "../config";
import { quantileType7, sortedKnown } from "../rfm/quantile";
import type { Level } from "./labels";

export function tertileThresholds(values: ReadonlyArray<number | null>): BandThresholds | null {
  const sorted = sortedKnown(values);
  if (sorted.length === 0) return null;
  return { low: quantileType7(sorted, 1 / 3), high: quantileType7(sorted, 2 / 3) };
}

export function band(value: number | null, t: BandThresholds | null): Level | null {
  if (value === null || Number.isNaN(value) || t === null) return null;
  if (value > t.high) return "high";
  if (value < t.low) return "low";
  return "mid";
}

/**
 * Bands of every value, with the thresholds used (the given ones, else the tertiles — of the values
 * `estimate` marks, when given: cleaning keeps outliers out of threshold estimation).
 */
export function bands(
  values: ReadonlyArray<number | null>,
  given?: BandThresholds,
  estimate?: Uint8Array | null
): { levels: Array<Level | null>; thresholds: BandThresholds | null } {
  const thresholds = given ?? tertileThresholds(estimate ? values.filter((_, i) => estimate[i] === 1) : values);
  return { levels: values.map((v) => band(v, thresholds)), thresholds };
}
