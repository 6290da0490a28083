/**
 * Cleaning through src/excel over the xlsx-host (issue 3): the messy template (test/fixtures/dirty/template.ts,
 * after seeds/000 and seeds/002 表1) segmented end to end with the right R, F and M; the owned 数据质量
 * column; fixes written only for the accepted kinds, with the quote-prefix rule and through the journal
 * (undo gives the workbook back); the review step writes nothing.
 */
import ExcelJS from "exceljs";
import { defaultSettings, type Settings } from "../../src/engine/config";
import type { FixKind } from "../../src/engine/clean";
import type { CellValue } from "../../src/engine/types";
import { previewSheet } from "../../src/excel/preview-sheet";
import { segmentSheet } from "../../src/excel/segment-sheet";
import type { RunSummary } from "../../src/excel/types";
import { undoLastRun } from "../../src/excel/undo";
import { HostWorkbook } from "../../src/xlsx-host";
import { dirtyTemplate, TEMPLATE_AS_OF, TEMPLATE_HEADER, TEMPLATE_SHEET } from "../fixtures/dirty/template";
import { serial } from "../fixtures/seed-workbooks";
import { col, sheetNames, sheetValues } from "../helpers/workbook";

const HEADER_ROW = 2; // 0-based: a title row and a blank row above the header
/** The user's columns the add-in never writes unasked: all but the template's empty 客户类型, which it fills. */
const USER_COLUMNS = TEMPLATE_HEADER.indexOf("客户类型");

const run = (wb: HostWorkbook, acceptFixes?: FixKind[], settings: Settings = defaultSettings()): Promise<RunSummary> =>
  wb.run((context) =>
    segmentSheet(context, { settings, asOf: TEMPLATE_AS_OF, lang: "zh-CN", sheetName: TEMPLATE_SHEET, acceptFixes })
  );

/** The user's own columns of the data rows (客户编号 … 客户类型). */
async function userCells(wb: HostWorkbook): Promise<CellValue[][]> {
  const v = await sheetValues(wb, TEMPLATE_SHEET);
  return v.slice(HEADER_ROW + 1).map((r) => r.slice(0, USER_COLUMNS));
}

async function cell(wb: HostWorkbook, address: string, what: "values" | "valueTypes" | "numberFormat") {
  return wb.run(async (context) => {
    const r = context.workbook.worksheets.getItem(TEMPLATE_SHEET).getRange(address);
    r.load("values, valueTypes, numberFormat");
    await context.sync();
    const all: Record<typeof what, unknown[][]> = {
      values: r.values,
      valueTypes: r.valueTypes,
      numberFormat: r.numberFormat,
    };
    return all[what][0][0];
  });
}

async function everything(wb: HostWorkbook): Promise<Record<string, CellValue[][]>> {
  const out: Record<string, CellValue[][]> = {};
  for (const name of await sheetNames(wb)) out[name] = await sheetValues(wb, name);
  return out;
}

const template = async () => HostWorkbook.fromXlsx(await dirtyTemplate());

describe("the messy template through src/excel", () => {
  test("every customer's R, F and M on the RFM sheet; C005 (no purchase) is 新客户", async () => {
    const wb = await template();
    const summary = await run(wb);
    expect(summary).toMatchObject({ sheet: TEMPLATE_SHEET, headerRow: 3, kind: "customers", customers: 5 });
    const rfm = await sheetValues(wb, summary.written.rfmSheet.name);
    const h = rfm[0];
    const byId = Object.fromEntries(
      rfm
        .slice(1)
        .map((r) => [
          r[col(rfm, 0, "客户ID")],
          [
            r[h.indexOf("R(距今天数)")],
            r[h.indexOf("F(消费频次)")],
            r[h.indexOf("M(消费金额)")],
            r[h.indexOf("RFM分组")],
            r[h.indexOf("客户类型")],
          ],
        ])
    );
    // Worked out from the cells in test/engine/clean-template.test.ts.
    expect(byId.C001.slice(0, 3)).toEqual([22, 5, 4200]);
    expect(byId.C002.slice(0, 3)).toEqual([60, 12, 12000]);
    expect(byId.C003.slice(0, 3)).toEqual([78, 3, 1500]);
    expect(byId.C004.slice(0, 3)).toEqual([1, 8, 5000]);
    expect(byId.C005).toEqual(["", 0, 0, "—", "新客户"]);
    expect(summary.segments.at(-1)).toEqual({ code: "—", label: "新客户", count: 1 });
    // C002's 12,000 is above Q3 + 1.5 × IQR of the amounts (1,500, 4,200, 5,000, 12,000): flagged, kept out of
    // the thresholds, still scored.
    expect(summary.cleaning).toMatchObject({
      duplicates: 0,
      filled: 5,
      outliers: 1,
      unparsed: 0,
      excluded: 1,
      excludedCustomers: 1,
      noPurchaseCustomers: 1,
      applied: { kinds: [], cells: 0 },
      notedRows: 2,
    });
  });

  test("without accepted fixes no user cell changes; 数据质量 notes the rule it applied", async () => {
    const wb = await template();
    const before = await userCells(wb);
    const summary = await run(wb);
    expect(await userCells(wb)).toEqual(before);
    const v = await sheetValues(wb, TEMPLATE_SHEET);
    const q = col(v, HEADER_ROW, "数据质量");
    expect(q).toBeGreaterThanOrEqual(USER_COLUMNS);
    expect(v.slice(HEADER_ROW + 1).map((r) => r[q])).toEqual([
      "",
      "消费金额异常，不参与阈值估计（仍参与打分）",
      "",
      "",
      "无消费记录，标记为新客户",
    ]);
    expect(summary.written.columns.dataQuality).toBe("数据质量");
    expect(summary.written.columnAddresses.dataQuality).toMatch(/!([A-Z]+)4:\1(8)$/);
    // The template's own 客户类型 column (empty) took the labels, C005's included.
    expect(
      v
        .slice(HEADER_ROW + 1)
        .map((r) => r[TEMPLATE_HEADER.indexOf("客户类型")])
        .at(-1)
    ).toBe("新客户");
  });

  test("accepting one kind changes only that kind's cells", async () => {
    const wb = await template();
    const before = await userCells(wb);
    const summary = await run(wb, ["normalizeNumber"]);
    const after = await userCells(wb);
    const changed: [number, string, CellValue, CellValue][] = [];
    after.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v !== before[r][c]) changed.push([r, TEMPLATE_HEADER[c], before[r][c], v]);
      })
    );
    expect(changed).toEqual([
      [0, "年龄", "35岁", 35],
      [0, "近6个月消费频次", "５次", 5],
      [0, "累计消费金额(元)", "4,200元", 4200],
      [1, "累计消费金额(元)", "1.2万", 12000],
      [2, "年龄", "42岁", 42],
      [2, "近6个月消费频次", "3次", 3],
      [2, "累计消费金额(元)", "¥1,500", 1500],
      [3, "近6个月消费频次", "8次", 8],
      [3, "累计消费金额(元)", "0.5万元", 5000],
    ]);
    expect(summary.cleaning.applied).toEqual({ kinds: ["normalizeNumber"], cells: 9, byKind: { normalizeNumber: 9 } });
    // The figures are the same as without the fix.
    const rfm = await sheetValues(wb, summary.written.rfmSheet.name);
    expect(rfm.slice(1, 5).map((r) => r.slice(1, 4))).toEqual([
      [22, 5, 4200],
      [60, 12, 12000],
      [78, 3, 1500],
      [1, 8, 5000],
    ]);
  });

  test("dates are written as real dates, text with the quote prefix, and masked phones keep the last 4 digits", async () => {
    const wb = await template();
    await run(wb, ["normalizeDate", "normalizeGender", "normalizeCity", "maskPhone"]);
    // C002's "2024年4月2日" (I5 … row 5) is now a date serial with a date format.
    expect(await cell(wb, "I5", "values")).toBe(serial("2024-04-02"));
    expect(await cell(wb, "I5", "valueTypes")).toBe("Double");
    expect(await cell(wb, "I6", "values")).toBe(serial("2024-03-15"));
    expect(await cell(wb, "E4", "values")).toBe("上海");
    expect(await cell(wb, "E6", "values")).toBe("深圳");
    expect(await cell(wb, "C6", "values")).toBe("女");
    expect(await cell(wb, "F4", "values")).toBe("138****5678");
    expect(await cell(wb, "F4", "valueTypes")).toBe("String");
    expect(await cell(wb, "F6", "values")).toBe("137****1111");
    expect(await cell(wb, "F5", "values")).toBe("139****1234"); // masked already: untouched
  });

  test("accepted fills write into the cells, and 数据质量 says so", async () => {
    const wb = await template();
    const summary = await run(wb, ["fillMedian", "fillRule"]);
    expect(await cell(wb, "D7", "values")).toBe(33); // C004's blank age: the median of 35, 28, 42, 31
    expect(await cell(wb, "C5", "values")).toBe("女"); // 王女士
    expect(await cell(wb, "G8", "values")).toBe(0); // C005: no purchase → 0
    const v = await sheetValues(wb, TEMPLATE_SHEET);
    const q = col(v, HEADER_ROW, "数据质量");
    expect(v.slice(HEADER_ROW + 1).map((r) => r[q])).toEqual([
      "",
      "性别为空，按称呼补全为“女”；消费金额异常，不参与阈值估计（仍参与打分）",
      "",
      "年龄为空，按中位数补全为 33",
      "无消费记录，标记为新客户",
    ]);
    // The 客户类型 column is the add-in's here (the template's empty column): the fill is not written twice.
    expect(summary.cleaning.applied.byKind).toEqual({ fillRule: 3, fillMedian: 1 });
  });

  test("undo gives the workbook back as it was, fixes included", async () => {
    const wb = await template();
    const before = await everything(wb);
    await run(wb, ["normalizeNumber", "normalizeDate", "maskPhone", "fillMedian"]);
    expect(await userCells(wb)).not.toEqual(
      before[TEMPLATE_SHEET].slice(HEADER_ROW + 1).map((r) => r.slice(0, USER_COLUMNS))
    );
    await wb.run((context) => undoLastRun(context));
    expect(await everything(wb)).toEqual(before);
    expect(await cell(wb, "I5", "valueTypes")).toBe("String"); // "2024年4月2日" is text again
  });

  test("a run with fixes accepted that fails at any sync leaves the workbook as it was, or fully done", async () => {
    const accept: FixKind[] = ["normalizeNumber", "normalizeDate", "maskPhone"];
    const reference = await template();
    const before = await everything(reference);
    reference.resetStats();
    await run(reference, accept);
    const after = await everything(reference);
    const syncs = reference.stats.syncs;
    let rolledBack = 0;
    for (let n = 1; n <= syncs; n++) {
      const wb = await HostWorkbook.fromXlsx(await dirtyTemplate(), { failAtSync: n });
      const failed = await run(wb, accept).then(
        () => false,
        () => true
      );
      wb.options.failAtSync = undefined;
      const got = JSON.stringify(await everything(wb));
      expect([n, got === JSON.stringify(before) || got === JSON.stringify(after)]).toEqual([n, true]);
      if (failed && got === JSON.stringify(before)) rolledBack++;
    }
    expect(rolledBack).toBeGreaterThan(syncs / 2);
  });

  test("a user value that would be a formula is written as text", async () => {
    const book = new ExcelJS.Workbook();
    const ws = book.addWorksheet("客户");
    ws.addRow(["客户编号", "近6个月消费频次", "累计消费金额(元)", "上一次购买时间", "备注"]);
    ws.addRow(["K1", 3, 300, "2024-05-01", '  =HYPERLINK("http://x")  ']);
    ws.addRow(["K2", 5, 900, "2024-05-20", " +86 看重性价比 "]);
    ws.addRow(["K3", 1, 100, "2024-04-01", "ok"]);
    const wb = await HostWorkbook.fromXlsx(new Uint8Array(await book.xlsx.writeBuffer()));
    const summary = await wb.run((context) =>
      segmentSheet(context, {
        settings: defaultSettings(),
        asOf: TEMPLATE_AS_OF,
        lang: "en",
        sheetName: "客户",
        acceptFixes: ["normalizeText"],
      })
    );
    expect(summary.cleaning.applied.byKind).toEqual({ normalizeText: 2 });
    const read = (address: string) =>
      wb.run(async (context) => {
        const r = context.workbook.worksheets.getItem("客户").getRange(address);
        r.load("values, valueTypes, formulas");
        await context.sync();
        return [r.values[0][0], r.valueTypes[0][0]];
      });
    expect(await read("E2")).toEqual(['=HYPERLINK("http://x")', "String"]);
    expect(await read("E3")).toEqual(["+86 看重性价比", "String"]);
  });
});

describe("the review step writes nothing", () => {
  test("previewSheet: counts, samples with positions, and the workbook unchanged", async () => {
    const wb = await template();
    const before = await everything(wb);
    const p = await wb.run((context) =>
      previewSheet(context, {
        settings: defaultSettings(),
        asOf: TEMPLATE_AS_OF,
        lang: "zh-CN",
        sheetName: TEMPLATE_SHEET,
      })
    );
    expect(await everything(wb)).toEqual(before);
    expect(p).toMatchObject({ sheet: TEMPLATE_SHEET, headerRow: HEADER_ROW, firstColumn: 0 });
    expect(p.headers).toEqual(TEMPLATE_HEADER);
    const r = p.review;
    expect(r.summary).toEqual({ duplicates: 0, filled: 5, outliers: 1, unparsed: 0, excluded: 1 });
    expect(r.fixCounts).toMatchObject({
      normalizeNumber: 9,
      normalizeDate: 2,
      maskPhone: 2,
      fillMedian: 1,
      fillRule: 4,
    });
    expect(r.counts.unmaskedPhone).toBe(2);
    expect(r.newCustomers).toBe(1);
    // Positions: table row 0, column 6 is sheet cell G4.
    expect(r.fixSamples.normalizeNumber?.[0]).toMatchObject({ row: 0, column: 3, before: "35岁", after: 35 });
  });

  test("an error names the sheet, and nothing is written", async () => {
    const book = new ExcelJS.Workbook();
    book.addWorksheet("名单").addRows([
      ["客户编号", "姓名"],
      ["A", "张三"],
    ]);
    const wb = await HostWorkbook.fromXlsx(new Uint8Array(await book.xlsx.writeBuffer()));
    await expect(
      wb.run((context) =>
        previewSheet(context, { settings: defaultSettings(), asOf: TEMPLATE_AS_OF, lang: "zh-CN", sheetName: "名单" })
      )
    ).rejects.toMatchObject({ error: { code: "MISSING_FIELD", params: { sheet: "名单" } } });
  });
});
