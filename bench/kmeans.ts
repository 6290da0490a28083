/**
 * K-means on 1,000,000 customers × 3 features: the engine's own implementation
 * (src/engine/cluster/kmeans.ts, typed arrays) against ml-kmeans 7 (the package the project had chosen),
 * side by side in the same run, same data, same k, and the ratios printed:
 * 1. each from its own k-means++ start (what a user would get from either);
 * 2. both from the same starting centres, so that the Lloyd iterations themselves are compared (the
 *    two stop by different rules, so time per iteration is printed too).
 * Both are timed from data in the form each takes (ml-kmeans: number[][]; ours: one Float64Array) to
 * labels and centroids; the inertia of each result is printed too, so that speed is not bought with a
 * worse answer. Not a test: `npx tsx bench/kmeans.ts [rows] [k]`.
 */
import { kmeans as mlKmeans } from "ml-kmeans";
import { assign, kmeans, kmeansPlusPlus } from "../src/engine/cluster/kmeans";
import { createRng } from "../src/engine/cluster/random";

const rows = Number(process.argv[2] ?? 1_000_000);
const k = Number(process.argv[3] ?? 5);
const d = 3;

/** Standardised-looking R, log F, log M around five segment centres, from a seeded generator. */
function data(): Float64Array {
  const rng = createRng(2024);
  const normal = () => Math.sqrt(-2 * Math.log(1 - rng.next())) * Math.cos(2 * Math.PI * rng.next());
  const centres = [
    [-1, 1.2, 1.3],
    [-0.5, 0, 0],
    [1.2, -1, -1],
    [0.8, 0.4, 0.9],
    [-1.1, -0.8, -0.2],
  ];
  const out = new Float64Array(rows * d);
  for (let i = 0; i < rows; i++) {
    const c = centres[rng.int(centres.length)];
    for (let f = 0; f < d; f++) out[i * d + f] = c[f] + 0.45 * normal();
  }
  return out;
}

function inertiaOf(flat: Float64Array, centroids: Float64Array): number {
  const labels = new Int32Array(rows);
  return assign({ data: flat, n: rows, d }, centroids, k, labels, new Float64Array(rows));
}

interface Timed {
  ms: number;
  inertia: number;
  iterations: number;
}

/** Prints a comparison; per-iteration times only when no initialisation is inside the timing. */
function compare(title: string, ml: Timed, ours: Timed, perIteration: boolean): void {
  const perIt = (r: Timed) => r.ms / Math.max(1, r.iterations);
  const line = (name: string, r: Timed) =>
    console.log(
      `  ${name.padEnd(10)} ${r.ms.toFixed(0).padStart(7)} ms  ${String(r.iterations).padStart(3)} iterations  ` +
        (perIteration ? `${perIt(r).toFixed(1).padStart(7)} ms/iteration  ` : "") +
        `inertia ${r.inertia.toFixed(1)}`
    );
  console.log(title);
  line("ml-kmeans", ml);
  line("engine", ours);
  console.log(
    `  ratio ml-kmeans / engine: ${(ml.ms / ours.ms).toFixed(1)}× time` +
      (perIteration ? `, ${(perIt(ml) / perIt(ours)).toFixed(1)}× time per iteration` : "") +
      `, ${(ml.inertia / ours.inertia).toFixed(5)} inertia`
  );
}

function main(): void {
  const flat = data();
  const m = { data: flat, n: rows, d };
  const heapBefore = process.memoryUsage().heapUsed;
  const nested: number[][] = Array.from({ length: rows }, (_, i) => Array.from(flat.subarray(i * d, i * d + d)));
  const nestedMb = (process.memoryUsage().heapUsed - heapBefore) / 1e6;
  console.log(`k-means, ${rows.toLocaleString("en")} rows × ${d} features, k = ${k}`);
  // Warm-up of both on a slice, so that neither pays the JIT's first compilation in the timings.
  const warm = Math.min(rows, 20_000);
  mlKmeans(nested.slice(0, warm), k, { initialization: "kmeans++", seed: 2, maxIterations: 300 });
  kmeans({ data: flat.subarray(0, warm * d), n: warm, d }, k, { seed: 2, nInit: 1 });
  console.log(
    `  input: engine ${(flat.byteLength / 1e6).toFixed(0)} MB (one Float64Array), ml-kmeans ~${nestedMb.toFixed(0)} MB (number[][])`
  );

  let t = performance.now();
  const mlOwn = mlKmeans(nested, k, { initialization: "kmeans++", seed: 1, maxIterations: 300 });
  const mlOwnMs = performance.now() - t;
  t = performance.now();
  const oursOwn = kmeans(m, k, { seed: 1, nInit: 1, maxIter: 300 });
  const oursOwnMs = performance.now() - t;
  compare(
    "1. each from its own k-means++ start (initialisation included)",
    { ms: mlOwnMs, inertia: inertiaOf(flat, Float64Array.from(mlOwn.centroids.flat())), iterations: mlOwn.iterations },
    { ms: oursOwnMs, inertia: oursOwn.inertia, iterations: oursOwn.iterations },
    false
  );

  const start = kmeansPlusPlus(m, k, createRng(7));
  const startNested = Array.from({ length: k }, (_, c) => Array.from(start.subarray(c * d, c * d + d)));
  t = performance.now();
  const mlSame = mlKmeans(nested, k, { initialization: startNested, maxIterations: 300 });
  const mlSameMs = performance.now() - t;
  t = performance.now();
  const oursSame = kmeans(m, k, { seed: 1, init: start, maxIter: 300 });
  const oursSameMs = performance.now() - t;
  compare(
    "2. both from the same k-means++ centres",
    {
      ms: mlSameMs,
      inertia: inertiaOf(flat, Float64Array.from(mlSame.centroids.flat())),
      iterations: mlSame.iterations,
    },
    { ms: oursSameMs, inertia: oursSame.inertia, iterations: oursSame.iterations },
    true
  );
}

main();
