/**
 * Done-when of issue #4: on Mall_Customers.csv (../shared/data, see SOURCES.md) clustered on annual
 * income and spending score with automatic k, the engine chooses the same k as scikit-learn
 * (scripts/engine-mall-sklearn.py: StandardScaler, KMeans n_init=10 random_state=0, silhouette over
 * k 3..8) and the same clusters (adjusted Rand index 1, membership equal up to relabelling).
 * Needs /usr/bin/python3 with python3-sklearn and python3-pandas; without them the test fails with an
 * install hint, it never skips.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import Papa from "papaparse";
import { parseSettings } from "../../src/engine/config";
import { clusterCustomers } from "../../src/engine/cluster/cluster";
import { featureColumns } from "../../src/engine/cluster/customer-features";
import { detectFields } from "../../src/engine/schema/detect-fields";
import type { RawTable } from "../../src/engine/types";
import { adjustedRandIndex, samePartition } from "../helpers/partition";

const SHARED = path.resolve(process.env.SEGMENT_SHEET_SHARED ?? path.resolve(__dirname, "../../../shared"));
const MALL = path.join(SHARED, "data/Mall_Customers.csv");
const SCRIPT = path.resolve(__dirname, "../../scripts/engine-mall-sklearn.py");
const FEATURES = ["Annual Income (k$)", "Spending Score (1-100)"];
const PYTHON = "/usr/bin/python3";

interface SklearnAnswer {
  k: number;
  labels: number[];
  candidates: Array<{ k: number; silhouette: number; inertia: number }>;
}

function sklearn(): SklearnAnswer {
  const probe = spawnSync(PYTHON, ["-c", "import sklearn, pandas"], { encoding: "utf8" });
  if (probe.status !== 0)
    throw new Error(
      `The k-means check needs scikit-learn and pandas for ${PYTHON}: apt-get install -y python3-sklearn python3-pandas (${probe.stderr || probe.error})`
    );
  const run = spawnSync(PYTHON, [SCRIPT, MALL, ...FEATURES], { encoding: "utf8", maxBuffer: 16 * 1024 * 1024 });
  if (run.status !== 0) throw new Error(`${SCRIPT} failed (${run.status}): ${run.stderr}`);
  return JSON.parse(run.stdout) as SklearnAnswer;
}

function loadMall(): RawTable {
  if (!fs.existsSync(MALL)) throw new Error(`data file not found: ${MALL} (set SEGMENT_SHEET_SHARED)`);
  const [headers, ...rows] = Papa.parse<string[]>(fs.readFileSync(MALL, "utf8"), { skipEmptyLines: true }).data;
  return { headers, rows };
}

function engine(table: RawTable, seed = 1) {
  const settings = parseSettings({ cluster: { k: "auto", features: FEATURES, seed } });
  if (!settings.ok) throw new Error(JSON.stringify(settings.error));
  const n = table.rows.length;
  const none = new Array<null>(n).fill(null);
  const columns = featureColumns(
    {
      table,
      fields: detectFields(table.headers),
      rowCustomer: Int32Array.from({ length: n }, (_, i) => i),
      figures: { recencyDays: none, frequency: none, monetary: none, avgOrderValue: none },
    },
    settings.value.cluster.features,
    "zh-CN"
  );
  if (!columns.ok) throw new Error(JSON.stringify(columns.error));
  const result = clusterCustomers(columns.value, n, settings.value.cluster, "zh-CN");
  if (typeof result === "string") throw new Error(result);
  return result;
}

describe("k-means on Mall_Customers.csv agrees with scikit-learn", () => {
  const table = loadMall();
  const expected = sklearn();
  const ours = engine(table);

  test("200 customers, all clustered on the two chosen columns, none transformed", () => {
    expect(table.rows).toHaveLength(200);
    expect(ours.summary.unclustered).toBe(0);
    expect(ours.summary.features).toEqual(FEATURES.map((name) => ({ name, transform: "none" })));
  });

  test("the same automatic k (5), with the same silhouette", () => {
    expect(expected.k).toBe(5);
    expect(ours.summary.k).toBe(expected.k);
    const theirs = expected.candidates.find((c) => c.k === expected.k);
    expect(ours.summary.silhouette).toBeCloseTo(theirs?.silhouette as number, 9);
    expect(ours.summary.silhouetteSample).toBe(200);
  });

  test("silhouette and inertia of k = 3…7 equal sklearn's (the same local optima)", () => {
    for (const c of ours.summary.candidates.filter((x) => x.k <= 7)) {
      const theirs = expected.candidates.find((x) => x.k === c.k);
      expect([c.k, c.silhouette]).toEqual([c.k, expect.closeTo(theirs?.silhouette as number, 9)]);
      expect([c.k, c.inertia]).toEqual([c.k, expect.closeTo(theirs?.inertia as number, 6)]);
    }
  });

  test("the same clusters: adjusted Rand index 1 and membership equal up to relabelling", () => {
    const labels = Array.from(ours.index);
    expect(adjustedRandIndex(labels, expected.labels)).toBe(1);
    expect(samePartition(labels, expected.labels)).toBe(true);
  });

  test("named from their centroids in the user's language", () => {
    expect(ours.summary.names).toHaveLength(5);
    expect(new Set(ours.summary.names).size).toBe(5);
    // The middle cluster (income and score near the mean) is the largest.
    expect(ours.summary.names[0]).toBe("Annual Income (k$)中、Spending Score (1-100)中");
    expect(ours.summary.names).toContain("Annual Income (k$)高、Spending Score (1-100)高");
    expect(ours.summary.names).toContain("Annual Income (k$)低、Spending Score (1-100)低");
  });

  test("other seeds find the same partition (restarts make it robust)", () => {
    for (const seed of [2, 42, 12345]) {
      expect(adjustedRandIndex(Array.from(engine(table, seed).index), expected.labels)).toBe(1);
    }
  });
});

describe("adjustedRandIndex (the test's own yardstick)", () => {
  test("1 for a relabelling, below 1 for a different partition", () => {
    expect(adjustedRandIndex([0, 0, 1, 1, 2], [2, 2, 0, 0, 1])).toBe(1);
    expect(adjustedRandIndex([0, 0, 1, 1], [0, 1, 0, 1])).toBeLessThan(0);
    expect(samePartition([0, 0, 1], [1, 1, 0])).toBe(true);
    expect(samePartition([0, 0, 1], [1, 0, 0])).toBe(false);
  });
});
