/**
 * Thresholds estimated on part of the customers, every customer scored. Cleaning keeps outliers (the
 * documents' 消费金额超均值3倍, IQR) and customers without any purchase out of threshold estimation:
 * the quintiles, the R package's breaks and the mean score that splits high from low are worked out
 * from the other customers; the customers kept out are still scored against them (an outlier above
 * every estimated value gets the top score).
 *
 * `estimate[i]` is 1 for a customer that counts. Without any customer kept out the scores are exactly
 * those of scoring.ts and classes.ts.
 */
import type { RfmScoring, RfmSplit, RfmThresholds } from "../config";
import { classesByThresholds, rfmClasses, rfmCode } from "./classes";
import type { RfmFigures } from "./figures";
import { rPackageBins, rPackageBreaks } from "./r-package";
import { sortedFloat64 } from "../radix";
import type { Better, RfmScores } from "./scores";
import { scoreRfm } from "./scoring";

/** True when `estimate` keeps some customers out but not all (otherwise every customer counts). */
export function keepsSomeOut(estimate: Uint8Array | null): estimate is Uint8Array {
  if (estimate === null) return false;
  let kept = 0;
  for (let i = 0; i < estimate.length; i++) kept += estimate[i];
  return kept > 0 && kept < estimate.length;
}

/** Sort key, worst first, as scores.ts orders values: unknown = −∞; "lower is better" flips the sign. */
const keyOf = (v: number | null, better: Better): number =>
  v === null || Number.isNaN(v) ? -Infinity : better === "higher" ? v : -v;

/** Index of the first element ≥ x in ascending `sorted` = the count of elements < x. */
function countBelow(sorted: Float64Array, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Quintile scores (scores.ts) with N and "strictly worse" counted among the estimated customers only. */
export function quintileScoresWithin(
  values: ReadonlyArray<number | null>,
  better: Better,
  estimate: Uint8Array
): Uint8Array {
  const keys: number[] = [];
  for (let i = 0; i < values.length; i++) if (estimate[i]) keys.push(keyOf(values[i], better));
  const sorted = sortedFloat64(Float64Array.from(keys));
  const n = sorted.length;
  const out = new Uint8Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const worse = countBelow(sorted, keyOf(values[i], better));
    out[i] = Math.min(5, 1 + Math.floor((5 * worse) / n));
  }
  return out;
}

/** The R package's bins (r-package.ts) with the breaks taken from the estimated customers only. */
export function rPackageScoresWithin(
  values: ReadonlyArray<number | null>,
  better: Better,
  estimate: Uint8Array
): Uint8Array {
  return rPackageBins(values, better, rPackageBreaks(values.filter((_, i) => estimate[i] === 1)));
}

/** scoreRfm, with the thresholds estimated on the customers `estimate` marks. */
export function scoreRfmWithin(
  customers: readonly RfmFigures[],
  scoring: RfmScoring,
  estimate: Uint8Array | null
): RfmScores {
  // The documents' bins are fixed: nothing to estimate.
  if (!keepsSomeOut(estimate) || scoring === "seedBins") return scoreRfm(customers, scoring);
  const score = scoring === "rPackage" ? rPackageScoresWithin : quintileScoresWithin;
  return {
    r: score(
      customers.map((c) => c.recencyDays),
      "lower",
      estimate
    ),
    f: score(
      customers.map((c) => c.frequency),
      "higher",
      estimate
    ),
    m: score(
      customers.map((c) => c.monetary),
      "higher",
      estimate
    ),
  };
}

/** high ⇔ score > the mean score of the estimated customers (compared exactly: score · n > Σ). */
export function highByMeanWithin(scores: ArrayLike<number>, estimate: Uint8Array): boolean[] {
  let n = 0;
  let sum = 0;
  for (let i = 0; i < scores.length; i++) {
    if (!estimate[i]) continue;
    n++;
    sum += scores[i];
  }
  return Array.from({ length: scores.length }, (_, i) => scores[i] * n > sum);
}

/** rfmClasses, with the mean split taken over the estimated customers. */
export function rfmClassesWithin(
  customers: readonly RfmFigures[],
  scores: RfmScores,
  split: RfmSplit,
  thresholds: RfmThresholds,
  estimate: Uint8Array | null
): string[] {
  if (!keepsSomeOut(estimate)) return rfmClasses(customers, scores, split, thresholds);
  if (split === "thresholds") return classesByThresholds(customers, thresholds);
  const r = highByMeanWithin(scores.r, estimate);
  const f = highByMeanWithin(scores.f, estimate);
  const m = highByMeanWithin(scores.m, estimate);
  return r.map((_, i) => rfmCode(r[i], f[i], m[i]));
}
