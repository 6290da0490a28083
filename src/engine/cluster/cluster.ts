/**
 * Clustering of the customers: features → k and model (auto-k.ts) → names and summary.
 * Per customer: the cluster's name, or "" when the customer was left out (a feature unknown).
 */
import type { ClusterSettings } from "../config";
import type { ClusterSummary, Lang } from "../types";
import { fitClusters, type ClusterSkip } from "./auto-k";
import { buildFeatures, type FeatureColumn } from "./features";
import { clusterNames } from "./names";

export interface Clustering {
  summary: ClusterSummary;
  /** Per customer: cluster number (0 = largest) or −1. */
  index: Int32Array;
  /** Per customer: cluster name or "". */
  names: string[];
}

export function clusterCustomers(
  columns: readonly FeatureColumn[],
  customers: number,
  settings: ClusterSettings,
  lang: Lang
): Clustering | ClusterSkip {
  const m = buildFeatures(columns, customers);
  if (m.n > 0 && Array.from(m.std).every((s) => s === 0)) return "NO_SPREAD";
  const fitted = fitClusters(m, settings.k, settings.seed);
  if (typeof fitted === "string") return fitted;
  const { k, labels } = fitted;
  const d = m.d;

  const sizes = new Array<number>(k).fill(0);
  const zSum = Array.from({ length: k }, () => new Array<number>(d).fill(0));
  const rawSum = Array.from({ length: k }, () => new Array<number>(d).fill(0));
  for (let i = 0; i < m.n; i++) {
    const c = labels[i];
    sizes[c]++;
    for (let f = 0; f < d; f++) {
      zSum[c][f] += m.data[i * d + f];
      rawSum[c][f] += columns[f].values[m.customers[i]] as number;
    }
  }
  const centroidsZ = zSum.map((row, c) => row.map((v) => (sizes[c] > 0 ? v / sizes[c] : 0)));
  const centroids = rawSum.map((row, c) => row.map((v) => (sizes[c] > 0 ? v / sizes[c] : 0)));
  const clusterName = clusterNames(centroidsZ, m.names, m.kinds, lang);

  const index = new Int32Array(customers).fill(-1);
  const names = new Array<string>(customers).fill("");
  for (let i = 0; i < m.n; i++) {
    index[m.customers[i]] = labels[i];
    names[m.customers[i]] = clusterName[labels[i]];
  }
  return {
    summary: {
      k,
      silhouette: fitted.silhouette,
      sizes,
      names: clusterName,
      features: m.names.map((name, f) => ({ name, transform: m.transforms[f] })),
      centroids,
      candidates: fitted.candidates,
      silhouetteSample: fitted.silhouetteSample,
      unclustered: customers - m.n,
      seed: settings.seed,
    },
    index,
    names,
  };
}
