/**
 * Settings kept in the workbook (workbook.settings, ExcelApi 1.4 — below the add-in's declared minimum of
 * ExcelApi 1.7, so always there), so whoever opens the shared file segments the same way.
 * https://learn.microsoft.com/javascript/api/excel/excel.settingcollection
 */
import { parseSettings, Settings } from "../engine/config";
import { SegmentSheetError } from "../engine/errors";

export const SETTINGS_KEY = "segmentSheet.settings";

/** The settings stored in the workbook, or null when it has none. A stored value that fails validation is refused. */
export async function loadWorkbookSettings(context: Excel.RequestContext): Promise<Settings | null> {
  const item = context.workbook.settings.getItemOrNullObject(SETTINGS_KEY);
  item.load("value");
  await context.sync();
  if (item.isNullObject) return null;
  let json: unknown = item.value;
  if (typeof json === "string") {
    try {
      json = JSON.parse(json);
    } catch {
      throw new SegmentSheetError({ code: "BAD_SETTINGS", params: { path: SETTINGS_KEY, reason: "not JSON" } });
    }
  }
  const parsed = parseSettings(json);
  if (!parsed.ok) throw new SegmentSheetError(parsed.error);
  return parsed.value;
}

/** Queues the settings' write; it lands with the next sync. */
export function queueWorkbookSettings(context: Excel.RequestContext, settings: Settings): void {
  context.workbook.settings.add(SETTINGS_KEY, JSON.stringify(settings));
}
