/**
 * Peak memory of the engine alone: builds N generated customers as src/excel would read them, runs
 * segment() once (k-means k=5) and prints the process's peak resident set size. Run by bench/run.ts in a
 * process of its own: `node --import tsx bench/engine-rss.ts 1048575`.
 */
import { defaultSettings } from "../src/engine/config";
import { segment } from "../src/engine/pipeline";
import { AS_OF, customerTable } from "./generate";

const n = Number(process.argv[2] ?? 1_048_575);
const table = customerTable(n);
const before = process.memoryUsage().rss;
const settings = defaultSettings();
settings.cluster.k = 5;
const t0 = performance.now();
const r = segment(table, settings, { asOf: AS_OF, lang: "zh-CN" });
if (!r.ok) throw new Error(r.error.code);
const s = ((performance.now() - t0) / 1000).toFixed(1);
const peak = process.resourceUsage().maxRSS * 1024;
console.log(
  `${(peak / 1e6).toFixed(0)} MB (the input table alone: ${(before / 1e6).toFixed(0)} MB before segment(); segment() took ${s} s)`
);
