/**
 * Times segment() on the full UCI Online Retail orders (541,909 rows; ../shared/data/derived/
 * online_retail.csv.gz, see shared/data/SOURCES.md) in two shapes:
 *   excel: what Range.values gives (numbers, dates as Excel serials, "" for empty cells);
 *   text:  every cell as text, as a CSV import would give.
 * Not a test: it prints times. Usage: npx tsx scripts/engine-orders-timing.ts [path]
 */
import * as fs from "fs";
import * as path from "path";
import * as zlib from "zlib";
import Papa from "papaparse";
import { defaultSettings } from "../src/engine/config";
import { segment } from "../src/engine/pipeline";
import type { CellValue, RawTable } from "../src/engine/types";

const file = process.argv[2] ?? path.resolve(__dirname, "../../shared/data/derived/online_retail.csv.gz");
const csv = zlib.gunzipSync(fs.readFileSync(file)).toString("utf8");
const parsed = Papa.parse<string[]>(csv, { skipEmptyLines: true });
const [headers, ...textRows] = parsed.data;

const serial = (s: string): number => {
  const [d, t = "0:0:0"] = s.split(" ");
  const [y, m, day] = d.split("-").map(Number);
  const [hh, mm, ss] = t.split(":").map(Number);
  return Date.UTC(y, m - 1, day) / 86_400_000 + 25569 + (hh * 3600 + mm * 60 + (ss || 0)) / 86_400;
};
const excelRows: CellValue[][] = textRows.map((r) => [
  r[0],
  r[1],
  r[2],
  Number(r[3]),
  serial(r[4]),
  Number(r[5]),
  r[6] === "" ? "" : Number(r[6]),
  r[7],
]);

function time(label: string, table: RawTable): void {
  const runs: number[] = [];
  const cpu: number[] = [];
  let summary = "";
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    const res = segment(table, defaultSettings(), { asOf: "2011-12-10", lang: "en" });
    runs.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
    if (!res.ok) throw new Error(JSON.stringify(res.error));
    const v = res.value;
    summary = `${v.customers.length} customers, ${v.report.rowsWithoutId} rows without id, ${v.report.issues.length} issues`;
  }
  runs.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  console.log(
    `${label}: ${table.rows.length} rows, wall median ${runs[2].toFixed(0)} ms (min ${runs[0].toFixed(0)}), ` +
      `CPU median ${cpu[2].toFixed(0)} ms (min ${cpu[0].toFixed(0)}); ${summary}`
  );
}

time("excel", { headers, rows: excelRows });
time("text ", { headers, rows: textRows });
