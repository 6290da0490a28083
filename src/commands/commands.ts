/**
 * The ribbon's one-click "Segment this sheet" (一键细分): segments the active sheet with the
 * workbook's settings (those the pane saved; the defaults when there are none), as of the settings'
 * date or today, in Office's UI language. Then it tells the outcome: to the task pane when one is
 * open on this workbook (it shows the results), otherwise in a small dialog (the documented way for a
 * function command to show a result or an error), which closes by itself after a success.
 * event.completed() is always called: when the dialog closes, or at once when it cannot open.
 */
import { defaultSettings } from "../engine/config";
import type { Lang } from "../engine/types";
import { segmentSheet } from "../excel/segment-sheet";
import { loadWorkbookSettings } from "../excel/settings-store";
import { langFromLocale } from "../i18n/headers";
import { fill } from "../i18n/messages";
import { uiStrings } from "../i18n/ui";
import { heatmapSegmenter } from "../taskpane/engine/client";
import { documentScope, pageEngine } from "../taskpane/office-engine";
import { toFailure, todayIso } from "../taskpane/outcome";
import type { SegmentOutcome } from "../taskpane/pane-actions";
import { commandRunReporter } from "../taskpane/pane-bridge";
import { encodeNotice, type Notice } from "./notice-data";

/** Office ends a function command after 5 minutes; close the dialog before that. */
const DIALOG_LIFETIME_MS = 4 * 60 * 1000;
/** A success needs no answer: its message closes by itself, like a toast. An error stays until closed. */
const SUCCESS_NOTICE_MS = 8 * 1000;

export function noticeOf(outcome: SegmentOutcome, lang: Lang): Notice {
  const ui = uiStrings[lang];
  if (!outcome.ok) return { kind: "error", lang, title: ui["notice.failureTitle"], body: outcome.message, details: [] };
  const { summary } = outcome;
  const count = new Intl.NumberFormat(lang);
  return {
    kind: "success",
    lang,
    title: ui["notice.successTitle"],
    body: fill(ui["notice.successBody"], {
      sheet: summary.sheet,
      customers: count.format(summary.customers),
      segments: summary.segments.length,
    }),
    details: summary.segments.map((s) => `${s.code} ${s.label}: ${count.format(s.count)}`),
  };
}

/** The run itself: the workbook's settings (or the defaults), then src/excel with the engine in a worker. */
export async function runOnActiveSheet(lang: Lang): Promise<SegmentOutcome> {
  const engine = pageEngine();
  const run = heatmapSegmenter(engine);
  try {
    const summary = await Excel.run(async (context) => {
      // As the CLI: the workbook's settings, else the defaults; broken stored settings stop the run.
      const settings = (await loadWorkbookSettings(context)) ?? defaultSettings();
      const asOf = settings.asOf ?? todayIso();
      return segmentSheet(context, { settings, asOf, lang, segmenter: run.segmenter });
    });
    return { ok: true, summary, heatmap: run.heatmap(), engine: engine.mode };
  } catch (e) {
    return toFailure(e, lang);
  }
}

/** Opens notice.html in a dialog and resolves when it is closed (or could not be opened). */
function showNotice(notice: Notice): Promise<void> {
  return new Promise((resolve) => {
    const url = new URL("notice.html", window.location.href);
    url.search = encodeNotice(notice);
    Office.context.ui.displayDialogAsync(url.toString(), { height: 40, width: 30, displayInIframe: true }, (result) => {
      if (result.status === Office.AsyncResultStatus.Failed) {
        // E.g. 12009: the user chose Ignore on Office on the web's pop-up prompt.
        console.warn(`Segment Sheet: the notice could not be shown (${result.error.code}): ${notice.body}`);
        resolve();
        return;
      }
      const dialog = result.value;
      let done = false;
      const finish = () => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        try {
          dialog.close();
        } catch {
          // Already closed by the user.
        }
        resolve();
      };
      const timer = setTimeout(finish, notice.kind === "success" ? SUCCESS_NOTICE_MS : DIALOG_LIFETIME_MS);
      dialog.addEventHandler(Office.EventType.DialogMessageReceived, finish);
      dialog.addEventHandler(Office.EventType.DialogEventReceived, finish);
    });
  });
}

export async function segmentThisSheet(event: Office.AddinCommands.Event): Promise<void> {
  try {
    const lang = langFromLocale(Office.context.displayLanguage);
    const pane = commandRunReporter(documentScope());
    pane.started();
    const outcome = await runOnActiveSheet(lang);
    // An open pane shows the outcome in full; without one, a short message says it.
    const shownInPane = await pane.finished(outcome);
    if (!shownInPane) await showNotice(noticeOf(outcome, lang));
  } catch (e) {
    console.error("Segment Sheet: the ribbon command failed", e);
  } finally {
    event.completed();
  }
}

void Office.onReady(() => {
  Office.actions.associate("segmentThisSheet", segmentThisSheet);
});
