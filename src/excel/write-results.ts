/**
 * Writes the owned columns beside the user's columns and the RFM result sheet (seed table 2 layout).
 * Everything is queued first and sent in as few syncs as the size limits allow; nothing is written
 * before every check (protection, a person's values in a template column) has passed.
 */
import type { CustomerRfm, SegmentationResult } from "../engine/types";
import type { Lang } from "../engine/types";
import { columnHeaders, OwnedColumnKey, sheetNames } from "../i18n/headers";
import { asCell } from "./cell-text";
import type { ColumnTarget } from "./column-plan";
import { MAX_CELLS_PER_WRITE, chunks } from "./limits";
import type { TableLocation } from "./read-table";

type Cell = string | number | boolean;

/** Columns written on the segmented sheet, in order. */
export const SHEET_KEYS: OwnedColumnKey[] = ["rScore", "fScore", "mScore", "rfmCode", "rfmLabel"];
/** Columns of the RFM result sheet, in order (表2: 客户ID · R · F · M · RFM分组 · 客户类型, plus the scores). */
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
];

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
  }
}

/** One column's data for every table row (rows without a customer stay blank). */
function columnValues(result: SegmentationResult, key: OwnedColumnKey, start: number, count: number): Cell[][] {
  const out: Cell[][] = new Array(count);
  for (let i = 0; i < count; i++) {
    const ci = result.rowCustomer[start + i];
    out[i] = [ci >= 0 ? asCell(customerCell(result.customers[ci], key)) : ""];
  }
  return out;
}

/** Queues the owned columns; returns the data address of each, for the pane's links. */
export async function writeOwnedColumns(
  context: Excel.RequestContext,
  location: TableLocation,
  targets: ColumnTarget[],
  result: SegmentationResult
): Promise<Partial<Record<OwnedColumnKey, string>>> {
  const sheet = context.workbook.worksheets.getItem(location.sheetName);
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
  const rowsPerSync = Math.max(1, Math.floor(MAX_CELLS_PER_WRITE / Math.max(1, targets.length)));
  for (const [start, count] of chunks(location.rowCount, rowsPerSync)) {
    for (const t of targets) {
      const r = sheet.getRangeByIndexes(location.headerRow + 1 + start, location.firstColumn + t.offset, count, 1);
      r.values = columnValues(result, t.key, start, count);
    }
    // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per chunk of rows, by design: each request stays under Excel on the web's 5 MB limit
    await context.sync();
  }
  await context.sync();
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
  lang: Lang
): Promise<Partial<Record<OwnedColumnKey, string>>> {
  const sheets = context.workbook.worksheets;
  const sheet = exists ? sheets.getItem(name) : sheets.add(name);
  if (exists) sheet.getRange().clear();
  const headers = RFM_SHEET_KEYS.map((k) => columnHeaders[lang][k]);
  const head = sheet.getRangeByIndexes(0, 0, 1, headers.length);
  head.values = [headers];
  head.format.font.bold = true;
  const n = result.customers.length;
  const rowsPerSync = Math.max(1, Math.floor(MAX_CELLS_PER_WRITE / RFM_SHEET_KEYS.length));
  for (const [start, count] of chunks(n, rowsPerSync)) {
    const values: Cell[][] = new Array(count);
    for (let i = 0; i < count; i++) {
      const c = result.customers[start + i];
      values[i] = RFM_SHEET_KEYS.map((k) => asCell(customerCell(c, k)));
    }
    sheet.getRangeByIndexes(1 + start, 0, count, RFM_SHEET_KEYS.length).values = values;
    // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per chunk of rows, by design: each request stays under Excel on the web's 5 MB limit
    await context.sync();
  }
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
