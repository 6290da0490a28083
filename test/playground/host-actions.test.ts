/**
 * The playground's side, in Node: the committed sample workbook read through HostWorkbook's Excel
 * API (as the grid reads it), and the pane's actions segmenting it.
 */
import * as fs from "fs";
import * as path from "path";
import { createHostActions, readGrid } from "../../src/playground/host-actions";
import { HostWorkbook } from "../../src/xlsx-host";

const SAMPLE = path.resolve(__dirname, "..", "..", "assets", "sample-customers.xlsx");

async function openSample(): Promise<HostWorkbook> {
  return HostWorkbook.fromXlsx(new Uint8Array(fs.readFileSync(SAMPLE)));
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
      "客户编号", "姓名", "性别", "年龄", "所在城市", "联系方式(脱敏)", "近6个月消费频次",
      "平均客单价(元)", "累计消费金额(元)", "上一次购买时间", "客户类型", "备注",
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
    const outcome = await actions.segment({
      asOf: "2024-06-01",
      lang: "zh-CN",
      overwriteTemplateColumns: false,
      onProgress: (stage) => stages.push(stage),
    });
    if (!outcome.ok) throw new Error(outcome.message);
    expect(outcome.summary.sheet).toBe("客户信息");
    expect(outcome.summary.customers).toBe(300);
    expect(outcome.summary.segments.reduce((n, s) => n + s.count, 0)).toBe(300);
    expect(stages).toContain("write");
    expect(changed).toBe(1);
    const grid = await readGrid(workbook, "客户信息", 5);
    expect(grid.columnCount).toBeGreaterThan(12);
    expect(grid.sheets.length).toBeGreaterThan(2);
  });

  test("refuses a bad as-of date before touching the workbook", async () => {
    const workbook = await openSample();
    let changed = 0;
    const actions = createHostActions(workbook, { currentSheet: () => undefined, onChanged: () => changed++ });
    const outcome = await actions.segment({ asOf: "2024-13-01", lang: "en", overwriteTemplateColumns: false });
    expect(outcome).toMatchObject({ ok: false, code: "BAD_AS_OF" });
    expect(changed).toBe(0);
  });

  test("a sheet without a customer table gives a coded error in the chosen language", async () => {
    const workbook = await openSample();
    const actions = createHostActions(workbook, { currentSheet: () => "说明", onChanged: () => undefined });
    const outcome = await actions.segment({ asOf: "2024-06-01", lang: "en", overwriteTemplateColumns: false });
    expect(outcome).toMatchObject({ ok: false, code: "NO_TABLE_FOUND" });
    if (!outcome.ok) expect(outcome.message).toMatch(/^\[NO_TABLE_FOUND\] No customer or orders table was found on sheet "说明"/);
  });
});
