/**
 * The one-click run: find the table, read it, segment it, check, then write the results.
 * Every check that can refuse the run happens before the first write, so a refused run changes nothing.
 */
import { SegmentSheetError } from "../engine/errors";
import { segment } from "../engine/pipeline";
import type { FieldKey } from "../engine/types";
import { planColumns } from "./column-plan";
import { loadRecord, OWNERSHIP_KEY, queueRecord } from "./ownership";
import { readTable } from "./read-table";
import { queueWorkbookSettings, SETTINGS_KEY } from "./settings-store";
import type { OwnedColumnKey } from "../i18n/headers";
import { Journal } from "./journal";
import { applyUndo, writeUndo } from "./undo";
import { MigrationOutcome, writeMigration } from "./write-migration";
import { writeTracker } from "./write-tracker";
import type { RunOptions, RunSummary } from "./types";
import { chooseRfmSheetName, sheetKeysFor, writeOwnedColumns, writeRfmSheet } from "./write-results";
import { firstFreeColumnOffset } from "./free-columns";

export async function segmentSheet(context: Excel.RequestContext, options: RunOptions): Promise<RunSummary> {
  try {
    return await run(context, options);
  } catch (e) {
    // Nothing but coded errors leaves a run: Excel's own errors before the writes changed nothing.
    if (e instanceof SegmentSheetError) throw e;
    throw new SegmentSheetError({ code: "EXCEL_ERROR", params: { detail: describe(e) } });
  }
}

async function run(context: Excel.RequestContext, options: RunOptions): Promise<RunSummary> {
  const progress = options.onProgress ?? (() => undefined);
  progress("find", 0, 1);
  const { location, table, usedLastColumn, headerRowCells } = await readTable(context, options.sheetName);
  progress("read", location.rowCount, location.rowCount);

  progress("segment", 0, 1);
  const segmenter = options.segmenter ?? segment;
  const seg = await segmenter(table, options.settings, { asOf: options.asOf, lang: options.lang });
  if (!seg.ok)
    throw new SegmentSheetError({ ...seg.error, params: { sheet: location.sheetName, ...seg.error.params } });
  const result = seg.value;
  progress("segment", 1, 1);

  // What the checks need.
  const record = await loadRecord(context);
  const sheet = context.workbook.worksheets.getItem(location.sheetName);
  sheet.load("protection/protected");
  const sheets = context.workbook.worksheets;
  sheets.load("items/name");
  const sheetKeys = sheetKeysFor(result);
  const appendAt = await firstFreeColumnOffset(context, location, usedLastColumn, sheetKeys.length);
  await context.sync();
  const rfm = chooseRfmSheetName(
    options.lang,
    record.rfmSheet,
    sheets.items.map((s) => s.name)
  );
  const rfmSheet = rfm.exists ? sheets.getItem(rfm.name) : null;
  if (rfmSheet) {
    rfmSheet.load("protection/protected");
    await context.sync();
  }

  if (sheet.protection.protected)
    throw new SegmentSheetError({ code: "SHEET_PROTECTED", params: { sheet: location.sheetName } });
  if (rfmSheet?.protection.protected)
    throw new SegmentSheetError({ code: "SHEET_PROTECTED", params: { sheet: rfm.name } });
  const plan = planColumns({
    keys: sheetKeys,
    headers: headerRowCells,
    rows: table.rows,
    fields: result.fields,
    owned: record.sheets[location.sheetName] ?? {},
    lang: options.lang,
    consent: options.overwriteTemplateColumns === true,
    appendAt,
  });
  if (!plan.ok)
    throw new SegmentSheetError({
      code: "USER_COLUMN_NOT_EMPTY",
      params: { header: plan.conflict.header, sheet: location.sheetName },
    });

  // Every write is journalled first; a failure half-way puts back what was written, and the snapshot
  // stays in the workbook for "Undo last run".
  const journal = new Journal(context, options.undo !== false);
  journal.captureSetting(OWNERSHIP_KEY);
  journal.captureSetting(SETTINGS_KEY);
  let columnAddresses: Partial<Record<OwnedColumnKey, string>>;
  let rfmColumns: Partial<Record<OwnedColumnKey, string>>;
  let tracker: string;
  let migration: MigrationOutcome;
  try {
    progress("write", 0, 3);
    columnAddresses = await writeOwnedColumns(context, location, plan.targets, result, journal);
    progress("write", 1, 3);
    rfmColumns = await writeRfmSheet(context, rfm.name, rfm.exists, result, options.lang, journal);
    progress("write", 2, 3);
    const taken = [...sheets.items.map((s) => s.name), rfm.name];
    tracker = await writeTracker(context, result, options.lang, record.trackerSheet, taken, journal);
    migration = await writeMigration(context, result, options.lang, record, [...taken, tracker], journal);
    await journal.flush();
    progress("write", 3, 3);

    // What the add-in owns, and the settings it used, land last, with the final sync.
    record.sheets[location.sheetName] = Object.fromEntries(
      plan.targets.map((t) => [t.key, t.header ?? headerRowCells[t.offset]])
    );
    record.rfmSheet = rfm.name;
    record.trackerSheet = tracker;
    record.historySheet = migration.historySheet;
    if (migration.migrationSheet !== null) record.migrationSheet = migration.migrationSheet;
    journal.expectSetting(OWNERSHIP_KEY, JSON.stringify(record));
    journal.expectSetting(SETTINGS_KEY, JSON.stringify(options.settings));
    // A repeat that changes nothing keeps the previous snapshot, so "Undo" still undoes the last real change.
    if (journal.changes()) await writeUndo(context, journal.snapshot(), journal);
    queueRecord(context, record);
    queueWorkbookSettings(context, options.settings);
    await context.sync();
  } catch (e) {
    await rollBack(context, journal);
    if (e instanceof SegmentSheetError) throw e;
    throw new SegmentSheetError({ code: "WRITE_FAILED", params: { detail: describe(e) } });
  }

  const fields: Record<string, string> = {};
  for (const [k, i] of Object.entries(result.fields)) if (i !== undefined) fields[k as FieldKey] = table.headers[i];
  return {
    sheet: location.sheetName,
    headerRow: location.headerRow + 1,
    kind: result.kind,
    rows: location.rowCount,
    customers: result.customers.length,
    fields,
    rfm: { asOf: result.asOf, scoring: options.settings.rfm.scoring, split: options.settings.rfm.split },
    segments: result.segments,
    clusters: result.clusters,
    guard: result.report.guard,
    profiles: result.profiles,
    report: { rowsWithoutId: result.report.rowsWithoutId, unparsedCells: result.report.issues.length },
    written: {
      columns: record.sheets[location.sheetName],
      columnAddresses,
      rfmSheet: { name: rfm.name, columns: rfmColumns },
      trackerSheet: tracker,
      migration: {
        sheet: migration.migrationSheet,
        previousAsOf: migration.previousAsOf,
        historySheet: migration.historySheet,
      },
      sheets: [
        ...new Set([
          location.sheetName,
          rfm.name,
          tracker,
          migration.historySheet,
          ...(migration.migrationSheet ? [migration.migrationSheet] : []),
        ]),
      ],
    },
  };
}

/** Best effort: put back what the failed run wrote. A failure here leaves the original error to report. */
async function rollBack(context: Excel.RequestContext, journal: Journal): Promise<void> {
  try {
    await applyUndo(context, journal.snapshot());
  } catch {
    // The workbook refused even the restore (e.g. it became read-only); nothing more can be done here.
  }
}

function describe(e: unknown): string {
  if (typeof e === "object" && e !== null && "code" in e) return String((e as { code: unknown }).code);
  return e instanceof Error ? e.message : String(e);
}
