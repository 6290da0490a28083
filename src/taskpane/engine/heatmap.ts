/**
 * The RFM heat map: how many customers have each (R score, F score) pair. RunSummary carries only
 * the counts per segment, so this is computed from the SegmentationResult where it is made (the
 * engine worker) and travels beside the summary.
 */
import type { CustomerRfm } from "../../engine/types";

export interface Heatmap {
  /** Highest score seen on each axis (5 for quintiles when the data fills every bin; other scorings use fewer). */
  rMax: number;
  fMax: number;
  /** counts[r - 1][f - 1]: customers with R score r and F score f. */
  counts: number[][];
  /** Customers counted (scores outside 1..max are left out; there should be none). */
  total: number;
}

export function computeHeatmap(customers: ReadonlyArray<Pick<CustomerRfm, "rScore" | "fScore">>): Heatmap {
  let rMax = 1;
  let fMax = 1;
  for (const c of customers) {
    if (Number.isInteger(c.rScore) && c.rScore > rMax && c.rScore <= 10) rMax = c.rScore;
    if (Number.isInteger(c.fScore) && c.fScore > fMax && c.fScore <= 10) fMax = c.fScore;
  }
  const counts = Array.from({ length: rMax }, () => new Array<number>(fMax).fill(0));
  let total = 0;
  for (const c of customers) {
    const r = c.rScore;
    const f = c.fScore;
    if (!Number.isInteger(r) || !Number.isInteger(f) || r < 1 || f < 1 || r > rMax || f > fMax) continue;
    counts[r - 1][f - 1] += 1;
    total += 1;
  }
  return { rMax, fMax, counts, total };
}

/** The largest count in the map (0 for an empty one), for colour scaling. */
export function heatmapPeak(map: Heatmap): number {
  let peak = 0;
  for (const row of map.counts) for (const n of row) if (n > peak) peak = n;
  return peak;
}

/** Shade step 0–4 of a count: 0 only for 0, then four equal steps of the peak. */
export function heatLevel(count: number, peak: number): 0 | 1 | 2 | 3 | 4 {
  if (count <= 0 || peak <= 0) return 0;
  const step = Math.ceil((count / peak) * 4);
  return Math.min(4, Math.max(1, step)) as 1 | 2 | 3 | 4;
}
