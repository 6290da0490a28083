/**
 * K-means (Lloyd's algorithm) on a dense row-major Float64Array, following scikit-learn's KMeans:
 * - greedy k-means++ initialisation (Arthur & Vassilvitskii 2007, with 2 + ⌊ln k⌋ local trials per
 *   centre as sklearn's _kmeans_plusplus), from a seeded generator;
 * - Lloyd iterations until the labels stop changing or the centres move less than tol × the mean
 *   feature variance (sklearn's tolerance), at most maxIter times; a final assignment step so the
 *   labels match the centres;
 * - an empty cluster takes the point farthest from its centre;
 * - nInit restarts, keeping the lowest inertia (sum of squared distances to the nearest centre).
 * Ties in the assignment go to the lowest centre index. Same data + same seed → same result.
 */
import { createRng, deriveSeed, type Rng } from "./random";

// Module-level constants: in a sandboxed realm (jest's vm context) a global lookup in an inner loop costs.
const INF = Number.POSITIVE_INFINITY;

export interface Matrix {
  /** Row-major, n × d. */
  data: Float64Array;
  n: number;
  d: number;
}

export interface KMeansResult {
  labels: Int32Array;
  /** k × d, row-major. */
  centroids: Float64Array;
  inertia: number;
  iterations: number;
}

export interface KMeansOptions {
  seed: number;
  nInit?: number;
  maxIter?: number;
  tol?: number;
  /** Start from these centres (k × d) instead of k-means++; nInit is then 1. */
  init?: Float64Array;
}

export const DEFAULT_N_INIT = 10;
export const DEFAULT_MAX_ITER = 300;
export const DEFAULT_TOL = 1e-4;

function sqDist(a: Float64Array, i: number, b: Float64Array, j: number, d: number): number {
  let s = 0;
  const ai = i * d;
  const bj = j * d;
  for (let f = 0; f < d; f++) {
    const t = a[ai + f] - b[bj + f];
    s += t * t;
  }
  return s;
}

/** sklearn's greedy k-means++. */
export function kmeansPlusPlus(m: Matrix, k: number, rng: Rng): Float64Array {
  const { data, n, d } = m;
  const centers = new Float64Array(k * d);
  const trials = 2 + Math.floor(Math.log(k));
  const copyRow = (row: number, c: number) => centers.set(data.subarray(row * d, row * d + d), c * d);
  copyRow(rng.int(n), 0);
  let closest = new Float64Array(n);
  let pot = 0;
  for (let i = 0; i < n; i++) {
    closest[i] = sqDist(data, i, centers, 0, d);
    pot += closest[i];
  }
  const cumsum = new Float64Array(n);
  const out = new Float64Array(1);
  let candidate = new Float64Array(n);
  let best = new Float64Array(n);
  for (let c = 1; c < k; c++) {
    let acc = 0;
    for (let i = 0; i < n; i++) cumsum[i] = acc += closest[i];
    let bestPot = INF;
    let bestRow = -1;
    for (let t = 0; t < trials; t++) {
      const r = rng.next() * pot;
      // searchsorted(cumsum, r), clipped to n − 1
      let lo = 0;
      let hi = n - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (cumsum[mid] < r) lo = mid + 1;
        else hi = mid;
      }
      const row = lo;
      const centre = data.subarray(row * d, row * d + d);
      let p = 0;
      for (let i = 0, base = 0; i < n; i++, base += d) {
        nearest(data, base, centre, 1, d, out);
        const v = out[0] < closest[i] ? out[0] : closest[i];
        candidate[i] = v;
        p += v;
      }
      if (p < bestPot) {
        bestPot = p;
        bestRow = row;
        const swap = best;
        best = candidate;
        candidate = swap;
      }
    }
    copyRow(bestRow, c);
    const swap = closest;
    closest = best;
    best = swap;
    pot = bestPot;
  }
  return centers;
}

/** Nearest centre of every row; returns the inertia. Writes labels and each row's squared distance. */
export function assign(m: Matrix, centers: Float64Array, k: number, labels: Int32Array, dist: Float64Array): number {
  const { data, n, d } = m;
  const out = new Float64Array(1);
  let inertia = 0;
  for (let i = 0, base = 0; i < n; i++, base += d) {
    labels[i] = nearest(data, base, centers, k, d, out);
    dist[i] = out[0];
    inertia += out[0];
  }
  return inertia;
}

/**
 * Index of the centre nearest to row `base` (ties: the lowest index); its squared distance goes to
 * out[0]. Written out for 2 and 3 features (the defaults: R, F, M; or two chosen columns), which
 * roughly halves the time of k-means' hot loop against the general loop.
 */
function nearest(
  data: Float64Array,
  base: number,
  centers: Float64Array,
  k: number,
  d: number,
  out: Float64Array
): number {
  let bestC = 0;
  let bestD = INF;
  if (d === 3) {
    const x0 = data[base];
    const x1 = data[base + 1];
    const x2 = data[base + 2];
    for (let c = 0, cb = 0; c < k; c++, cb += 3) {
      const t0 = x0 - centers[cb];
      const t1 = x1 - centers[cb + 1];
      const t2 = x2 - centers[cb + 2];
      const dd = t0 * t0 + t1 * t1 + t2 * t2;
      if (dd < bestD) {
        bestD = dd;
        bestC = c;
      }
    }
  } else if (d === 2) {
    const x0 = data[base];
    const x1 = data[base + 1];
    for (let c = 0, cb = 0; c < k; c++, cb += 2) {
      const t0 = x0 - centers[cb];
      const t1 = x1 - centers[cb + 1];
      const dd = t0 * t0 + t1 * t1;
      if (dd < bestD) {
        bestD = dd;
        bestC = c;
      }
    }
  } else {
    for (let c = 0, cb = 0; c < k; c++, cb += d) {
      let dd = 0;
      for (let f = 0; f < d; f++) {
        const t = data[base + f] - centers[cb + f];
        dd += t * t;
      }
      if (dd < bestD) {
        bestD = dd;
        bestC = c;
      }
    }
  }
  out[0] = bestD;
  return bestC;
}

/**
 * One Lloyd pass, fused as sklearn's lloyd_iter: each row's nearest centre, and the sums and counts of
 * the rows per centre, in a single sweep over the data. Returns how many labels changed.
 */
function assignAndSum(
  m: Matrix,
  centers: Float64Array,
  k: number,
  labels: Int32Array,
  sums: Float64Array,
  counts: Float64Array
): number {
  const { data, n, d } = m;
  const out = new Float64Array(1);
  sums.fill(0);
  counts.fill(0);
  let changed = 0;
  for (let i = 0, base = 0; i < n; i++, base += d) {
    const c = nearest(data, base, centers, k, d, out);
    if (labels[i] !== c) {
      labels[i] = c;
      changed++;
    }
    counts[c]++;
    const sb = c * d;
    for (let f = 0; f < d; f++) sums[sb + f] += data[base + f];
  }
  return changed;
}

/** New centres from the sums; an empty cluster takes the row farthest from its centre (as sklearn). */
function centresFromSums(
  m: Matrix,
  centers: Float64Array,
  k: number,
  labels: Int32Array,
  sums: Float64Array,
  counts: Float64Array
): Float64Array {
  const { data, n, d } = m;
  const empty: number[] = [];
  for (let c = 0; c < k; c++) if (counts[c] === 0) empty.push(c);
  if (empty.length > 0) {
    const dist = new Float64Array(n);
    for (let i = 0; i < n; i++) dist[i] = sqDist(data, i, centers, labels[i], d);
    const far = Array.from({ length: n }, (_, i) => i).sort((a, b) => dist[b] - dist[a] || a - b);
    empty.forEach((c, e) => {
      const row = far[e];
      const from = labels[row];
      counts[from]--;
      for (let f = 0; f < d; f++) {
        sums[from * d + f] -= data[row * d + f];
        sums[c * d + f] = data[row * d + f];
      }
      counts[c] = 1;
      labels[row] = c;
    });
  }
  const next = new Float64Array(k * d);
  for (let c = 0; c < k; c++) for (let f = 0; f < d; f++) next[c * d + f] = sums[c * d + f] / (counts[c] || 1);
  return next;
}

/** Mean over features of each feature's variance (sklearn's scale for tol). */
function meanVariance(m: Matrix): number {
  const { data, n, d } = m;
  let total = 0;
  for (let f = 0; f < d; f++) {
    let mean = 0;
    for (let i = 0; i < n; i++) mean += data[i * d + f];
    mean /= n;
    let v = 0;
    for (let i = 0; i < n; i++) v += (data[i * d + f] - mean) ** 2;
    total += v / n;
  }
  return total / d;
}

export function lloyd(m: Matrix, k: number, start: Float64Array, maxIter: number, tolScaled: number): KMeansResult {
  let centers: Float64Array = start.slice();
  const labels = new Int32Array(m.n).fill(-1);
  const sums = new Float64Array(k * m.d);
  const counts = new Float64Array(k);
  let iterations = 0;
  for (; iterations < maxIter; iterations++) {
    // Labels unchanged: the centres are already the means of their rows (strict convergence).
    if (assignAndSum(m, centers, k, labels, sums, counts) === 0) break;
    const next = centresFromSums(m, centers, k, labels, sums, counts);
    let shift = 0;
    for (let j = 0; j < next.length; j++) shift += (next[j] - centers[j]) ** 2;
    centers = next;
    if (shift <= tolScaled) {
      iterations++;
      break;
    }
  }
  const inertia = assign(m, centers, k, labels, new Float64Array(m.n));
  return { labels, centroids: centers, inertia, iterations };
}

export function kmeans(m: Matrix, k: number, opts: KMeansOptions): KMeansResult {
  if (k < 1 || k > m.n) throw new Error(`kmeans: k = ${k} for ${m.n} rows`);
  const maxIter = opts.maxIter ?? DEFAULT_MAX_ITER;
  const tolScaled = (opts.tol ?? DEFAULT_TOL) * meanVariance(m);
  if (opts.init) return lloyd(m, k, opts.init, maxIter, tolScaled);
  const nInit = opts.nInit ?? DEFAULT_N_INIT;
  let best: KMeansResult | null = null;
  for (let run = 0; run < nInit; run++) {
    const rng = createRng(deriveSeed(opts.seed, run));
    const result = lloyd(m, k, kmeansPlusPlus(m, k, rng), maxIter, tolScaled);
    if (best === null || result.inertia < best.inertia) best = result;
  }
  return best as KMeansResult;
}
