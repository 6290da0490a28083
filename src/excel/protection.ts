/**
 * Sheet protection, checked before the first write. Excel refuses every write to a locked cell of a protected
 * sheet (AccessDenied), so a run that met one half-way would fail and have to roll back: instead the run names
 * the protected sheet and writes nothing. Every sheet a run may write is checked — the segmented sheet, the
 * RFM sheet, the team's strategy tracker wherever it is found, the history and migration sheets, the undo
 * snapshot. WorksheetProtection.protected is ExcelApi 1.2
 * (https://learn.microsoft.com/javascript/api/excel/excel.worksheetprotection).
 */
import { findTracker } from "./write-tracker";

/**
 * The first of `targets` (sheet names, case-insensitive as Excel's) that is protected, else the tracker's sheet
 * when it is protected, else null. One round trip; the tracker is looked for only when a protected sheet exists.
 */
export async function protectedTarget(
  context: Excel.RequestContext,
  targets: (string | undefined)[],
  recordedTracker: string | undefined
): Promise<string | null> {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name, items/protection/protected");
  await context.sync();
  const locked = new Set(sheets.items.filter((s) => s.protection.protected).map((s) => s.name.toLowerCase()));
  if (locked.size === 0) return null;
  for (const name of targets) if (name !== undefined && locked.has(name.toLowerCase())) return name;
  const tracker = await findTracker(context, recordedTracker);
  return tracker !== null && locked.has(tracker.sheet.toLowerCase()) ? tracker.sheet : null;
}
