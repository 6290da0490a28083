/**
 * Review between runs (复盘). Every run keeps each customer's segment for its as-of date in a hidden, clearly
 * named history sheet; when an earlier period is there, a migration sheet shows the transition matrix and
 * per-segment KPIs against it. A re-run for the same as-of date replaces that period's rows with the same
 * rows, so the workbook comes out identical (no wall-clock time anywhere).
 */
import { RFM_CODES } from "../engine/rfm/labels";
import { GONE, kpis, NEW, Period, PeriodEntry, previousPeriod, transition } from "../engine/migration/migration";
import type { CellValue, Lang, SegmentationResult } from "../engine/types";
import { fill } from "../i18n/messages";
import { migrationStrings } from "../i18n/migration";
import { asText } from "./cell-text";
import type { Journal } from "./journal";
import { MAX_CELLS_PER_READ, MAX_CELLS_PER_WRITE, chunks } from "./limits";

type Cell = string | number | boolean;
const HISTORY_COLUMNS = 5;
/** Excel's last row: history beyond it cannot be kept; the oldest periods give way. */
const MAX_SHEET_ROWS = 1_048_576;

function currentPeriod(result: SegmentationResult): Period {
  return {
    asOf: result.asOf,
    entries: result.customers.map((c) => ({ id: c.id, code: c.rfmCode, frequency: c.frequency, monetary: c.monetary })),
  };
}

async function readHistory(context: Excel.RequestContext, name: string): Promise<Period[]> {
  const sheet = context.workbook.worksheets.getItem(name);
  const used = sheet.getUsedRangeOrNullObject(true);
  used.load("rowCount");
  await context.sync();
  if (used.isNullObject || used.rowCount <= 1) return [];
  const byDate = new Map<string, PeriodEntry[]>();
  const perRead = Math.floor(MAX_CELLS_PER_READ / HISTORY_COLUMNS);
  for (const [start, count] of chunks(used.rowCount - 1, perRead)) {
    const r = sheet.getRangeByIndexes(1 + start, 0, count, HISTORY_COLUMNS);
    r.load("values");
    // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per chunk of rows, by design (5 MB limit)
    await context.sync();
    for (const [asOf, id, code, f, m] of r.values as CellValue[][]) {
      const key = String(asOf);
      const list = byDate.get(key) ?? [];
      list.push({ id: String(id), code: String(code), frequency: Number(f), monetary: Number(m) });
      byDate.set(key, list);
    }
  }
  return [...byDate].map(([asOf, entries]) => ({ asOf, entries }));
}

/** Periods to keep, oldest first, newest kept whole within Excel's rows. */
function keep(periods: Period[]): Period[] {
  const sorted = [...periods].sort((a, b) => (a.asOf < b.asOf ? -1 : a.asOf > b.asOf ? 1 : 0));
  const out: Period[] = [];
  let rows = 1;
  for (let i = sorted.length - 1; i >= 0; i--) {
    if (rows + sorted[i].entries.length > MAX_SHEET_ROWS) break;
    rows += sorted[i].entries.length;
    out.unshift(sorted[i]);
  }
  return out;
}

async function writeHistory(
  context: Excel.RequestContext,
  name: string,
  exists: boolean,
  periods: Period[],
  lang: Lang,
  journal: Journal
) {
  const sheets = context.workbook.worksheets;
  const h = migrationStrings[lang].history;
  const header: Cell[] = [h.asOf, h.id, h.code, h.frequency, h.monetary];
  const rows: Cell[][] = [];
  for (const p of periods)
    for (const e of p.entries) rows.push([asText(p.asOf), asText(e.id), asText(e.code), e.frequency, e.monetary]);
  if (exists) {
    journal.captureSheet(name);
    await journal.flush();
    journal.expectSheet(name, [header, ...rows]);
  } else journal.createdSheet(name);
  const sheet = exists ? sheets.getItem(name) : sheets.add(name);
  if (exists) sheet.getRange().clear();
  else sheet.visibility = "Hidden";
  sheet.getRangeByIndexes(0, 0, 1, HISTORY_COLUMNS).values = [header];
  const perWrite = Math.floor(MAX_CELLS_PER_WRITE / HISTORY_COLUMNS);
  for (const [start, count] of chunks(rows.length, perWrite)) {
    sheet.getRangeByIndexes(1 + start, 0, count, HISTORY_COLUMNS).values = rows.slice(start, start + count);
    // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per chunk of rows, by design (5 MB limit)
    await context.sync();
  }
}

function migrationCells(previous: Period, current: Period, labels: Map<string, string>, lang: Lang): Cell[][] {
  const s = migrationStrings[lang];
  const codes = RFM_CODES;
  const t = transition(previous, current, codes);
  const name = (k: string) => (k === NEW ? s.newCustomers : k === GONE ? s.gone : `${k} ${labels.get(k) ?? ""}`.trim());
  const width = t.to.length + 1;
  const pad = (row: Cell[]) => row.concat(new Array<Cell>(Math.max(0, width - row.length)).fill(""));
  const out: Cell[][] = [pad([fill(s.title, { previous: previous.asOf, current: current.asOf })]), pad([])];
  out.push(pad([s.corner, ...t.to.map(name)]));
  t.from.forEach((k, i) => out.push(pad([name(k), ...t.counts[i]])));
  out.push(pad([]));
  const now = kpis(current, codes);
  const before = kpis(previous, codes);
  out.push(
    pad([
      s.kpi.segment,
      s.kpi.customers,
      s.kpi.previousCustomers,
      s.kpi.repurchase,
      s.kpi.previousRepurchase,
      s.kpi.aov,
      s.kpi.previousAov,
    ])
  );
  const num = (v: number | null): Cell => (v === null ? "" : Math.round(v * 1e6) / 1e6);
  now.forEach((k, i) => {
    const b = before[i];
    out.push(
      pad([
        name(k.code),
        k.customers,
        b.customers,
        num(k.repurchaseRate),
        num(b.repurchaseRate),
        num(k.averageOrderValue),
        num(b.averageOrderValue),
      ])
    );
  });
  return out;
}

export interface MigrationOutcome {
  historySheet: string;
  /** The migration sheet, when an earlier period existed. */
  migrationSheet: string | null;
  previousAsOf: string | null;
}

/** Stores this run's period and, when an earlier one exists, writes the migration sheet. */
export async function writeMigration(
  context: Excel.RequestContext,
  result: SegmentationResult,
  lang: Lang,
  recorded: { historySheet?: string; migrationSheet?: string },
  sheetNames: string[],
  journal: Journal
): Promise<MigrationOutcome> {
  const s = migrationStrings[lang];
  const lower = sheetNames.map((n) => n.toLowerCase());
  const has = (n: string | undefined): n is string => n !== undefined && lower.includes(n.toLowerCase());
  const free = (base: string) => {
    let n = base;
    for (let i = 2; lower.includes(n.toLowerCase()); i++) n = `${base} (${i})`;
    return n;
  };
  const historySheet = has(recorded.historySheet) ? recorded.historySheet : free(s.historySheet);
  const historyExists = has(recorded.historySheet);
  const periods = historyExists ? await readHistory(context, historySheet) : [];
  const current = currentPeriod(result);
  const previous = previousPeriod(periods, current.asOf);
  const kept = keep([...periods.filter((p) => p.asOf !== current.asOf), current]);
  await writeHistory(context, historySheet, historyExists, kept, lang, journal);
  if (!previous)
    return {
      historySheet,
      migrationSheet: has(recorded.migrationSheet) ? recorded.migrationSheet : null,
      previousAsOf: null,
    };

  const migrationExists = has(recorded.migrationSheet);
  const migrationSheet = migrationExists ? (recorded.migrationSheet as string) : free(s.migrationSheet);
  const labels = new Map(result.segments.map((x) => [x.code, x.label]));
  const cells = migrationCells(previous, current, labels, lang);
  if (migrationExists) {
    journal.captureSheet(migrationSheet);
    await journal.flush();
    journal.expectSheet(migrationSheet, cells);
  } else journal.createdSheet(migrationSheet);
  const sheet = migrationExists
    ? context.workbook.worksheets.getItem(migrationSheet)
    : context.workbook.worksheets.add(migrationSheet);
  if (migrationExists) sheet.getRange().clear();
  sheet.getRangeByIndexes(0, 0, cells.length, cells[0].length).values = cells;
  await context.sync();
  return { historySheet, migrationSheet, previousAsOf: previous.asOf };
}
