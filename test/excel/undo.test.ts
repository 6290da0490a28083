/**
 * "Undo last run" restores exactly what the last run changed, from the snapshot kept in the workbook; a run
 * that fails half-way (the host fails a chosen sync, as Excel may) leaves the workbook as it was.
 */
import { defaultSettings, Settings } from "../../src/engine/config";
import { SegmentSheetError } from "../../src/engine/errors";
import type { CellValue } from "../../src/engine/types";
import { segmentSheet } from "../../src/excel/segment-sheet";
import { UNDO_SHEET, undoLastRun } from "../../src/excel/undo";
import { HostWorkbook } from "../../src/xlsx-host";
import { SEED_AS_OF, seedTable1, seedTable2WithTracker } from "../fixtures/seed-workbooks";
import { sheetNames, sheetValues } from "../helpers/workbook";

function thresholds(): Settings {
  const s = defaultSettings();
  s.rfm.split = "thresholds";
  return s;
}

const run = (wb: HostWorkbook, asOf = SEED_AS_OF, settings = thresholds()) =>
  wb.run((context) => segmentSheet(context, { settings, asOf, lang: "zh-CN" }));

interface State {
  sheets: Record<string, CellValue[][]>;
  settings: Record<string, unknown>;
}

/** Every sheet's cells (formulas, so a formula is told from its value) and every setting. */
async function state(wb: HostWorkbook): Promise<State> {
  const sheets: Record<string, CellValue[][]> = {};
  for (const name of await sheetNames(wb)) sheets[name] = await sheetValues(wb, name);
  const settings = await wb.run(async (context) => {
    const items = context.workbook.settings;
    items.load("items/key, items/value");
    await context.sync();
    return Object.fromEntries(items.items.map((i) => [i.key, i.value as unknown]));
  });
  return { sheets, settings };
}

async function code(p: Promise<unknown>): Promise<string | null> {
  try {
    await p;
    return null;
  } catch (e) {
    if (e instanceof SegmentSheetError) return e.error.code;
    throw e;
  }
}

describe("undo last run", () => {
  it("after a first run, gives back the workbook as it was: cells, sheets and settings", async () => {
    const wb = await HostWorkbook.fromXlsx(await seedTable1());
    const before = await state(wb);
    await run(wb);
    const outcome = await wb.run((context) => undoLastRun(context));
    expect(outcome.deletedSheets).toEqual(["RFM细分结果", "客户细分策略跟踪", "细分历史", "客户细分概览"]);
    expect(await state(wb)).toEqual(before);
  });

  it("after a second run, gives back the first run's results, the team's tracker edits included", async () => {
    const wb = await HostWorkbook.fromXlsx(await seedTable2WithTracker());
    await run(wb, "2024-06-01");
    await wb.run(async (context) => {
      context.workbook.worksheets.getItem("策略跟踪").getRange("E3").values = [["新负责人"]];
      await context.sync();
    });
    const afterFirst = await state(wb);
    await run(wb, "2024-07-15");
    expect(await sheetNames(wb)).toContain("细分迁移");
    await wb.run((context) => undoLastRun(context));
    const now = await state(wb);
    delete afterFirst.sheets[UNDO_SHEET]; // the snapshot is spent by the undo
    expect(now).toEqual(afterFirst);
  });

  it("survives saving the file: the snapshot lives in the workbook", async () => {
    const wb = await HostWorkbook.fromXlsx(await seedTable1());
    const before = await state(wb);
    await run(wb);
    const reopened = await HostWorkbook.fromXlsx(await wb.toXlsx());
    await reopened.run((context) => undoLastRun(context));
    expect(await state(reopened)).toEqual(before);
  });

  it("a second undo, or an undo with no run, says NOTHING_TO_UNDO", async () => {
    const wb = await HostWorkbook.fromXlsx(await seedTable1());
    expect(await code(wb.run((context) => undoLastRun(context)))).toBe("NOTHING_TO_UNDO");
    await run(wb);
    await wb.run((context) => undoLastRun(context));
    expect(await code(wb.run((context) => undoLastRun(context)))).toBe("NOTHING_TO_UNDO");
  });
});

describe("a run that fails half-way", () => {
  it("at whichever sync it fails, leaves the workbook as it was or fully segmented, never in between", async () => {
    const bytes = await seedTable2WithTracker();
    // The reference: a first run, then the states before and after a second run.
    const reference = await HostWorkbook.fromXlsx(bytes);
    await run(reference, "2024-06-01");
    const between = await reference.toXlsx();
    const before = await state(reference);
    reference.resetStats();
    await run(reference, "2024-07-15");
    const after = await state(reference);
    const syncs = reference.stats.syncs;
    expect(syncs).toBeGreaterThan(5);

    let rolledBack = 0;
    for (let n = 1; n <= syncs; n++) {
      const wb = await HostWorkbook.fromXlsx(between, { failAtSync: n });
      const failed = await wb
        .run((context) => segmentSheet(context, { settings: thresholds(), asOf: "2024-07-15", lang: "zh-CN" }))
        .then(
          () => false,
          () => true
        );
      wb.options.failAtSync = undefined; // read the outcome without the fault
      const got = await state(wb);
      const same = (x: State) => JSON.stringify(x) === JSON.stringify(got);
      // Never in between: exactly the state before, or exactly the finished run.
      expect([n, same(before) || same(after)]).toEqual([n, true]);
      if (failed && same(before)) rolledBack += 1;
    }
    expect(rolledBack).toBeGreaterThan(syncs / 2);
  });
});
