/**
 * The 8 RFM classes: R, F and M each high (1) or low (0), written in the order R, F, M
 * ("011" = R low, F high, M high). Two ways to split:
 * - mean: high ⇔ the customer's score is above the mean of that score over all customers
 *   (compared exactly in integers: score · N > Σ scores);
 * - thresholds: on the raw figures, R high ⇔ days ≤ recencyDays, F high ⇔ frequency ≥ frequency,
 *   M high ⇔ monetary ≥ monetary. An unknown figure is low.
 */
import type { RfmSplit, RfmThresholds } from "../config";
import type { RfmFigures } from "./figures";
import type { RfmScores } from "./scores";

export const rfmCode = (r: boolean, f: boolean, m: boolean): string => `${r ? 1 : 0}${f ? 1 : 0}${m ? 1 : 0}`;

/** high ⇔ score > mean score. */
export function highByMean(scores: ArrayLike<number>): boolean[] {
  const n = scores.length;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += scores[i];
  return Array.from({ length: n }, (_, i) => scores[i] * n > sum);
}

export function classesByMean(scores: RfmScores): string[] {
  const r = highByMean(scores.r);
  const f = highByMean(scores.f);
  const m = highByMean(scores.m);
  return r.map((_, i) => rfmCode(r[i], f[i], m[i]));
}

export function classesByThresholds(customers: readonly RfmFigures[], t: RfmThresholds): string[] {
  return customers.map((c) =>
    rfmCode(
      c.recencyDays !== null && c.recencyDays <= t.recencyDays,
      c.frequency !== null && c.frequency >= t.frequency,
      c.monetary !== null && c.monetary >= t.monetary
    )
  );
}

export function rfmClasses(
  customers: readonly RfmFigures[],
  scores: RfmScores,
  split: RfmSplit,
  thresholds: RfmThresholds
): string[] {
  return split === "mean" ? classesByMean(scores) : classesByThresholds(customers, thresholds);
}
