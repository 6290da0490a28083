/**
 * The playground's side of the Excel API: PaneActions over an in-browser HostWorkbook, and the
 * grid's reads. Like Excel, the workbook is reached only through `workbook.run(context => …)`, with
 * load/sync, so the pane runs exactly the code it runs in Excel; the engine runs in the same Web
 * Worker as in the task pane.
 */
import type { Lang } from "../engine/types";
import { readTable } from "../excel/read-table";
import { previewSheet } from "../excel/preview-sheet";
import { segmentSheet } from "../excel/segment-sheet";
import { undoLastRun } from "../excel/undo";
import { parseAddress, type CellRect } from "../taskpane/address";
import { createEngineClient, engineReviewer, heatmapSegmenter, type EngineClient } from "../taskpane/engine/client";
import { checkAsOf, toFailure } from "../taskpane/outcome";
import type { PaneActions, SegmentFailure, SelectTarget } from "../taskpane/pane-actions";
import { loadSettingsJson } from "../taskpane/settings/store";
import type { HostWorkbook } from "../xlsx-host";

export interface GridCell {
  /** As Excel displays it (Range.text). */
  text: string;
  /** Numbers (dates included) are right-aligned, as in Excel. */
  numeric: boolean;
}

export interface SheetInfo {
  sheets: string[];
  /** The sheet shown. */
  sheet: string;
  /** Rows from row 1 to the last used row. */
  rowCount: number;
  /** Columns from A to the last used column. */
  columnCount: number;
}

/** Where the pane asked to look: a sheet, and the cells to highlight on it. */
export interface GridSelection {
  sheet: string;
  rect: CellRect | null;
  address: string;
}

export interface HostActionOptions {
  /** The sheet the grid shows: the one to segment. */
  currentSheet: () => string | undefined;
  /** After every run, so that the grid shows what was written. */
  onChanged: () => void;
  /** After a "select in workbook" link: the grid shows that sheet and highlights the cells. */
  onSelect?: (selection: GridSelection) => void;
  /** The engine; on this thread when absent (tests). */
  engine?: EngineClient;
}

export interface HostActions extends PaneActions {
  /** The grid shows another sheet: the pane detects its table again. */
  sheetChanged(): void;
}

/** A macrotask boundary: the page paints and handles input before the next request goes out. */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Excel's context.sync() is a round trip to the host, and the page's thread is free while it lasts;
 * the in-browser workbook answers at once. This context yields to the event loop before each sync, so
 * that a long run in the playground leaves the page responsive between its requests, as in Excel.
 */
export function withRoundTrips(context: Excel.RequestContext): Excel.RequestContext {
  return new Proxy(context, {
    get(target, prop) {
      if (prop === "sync") {
        return async <T>(passThroughValue?: T) => {
          await yieldToEventLoop();
          return target.sync(passThroughValue);
        };
      }
      const value: unknown = Reflect.get(target, prop, target);
      return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

export function createHostActions(workbook: HostWorkbook, options: HostActionOptions): HostActions {
  const engine = options.engine ?? createEngineClient(null);
  const sheetListeners = new Set<() => void>();
  const run = <T>(batch: (context: Excel.RequestContext) => Promise<T>) =>
    workbook.run((context) => batch(withRoundTrips(context)));

  return {
    async loadSettings() {
      try {
        return await run((context) => loadSettingsJson(context));
      } catch {
        return { json: {}, unreadable: false };
      }
    },

    async inspect(lang: Lang) {
      try {
        const { location, table } = await run((context) => readTable(context, options.currentSheet()));
        const scan = await engine.scan(table);
        return { ok: true, inspection: { sheet: location.sheetName, headerRow: location.headerRow + 1, scan } };
      } catch (e) {
        return toFailure(e, lang);
      }
    },

    async segment(request) {
      const { asOf, lang, settings, overwriteTemplateColumns, acceptFixes, onProgress } = request;
      const badDate = checkAsOf(asOf, lang);
      if (badDate) return badDate;
      const segmenter = heatmapSegmenter(engine);
      try {
        // segmentSheet stores the settings it used in the workbook, with the results.
        const summary = await run((context) =>
          segmentSheet(context, {
            settings,
            asOf,
            lang,
            overwriteTemplateColumns,
            acceptFixes,
            onProgress,
            sheetName: options.currentSheet(),
            segmenter: segmenter.segmenter,
          })
        );
        return { ok: true, summary, heatmap: segmenter.heatmap(), engine: engine.mode };
      } catch (e) {
        return toFailure(e, lang);
      } finally {
        options.onChanged();
      }
    },

    async preview({ asOf, lang, settings }) {
      const badDate = checkAsOf(asOf, lang);
      if (badDate) return badDate;
      try {
        const review = await run((context) =>
          previewSheet(context, {
            settings,
            asOf,
            lang,
            sheetName: options.currentSheet(),
            reviewer: engineReviewer(engine),
          })
        );
        return { ok: true, review };
      } catch (e) {
        return toFailure(e, lang);
      }
    },

    async undo(lang: Lang) {
      try {
        const outcome = await run((context) => undoLastRun(context));
        return { ok: true as const, ...outcome };
      } catch (e) {
        return toFailure(e, lang);
      } finally {
        options.onChanged();
      }
    },

    async select(target: SelectTarget, lang: Lang): Promise<SegmentFailure | null> {
      try {
        const selection = await run(async (context): Promise<GridSelection> => {
          const sheets = context.workbook.worksheets;
          if (target.kind === "sheet") {
            const sheet = sheets.getItem(target.sheet);
            sheet.activate();
            sheet.getRange("A1").select();
            await context.sync();
            return { sheet: target.sheet, rect: null, address: "A1" };
          }
          const parsed = parseAddress(target.address);
          if (!parsed) throw new Error(`not a range address: ${target.address}`);
          const sheet = parsed.sheet === null ? sheets.getActiveWorksheet() : sheets.getItem(parsed.sheet);
          sheet.load("name");
          sheet.activate();
          sheet.getRange(parsed.range).select();
          await context.sync();
          return { sheet: sheet.name, rect: parsed, address: target.address };
        });
        options.onSelect?.(selection);
        return null;
      } catch (e) {
        return toFailure(e, lang);
      }
    },

    onSheetChange(listener) {
      sheetListeners.add(listener);
      return () => sheetListeners.delete(listener);
    },

    sheetChanged() {
      for (const listener of sheetListeners) listener();
    },
  };
}

/**
 * The sheet named `sheetName` (the active sheet when absent, gone or hidden): its name, the visible
 * sheets (the tabs Excel would show) and its size.
 */
export function readSheetInfo(workbook: HostWorkbook, sheetName: string | undefined): Promise<SheetInfo> {
  return workbook.run(async (context) => {
    const worksheets = context.workbook.worksheets;
    worksheets.load("items/name, items/visibility");
    const active = worksheets.getActiveWorksheet();
    active.load("name");
    await context.sync();
    const sheets = worksheets.items.filter((s) => s.visibility === "Visible").map((s) => s.name);
    const sheet = sheetName !== undefined && sheets.includes(sheetName) ? sheetName : active.name;
    const used = worksheets.getItem(sheet).getUsedRangeOrNullObject(true);
    used.load("rowIndex, columnIndex, rowCount, columnCount");
    await context.sync();
    if (used.isNullObject) return { sheets, sheet, rowCount: 0, columnCount: 0 };
    return {
      sheets,
      sheet,
      rowCount: used.rowIndex + used.rowCount,
      columnCount: used.columnIndex + used.columnCount,
    };
  });
}

/** Rows [start, start + count) of a sheet, columns A to columnCount, as the grid shows them. */
export function readRows(
  workbook: HostWorkbook,
  sheet: string,
  start: number,
  count: number,
  columnCount: number
): Promise<GridCell[][]> {
  if (count <= 0 || columnCount <= 0) return Promise.resolve([]);
  return workbook.run(async (context) => {
    const range = context.workbook.worksheets.getItem(sheet).getRangeByIndexes(start, 0, count, columnCount);
    range.load("values, text");
    await context.sync();
    const texts = range.text;
    return range.values.map((row, r) =>
      row.map((value, c) => ({ text: texts[r][c], numeric: typeof value === "number" }))
    );
  });
}

/** Makes `sheetName` the active sheet, as clicking its tab in Excel does. */
export async function activateSheet(workbook: HostWorkbook, sheetName: string): Promise<void> {
  await workbook.run(async (context) => {
    context.workbook.worksheets.getItem(sheetName).activate();
    await context.sync();
  });
}
