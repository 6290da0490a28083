/**
 * Scores as the R package rfm scores them (rsquaredacademy/rfm, rfm_table_order / rfm_table_customer,
 * helpers bins(), bins_lower(), bins_upper() in R/utils.R), so that users moving from R get the same
 * scores:
 *
 *   breaks  = quantile(x, c(.2, .4, .6, .8)) + 1          (R's type 7)
 *   bins    = [min, b1) [b1, b2) [b2, b3) [b3, b4) [b4, max + 1)
 *   F, M    = 1 … 5 from the lowest bin up;  R (days) = 5 … 1 from the lowest bin up (reverse).
 *
 * Every break exceeds the minimum (a quantile is ≥ min, plus 1) and the top bin ends above the
 * maximum, so a value's bin is simply the number of breaks ≤ it; equal breaks leave a bin empty, as
 * in R. Ties always share a score. Unknown values (never purchased, unreadable) are left out of the
 * breaks and score 1, where R would give NA.
 */
import type { RfmFigures } from "./figures";
import { quantileType7, sortedKnown } from "./quantile";
import type { Better, RfmScores } from "./scores";

export const R_PACKAGE_PROBS = [0.2, 0.4, 0.6, 0.8] as const;

/** The four breaks of `bins(data, value, 5)`: type-7 quantiles at 20/40/60/80 % plus 1. */
export function rPackageBreaks(values: ReadonlyArray<number | null>): number[] {
  const sorted = sortedKnown(values);
  if (sorted.length === 0) return [];
  return R_PACKAGE_PROBS.map((p) => quantileType7(sorted, p) + 1);
}

export function rPackageScores(values: ReadonlyArray<number | null>, better: Better): Uint8Array {
  return rPackageBins(values, better, rPackageBreaks(values));
}

/** Each value's score from given breaks: its bin, counted from the top for "lower is better"; unknown = 1. */
export function rPackageBins(values: ReadonlyArray<number | null>, better: Better, breaks: number[]): Uint8Array {
  const out = new Uint8Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === null || Number.isNaN(v)) {
      out[i] = 1;
      continue;
    }
    let bin = 0;
    for (const b of breaks) if (b <= v) bin++;
    out[i] = better === "higher" ? bin + 1 : 5 - bin;
  }
  return out;
}

export function rPackageRfmScores(customers: readonly RfmFigures[]): RfmScores {
  return {
    r: rPackageScores(
      customers.map((c) => c.recencyDays),
      "lower"
    ),
    f: rPackageScores(
      customers.map((c) => c.frequency),
      "higher"
    ),
    m: rPackageScores(
      customers.map((c) => c.monetary),
      "higher"
    ),
  };
}
