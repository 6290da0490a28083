/**
 * Excel's last row: a customer sheet of 1,048,575 customers under its header (1,048,576 rows, the whole
 * grid) segmented by src/excel on the xlsx-host with Excel on the web's limits (webLimits: every request
 * and response over 5 MB, and every read over 5,000,000 cells, fails as it does in Excel on the web).
 *
 * The sheet is generated in memory from formulas of the row number, so the expected R, F and M of any row
 * are known, and the expected scores follow from counts over all rows (tie-safe quintiles, SPEC), computed
 * here independently of the engine. Results are read back through the Excel API for sampled rows only.
 */
import { defaultSettings } from "../../src/engine/config";
import { segmentSheet } from "../../src/excel/segment-sheet";
import type { RunSummary } from "../../src/excel/types";
import { HostWorkbook } from "../../src/xlsx-host";

const N = 1_048_575;
const AS_OF = "2024-06-01";
const SHEET = "客户";
const LIMIT = 5_000_000;

// Customer i (0-based data row): figures as functions of i.
const days = (i: number) => (i * 7919) % 400;
const frequency = (i: number) => 1 + ((i * 104_729) % 30);
/** Distinct for every i: 15,485,863 is prime and does not divide N, so i ↦ i·a mod N is a permutation. */
const cents = (i: number) => 1000 + ((i * 15_485_863) % N);
const id = (i: number) => 100_000 + i;

function isoDay(daysBefore: number): string {
  const d = new Date(Date.UTC(2024, 5, 1) - daysBefore * 86_400_000);
  return d.toISOString().slice(0, 10);
}

function customerCsv(): string {
  const dates = Array.from({ length: 400 }, (_, d) => isoDay(d));
  const lines: string[] = new Array(N + 1);
  lines[0] = "客户ID,最后购买时间,近6个月消费频次,累计消费金额(元)";
  for (let i = 0; i < N; i++) {
    const c = cents(i);
    lines[i + 1] =
      `${id(i)},${dates[days(i)]},${frequency(i)},${Math.floor(c / 100)}.${String(c % 100).padStart(2, "0")}`;
  }
  return lines.join("\n") + "\n";
}

/** score = 1 + floor(5 · #strictly worse / N), from a histogram of the values. */
function scoresFromCounts(values: (i: number) => number, worseIsSmaller: boolean): (i: number) => number {
  const counts = new Map<number, number>();
  for (let i = 0; i < N; i++) counts.set(values(i), (counts.get(values(i)) ?? 0) + 1);
  const keys = [...counts.keys()].sort((a, b) => (worseIsSmaller ? a - b : b - a));
  const worse = new Map<number, number>();
  let below = 0;
  for (const k of keys) {
    worse.set(k, below);
    below += counts.get(k) as number;
  }
  return (i) => 1 + Math.floor((5 * (worse.get(values(i)) as number)) / N);
}

describe(`a ${N.toLocaleString("en")}-customer sheet (1,048,576 rows) in Excel on the web's limits`, () => {
  let wb: HostWorkbook;
  let summary: RunSummary;
  let seconds: number;

  beforeAll(async () => {
    wb = HostWorkbook.fromCsv(customerCsv(), SHEET, { webLimits: true });
    const settings = defaultSettings();
    settings.rfm.scoring = "quintiles";
    settings.rfm.split = "mean";
    const t0 = Date.now();
    summary = await wb.run((context) => segmentSheet(context, { settings, asOf: AS_OF, lang: "zh-CN" }));
    seconds = (Date.now() - t0) / 1000;
  }, 600_000);

  it("reads every row and finds every customer", () => {
    expect(summary).toMatchObject({ kind: "customers", rows: N, customers: N, headerRow: 1 });
  });

  it("keeps every request and response under 5 MB, in a number of syncs that follows the data's size", () => {
    const s = wb.stats;

    console.log(
      `1,048,575 customers: ${seconds.toFixed(1)} s, ${s.syncs} syncs, ${s.requests} requests, ` +
        `largest request ${s.maxRequestBytes} B, largest response ${s.maxResponseBytes} B, ` +
        `${(s.totalRequestBytes / 1e6).toFixed(0)} MB sent, ${(s.totalResponseBytes / 1e6).toFixed(0)} MB received, ` +
        `peak RSS of the test process ${(process.resourceUsage().maxRSS / 1e3).toFixed(0)} MB`
    );
    expect(s.maxRequestBytes).toBeLessThan(LIMIT);
    expect(s.maxResponseBytes).toBeLessThan(LIMIT);
    // Chunked: no single round trip could carry the sheet.
    expect(s.totalResponseBytes).toBeGreaterThan(5 * LIMIT);
    expect(s.totalRequestBytes).toBeGreaterThan(5 * LIMIT);
    // ...and the chunks are full: on average at least 1.5 MB per data round trip, plus a few dozen small ones.
    const floor = Math.ceil((s.totalRequestBytes + s.totalResponseBytes) / LIMIT);
    expect(s.syncs).toBeGreaterThanOrEqual(floor);
    expect(s.syncs).toBeLessThanOrEqual(Math.ceil((s.totalRequestBytes + s.totalResponseBytes) / 1_500_000) + 60);
  });

  it("writes each sampled row's R, F and M scores and class as computed independently from the row number", async () => {
    const rScore = scoresFromCounts(days, false); // more days is worse
    const fScore = scoresFromCounts(frequency, true);
    const mScore = scoresFromCounts(cents, true);
    let sumR = 0;
    let sumF = 0;
    let sumM = 0;
    for (let i = 0; i < N; i++) {
      sumR += rScore(i);
      sumF += fScore(i);
      sumM += mScore(i);
    }
    const bit = (score: number, sum: number) => (score * N > sum ? "1" : "0");

    const sample = [0, 1, 2, N - 2, N - 1];
    for (let k = 1; k <= 400; k++) sample.push(Math.floor((k * (N - 1)) / 401));
    const got = await wb.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem(SHEET);
      const header = sheet.getRangeByIndexes(0, 0, 1, 40).load("values");
      // One batch for all sampled rows: no sync per row.
      const rows = sample.map((i) => sheet.getRangeByIndexes(i + 1, 0, 1, 40).load("values"));
      await context.sync();
      return { header: header.values[0].map(String), rows: rows.map((r) => r.values[0]) };
    });
    const col = (h: string) => {
      const c = got.header.indexOf(h);
      expect(c).toBeGreaterThanOrEqual(0);
      return c;
    };
    const [cr, cf, cm, ccode] = [col("R分"), col("F分"), col("M分"), col("RFM分组")];
    const mismatches: string[] = [];
    sample.forEach((i, k) => {
      const row = got.rows[k];
      const want = [id(i), rScore(i), fScore(i), mScore(i)];
      const code = bit(rScore(i), sumR) + bit(fScore(i), sumF) + bit(mScore(i), sumM);
      const have = [row[0], row[cr], row[cf], row[cm]];
      if (JSON.stringify(have) !== JSON.stringify(want) || row[ccode] !== code)
        mismatches.push(`row ${i + 2}: ${JSON.stringify([...have, row[ccode]])} ≠ ${JSON.stringify([...want, code])}`);
      // The user's own cells are untouched.
      if (row[2] !== frequency(i) || row[3] !== cents(i) / 100) mismatches.push(`row ${i + 2}: input changed`);
    });
    expect(mismatches.slice(0, 10)).toEqual([]);
  });

  it("gives the RFM sheet one row per customer, the last in Excel's last row", async () => {
    const got = await wb.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem(summary.written.rfmSheet.name);
      const used = sheet.getUsedRange(true).load("rowCount");
      const last = sheet.getRangeByIndexes(N, 0, 1, 4).load("values");
      await context.sync();
      return { rows: used.rowCount, last: last.values[0] };
    });
    expect(got.rows).toBe(N + 1);
    expect(got.last).toEqual([id(N - 1), days(N - 1), frequency(N - 1), cents(N - 1) / 100]);
  });

  it("stays within a few minutes", () => {
    expect(seconds).toBeLessThan(180);
  });
});
