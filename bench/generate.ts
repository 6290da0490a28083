/**
 * Generated customer tables for the benchmarks: n customers whose figures are functions of the row number,
 * the same formulas as bench/baseline_engine.py (so both sides get identical data) and test/scale.
 *
 *   id = 100000 + i · days since the last purchase = i·7919 mod 400 · frequency = 1 + i·104729 mod 30
 *   amount = (1000 + i·15485863 mod n) / 100 (distinct for every i when gcd(15485863, n) = 1)
 */
import type { RawTable } from "../src/engine/types";

export const AS_OF = "2024-06-01";
/** Excel serial of AS_OF (1900 date system). */
const AS_OF_SERIAL = 45444;
export const HEADERS = ["客户ID", "最后购买时间", "近6个月消费频次", "累计消费金额(元)"];

export const days = (i: number): number => (i * 7919) % 400;
export const frequency = (i: number): number => 1 + ((i * 104_729) % 30);
export const cents = (i: number, n: number): number => 1000 + ((i * 15_485_863) % n);
export const id = (i: number): number => 100_000 + i;

/** The table as src/excel reads it from a sheet: dates as serials with a date format. */
export function customerTable(n: number): RawTable {
  const rows = new Array(n);
  for (let i = 0; i < n; i++) rows[i] = [id(i), AS_OF_SERIAL - days(i), frequency(i), cents(i, n) / 100];
  return { headers: [...HEADERS], rows, numberFormats: ["General", "yyyy-mm-dd", "General", "General"] };
}

function isoDay(daysBefore: number): string {
  return new Date(Date.UTC(2024, 5, 1) - daysBefore * 86_400_000).toISOString().slice(0, 10);
}

/** The same customers as a CSV export. */
export function customerCsv(n: number): string {
  const dates = Array.from({ length: 400 }, (_, d) => isoDay(d));
  const lines: string[] = new Array(n + 1);
  lines[0] = HEADERS.join(",");
  for (let i = 0; i < n; i++) {
    const c = cents(i, n);
    lines[i + 1] =
      `${id(i)},${dates[days(i)]},${frequency(i)},${Math.floor(c / 100)}.${String(c % 100).padStart(2, "0")}`;
  }
  return lines.join("\n") + "\n";
}
