/**
 * Review between runs (复盘): who moved from which segment to which since the previous period, and
 * per-segment KPIs against it. Pure; the periods come from the workbook's history sheet.
 */

/** One customer in one period. */
export interface PeriodEntry {
  id: string;
  code: string;
  frequency: number;
  monetary: number;
}

export interface Period {
  asOf: string;
  entries: PeriodEntry[];
}

/** Row and column keys beyond the segment codes. */
export const NEW = "new";
export const GONE = "gone";

export interface Transition {
  /** Row keys: previous codes then NEW; column keys: current codes then GONE. */
  from: string[];
  to: string[];
  /** counts[i][j]: customers in from[i] before and to[j] now. */
  counts: number[][];
}

export interface SegmentKpi {
  code: string;
  customers: number;
  /** Share of the segment's customers with two or more purchases (复购率). */
  repurchaseRate: number | null;
  /** Amount per purchase over the segment (客单价 = ΣM / ΣF). */
  averageOrderValue: number | null;
}

export function transition(previous: Period, current: Period, codes: readonly string[]): Transition {
  const before = new Map(previous.entries.map((e) => [e.id, e.code]));
  const now = new Map(current.entries.map((e) => [e.id, e.code]));
  const from = [...codes, NEW];
  const to = [...codes, GONE];
  const counts = from.map(() => to.map(() => 0));
  const row = (code: string) => codes.indexOf(code);
  for (const [id, code] of now) {
    const was = before.get(id);
    const i = was === undefined ? codes.length : row(was);
    const j = row(code);
    if (i >= 0 && j >= 0) counts[i][j] += 1;
  }
  for (const [id, was] of before) {
    if (now.has(id)) continue;
    const i = row(was);
    if (i >= 0) counts[i][codes.length] += 1;
  }
  return { from, to, counts };
}

export function kpis(period: Period, codes: readonly string[]): SegmentKpi[] {
  return codes.map((code) => {
    const members = period.entries.filter((e) => e.code === code);
    const purchases = members.reduce((s, e) => s + e.frequency, 0);
    const amount = members.reduce((s, e) => s + e.monetary, 0);
    return {
      code,
      customers: members.length,
      repurchaseRate: members.length > 0 ? members.filter((e) => e.frequency >= 2).length / members.length : null,
      averageOrderValue: purchases > 0 ? amount / purchases : null,
    };
  });
}

/** The latest period strictly before `asOf`, or null. */
export function previousPeriod(periods: Period[], asOf: string): Period | null {
  let best: Period | null = null;
  for (const p of periods) if (p.asOf < asOf && (best === null || p.asOf > best.asOf)) best = p;
  return best;
}
