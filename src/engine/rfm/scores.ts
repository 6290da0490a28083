/**
 * Quintile scores 1–5, tie-safe: a customer's score depends only on how many customers have a
 * strictly worse value, so equal values always get equal scores, whatever the row order.
 *
 *   score = 1 + floor(5 · #strictly worse / N)
 *
 * F and M: worse = smaller. R (days since the last purchase): worse = more days. An unknown value
 * (null: never purchased, or a blank/unreadable cell) is worse than every known value, and equal to
 * the other unknowns. The best customer gets at most 5 (#worse ≤ N − 1); when everybody ties,
 * everybody gets 1. O(N log N): one sort.
 */
import type { RfmFigures } from "./figures";

export type Better = "higher" | "lower";

/** For each value, the number of values strictly worse than it. */
export function countStrictlyWorse(values: ReadonlyArray<number | null>, better: Better): Int32Array {
  const n = values.length;
  // Sort key, worst first: unknown = −∞; "lower is better" flips the sign.
  const key = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const v = values[i];
    key[i] = v === null || Number.isNaN(v) ? -Infinity : better === "higher" ? v : -v;
  }
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort((a, b) => (key[a] < key[b] ? -1 : key[a] > key[b] ? 1 : 0));
  const worse = new Int32Array(n);
  let groupStart = 0;
  for (let k = 0; k < n; k++) {
    if (k > 0 && key[order[k]] !== key[order[k - 1]]) groupStart = k;
    worse[order[k]] = groupStart;
  }
  return worse;
}

export function quintileScores(values: ReadonlyArray<number | null>, better: Better): Uint8Array {
  const n = values.length;
  const worse = countStrictlyWorse(values, better);
  const scores = new Uint8Array(n);
  for (let i = 0; i < n; i++) scores[i] = 1 + Math.floor((5 * worse[i]) / n);
  return scores;
}

export interface RfmScores {
  r: Uint8Array;
  f: Uint8Array;
  m: Uint8Array;
}

export function rfmScores(customers: readonly RfmFigures[]): RfmScores {
  return {
    r: quintileScores(
      customers.map((c) => c.recencyDays),
      "lower"
    ),
    f: quintileScores(
      customers.map((c) => c.frequency),
      "higher"
    ),
    m: quintileScores(
      customers.map((c) => c.monetary),
      "higher"
    ),
  };
}
