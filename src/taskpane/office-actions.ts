/**
 * The only module of the task pane that calls Office.js. Components receive PaneActions and plain
 * values from here and never touch Excel themselves.
 */
import { defaultSettings } from "../engine/config";
import type { Lang } from "../engine/types";
import { segmentSheet } from "../excel/segment-sheet";
import { langFromLocale } from "../i18n/headers";
import type { ThemeKind } from "./components/Providers";
import { checkAsOf, failureOf, toFailure } from "./outcome";
import type { PaneActions, SegmentOutcome, SegmentRequest } from "./pane-actions";

/** The minimum this add-in runs on (also declared in manifest.xml). */
const REQUIRED_SET = { name: "ExcelApi", version: "1.7" };

function excelApiSupported(): boolean {
  try {
    return Office.context.requirements.isSetSupported(REQUIRED_SET.name, REQUIRED_SET.version);
  } catch {
    return false; // outside Office (the page opened in a plain browser)
  }
}

export const officeActions: PaneActions = {
  async segment(request: SegmentRequest): Promise<SegmentOutcome> {
    const { asOf, lang, overwriteTemplateColumns, onProgress } = request;
    const badDate = checkAsOf(asOf, lang);
    if (badDate) return badDate;
    if (!excelApiSupported()) {
      return failureOf(
        { code: "UNSUPPORTED_HOST", params: { requirement: `${REQUIRED_SET.name} ${REQUIRED_SET.version}` } },
        lang
      );
    }
    try {
      const summary = await Excel.run((context) =>
        segmentSheet(context, { settings: defaultSettings(), asOf, lang, overwriteTemplateColumns, onProgress })
      );
      return { ok: true, summary };
    } catch (e) {
      return toFailure(e, lang);
    }
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
