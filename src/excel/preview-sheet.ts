/**
 * The pane's review step: find and read the table as a run would, and say what cleaning finds in it —
 * before anything is written. Nothing is written, no setting is stored: the workbook is only read.
 */
import { cleanForReview } from "../engine/pipeline";
import { SegmentSheetError } from "../engine/errors";
import { readTable } from "./read-table";
import type { PreviewOptions, SheetReview } from "./types";

export async function previewSheet(context: Excel.RequestContext, options: PreviewOptions): Promise<SheetReview> {
  const { location, table } = await readTable(context, options.sheetName);
  const reviewer = options.reviewer ?? cleanForReview;
  const reviewed = await reviewer(table, options.settings, { asOf: options.asOf, lang: options.lang });
  if (!reviewed.ok)
    throw new SegmentSheetError({ ...reviewed.error, params: { sheet: location.sheetName, ...reviewed.error.params } });
  return {
    sheet: location.sheetName,
    headerRow: location.headerRow,
    firstColumn: location.firstColumn,
    headers: table.headers,
    review: reviewed.value,
  };
}
