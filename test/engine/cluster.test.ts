/**
 * K-means: repeatability (same seed → same result), the silhouette's definition, automatic k, when
 * clustering is not possible, names from centroids, and clustering inside the pipeline.
 */
import { defaultSettings, parseSettings, type Settings } from "../../src/engine/config";
import { fitClusters, FIT_SAMPLE, relabelBySize, SILHOUETTE_SAMPLE } from "../../src/engine/cluster/auto-k";
import { buildFeatures, type FeatureColumn } from "../../src/engine/cluster/features";
import { kmeans, kmeansPlusPlus, lloyd, type Matrix } from "../../src/engine/cluster/kmeans";
import { clusterNames } from "../../src/engine/cluster/names";
import { createRng, sampleIndices } from "../../src/engine/cluster/random";
import { silhouetteScore } from "../../src/engine/cluster/silhouette";
import { segment } from "../../src/engine/pipeline";
import type { RawTable, SegmentationResult } from "../../src/engine/types";
import { adjustedRandIndex } from "../helpers/partition";

const matrix = (rows: number[][]): Matrix => ({
  data: Float64Array.from(rows.flat()),
  n: rows.length,
  d: rows[0].length,
});

/** Gaussian-ish blobs around the given centres, from a seeded generator. */
function blobs(centres: number[][], perBlob: number, spread: number, seed: number): { m: Matrix; truth: number[] } {
  const rng = createRng(seed);
  const normal = () => Math.sqrt(-2 * Math.log(1 - rng.next())) * Math.cos(2 * Math.PI * rng.next());
  const rows: number[][] = [];
  const truth: number[] = [];
  centres.forEach((c, k) => {
    for (let i = 0; i < perBlob; i++) {
      rows.push(c.map((x) => x + spread * normal()));
      truth.push(k);
    }
  });
  return { m: matrix(rows), truth };
}

function run(table: RawTable, settings: Settings = defaultSettings()): SegmentationResult {
  const r = segment(table, settings, { asOf: "2024-06-01", lang: "zh-CN" });
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
}

/**
 * Lloyd's algorithm written plainly (the reference for lloyd's fused passes): nearest
 * centre by squared distance, lowest index on a tie; sums in row order; an empty cluster takes the row
 * farthest from its centre; stop when no label changes or the centres move at most tolScaled.
 */
function plainLloyd(m: Matrix, k: number, start: Float64Array, maxIter: number, tolScaled: number) {
  const { data, n, d } = m;
  const sq = (a: Float64Array, i: number, b: Float64Array, j: number) => {
    let s = 0;
    for (let f = 0; f < d; f++) s += (a[i * d + f] - b[j * d + f]) ** 2;
    return s;
  };
  const nearestOf = (centers: Float64Array, i: number) => {
    let best = 0;
    for (let c = 1; c < k; c++) if (sq(data, i, centers, c) < sq(data, i, centers, best)) best = c;
    return best;
  };
  let centers = start.slice();
  const labels = new Int32Array(n).fill(-1);
  let iterations = 0;
  for (; iterations < maxIter; iterations++) {
    let changed = 0;
    for (let i = 0; i < n; i++) {
      const c = nearestOf(centers, i);
      if (labels[i] !== c) changed++;
      labels[i] = c;
    }
    if (changed === 0) break;
    const sums = new Float64Array(k * d);
    const counts = new Float64Array(k);
    for (let i = 0; i < n; i++) {
      counts[labels[i]]++;
      for (let f = 0; f < d; f++) sums[labels[i] * d + f] += data[i * d + f];
    }
    const empty = [...counts.keys()].filter((c) => counts[c] === 0);
    const far = [...labels.keys()].sort((a, b) => sq(data, b, centers, labels[b]) - sq(data, a, centers, labels[a]) || a - b);
    empty.forEach((c, e) => {
      const row = far[e];
      counts[labels[row]]--;
      for (let f = 0; f < d; f++) {
        sums[labels[row] * d + f] -= data[row * d + f];
        sums[c * d + f] = data[row * d + f];
      }
      counts[c] = 1;
      labels[row] = c;
    });
    const next = sums.map((s, j) => s / (counts[Math.floor(j / d)] || 1));
    let shift = 0;
    for (let j = 0; j < next.length; j++) shift += (next[j] - centers[j]) ** 2;
    centers = next;
    if (shift <= tolScaled) {
      iterations++;
      break;
    }
  }
  let inertia = 0;
  for (let i = 0; i < n; i++) {
    labels[i] = nearestOf(centers, i);
    inertia += sq(data, i, centers, labels[i]);
  }
  return { labels, centroids: centers, inertia, iterations };
}

describe("lloyd", () => {
  test("the same labels, centres, inertia and passes as Lloyd's algorithm written plainly", () => {
    for (let seed = 1; seed <= 40; seed++) {
      const rng = createRng(seed);
      const d = 1 + (seed % 4);
      const k = 2 + (seed % 7);
      const centres = Array.from({ length: k + (seed % 3) }, () => Array.from({ length: d }, () => rng.next() * 10));
      const { m } = blobs(centres, 20 + (seed % 5) * 30, 0.5 + (seed % 3), seed);
      // Some coordinates on a grid: ties between centres (the lowest index wins).
      if (seed % 2 === 0) for (let i = 0; i < m.data.length; i += 7) m.data[i] = Math.round(m.data[i]);
      const start = kmeansPlusPlus(m, k, createRng(seed + 100));
      const ours = lloyd(m, k, start, 300, 1e-6);
      const plain = plainLloyd(m, k, start, 300, 1e-6);
      expect(Array.from(ours.labels)).toEqual(Array.from(plain.labels));
      expect(Array.from(ours.centroids)).toEqual(Array.from(plain.centroids));
      expect(ours.inertia).toBe(plain.inertia);
      expect(ours.iterations).toBe(plain.iterations);
    }
  });

  test("an empty cluster takes the row farthest from its centre", () => {
    // Two far groups and a third centre placed where no row is nearest to it.
    const m = matrix([[0], [0.1], [0.2], [10], [10.1], [10.2], [30]]);
    const start = Float64Array.from([0.1, 10.1, 1000]);
    const ours = lloyd(m, 3, start, 300, 0);
    const plain = plainLloyd(m, 3, start, 300, 0);
    expect(Array.from(ours.labels)).toEqual(Array.from(plain.labels));
    expect(Array.from(ours.centroids)).toEqual(Array.from(plain.centroids));
    expect(new Set(ours.labels).size).toBe(3);
  });
});

describe("kmeans", () => {
  test("same data and seed → the same labels, centroids and inertia", () => {
    const { m } = blobs(
      [
        [0, 0],
        [5, 5],
        [0, 5],
        [5, 0],
      ],
      50,
      1.2,
      7
    );
    const a = kmeans(m, 4, { seed: 3 });
    const b = kmeans(m, 4, { seed: 3 });
    expect(Array.from(a.labels)).toEqual(Array.from(b.labels));
    expect(Array.from(a.centroids)).toEqual(Array.from(b.centroids));
    expect(a.inertia).toBe(b.inertia);
  });

  test("finds well-separated blobs whatever the seed", () => {
    const { m, truth } = blobs(
      [
        [0, 0],
        [10, 10],
        [0, 10],
      ],
      40,
      0.5,
      11
    );
    for (const seed of [1, 2, 3, 99])
      expect(adjustedRandIndex(Array.from(kmeans(m, 3, { seed }).labels), truth)).toBe(1);
  });

  test("inertia is the sum of squared distances to the nearest centre", () => {
    const m = matrix([[0], [1], [10], [11]]);
    const r = kmeans(m, 2, { seed: 1 });
    expect(r.inertia).toBeCloseTo(1, 12);
    expect(new Set([r.labels[0], r.labels[1]]).size).toBe(1);
    expect(r.labels[0]).not.toBe(r.labels[2]);
  });

  test("duplicate points and k equal to the distinct points leave no cluster empty", () => {
    const m = matrix([[1], [1], [1], [2], [2], [3]]);
    const r = kmeans(m, 3, { seed: 5 });
    expect(new Set(Array.from(r.labels)).size).toBe(3);
    expect(r.inertia).toBe(0);
  });
});

describe("silhouette (sklearn's silhouette_score)", () => {
  test("by hand: two pairs on a line", () => {
    const m = matrix([[0], [1], [10], [11]]);
    const rows = Int32Array.from([0, 1, 2, 3]);
    const s = silhouetteScore(m, Int32Array.from([0, 0, 1, 1]), 2, rows);
    expect(s).toBeCloseTo((9.5 / 10.5 + 8.5 / 9.5) / 2, 12);
  });

  test("a sample alone in its cluster counts 0", () => {
    const m = matrix([[0], [1], [10]]);
    expect(silhouetteScore(m, Int32Array.from([0, 0, 1]), 2, Int32Array.from([0, 1, 2]))).toBeCloseTo(
      (9 / 10 + 8 / 9) / 3,
      12
    );
  });

  test("seeded samples are repeatable and distinct", () => {
    const a = Array.from(sampleIndices(10_000, 3000, createRng(4)));
    expect(a).toEqual(Array.from(sampleIndices(10_000, 3000, createRng(4))));
    expect(new Set(a).size).toBe(3000);
    expect(Array.from(sampleIndices(5, 10, createRng(4)))).toEqual([0, 1, 2, 3, 4]);
  });
});

describe("automatic k", () => {
  test("chooses the number of blobs, clusters numbered by size", () => {
    const { m, truth } = blobs(
      [
        [0, 0],
        [8, 0],
        [0, 8],
        [8, 8],
        [4, 16],
      ],
      30,
      0.6,
      3
    );
    const fitted = fitClusters(m, "auto", 1);
    if (typeof fitted === "string") throw new Error(fitted);
    expect(fitted.k).toBe(5);
    expect(fitted.candidates.map((c) => c.k)).toEqual([3, 4, 5, 6, 7, 8]);
    expect(adjustedRandIndex(Array.from(fitted.labels), truth)).toBe(1);
  });

  test("a fixed k is fitted alone", () => {
    const { m } = blobs(
      [
        [0, 0],
        [8, 0],
        [0, 8],
        [8, 8],
      ],
      20,
      0.6,
      3
    );
    const fitted = fitClusters(m, 4, 1);
    if (typeof fitted === "string") throw new Error(fitted);
    expect(fitted.k).toBe(4);
    expect(fitted.candidates.map((c) => c.k)).toEqual([4]);
  });

  test("fewer than 4 customers, or fewer distinct rows than 3: no clusters", () => {
    expect(fitClusters(matrix([[1], [2], [3]]), "auto", 1)).toBe("TOO_FEW_CUSTOMERS");
    expect(fitClusters(matrix([[1], [1], [2], [2], [2]]), "auto", 1)).toBe("NO_SPREAD");
    expect(fitClusters(matrix([[1], [2], [3], [4]]), 5, 1)).toBe("TOO_FEW_CUSTOMERS");
    // Three distinct rows: only k = 3 can be tried.
    const three = fitClusters(matrix([[1], [1], [5], [5], [9], [9]]), "auto", 1);
    expect(typeof three === "string" ? three : three.k).toBe(3);
  });

  test("relabelBySize numbers the largest cluster 0", () => {
    expect(Array.from(relabelBySize(Int32Array.from([2, 2, 0, 1, 1, 1]), 3))).toEqual([1, 1, 2, 0, 0, 0]);
  });

  test(`above ${FIT_SAMPLE} customers: k chosen on a seeded sample, silhouette on ${SILHOUETTE_SAMPLE}, final fit on all; repeatable`, () => {
    const { m, truth } = blobs(
      [
        [0, 0],
        [6, 0],
        [0, 6],
        [6, 6],
      ],
      6000,
      0.7,
      9
    );
    const a = fitClusters(m, "auto", 1);
    const b = fitClusters(m, "auto", 1);
    if (typeof a === "string" || typeof b === "string") throw new Error("no clusters");
    expect(a.silhouetteSample).toBe(SILHOUETTE_SAMPLE);
    expect(a.labels).toHaveLength(24_000);
    expect(a.k).toBe(4);
    expect(adjustedRandIndex(Array.from(a.labels), truth)).toBeGreaterThan(0.99);
    expect(Array.from(a.labels)).toEqual(Array.from(b.labels));
  });
});

describe("features and names", () => {
  test("money and counts go through log1p, then everything is standardised; unknowns are left out", () => {
    const columns: FeatureColumn[] = [
      { name: "F", kind: "frequency", values: [1, 3, 7, null] },
      { name: "age", kind: "other", values: [20, 30, 40, 50] },
    ];
    const m = buildFeatures(columns, 4);
    expect(m.n).toBe(3);
    expect(Array.from(m.customers)).toEqual([0, 1, 2]);
    expect(m.transforms).toEqual(["log1p", "none"]);
    const col = (f: number) => [0, 1, 2].map((i) => m.data[i * 2 + f]);
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(mean(col(0))).toBeCloseTo(0, 12);
    expect(mean(col(1).map((x) => x * x))).toBeCloseTo(1, 12);
    expect(col(0)[1]).toBeCloseTo((Math.log(4) - mean([Math.log(2), Math.log(4), Math.log(8)])) / m.std[0], 12);
  });

  test("a negative amount keeps the feature untransformed", () => {
    const m = buildFeatures([{ name: "M", kind: "monetary", values: [-5, 10, 20] }], 3);
    expect(m.transforms).toEqual(["none"]);
  });

  test("names say high, middle or low of frequency and amount, recency only to tell two apart", () => {
    const kinds = ["recency", "frequency", "monetary"] as const;
    const names = ["R", "F", "M"];
    expect(
      clusterNames(
        [
          [0, 1, 1],
          [0, -1, -1],
          [0, 0, 0],
        ],
        names,
        [...kinds],
        "zh-CN"
      )
    ).toEqual(["高频高额", "低频低额", "中频中额"]);
    expect(
      clusterNames(
        [
          [-1, 1, 1],
          [1, 1, 1],
        ],
        names,
        [...kinds],
        "zh-CN"
      )
    ).toEqual(["近期高频高额", "久未购高频高额"]);
    expect(
      clusterNames(
        [
          [0, 1, 1],
          [0, 1, 1],
        ],
        names,
        [...kinds],
        "zh-CN"
      )
    ).toEqual(["高频高额", "高频高额 2"]);
    expect(clusterNames([[0, 1, -1]], names, [...kinds], "zh-TW")).toEqual(["高頻低額"]);
    expect(
      clusterNames(
        [
          [-1, 1, 1],
          [1, 1, 1],
          [0, -1, 0.2],
        ],
        names,
        [...kinds],
        "en"
      )
    ).toEqual(["Recent, high frequency, high spend", "Lapsed, high frequency, high spend", "Low frequency, mid spend"]);
    expect(clusterNames([[1, -1]], ["收入", "积分"], ["other", "other"], "zh-CN")).toEqual(["收入高、积分低"]);
  });
});

describe("clustering in the pipeline", () => {
  const rng = createRng(21);
  const rows = Array.from({ length: 120 }, (_, i) => {
    const group = i % 3;
    const f = [1, 6, 20][group] + rng.int(2);
    const m = [80, 900, 5000][group] + rng.int(50);
    const days = [300, 60, 5][group] + rng.int(5);
    const day = new Date(Date.UTC(2024, 5, 1) - days * 86_400_000).toISOString().slice(0, 10);
    return [`c${i}`, f, m, day];
  });
  const table: RawTable = { headers: ["客户ID", "消费频次", "消费金额", "最后购买时间"], rows };

  test("default features R, F, M; automatic k; names and sizes per cluster; profiles per cluster", () => {
    const res = run(table);
    const c = res.clusters;
    if (!c) throw new Error(`no clusters: ${res.report.clusterSkipped}`);
    expect(c.k).toBe(3);
    expect(c.sizes).toEqual([40, 40, 40]);
    expect(new Set(c.names)).toEqual(new Set(["高频高额", "中频中额", "低频低额"]));
    expect(c.features).toEqual([
      { name: "距今天数", transform: "none" },
      { name: "消费频次", transform: "log1p" },
      { name: "消费金额", transform: "log1p" },
    ]);
    expect(res.computed).toContain("cluster");
    expect(res.customers.filter((x) => x.cluster === "高频高额").every((x) => x.frequency >= 20)).toBe(true);
    expect(res.profiles.clusters.map((p) => [p.label, p.size])).toEqual(c.names.map((n, i) => [n, c.sizes[i]]));
  });

  test("the same run twice gives the same clusters", () => {
    expect(run(table).customers.map((c) => c.cluster)).toEqual(run(table).customers.map((c) => c.cluster));
  });

  test("chosen features by header, a fixed k, and a header the table lacks", () => {
    const s = parseSettings({ cluster: { k: 3, features: ["消费频次", "消费金额"] } });
    if (!s.ok) throw new Error("settings");
    const res = run(table, s.value);
    expect(res.clusters?.k).toBe(3);
    expect(res.clusters?.features.map((f) => f.name)).toEqual(["消费频次", "消费金额"]);
    const bad = parseSettings({ cluster: { features: ["年收入"] } });
    if (!bad.ok) throw new Error("settings");
    expect(segment(table, bad.value, { asOf: "2024-06-01", lang: "zh-CN" })).toEqual({
      ok: false,
      error: { code: "MISSING_FIELD", params: { fields: "cluster.features", header: "年收入" } },
    });
  });

  test("switched off, or too few customers: no clusters, and the report says why", () => {
    const off = parseSettings({ cluster: { enabled: false } });
    if (!off.ok) throw new Error("settings");
    const res = run(table, off.value);
    expect(res.clusters).toBeNull();
    expect(res.report.clusterSkipped).toBe("DISABLED");
    expect(res.computed).not.toContain("cluster");
    expect(res.customers.every((c) => c.cluster === "")).toBe(true);
    const small = run({ ...table, rows: rows.slice(0, 3) });
    expect(small.report.clusterSkipped).toBe("TOO_FEW_CUSTOMERS");
    const same = run({ ...table, rows: rows.slice(0, 12).map((r, i) => [`s${i}`, 2, 100, "2024-05-01"]) });
    expect(same.report.clusterSkipped).toBe("NO_SPREAD");
  });

  test("a customer with a feature unknown is left out of clustering", () => {
    const withBlank = [...rows, ["blank", "", 100, "2024-05-01"]];
    const res = run({ ...table, rows: withBlank });
    expect(res.clusters?.unclustered).toBe(1);
    expect(res.customers[120].cluster).toBe("");
    expect(res.clusters?.sizes.reduce((a, b) => a + b, 0)).toBe(120);
  });
});
