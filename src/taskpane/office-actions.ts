/**
 * The only module of the task pane that calls Office.js. Components receive PaneActions and plain
 * values from here and never touch Excel themselves. The engine runs in a Web Worker.
 */
import type { Lang } from "../engine/types";
import { readTable } from "../excel/read-table";
import { previewSheet } from "../excel/preview-sheet";
import { segmentSheet } from "../excel/segment-sheet";
import { undoLastRun } from "../excel/undo";
import { langFromLocale } from "../i18n/headers";
import { parseAddress } from "./address";
import type { ThemeKind } from "./components/Providers";
import { engineReviewer, heatmapSegmenter } from "./engine/client";
import { documentScope, pageEngine } from "./office-engine";
import { checkAsOf, failureOf, toFailure } from "./outcome";
import type { PaneActions, SegmentFailure } from "./pane-actions";
import { listenForCommandRuns } from "./pane-bridge";
import { loadSettingsJson } from "./settings/store";

/** The minimum this add-in runs on (also declared in manifest.xml). */
export const REQUIRED_SET = { name: "ExcelApi", version: "1.7" };

export function excelApiSupported(): boolean {
  try {
    return Office.context.requirements.isSetSupported(REQUIRED_SET.name, REQUIRED_SET.version);
  } catch {
    return false; // outside Office (the page opened in a plain browser)
  }
}

function unsupported(lang: Lang): SegmentFailure {
  return failureOf(
    { code: "UNSUPPORTED_HOST", params: { requirement: `${REQUIRED_SET.name} ${REQUIRED_SET.version}` } },
    lang
  );
}

export const officeActions: PaneActions = {
  async loadSettings() {
    if (!excelApiSupported()) return { json: {}, unreadable: false };
    try {
      return await Excel.run((context) => loadSettingsJson(context));
    } catch {
      return { json: {}, unreadable: false }; // the run itself reports what is wrong with the workbook
    }
  },

  async inspect(lang) {
    if (!excelApiSupported()) return unsupported(lang);
    try {
      const { location, table } = await Excel.run(async (context) => readTable(context));
      const scan = await pageEngine().scan(table);
      return { ok: true, inspection: { sheet: location.sheetName, headerRow: location.headerRow + 1, scan } };
    } catch (e) {
      return toFailure(e, lang);
    }
  },

  async segment(request) {
    const { asOf, lang, settings, overwriteTemplateColumns, acceptFixes, onProgress } = request;
    const badDate = checkAsOf(asOf, lang);
    if (badDate) return badDate;
    if (!excelApiSupported()) return unsupported(lang);
    const engine = pageEngine();
    const run = heatmapSegmenter(engine);
    try {
      // segmentSheet stores the settings it used in the workbook, with the results.
      const summary = await Excel.run((context) =>
        segmentSheet(context, {
          settings,
          asOf,
          lang,
          overwriteTemplateColumns,
          acceptFixes,
          onProgress,
          segmenter: run.segmenter,
        })
      );
      return { ok: true, summary, heatmap: run.heatmap(), engine: engine.mode };
    } catch (e) {
      return toFailure(e, lang);
    }
  },

  async preview({ asOf, lang, settings }) {
    const badDate = checkAsOf(asOf, lang);
    if (badDate) return badDate;
    if (!excelApiSupported()) return unsupported(lang);
    try {
      const reviewer = engineReviewer(pageEngine());
      const review = await Excel.run((context) => previewSheet(context, { settings, asOf, lang, reviewer }));
      return { ok: true, review };
    } catch (e) {
      return toFailure(e, lang);
    }
  },

  async undo(lang) {
    if (!excelApiSupported()) return unsupported(lang);
    try {
      const outcome = await Excel.run((context) => undoLastRun(context));
      return { ok: true, ...outcome };
    } catch (e) {
      return toFailure(e, lang);
    }
  },

  async select(target, lang) {
    if (!excelApiSupported()) return unsupported(lang);
    try {
      await Excel.run(async (context) => {
        const sheets = context.workbook.worksheets;
        if (target.kind === "sheet") {
          const sheet = sheets.getItem(target.sheet);
          sheet.activate();
          sheet.getRange("A1").select();
        } else {
          const parsed = parseAddress(target.address);
          if (!parsed) throw new Error(`not a range address: ${target.address}`);
          const sheet = parsed.sheet === null ? sheets.getActiveWorksheet() : sheets.getItem(parsed.sheet);
          sheet.activate();
          sheet.getRange(parsed.range).select();
        }
        await context.sync();
      });
      return null;
    } catch (e) {
      return toFailure(e, lang);
    }
  },

  onSheetChange(listener) {
    if (!excelApiSupported()) return () => undefined;
    let registration: OfficeExtension.EventHandlerResult<Excel.WorksheetActivatedEventArgs> | null = null;
    let stopped = false;
    const handler = async () => listener();
    void Excel.run(async (context) => {
      registration = context.workbook.worksheets.onActivated.add(handler);
      await context.sync();
    }).catch(() => undefined); // events are a convenience: the pane can still re-detect by hand
    return () => {
      if (stopped) return;
      stopped = true;
      const r = registration;
      if (!r) return;
      void Excel.run(r.context, async (context) => {
        r.remove();
        await context.sync();
      }).catch(() => undefined);
    };
  },

  onExternalRun(listener) {
    return listenForCommandRuns(documentScope(), listener);
  },
};

/** The pane's first language: Office's UI language (e.g. "zh-CN", "zh-TW", "en-US"). */
export function officeLang(): Lang {
  let locale: string | undefined;
  try {
    locale = Office.context.displayLanguage;
  } catch {
    locale = undefined;
  }
  return langFromLocale(locale ?? (typeof navigator === "undefined" ? undefined : navigator.language));
}

function isDarkColor(hex: string): boolean {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex.trim());
  if (!m) return false;
  const [r, g, b] = m.slice(1).map((h) => parseInt(h, 16) / 255);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.5;
}

/** Light or dark, after Office's theme where the host tells it (Office.context.officeTheme). */
export function officeThemeKind(): ThemeKind {
  try {
    const theme = Office.context.officeTheme;
    if (theme && theme.bodyBackgroundColor) return isDarkColor(theme.bodyBackgroundColor) ? "dark" : "light";
  } catch {
    // officeTheme is not offered by every host; fall through.
  }
  const media =
    typeof window !== "undefined" && window.matchMedia ? window.matchMedia("(prefers-color-scheme: dark)") : null;
  return media?.matches ? "dark" : "light";
}
