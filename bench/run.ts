/**
 * Benchmarks (not tests): each prints our time, a baseline's time measured in the same run, and their ratio
 * (ours / baseline: below 1 means we are faster). Runs are interleaved (ours, baseline, baseline, ours, …) and
 * repeated; medians are compared. The baselines are Python scripts run with Debian's /usr/bin/python3
 * (python3-pandas, python3-sklearn).
 *
 *   npm run bench                      all four
 *   npm run bench -- --only=e2e,kmeans --repeat=5 --quick
 *
 *   e2e     segment-sheet on Online Retail (541,909 order lines) → .csv, against pandas + scikit-learn
 *   engine  src/engine's segment() on 10k / 100k / 1,048,575 generated customers, against pandas + sklearn
 *   kmeans  our k-means against scikit-learn's KMeans and ml-kmeans: time and inertia
 *   io      syncs and largest payloads of a run in Excel on the web's limits at 10k / 100k / 1,048,575 rows
 * --quick leaves out the 1,048,575-customer cases.
 */
import { spawn, spawnSync } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir, totalmem } from "node:os";
import * as path from "node:path";
import { gunzipSync } from "node:zlib";
import { main } from "../src/cli/main";
import { defaultSettings, type Settings } from "../src/engine/config";
import { buildFeatures, kmeans, type FeatureColumn, type Matrix } from "../src/engine/cluster";
import { segment } from "../src/engine/pipeline";
import { segmentSheet } from "../src/excel/segment-sheet";
import { HostWorkbook } from "../src/xlsx-host";
import { AS_OF, customerCsv, customerTable } from "./generate";

const PY = "/usr/bin/python3";
const ROOT = path.resolve(__dirname, "..");
const RETAIL_GZ = path.resolve(ROOT, "../shared/data/derived/online_retail.csv.gz");
const RETAIL_AS_OF = "2011-12-10";
const MILLION = 1_048_575;
const WEB_LIMIT = 5_000_000;

// ---- options ----------------------------------------------------------------------------------

const argv = process.argv.slice(2);
const opt = (name: string): string | undefined =>
  argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ??
  (argv.includes(`--${name}`) ? "true" : undefined);
const ONLY = new Set((opt("only") ?? "e2e,engine,kmeans,io").split(","));
const REPEAT = Number(opt("repeat") ?? 3);
const QUICK = opt("quick") === "true";
const TMP = mkdtempSync(path.join(tmpdir(), "segment-sheet-bench-"));

// ---- helpers ----------------------------------------------------------------------------------

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const fmt = (s: number): string => (s >= 10 ? s.toFixed(1) : s >= 1 ? s.toFixed(2) : s.toFixed(3));
const ratio = (ours: number, base: number): string => (ours / base).toFixed(2);
const secs = (t0: number): number => (performance.now() - t0) / 1000;
const out: string[] = [];
function print(line = ""): void {
  out.push(line);
  console.log(line);
}
function table(head: string[], rows: (string | number)[][]): void {
  print(`| ${head.join(" | ")} |`);
  print(`|${head.map(() => "---").join("|")}|`);
  for (const r of rows) print(`| ${r.join(" | ")} |`);
  print();
}

/** Runs a baseline script; returns its last stdout line as JSON and the process's wall time. */
function python(script: string, args: string[]): { json: Record<string, unknown>; wall: number } {
  const t0 = performance.now();
  const r = spawnSync(PY, [path.join(__dirname, script), ...args], { encoding: "utf8", maxBuffer: 1 << 26 });
  const wall = secs(t0);
  if (r.status !== 0) throw new Error(`${script} failed: ${r.stderr}`);
  const last = r.stdout.trim().split("\n").pop() ?? "{}";
  return { json: JSON.parse(last) as Record<string, unknown>, wall };
}

/** Alternates the two sides (AB, BA, AB …) `n` times. */
async function interleave(n: number, a: () => Promise<void> | void, b: () => Promise<void> | void): Promise<void> {
  for (let i = 0; i < n; i++) {
    if (i % 2 === 0) {
      await a();
      await b();
    } else {
      await b();
      await a();
    }
  }
}

function settingsWith(k: number): Settings {
  const s = defaultSettings();
  s.cluster.k = k;
  return s;
}

function machine(): void {
  const cpu = /model name\s*:\s*(.*)/.exec(readFileSync("/proc/cpuinfo", "utf8"))?.[1] ?? cpus()[0]?.model ?? "?";
  const py = spawnSync(
    PY,
    ["-c", "import pandas, sklearn, numpy; print(pandas.__version__, sklearn.__version__, numpy.__version__)"],
    {
      encoding: "utf8",
    }
  ).stdout.trim();
  print(`Date: ${new Date().toISOString()}`);
  print(
    `Machine: ${cpus().length} CPUs (nproc), ${(totalmem() / 2 ** 30).toFixed(1)} GiB, ${cpu}; node ${process.version}; ` +
      `pandas/sklearn/numpy ${py.replace(/ /g, "/")}; load average at start ${loadavg()
        .map((x) => x.toFixed(2))
        .join(" ")}`
  );
  print();
}

// ---- e2e --------------------------------------------------------------------------------------

async function e2e(): Promise<void> {
  print("## End to end: Online Retail (541,909 order lines) → CSV");
  const input = path.join(TMP, "online_retail.csv");
  writeFileSync(input, gunzipSync(readFileSync(RETAIL_GZ)));
  const config = path.join(TMP, "k5.json");
  writeFileSync(config, JSON.stringify({ cluster: { k: 5 } }));
  const ours: number[] = [];
  const stages: Record<string, number[]> = {};
  const base: number[] = [];
  const baseWall: number[] = [];
  const baseNoK: number[] = [];
  const baseSteps: Record<string, number[]> = {};
  // Ours as a user runs it: the installed command (bin/segment-sheet.js), a process of its own, start-up
  // included, like the pandas process it is compared with.
  const runOurs = async (into = ours) => {
    const t0 = performance.now();
    // Progress messages on stderr mark the stages: 查找 (table found: CSV loaded) · 读取 (table read) ·
    // 计算 (engine starts) · 写入 (writing starts); the process's exit ends the run.
    const at: Record<string, number> = {};
    const child = spawn(
      process.execPath,
      [
        path.join(ROOT, "bin/segment-sheet.js"),
        input,
        "-o",
        path.join(TMP, "ours.csv"),
        "--as-of",
        RETAIL_AS_OF,
        "--config",
        config,
        "--lang",
        "zh-CN",
      ],
      { stdio: ["ignore", "ignore", "pipe"] }
    );
    child.stderr.setEncoding("utf8");
    child.stderr.on("data", (s: string) => {
      for (const line of s.split("\n")) {
        const key = line.slice(0, 2);
        if (key && !(key in at)) at[key] = performance.now();
      }
    });
    const [code] = (await once(child, "close")) as [number];
    if (code !== 0) throw new Error(`segment-sheet exited ${code}`);
    const end = performance.now();
    into.push(secs(t0));
    if (into !== ours) return;
    const span = (a: number | undefined, b: number | undefined) => ((b ?? end) - (a ?? t0)) / 1000;
    (stages["start + open CSV"] ??= []).push(span(t0, at["查找"]));
    (stages["find + read table"] ??= []).push(span(at["查找"], at["计算"]));
    (stages["engine"] ??= []).push(span(at["计算"], at["写入"]));
    (stages["write results + save CSV"] ??= []).push(span(at["写入"], end));
  };
  // The same run in this process through main() (tsx-transpiled modules, warm), for reference.
  const inProcess: number[] = [];
  const runInProcess = async () => {
    const t0 = performance.now();
    const code = await main(
      [input, "-o", path.join(TMP, "ours-main.csv"), "--as-of", RETAIL_AS_OF, "--config", config, "--lang", "zh-CN"],
      { stdout: () => undefined, stderr: () => undefined, env: {}, today: () => RETAIL_AS_OF }
    );
    if (code !== 0) throw new Error(`main exited ${code}`);
    inProcess.push(secs(t0));
  };
  const runBase = () => {
    const r = python("baseline_pipeline.py", [
      input,
      path.join(TMP, "base.csv"),
      RETAIL_AS_OF,
      "--kmeans",
      "5",
      "--n-init",
      "10",
    ]);
    const s = r.json.seconds as Record<string, number>;
    base.push(s.total);
    baseWall.push(r.wall);
    for (const [k, v] of Object.entries(s)) (baseSteps[k] ??= []).push(v);
  };
  await runOurs([]); // warm-up (file cache): not counted
  await runInProcess(); // warm-up (module loading, JIT): not counted
  inProcess.length = 0;
  await interleave(REPEAT, () => runOurs(), runBase);
  for (let i = 0; i < REPEAT; i++) await runInProcess();
  for (let i = 0; i < Math.max(1, Math.floor(REPEAT / 2)); i++) {
    const r = python("baseline_pipeline.py", [input, path.join(TMP, "base.csv"), RETAIL_AS_OF]);
    baseNoK.push((r.json.seconds as Record<string, number>).total);
  }
  table(
    ["", "ours (s)", "pandas + sklearn (s)", "ratio ours / pandas"],
    [
      [
        "**process against process** (bin/segment-sheet.js · python3 baseline_pipeline.py), start-up included",
        fmt(median(ours)),
        fmt(median(baseWall)),
        `**${ratio(median(ours), median(baseWall))}**`,
      ],
      [
        "in-process main() (warm, tsx) · in-script pipeline (imports done)",
        fmt(median(inProcess)),
        fmt(median(base)),
        ratio(median(inProcess), median(base)),
      ],
      [
        "process · in-script pipeline without k-means",
        fmt(median(ours)),
        fmt(median(baseNoK)),
        ratio(median(ours), median(baseNoK)),
      ],
    ]
  );
  print(
    `Runs (s): ours ${ours.map(fmt).join(", ")}; pandas process ${baseWall.map(fmt).join(", ")}; ` +
      `in-process main() ${inProcess.map(fmt).join(", ")}; pandas in-script ${base.map(fmt).join(", ")}`
  );
  // Each repeat runs the two processes back to back: their ratio is the least touched by the machine's drift.
  const pairs = ours.map((t, i) => t / baseWall[i]);
  print(
    `Pairs (ours / pandas process, run back to back): ${pairs.map((r) => r.toFixed(2)).join(", ")}; ` +
      `median ${median(pairs).toFixed(2)}; ${pairs.filter((r) => r <= 1).length} of ${pairs.length} at or below 1`
  );
  print(
    `Our stages (median s): ${Object.entries(stages)
      .map(([k, v]) => `${k} ${fmt(median(v))}`)
      .join(" · ")} (writing includes the RFM sheet, tracker and history sheets; a CSV output keeps no undo journal)`
  );
  print(
    `Baseline steps (median s): ${Object.entries(baseSteps)
      .map(([k, v]) => `${k} ${fmt(median(v))}`)
      .join(" · ")}`
  );
  print();
}

// ---- engine -----------------------------------------------------------------------------------

async function engine(): Promise<void> {
  print("## Engine alone: segment() on generated customers (k-means k=5)");
  const sizes = QUICK ? [10_000, 100_000] : [10_000, 100_000, MILLION];
  const rows: (string | number)[][] = [];
  for (const n of sizes) {
    const table = customerTable(n);
    const settings = settingsWith(5);
    const ours: number[] = [];
    const base: number[] = [];
    const reps = n >= MILLION ? Math.max(1, Math.min(REPEAT, 2)) : REPEAT;
    segment(customerTable(Math.min(n, 10_000)), settings, { asOf: AS_OF, lang: "zh-CN" }); // warm-up
    await interleave(
      reps,
      () => {
        const t0 = performance.now();
        const r = segment(table, settings, { asOf: AS_OF, lang: "zh-CN" });
        ours.push(secs(t0));
        if (!r.ok) throw new Error(r.error.code);
      },
      () => {
        base.push(...(python("baseline_engine.py", [String(n), "--kmeans", "5"]).json.seconds as number[]));
      }
    );
    rows.push([
      n.toLocaleString("en"),
      fmt(median(ours)),
      fmt(median(base)),
      ratio(median(ours), median(base)),
      ((median(ours) / n) * 1e6).toFixed(2),
    ]);
  }
  table(["customers", "ours (s)", "pandas + sklearn (s)", "ratio", "ours µs / customer"], rows);
  if (!QUICK) {
    const r = spawnSync(process.execPath, ["--import", "tsx", path.join(__dirname, "engine-rss.ts"), String(MILLION)], {
      encoding: "utf8",
      cwd: ROOT,
    });
    print(
      `Peak RSS, engine alone on ${MILLION.toLocaleString("en")} customers (own process): ${r.stdout.trim() || r.stderr.trim()}`
    );
    print();
  }
}

// ---- k-means ----------------------------------------------------------------------------------

function inertiaOf(m: Matrix, labels: ArrayLike<number>, centroids: number[][]): number {
  let s = 0;
  for (let i = 0; i < m.n; i++) {
    const c = centroids[labels[i]];
    for (let f = 0; f < m.d; f++) s += (m.data[i * m.d + f] - c[f]) ** 2;
  }
  return s;
}

async function kmeansBench(): Promise<void> {
  print("## k-means: ours vs scikit-learn KMeans vs ml-kmeans (k = 5, 10 restarts, k-means++ starts)");
  const { kmeans: mlKmeans } = (await import("ml-kmeans")) as typeof import("ml-kmeans");
  // Online Retail's customers as the engine sees them, and 100,000 generated customers.
  const retailTable = (() => {
    const wb = HostWorkbook.fromCsv(gunzipSync(readFileSync(RETAIL_GZ)), "R");
    return wb;
  })();
  const retail = await retailTable.run(async (context) => {
    const { readTable } = await import("../src/excel/read-table");
    return (await readTable(context)).table;
  });
  const datasets: { name: string; table: ReturnType<typeof customerTable>; asOf: string }[] = [
    { name: "Online Retail customers (4,372 × 3)", table: retail, asOf: RETAIL_AS_OF },
    { name: "generated customers (100,000 × 3)", table: customerTable(100_000), asOf: AS_OF },
  ];
  const rows: (string | number)[][] = [];
  for (const ds of datasets) {
    const seg = segment(ds.table, settingsWith(5), { asOf: ds.asOf, lang: "zh-CN" });
    if (!seg.ok) throw new Error(seg.error.code);
    const cs = seg.value.customers;
    const columns: FeatureColumn[] = [
      { name: "R", kind: "recency", values: cs.map((c) => c.recencyDays) },
      { name: "F", kind: "frequency", values: cs.map((c) => c.frequency) },
      { name: "M", kind: "monetary", values: cs.map((c) => c.monetary) },
    ];
    const m = buildFeatures(columns, cs.length);
    const file = path.join(TMP, "matrix.f64");
    writeFileSync(file, Buffer.from(m.data.buffer, m.data.byteOffset, m.data.byteLength));
    const points: number[][] = Array.from({ length: m.n }, (_, i) =>
      Array.from(m.data.subarray(i * m.d, (i + 1) * m.d))
    );
    const ours: number[] = [];
    const sk: number[] = [];
    const ml: number[] = [];
    let oursInertia = 0;
    let skInertia = 0;
    let mlInertia = 0;
    const reps = REPEAT;
    await interleave(
      reps,
      () => {
        const t0 = performance.now();
        const r = kmeans(m, 5, { seed: 1, nInit: 10 });
        ours.push(secs(t0));
        oursInertia = r.inertia;
        const t1 = performance.now();
        let best = Infinity;
        for (let run = 0; run < 10; run++) {
          const res = mlKmeans(points, 5, {
            initialization: "kmeans++",
            seed: run + 1,
            maxIterations: 300,
            tolerance: 1e-6,
          });
          best = Math.min(best, inertiaOf(m, res.clusters, res.centroids));
        }
        ml.push(secs(t1));
        mlInertia = best;
      },
      () => {
        const r = python("baseline_kmeans.py", [file, String(m.n), String(m.d), "5", "10", "1"]).json;
        sk.push(...(r.seconds as number[]));
        skInertia = r.inertia as number;
      }
    );
    rows.push([
      ds.name,
      fmt(median(ours)),
      fmt(median(sk)),
      ratio(median(ours), median(sk)),
      fmt(median(ml)),
      ratio(median(ours), median(ml)),
      `${oursInertia.toFixed(1)} / ${skInertia.toFixed(1)} / ${mlInertia.toFixed(1)}`,
    ]);
  }
  table(
    ["data", "ours (s)", "sklearn (s)", "ratio", "ml-kmeans ×10 (s)", "ratio", "inertia ours / sklearn / ml-kmeans"],
    rows
  );
}

// ---- io ---------------------------------------------------------------------------------------

async function io(): Promise<void> {
  print("## Excel on the web's limits: syncs and largest payloads (segmentSheet on the xlsx-host, webLimits)");
  const sizes = QUICK ? [10_000, 100_000] : [10_000, 100_000, MILLION];
  const rows: (string | number)[][] = [];
  for (const n of sizes) {
    const wb = HostWorkbook.fromCsv(customerCsv(n), "客户", { webLimits: true });
    const t0 = performance.now();
    await wb.run((context) => segmentSheet(context, { settings: defaultSettings(), asOf: AS_OF, lang: "zh-CN" }));
    const t = secs(t0);
    const s = wb.stats;
    // The fewest round trips that could carry these bytes at 5 MB each.
    const floor = Math.ceil(s.totalRequestBytes / WEB_LIMIT) + Math.ceil(s.totalResponseBytes / WEB_LIMIT);
    rows.push([
      (n + 1).toLocaleString("en"),
      s.syncs,
      floor,
      (s.syncs / floor).toFixed(2),
      (s.maxRequestBytes / 1e6).toFixed(2),
      (s.maxResponseBytes / 1e6).toFixed(2),
      `${(s.totalRequestBytes / 1e6).toFixed(0)} / ${(s.totalResponseBytes / 1e6).toFixed(0)}`,
      fmt(t),
    ]);
  }
  table(
    [
      "sheet rows",
      "syncs",
      "fewest possible at 5 MB",
      "ratio",
      "largest request (MB)",
      "largest response (MB)",
      "MB sent / received",
      "run (s)",
    ],
    rows
  );
}

// ---- main -------------------------------------------------------------------------------------

(async () => {
  print("# segment-sheet benchmarks");
  machine();
  try {
    if (ONLY.has("e2e")) await e2e();
    if (ONLY.has("engine")) await engine();
    if (ONLY.has("kmeans")) await kmeansBench();
    if (ONLY.has("io")) await io();
  } finally {
    rmSync(TMP, { recursive: true, force: true });
  }
  print(
    `Load average at end: ${loadavg()
      .map((x) => x.toFixed(2))
      .join(" ")}`
  );
  const file = opt("out");
  if (file) writeFileSync(file, out.join("\n") + "\n");
})().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
