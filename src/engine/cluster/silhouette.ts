/**
 * Mean silhouette coefficient, as scikit-learn's silhouette_score (Euclidean distance): for each
 * sample i, a = mean distance to the other members of its cluster, b = the smallest mean distance to
 * the members of another cluster, s = (b − a) / max(a, b); s = 0 for a sample alone in its cluster.
 * Computed over the given rows only (sklearn's sample_size: distances and cluster sizes within the
 * sample). O(m² d) for m rows: callers pass a sample of at most a few thousand.
 */
import type { Matrix } from "./kmeans";

// A module-level alias: in a sandboxed realm (jest's vm context) every global lookup in the inner loop costs.
const sqrt = Math.sqrt;

export function silhouetteScore(m: Matrix, labels: Int32Array, k: number, rows: Int32Array): number {
  const { data, d } = m;
  const count = rows.length;
  if (count < 2) return 0;
  // The sample's points side by side, and their clusters.
  const points = new Float64Array(count * d);
  const label = new Int32Array(count);
  const size = new Float64Array(k);
  for (let s = 0; s < count; s++) {
    const i = rows[s];
    for (let f = 0; f < d; f++) points[s * d + f] = data[i * d + f];
    label[s] = labels[i];
    size[label[s]]++;
  }
  // sums[s·k + c]: the summed distance from sample s to the members of cluster c. Each pair's distance is
  // computed once and added to both ends (half the square roots of a row-by-row loop).
  const sums = new Float64Array(count * k);
  for (let s = 0; s < count; s++) {
    const ls = label[s];
    const ps = s * d;
    for (let t = s + 1; t < count; t++) {
      const pt = t * d;
      let dd = 0;
      for (let f = 0; f < d; f++) {
        const x = points[ps + f] - points[pt + f];
        dd += x * x;
      }
      const dist = sqrt(dd);
      sums[s * k + label[t]] += dist;
      sums[t * k + ls] += dist;
    }
  }
  let total = 0;
  for (let s = 0; s < count; s++) {
    const own = label[s];
    if (size[own] <= 1) continue; // s = 0
    const a = sums[s * k + own] / (size[own] - 1);
    let b = Infinity;
    for (let c = 0; c < k; c++) {
      if (c === own || size[c] === 0) continue;
      const mean = sums[s * k + c] / size[c];
      if (mean < b) b = mean;
    }
    if (b === Infinity) continue;
    const denom = Math.max(a, b);
    total += denom > 0 ? (b - a) / denom : 0;
  }
  return total / count;
}
