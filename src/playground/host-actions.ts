/**
 * The playground's side of the Excel API: PaneActions over an in-browser HostWorkbook, and the
 * grid's reads. Like Excel, the workbook is reached only through `workbook.run(context => …)`, with
 * load/sync, so the pane runs exactly the code it runs in Excel.
 */
import { defaultSettings } from "../engine/config";
import { segmentSheet } from "../excel/segment-sheet";
import { checkAsOf, toFailure } from "../taskpane/outcome";
import type { PaneActions, SegmentOutcome, SegmentRequest } from "../taskpane/pane-actions";
import type { HostWorkbook } from "../xlsx-host";

export interface GridCell {
  /** As Excel displays it (Range.text). */
  text: string;
  /** Numbers (dates included) are right-aligned, as in Excel. */
  numeric: boolean;
}

export interface GridData {
  sheets: string[];
  /** The sheet shown. */
  sheet: string;
  /** Rows from A1 to the end of the used range (at most `maxRows`). */
  cells: GridCell[][];
  /** Rows from row 1 to the last used row. */
  totalRows: number;
  columnCount: number;
}

export interface HostActionOptions {
  /** The sheet the grid shows: the one to segment. */
  currentSheet: () => string | undefined;
  /** After every run, so that the grid shows what was written. */
  onChanged: () => void;
}

export function createHostActions(workbook: HostWorkbook, options: HostActionOptions): PaneActions {
  return {
    async segment(request: SegmentRequest): Promise<SegmentOutcome> {
      const { asOf, lang, overwriteTemplateColumns, onProgress } = request;
      const badDate = checkAsOf(asOf, lang);
      if (badDate) return badDate;
      try {
        const summary = await workbook.run((context) =>
          segmentSheet(context, {
            settings: defaultSettings(),
            asOf,
            lang,
            overwriteTemplateColumns,
            onProgress,
            sheetName: options.currentSheet(),
          })
        );
        return { ok: true, summary };
      } catch (e) {
        return toFailure(e, lang);
      } finally {
        options.onChanged();
      }
    },
  };
}

/** Reads the sheet named `sheetName` (the active sheet when absent or gone) for the grid. */
export function readGrid(workbook: HostWorkbook, sheetName: string | undefined, maxRows: number): Promise<GridData> {
  return workbook.run(async (context) => {
    const worksheets = context.workbook.worksheets;
    worksheets.load("items/name");
    const active = worksheets.getActiveWorksheet();
    active.load("name");
    await context.sync();
    const sheets = worksheets.items.map((s) => s.name);
    const sheet = sheetName !== undefined && sheets.includes(sheetName) ? sheetName : active.name;

    const used = worksheets.getItem(sheet).getUsedRangeOrNullObject(true);
    used.load("rowIndex, columnIndex, rowCount, columnCount");
    await context.sync();
    if (used.isNullObject) return { sheets, sheet, cells: [], totalRows: 0, columnCount: 0 };

    const totalRows = used.rowIndex + used.rowCount;
    const columnCount = used.columnIndex + used.columnCount;
    const range = worksheets.getItem(sheet).getRangeByIndexes(0, 0, Math.min(totalRows, maxRows), columnCount);
    range.load("values, text");
    await context.sync();
    const values = range.values;
    const texts = range.text;
    const cells = values.map((row, r) =>
      row.map((value, c) => ({ text: texts[r][c], numeric: typeof value === "number" }))
    );
    return { sheets, sheet, cells, totalRows, columnCount };
  });
}

/** Makes `sheetName` the active sheet, as clicking its tab in Excel does. */
export async function activateSheet(workbook: HostWorkbook, sheetName: string): Promise<void> {
  await workbook.run(async (context) => {
    context.workbook.worksheets.getItem(sheetName).activate();
    await context.sync();
  });
}
