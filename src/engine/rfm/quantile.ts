/**
 * R's default sample quantile, `quantile(x, p)` with type = 7 (also numpy's default "linear"):
 * for ascending x[0..n−1], h = (n − 1)·p, Q(p) = x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋+1] − x[⌊h⌋]).
 */

import { sortedFloat64 } from "../radix";

/** Q(p) of values already sorted ascending; NaN for an empty list. */
export function quantileType7(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, n - 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

/** The known (non-null, non-NaN) values, sorted ascending (a radix sort: radix.ts). */
export function sortedKnown(values: ReadonlyArray<number | null>): Float64Array {
  const known: number[] = [];
  for (const v of values) if (v !== null && !Number.isNaN(v)) known.push(v);
  return sortedFloat64(Float64Array.from(known));
}
