/** Running the add-in (src/excel/segmentSheet) on the xlsx-host, and what a run may change. */
import { defaultSettings, Settings } from "../../../src/engine/config";
import { SegmentSheetError, SegmentError } from "../../../src/engine/errors";
import type { CellValue, Lang } from "../../../src/engine/types";
import { segmentSheet } from "../../../src/excel/segment-sheet";
import type { RunOptions, RunSummary } from "../../../src/excel/types";
import { UNDO_SHEET } from "../../../src/excel/undo";
import type { HostWorkbook } from "../../../src/xlsx-host";
import { sheetValues } from "../../helpers/workbook";
import { CellView, parseColumnAddress } from "./host-view";

export type Outcome = { ok: true; summary: RunSummary } | { ok: false; error: SegmentError };

/** Runs segmentSheet; a SegmentSheetError becomes its coded error, anything else is rethrown (a bug). */
export async function runSegment(
  wb: HostWorkbook,
  options: Partial<RunOptions> & { asOf: string },
  settings: Settings = defaultSettings(),
  lang: Lang = "zh-CN"
): Promise<Outcome> {
  try {
    const summary = await wb.run((context) => segmentSheet(context, { settings, lang, ...options }));
    return { ok: true, summary };
  } catch (e) {
    if (e instanceof SegmentSheetError) return { ok: false, error: e.error };
    throw e;
  }
}

/**
 * What a successful run may change on the user's sheets: the data cells of the columns it wrote, and the header
 * cell above each when that cell was empty (a new column) or held the add-in's own header (a re-run). The add-in's
 * own sheets (RFM, tracker it made, history, migration, undo) are not the user's.
 */
export function runChanges(summary: RunSummary): {
  allowed: (sheet: string, row: number, col: number, before: CellView | undefined) => boolean;
  ignoreSheets: Set<string>;
} {
  const columns = Object.values(summary.written.columnAddresses).map((a) => parseColumnAddress(a as string));
  const ownedHeaders = new Set(Object.values(summary.written.columns));
  const headerRow = summary.headerRow - 1;
  const allowed = (sheet: string, row: number, col: number, before: CellView | undefined) =>
    sheet === summary.sheet &&
    columns.some(
      (c) =>
        c.col === col &&
        ((row >= c.firstRow && row <= c.lastRow) ||
          (row === headerRow &&
            (before === undefined || (typeof before.value === "string" && ownedHeaders.has(before.value)))))
    );
  // The add-in's sheets. (A team's own tracker that the add-in updates in place would be among them: the corpus
  // and the random workbooks have none.)
  const ignoreSheets = new Set<string>([...summary.written.sheets, UNDO_SHEET]);
  ignoreSheets.delete(summary.sheet);
  return { allowed, ignoreSheets };
}

/** The RFM sheet as id → row (header keys → values). */
export async function rfmRows(wb: HostWorkbook, summary: RunSummary): Promise<Map<string, Record<string, CellValue>>> {
  const v = await sheetValues(wb, summary.written.rfmSheet.name);
  const header = v[0] as string[];
  const out = new Map<string, Record<string, CellValue>>();
  for (const row of v.slice(1)) out.set(String(row[0]), Object.fromEntries(header.map((h, i) => [h, row[i] ?? ""])));
  return out;
}
