/**
 * Chooses k and fits the final model.
 *
 * - k fixed (3–8), or "auto": every k from 3 to 8 (no more than the customers − 1 or the distinct
 *   feature rows) is fitted, and the k with the highest mean silhouette wins (ties: the smaller k).
 * - The silhouette is computed on all customers up to SILHOUETTE_SAMPLE, else on a seeded sample of
 *   that many (sklearn's silhouette_score with sample_size).
 * - Up to FIT_SAMPLE customers every candidate is fitted on all of them (nInit restarts, so results
 *   agree with sklearn's KMeans(n_init=10)). Above it, k is chosen on a seeded sample of FIT_SAMPLE
 *   customers, and the final model is fitted on everyone starting from the sample's centres.
 * - Clusters are numbered by size, largest first (ties: by their first member).
 */
import { kmeans, type KMeansResult, type Matrix } from "./kmeans";
import { createRng, deriveSeed, sampleIndices } from "./random";
import { silhouetteScore } from "./silhouette";
import type { ClusterCandidate } from "../types";

export const SILHOUETTE_SAMPLE = 3000;
export const FIT_SAMPLE = 10_000;
export const MIN_K = 3;
export const MAX_K = 8;

export type ClusterSkip = "TOO_FEW_CUSTOMERS" | "NO_SPREAD";

export interface Fitted {
  k: number;
  /** Cluster of every matrix row, 0 = largest. */
  labels: Int32Array;
  silhouette: number;
  candidates: ClusterCandidate[];
  silhouetteSample: number;
}

/** Distinct rows, counting no further than `cap`. */
export function distinctRows(m: Matrix, cap: number): number {
  const seen = new Set<string>();
  for (let i = 0; i < m.n && seen.size < cap; i++)
    seen.add(Array.from(m.data.subarray(i * m.d, i * m.d + m.d)).join(","));
  return seen.size;
}

function subMatrix(m: Matrix, rows: Int32Array): Matrix {
  const data = new Float64Array(rows.length * m.d);
  rows.forEach((r, i) => data.set(m.data.subarray(r * m.d, r * m.d + m.d), i * m.d));
  return { data, n: rows.length, d: m.d };
}

/** Renumbers clusters by size, largest first; ties by the lowest row. */
export function relabelBySize(labels: Int32Array, k: number): Int32Array {
  const size = new Array<number>(k).fill(0);
  const first = new Array<number>(k).fill(Infinity);
  labels.forEach((c, i) => {
    size[c]++;
    if (i < first[c]) first[c] = i;
  });
  const order = Array.from({ length: k }, (_, c) => c).sort((a, b) => size[b] - size[a] || first[a] - first[b]);
  const rank = new Int32Array(k);
  order.forEach((c, r) => (rank[c] = r));
  return labels.map((c) => rank[c]);
}

export function fitClusters(m: Matrix, k: "auto" | number, seed: number): Fitted | ClusterSkip {
  const maxK = k === "auto" ? MAX_K : k;
  const minK = k === "auto" ? MIN_K : k;
  if (m.n < minK + 1) return "TOO_FEW_CUSTOMERS";
  const distinct = distinctRows(m, maxK + 1);
  const top = Math.min(maxK, m.n - 1, distinct);
  if (top < minK) return "NO_SPREAD";

  const fitRows = m.n > FIT_SAMPLE ? sampleIndices(m.n, FIT_SAMPLE, createRng(deriveSeed(seed, 1001))) : null;
  const fitSet = fitRows ? subMatrix(m, fitRows) : m;
  const silRows = sampleIndices(fitSet.n, SILHOUETTE_SAMPLE, createRng(deriveSeed(seed, 1002)));

  const candidates: ClusterCandidate[] = [];
  let best: { k: number; result: KMeansResult; silhouette: number } | null = null;
  for (let kk = minK; kk <= top; kk++) {
    const result = kmeans(fitSet, kk, { seed });
    const silhouette = silhouetteScore(fitSet, result.labels, kk, silRows);
    candidates.push({ k: kk, silhouette, inertia: result.inertia });
    if (best === null || silhouette > best.silhouette) best = { k: kk, result, silhouette };
  }
  const chosen = best as { k: number; result: KMeansResult; silhouette: number };
  const final = fitRows ? kmeans(m, chosen.k, { seed, init: chosen.result.centroids }) : chosen.result;
  return {
    k: chosen.k,
    labels: relabelBySize(final.labels, chosen.k),
    silhouette: chosen.silhouette,
    candidates,
    silhouetteSample: silRows.length,
  };
}
