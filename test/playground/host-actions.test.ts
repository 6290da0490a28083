/**
 * The playground's side, in Node: the committed sample workbook read through HostWorkbook's Excel
 * API (as the grid reads it), and the pane's actions segmenting it.
 */
import * as fs from "fs";
import * as path from "path";
import { defaultSettings } from "../../src/engine/config";
import type { Lang } from "../../src/engine/types";
import {
  createHostActions,
  readRows,
  readSheetInfo,
  withRoundTrips,
  type GridCell,
  type GridSelection,
} from "../../src/playground/host-actions";
import { SETTINGS_KEY } from "../../src/taskpane/settings/store";
import type { SegmentRequest } from "../../src/taskpane/pane-actions";
import { HostWorkbook } from "../../src/xlsx-host";

const SAMPLE = path.resolve(__dirname, "..", "..", "assets", "sample-customers.xlsx");

async function openSample(): Promise<HostWorkbook> {
  return HostWorkbook.fromXlsx(new Uint8Array(fs.readFileSync(SAMPLE)));
}

/** What the grid reads: the sheet list and size, then rows 1…maxRows as displayed. */
async function readGrid(workbook: HostWorkbook, sheet: string | undefined, maxRows: number) {
  const info = await readSheetInfo(workbook, sheet);
  const cells: GridCell[][] = await readRows(
    workbook,
    info.sheet,
    0,
    Math.min(maxRows, info.rowCount),
    info.columnCount
  );
  return { ...info, totalRows: info.rowCount, cells };
}

function request(lang: Lang, extra: Partial<SegmentRequest> = {}): SegmentRequest {
  return {
    asOf: "2024-06-01",
    lang,
    settings: defaultSettings(),
    overwriteTemplateColumns: false,
    ...extra,
  };
}

describe("assets/sample-customers.xlsx", () => {
  test("has the seed template's layout and the seed's first three customers", async () => {
    const workbook = await openSample();
    const grid = await readGrid(workbook, undefined, 10);
    expect(grid.sheets).toEqual(["客户信息", "说明"]);
    expect(grid.sheet).toBe("客户信息");
    expect(grid.totalRows).toBe(303);
    const text = grid.cells.map((row) => row.map((c) => c.text));
    expect(text[0][0]).toBe("表1：客户信息管理表");
    expect(text[1].every((t) => t === "")).toBe(true);
    expect(text[2]).toEqual([
      "客户编号",
      "姓名",
      "性别",
      "年龄",
      "所在城市",
      "联系方式(脱敏)",
      "近6个月消费频次",
      "平均客单价(元)",
      "累计消费金额(元)",
      "上一次购买时间",
      "客户类型",
      "备注",
    ]);
    // 1001 / 1002 / 1003: frequency, amount, last purchase 15 / 60 / 120 days before 2024-06-01.
    expect(text.slice(3, 6).map((r) => [r[0], r[6], r[8], r[9]])).toEqual([
      ["1001", "12", "4,200元", "2024/5/17"],
      ["1002", "5", "4400", "2024/4/2"],
      ["1003", "2", "300", "2024/2/2"],
    ]);
    expect(text.slice(3, 6).every((r) => r[10] === "")).toBe(true); // 客户类型 left empty
  });

  test("dates are real Excel dates (serials formatted yyyy/m/d)", async () => {
    const workbook = await openSample();
    const [values, formats] = await workbook.run(async (context) => {
      const range = context.workbook.worksheets.getItem("客户信息").getRange("J4:J6");
      range.load("values, numberFormat");
      await context.sync();
      return [range.values, range.numberFormat];
    });
    expect(values).toEqual([[45429], [45384], [45324]]);
    expect(formats).toEqual([["yyyy/m/d"], ["yyyy/m/d"], ["yyyy/m/d"]]);
  });

  test("has the messy cells the SPEC describes", async () => {
    const workbook = await openSample();
    const grid = await readGrid(workbook, "客户信息", 400);
    const all = grid.cells.flat().map((c) => c.text);
    expect(all.some((t) => /^[０-９]+次$/.test(t))).toBe(true);
    expect(all.some((t) => /^\d+\.\d万$/.test(t))).toBe(true);
    expect(all.some((t) => /^\d{1,3}(,\d{3})+元$/.test(t))).toBe(true);
    expect(all.some((t) => /^\d{4}年\d{1,2}月\d{1,2}日$/.test(t))).toBe(true);
    expect(all.some((t) => /市$/.test(t))).toBe(true);
  });
});

describe("createHostActions", () => {
  test("segments the sheet the grid shows and reports back", async () => {
    const workbook = await openSample();
    let changed = 0;
    const actions = createHostActions(workbook, { currentSheet: () => "客户信息", onChanged: () => changed++ });
    const stages: string[] = [];
    const outcome = await actions.segment(
      request("zh-CN", {
        settings: { ...defaultSettings(), asOf: "2024-06-01" },
        onProgress: (stage) => stages.push(stage),
      })
    );
    if (!outcome.ok) throw new Error(outcome.message);
    expect(outcome.summary.sheet).toBe("客户信息");
    expect(outcome.summary.customers).toBe(300);
    expect(outcome.summary.segments.reduce((n, s) => n + s.count, 0)).toBe(300);
    expect(outcome.heatmap?.total).toBe(300);
    expect(outcome.engine).toBe("thread"); // no worker in Node: the same handler on this thread
    expect(stages).toContain("write");
    expect(changed).toBe(1);
    const grid = await readGrid(workbook, "客户信息", 5);
    expect(grid.columnCount).toBeGreaterThan(12);
    expect(grid.sheets.length).toBeGreaterThan(2);
    // The settings that made the results are kept in the workbook; the pane reads them back to edit.
    const stored = await actions.loadSettings();
    expect(stored.unreadable).toBe(false);
    expect(stored.json).toMatchObject({ asOf: "2024-06-01", rfm: { scoring: "quintiles", split: "mean" } });
    const raw = await workbook.run(async (context) => {
      const item = context.workbook.settings.getItem(SETTINGS_KEY);
      item.load("value");
      await context.sync();
      return item.value as string;
    });
    expect(JSON.parse(raw)).toEqual(stored.json);
  });

  test("undo: the last run's cells, sheets and settings are put back; a second undo has nothing to undo", async () => {
    const workbook = await openSample();
    let changed = 0;
    const actions = createHostActions(workbook, { currentSheet: () => "客户信息", onChanged: () => changed++ });
    const before = await readGrid(workbook, "客户信息", 400);
    const settingsBefore = await actions.loadSettings();
    const outcome = await actions.segment(request("zh-CN"));
    if (!outcome.ok) throw new Error(outcome.message);
    expect((await readGrid(workbook, "客户信息", 400)).cells).not.toEqual(before.cells);

    const undone = await actions.undo!("zh-CN");
    if (!undone.ok) throw new Error(undone.message);
    expect(undone.restoredRanges).toBeGreaterThan(0);
    // The sheets the run added (RFM result, tracker, history, summary) are gone again.
    expect(undone.deletedSheets).toEqual(expect.arrayContaining(outcome.summary.written.sheets.slice(1)));
    const after = await readGrid(workbook, "客户信息", 400);
    expect(after.cells).toEqual(before.cells);
    expect(after.sheets).toEqual(before.sheets);
    expect(await actions.loadSettings()).toEqual(settingsBefore);
    expect(changed).toBe(2);

    for (const lang of ["zh-CN", "zh-TW", "en"] as Lang[]) {
      const again = await actions.undo!(lang);
      expect(again.ok).toBe(false);
      if (!again.ok) {
        expect(again.code).toBe("NOTHING_TO_UNDO");
        expect(again.message.startsWith("[NOTHING_TO_UNDO]")).toBe(true);
      }
    }
  });

  test("inspects the table without writing anything", async () => {
    const workbook = await openSample();
    const before = await readGrid(workbook, "客户信息", 400);
    let changed = 0;
    const actions = createHostActions(workbook, { currentSheet: () => "客户信息", onChanged: () => changed++ });
    const outcome = await actions.inspect("zh-CN");
    if (!outcome.ok) throw new Error(outcome.message);
    expect(outcome.inspection).toMatchObject({ sheet: "客户信息", headerRow: 3 });
    expect(outcome.inspection.scan.rows).toBe(300);
    expect(outcome.inspection.scan.headers[9]).toBe("上一次购买时间");
    expect(outcome.inspection.scan.latestDates[9]).toMatch(/^2024-05-/);
    expect(changed).toBe(0);
    expect(await readGrid(workbook, "客户信息", 400)).toEqual(before);
    expect(await actions.loadSettings()).toEqual({ json: {}, unreadable: false });
  });

  test("select: a written column is selected on its sheet, and the grid is told where", async () => {
    const workbook = await openSample();
    const selections: GridSelection[] = [];
    const actions = createHostActions(workbook, {
      currentSheet: () => "客户信息",
      onChanged: () => undefined,
      onSelect: (s) => selections.push(s),
    });
    const outcome = await actions.segment(request("en"));
    if (!outcome.ok) throw new Error(outcome.message);
    const address = outcome.summary.written.columnAddresses.rfmLabel!;
    expect(address).toMatch(/^客户信息!\$?[A-Z]+\$?4:\$?[A-Z]+\$?303$/);
    expect(await actions.select({ kind: "range", address }, "en")).toBeNull();
    expect(selections[0]).toMatchObject({ sheet: "客户信息", rect: { top: 3, bottom: 302 } });
    expect(await actions.select({ kind: "sheet", sheet: outcome.summary.written.rfmSheet.name }, "en")).toBeNull();
    expect(selections[1]).toMatchObject({ sheet: "RFM segments", rect: null });
    const info = await readSheetInfo(workbook, undefined);
    expect(info.sheet).toBe("RFM segments"); // activated, as in Excel
    const missing = await actions.select({ kind: "sheet", sheet: "nope" }, "zh-CN");
    expect(missing).toMatchObject({ ok: false, code: "ItemNotFound" });
  });

  test("the pane hears when the grid shows another sheet", () => {
    const actions = createHostActions(HostWorkbook.empty(), {
      currentSheet: () => undefined,
      onChanged: () => undefined,
    });
    let heard = 0;
    const stop = actions.onSheetChange!(() => heard++);
    actions.sheetChanged();
    stop();
    actions.sheetChanged();
    expect(heard).toBe(1);
  });

  test("withRoundTrips: every sync first lets the event loop run, as a real round trip does", async () => {
    const workbook = await openSample();
    const order: string[] = [];
    await workbook.run(async (raw) => {
      const context = withRoundTrips(raw);
      const sheet = context.workbook.worksheets.getItem("客户信息");
      const range = sheet.getRange("A4");
      range.load("values");
      setTimeout(() => order.push("timer"), 0);
      const p = context.sync().then(() => order.push("sync"));
      await p;
      expect(range.values).toEqual([[1001]]);
    });
    expect(order).toEqual(["timer", "sync"]);
  });

  test("refuses a bad as-of date before touching the workbook", async () => {
    const workbook = await openSample();
    let changed = 0;
    const actions = createHostActions(workbook, { currentSheet: () => undefined, onChanged: () => changed++ });
    const outcome = await actions.segment(request("en", { asOf: "2024-13-01" }));
    expect(outcome).toMatchObject({ ok: false, code: "BAD_AS_OF" });
    expect(changed).toBe(0);
  });

  test("a sheet without a customer table gives a coded error in the chosen language", async () => {
    const workbook = await openSample();
    const actions = createHostActions(workbook, { currentSheet: () => "说明", onChanged: () => undefined });
    const outcome = await actions.segment(request("en"));
    expect(outcome).toMatchObject({ ok: false, code: "NO_TABLE_FOUND" });
    if (!outcome.ok)
      expect(outcome.message).toMatch(/^\[NO_TABLE_FOUND\] No customer or orders table was found on sheet "说明"/);
  });
});
