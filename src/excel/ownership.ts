/**
 * Which columns and sheets the add-in wrote, kept in the workbook (workbook.settings, ExcelApi 1.4) so a
 * re-run updates them instead of adding twins, and never mistakes a person's column for its own.
 */
import type { OwnedColumnKey } from "../i18n/headers";
import { ObjectsSpec, parseSpec } from "./sheet-objects";

export const OWNERSHIP_KEY = "segmentSheet.owned";

export interface OwnershipRecord {
  version: 1;
  /** Per segmented sheet: owned column key → the header written. */
  sheets: Record<string, Partial<Record<OwnedColumnKey, string>>>;
  /** Name of the RFM result sheet the add-in made. */
  rfmSheet?: string;
  /** Name of the sheet holding the strategy tracker the add-in updates. */
  trackerSheet?: string;
  /** The hidden sheet with every run's segment per customer, and the migration (复盘) sheet. */
  historySheet?: string;
  migrationSheet?: string;
  /** The segment summary sheet, and the chart and formats the last run put on it. */
  summarySheet?: string;
  summaryObjects?: ObjectsSpec;
}

export function emptyRecord(): OwnershipRecord {
  return { version: 1, sheets: {} };
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** Reads a stored record; anything unrecognisable counts as no record (nothing is owned). */
export function parseRecord(value: unknown): OwnershipRecord {
  const v: unknown = typeof value === "string" ? safeJson(value) : value;
  if (!isObject(v) || v.version !== 1 || !isObject(v.sheets)) return emptyRecord();
  const sheets: OwnershipRecord["sheets"] = {};
  for (const [name, cols] of Object.entries(v.sheets)) {
    if (!isObject(cols)) continue;
    const c: Partial<Record<OwnedColumnKey, string>> = {};
    for (const [k, h] of Object.entries(cols)) if (typeof h === "string") c[k as OwnedColumnKey] = h;
    sheets[name] = c;
  }
  const text = (x: unknown) => (typeof x === "string" ? x : undefined);
  return {
    version: 1,
    sheets,
    rfmSheet: text(v.rfmSheet),
    trackerSheet: text(v.trackerSheet),
    historySheet: text(v.historySheet),
    migrationSheet: text(v.migrationSheet),
    summarySheet: text(v.summarySheet),
    summaryObjects: parseSpec(v.summaryObjects) ?? undefined,
  };
}

function safeJson(s: string): unknown {
  try {
    return JSON.parse(s);
  } catch {
    return null;
  }
}

export async function loadRecord(context: Excel.RequestContext): Promise<OwnershipRecord> {
  const item = context.workbook.settings.getItemOrNullObject(OWNERSHIP_KEY);
  item.load("value");
  await context.sync();
  return item.isNullObject ? emptyRecord() : parseRecord(item.value);
}

/** Queues the record's write; it lands with the next sync, in the same batch as the data it describes. */
export function queueRecord(context: Excel.RequestContext, record: OwnershipRecord): void {
  context.workbook.settings.add(OWNERSHIP_KEY, JSON.stringify(record));
}
