/**
 * The ribbon's one-click "Segment this sheet" (一键细分): segments the active sheet with the default
 * settings, as of today, in Office's UI language, then tells the outcome in a small dialog
 * (the documented way for a function command to show a result or an error). event.completed() is
 * always called: when the dialog closes, or at once when it cannot open.
 */
import { defaultSettings } from "../engine/config";
import type { Lang } from "../engine/types";
import { segmentSheet } from "../excel/segment-sheet";
import type { RunSummary } from "../excel/types";
import { langFromLocale } from "../i18n/headers";
import { fill } from "../i18n/messages";
import { uiStrings } from "../i18n/ui";
import { toFailure, todayIso } from "../taskpane/outcome";
import { encodeNotice, type Notice } from "./notice-data";

/** Office ends a function command after 5 minutes; close the dialog before that. */
const DIALOG_LIFETIME_MS = 4 * 60 * 1000;

function successNotice(summary: RunSummary, lang: Lang): Notice {
  const ui = uiStrings[lang];
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

async function runOnActiveSheet(lang: Lang): Promise<Notice> {
  try {
    const summary = await Excel.run((context) =>
      segmentSheet(context, { settings: defaultSettings(), asOf: todayIso(), lang })
    );
    return successNotice(summary, lang);
  } catch (e) {
    const failure = toFailure(e, lang);
    return { kind: "error", lang, title: uiStrings[lang]["notice.failureTitle"], body: failure.message, details: [] };
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
      const timer = setTimeout(finish, DIALOG_LIFETIME_MS);
      dialog.addEventHandler(Office.EventType.DialogMessageReceived, finish);
      dialog.addEventHandler(Office.EventType.DialogEventReceived, finish);
    });
  });
}

export async function segmentThisSheet(event: Office.AddinCommands.Event): Promise<void> {
  try {
    const lang = langFromLocale(Office.context.displayLanguage);
    const notice = await runOnActiveSheet(lang);
    await showNotice(notice);
  } catch (e) {
    console.error("Segment Sheet: the ribbon command failed", e);
  } finally {
    event.completed();
  }
}

void Office.onReady(() => {
  Office.actions.associate("segmentThisSheet", segmentThisSheet);
});
