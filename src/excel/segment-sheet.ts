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
import { applyUndo, UNDO_SHEET, writeUndo } from "./undo";
import { protectedTarget } from "./protection";
import { baseline, recheck } from "./recheck";
import { MigrationOutcome, writeMigration } from "./write-migration";
import { writeTracker } from "./write-tracker";
import { SummaryOutcome, writeSummary } from "./write-summary";
import type { RunOptions, RunSummary } from "./types";
import { chooseRfmSheetName, sheetKeysFor, writeOwnedColumns, writeRfmSheet } from "./write-results";
import { firstFreeColumnOffset } from "./free-columns";
import { acceptedFixes, columnTargets, plannedFixes, writeCleaning } from "./write-cleaning";

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
  // Co-authoring: what the writes depend on is compared again right before the first write (recheck.ts).
  const base =
    options.recheck !== false ? await baseline(context, { location, table, usedLastColumn, headerRowCells }) : null;
  progress("read", location.rowCount, location.rowCount);

  progress("segment", 0, 1);
  const segmenter = options.segmenter ?? segment;
  // The fixes to write shape what the engine reads (engine/clean/view.ts), so it is told which they are.
  const accept = acceptedFixes(options);
  const runSettings = { ...options.settings, cleaning: { ...options.settings.cleaning, accept } };
  const seg = await segmenter(table, runSettings, { asOf: options.asOf, lang: options.lang });
  if (!seg.ok)
    throw new SegmentSheetError({ ...seg.error, params: { sheet: location.sheetName, ...seg.error.params } });
  const result = seg.value;
  progress("segment", 1, 1);

  // What the checks need.
  const record = await loadRecord(context);
  const sheets = context.workbook.worksheets;
  sheets.load("items/name");
  const sheetKeys = sheetKeysFor(result, record.sheets[location.sheetName]);
  const appendAt = await firstFreeColumnOffset(context, location, usedLastColumn, sheetKeys.length);
  await context.sync();
  const rfm = chooseRfmSheetName(
    options.lang,
    record.rfmSheet,
    sheets.items.map((s) => s.name)
  );
  // Every sheet the run may write, the team's tracker included, is checked before the first write (protection.ts).
  const written = [
    location.sheetName,
    rfm.exists ? rfm.name : undefined,
    record.historySheet,
    record.migrationSheet,
    record.summarySheet,
  ];
  if (options.undo !== false) written.push(UNDO_SHEET);
  const locked = await protectedTarget(context, written, record.trackerSheet);
  if (locked !== null) throw new SegmentSheetError({ code: "SHEET_PROTECTED", params: { sheet: locked } });
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
  // The cells an accepted cleaning fix rewrites are the user's: they are re-checked too.
  const fixed = [...plannedFixes(result, accept, new Set()).columns.keys()];
  if (base) await recheck(context, base, result.fields.id ?? 0, plan.targets, fixed);

  // Every write is journalled first; a failure half-way puts back what was written, and the snapshot
  // stays in the workbook for "Undo last run".
  const journal = new Journal(context, options.undo !== false);
  journal.captureSetting(OWNERSHIP_KEY);
  journal.captureSetting(SETTINGS_KEY);
  let columnAddresses: Partial<Record<OwnedColumnKey, string>>;
  let rfmColumns: Partial<Record<OwnedColumnKey, string>>;
  let tracker: string;
  let migration: MigrationOutcome;
  let summary: SummaryOutcome;
  let cleaned: Awaited<ReturnType<typeof writeCleaning>>;
  try {
    progress("write", 0, 3);
    columnAddresses = await writeOwnedColumns(context, location, columnTargets(plan.targets), result, journal);
    cleaned = await writeCleaning(context, location, plan.targets, result, accept, options.lang, journal);
    Object.assign(columnAddresses, cleaned.addresses);
    progress("write", 1, 3);
    rfmColumns = await writeRfmSheet(context, rfm.name, rfm.exists, result, options.lang, journal);
    progress("write", 2, 3);
    const taken = [...sheets.items.map((s) => s.name), rfm.name];
    tracker = await writeTracker(context, result, options.lang, record.trackerSheet, taken, journal);
    migration = await writeMigration(context, result, options.lang, record, [...taken, tracker], journal);
    const names = [
      ...taken,
      tracker,
      migration.historySheet,
      ...(migration.migrationSheet ? [migration.migrationSheet] : []),
    ];
    summary = await writeSummary(context, result, options.lang, record, names, journal);
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
    record.summarySheet = summary.sheet;
    record.summaryObjects = summary.objects;
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
    cleaning: cleaned.cleaning,
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
      summarySheet: summary.sheet,
      sheets: [
        ...new Set([
          location.sheetName,
          rfm.name,
          tracker,
          migration.historySheet,
          ...(migration.migrationSheet ? [migration.migrationSheet] : []),
          summary.sheet,
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
