/**
 * The settings kept in the workbook, as the pane edits them. src/excel/settings-store.ts owns the key
 * and the writing (segmentSheet stores the settings each run used, so everyone who opens a shared file
 * segments the same way); the pane reads the stored JSON as it is, to show and edit it, and says so when
 * it is not a settings object instead of refusing to open.
 */
import { SETTINGS_KEY } from "../../excel/settings-store";
import { parseStored, type SettingsJson } from "./json";

export { SETTINGS_KEY };

export interface StoredSettings {
  json: SettingsJson;
  /** Something was stored under the key but it was not a settings object. */
  unreadable: boolean;
}

export async function loadSettingsJson(context: Excel.RequestContext): Promise<StoredSettings> {
  const item = context.workbook.settings.getItemOrNullObject(SETTINGS_KEY);
  item.load("value");
  await context.sync();
  return item.isNullObject ? { json: {}, unreadable: false } : parseStored(item.value);
}
