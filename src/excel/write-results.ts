/**
 * Writes the owned columns beside the user's columns and the RFM result sheet (seed table 2 layout).
 * Everything is queued first and sent in as few syncs as the size limits allow; nothing is written
 * before every check (protection, a person's values in a template column) has passed.
 */
import type { CustomerRfm, SegmentationResult } from "../engine/types";
import type { Lang } from "../engine/types";
import { columnHeaders, OwnedColumnKey, sheetNames } from "../i18n/headers";
import { asCell, textCells } from "./cell-text";
import type { ColumnTarget } from "./column-plan";
import { writeInChunks } from "./chunked-write";
import type { Journal } from "./journal";
import type { TableLocation } from "./read-table";

type Cell = string | number | boolean;

/** Every column the segmented sheet may get, in order; sheetKeysFor picks those a result computed. */
export const SHEET_KEYS: OwnedColumnKey[] = [
  "rScore",
  "fScore",
  "mScore",
  "rfmCode",
  "rfmLabel",
  "spendingTag",
  "activityTag",
  "needTag",
  "cityTier",
  "region",
  "ageBand",
  "cluster",
  "segment",
  "dataQuality",
];
/**
 * Columns of the RFM result sheet, in order (表2: 客户ID · R · F · M · RFM分组 · 客户类型, plus the scores,
 * then 客户细分, 聚类群组 and the tags). A fixed layout: a value the table could not give (no city column,
 * clustering off) is left blank rather than dropping its column.
 */
export const RFM_SHEET_KEYS: OwnedColumnKey[] = [
  "id",
  "recencyDays",
  "frequency",
  "monetary",
  "rScore",
  "fScore",
  "mScore",
  "rfmCode",
  "rfmLabel",
  "segment",
  "cluster",
  "spendingTag",
  "activityTag",
  "needTag",
  "cityTier",
  "region",
  "ageBand",
];

/** Tag, dimension, cluster and segment columns: written only when the engine computed them. */
const COMPUTED_KEYS: ReadonlySet<OwnedColumnKey> = new Set<OwnedColumnKey>([
  "spendingTag",
  "activityTag",
  "needTag",
  "cityTier",
  "region",
  "ageBand",
  "cluster",
  "segment",
]);

/**
 * The segmented sheet's columns for this result: the RFM columns, the tags the table allowed, and 数据质量
 * (written by write-cleaning.ts) when cleaning noted something about a row — or when an earlier run wrote
 * it (`owned`: the sheet's ownership record), so that notes that no longer apply are cleared.
 */
export function sheetKeysFor(
  result: SegmentationResult,
  owned: Partial<Record<OwnedColumnKey, string>> = {}
): OwnedColumnKey[] {
  const computed = new Set<string>(result.computed);
  const quality = result.cleaning.marks.length > 0 || owned.dataQuality !== undefined;
  return SHEET_KEYS.filter((k) => (k === "dataQuality" ? quality : !COMPUTED_KEYS.has(k) || computed.has(k)));
}

export function customerCell(c: CustomerRfm, key: OwnedColumnKey): Cell {
  switch (key) {
    case "id":
      return /^[1-9]\d{0,14}$/.test(c.id) ? Number(c.id) : c.id; // a numeric id stays a number
    case "recencyDays":
      return c.recencyDays ?? "";
    // A figure the sheet did not give is written blank, not as a misleading 0.
    case "frequency":
      return c.missing?.includes("frequency") ? "" : c.frequency;
    case "monetary":
      return c.missing?.includes("monetary") ? "" : c.monetary;
    case "rScore":
      return c.rScore;
    case "fScore":
      return c.fScore;
    case "mScore":
      return c.mScore;
    case "rfmCode":
      return c.rfmCode;
    case "rfmLabel":
      return c.rfmLabel;
    // Labels in the user's language; "" where the engine computed none.
    case "spendingTag":
    case "activityTag":
    case "needTag":
    case "cityTier":
    case "region":
    case "ageBand":
    case "cluster":
    case "segment":
      return c[key];
    // A note about a row, not a customer: write-cleaning.ts writes that column.
    case "dataQuality":
      return "";
  }
}

/** One column's data for every table row (rows without a customer stay blank). */
function columnValues(result: SegmentationResult, key: OwnedColumnKey, start: number, count: number): Cell[][] {
  const cell = textCells();
  const out: Cell[][] = new Array(count);
  for (let i = 0; i < count; i++) {
    const ci = result.rowCustomer[start + i];
    out[i] = [ci >= 0 ? cell(customerCell(result.customers[ci], key)) : ""];
  }
  return out;
}

/** Owned columns side by side (offsets o, o + 1, …): written as one range of rows, not one range per column. */
interface ColumnRun {
  offset: number;
  keys: OwnedColumnKey[];
}

function adjacentRuns(targets: ColumnTarget[]): ColumnRun[] {
  const runs: ColumnRun[] = [];
  for (const t of [...targets].sort((a, b) => a.offset - b.offset)) {
    const last = runs[runs.length - 1];
    if (last && last.offset + last.keys.length === t.offset) last.keys.push(t.key);
    else runs.push({ offset: t.offset, keys: [t.key] });
  }
  return runs;
}

/**
 * Rows [start, start + count) of a run of adjacent owned columns. Every row of a customer (an orders table's
 * lines) holds the same cells: one array per customer, made once and kept in `byCustomer`, serves them all
 * (the arrays are only read).
 */
function runValues(
  result: SegmentationResult,
  keys: OwnedColumnKey[],
  start: number,
  count: number,
  cell: (v: Cell) => Cell,
  byCustomer: (Cell[] | undefined)[]
): Cell[][] {
  const out: Cell[][] = new Array(count);
  const blank: Cell[] = keys.map(() => "");
  for (let i = 0; i < count; i++) {
    const ci = result.rowCustomer[start + i];
    if (ci < 0) {
      out[i] = blank;
      continue;
    }
    let row = byCustomer[ci];
    if (row === undefined) {
      const c = result.customers[ci];
      row = new Array<Cell>(keys.length);
      for (let k = 0; k < keys.length; k++) row[k] = cell(customerCell(c, keys[k]));
      byCustomer[ci] = row;
    }
    out[i] = row;
  }
  return out;
}

/** Queues the owned columns; returns the data address of each, for the pane's links. */
export async function writeOwnedColumns(
  context: Excel.RequestContext,
  location: TableLocation,
  targets: ColumnTarget[],
  result: SegmentationResult,
  journal: Journal
): Promise<Partial<Record<OwnedColumnKey, string>>> {
  const sheet = context.workbook.worksheets.getItem(location.sheetName);
  for (const t of targets) {
    journal.capture(location.sheetName, location.headerRow, location.firstColumn + t.offset, location.rowCount + 1, 1);
  }
  if (journal.enabled) {
    for (const t of targets) {
      const values: (Cell | null)[][] = [[t.header], ...columnValues(result, t.key, 0, location.rowCount)];
      journal.expect(location.sheetName, location.headerRow, location.firstColumn + t.offset, values);
    }
  }
  await journal.flush();
  const addresses: Partial<Record<OwnedColumnKey, Excel.Range>> = {};
  for (const t of targets) {
    const col = location.firstColumn + t.offset;
    if (t.header !== null) {
      const h = sheet.getRangeByIndexes(location.headerRow, col, 1, 1);
      h.values = [[t.header]];
      h.format.font.bold = true;
    }
    if (location.rowCount > 0) {
      const whole = sheet.getRangeByIndexes(location.headerRow + 1, col, location.rowCount, 1);
      whole.load("address");
      addresses[t.key] = whole;
    }
  }
  // Headers first, so that each chunk's request holds that chunk alone (chunked-write.ts).
  await context.sync();
  const runs = adjacentRuns(targets);
  const cell = textCells();
  const byCustomer = runs.map((): (Cell[] | undefined)[] => new Array(result.customers.length));
  await writeInChunks(context, {
    total: location.rowCount,
    cellsPerRow: targets.length,
    make: (start, count) => runs.map((run, k) => runValues(result, run.keys, start, count, cell, byCustomer[k])),
    row: (blocks, i) => blocks.map((b) => b[i]),
    put: (blocks, start, count) =>
      runs.forEach((run, k) => {
        const col = location.firstColumn + run.offset;
        const r = sheet.getRangeByIndexes(location.headerRow + 1 + start, col, count, run.keys.length);
        r.values = blocks[k];
        r.untrack();
      }),
  });
  const out: Partial<Record<OwnedColumnKey, string>> = {};
  for (const [k, r] of Object.entries(addresses)) if (r) out[k as OwnedColumnKey] = r.address;
  return out;
}

/** Queues the RFM result sheet: one row per customer. The sheet is cleared first when it is the add-in's own. */
export async function writeRfmSheet(
  context: Excel.RequestContext,
  name: string,
  exists: boolean,
  result: SegmentationResult,
  lang: Lang,
  journal: Journal
): Promise<Partial<Record<OwnedColumnKey, string>>> {
  const sheets = context.workbook.worksheets;
  if (exists) {
    journal.captureSheet(name);
    await journal.flush();
    const all: Cell[][] = [RFM_SHEET_KEYS.map((k) => columnHeaders[lang][k])];
    for (const c of result.customers) all.push(RFM_SHEET_KEYS.map((k) => asCell(customerCell(c, k))));
    journal.expectSheet(name, all);
  } else journal.createdSheet(name);
  const sheet = exists ? sheets.getItem(name) : sheets.add(name);
  if (exists) sheet.getRange().clear();
  const headers = RFM_SHEET_KEYS.map((k) => columnHeaders[lang][k]);
  const head = sheet.getRangeByIndexes(0, 0, 1, headers.length);
  head.values = [headers];
  head.format.font.bold = true;
  // The sheet and its header first, so that each chunk's request holds that chunk alone (chunked-write.ts).
  await context.sync();
  const cell = textCells();
  await writeInChunks(context, {
    total: result.customers.length,
    cellsPerRow: RFM_SHEET_KEYS.length,
    make: (start, count) => {
      const values: Cell[][] = new Array(count);
      for (let i = 0; i < count; i++) {
        const c = result.customers[start + i];
        values[i] = RFM_SHEET_KEYS.map((k) => cell(customerCell(c, k)));
      }
      return values;
    },
    row: (values, i) => values[i],
    put: (values, start, count) => {
      const r = sheet.getRangeByIndexes(1 + start, 0, count, RFM_SHEET_KEYS.length);
      r.values = values;
      r.untrack();
    },
  });
  head.format.autofitColumns();
  await context.sync();
  const out: Partial<Record<OwnedColumnKey, string>> = {};
  RFM_SHEET_KEYS.forEach((k, i) => (out[k] = headers[i]));
  return out;
}

/** The RFM sheet's name: the add-in's earlier one, else the language's name, made unique against user sheets. */
export function chooseRfmSheetName(
  lang: Lang,
  recorded: string | undefined,
  existing: string[]
): { name: string; exists: boolean } {
  const lower = existing.map((s) => s.toLowerCase());
  if (recorded !== undefined && lower.includes(recorded.toLowerCase())) return { name: recorded, exists: true };
  const base = sheetNames[lang].rfm;
  let name = base;
  for (let i = 2; lower.includes(name.toLowerCase()); i++) name = `${base} (${i})`;
  return { name, exists: false };
}
