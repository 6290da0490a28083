/**
 * Opening with exceljs's streaming reader (openXlsxStreaming) gives the workbook fromXlsx gives, read through
 * the API; files with what the streaming reader reads differently are left to fromXlsx (null).
 */
import ExcelJS from "exceljs";
import { HostWorkbook } from "../../src/xlsx-host";
import { openXlsxStreaming } from "../../src/xlsx-host/xlsx-stream";
import { seedTable1, seedTable2WithTracker } from "../fixtures/seed-workbooks";
import { makeXlsx } from "./helpers";

type Snapshot = Record<string, unknown>;

async function snapshot(host: HostWorkbook): Promise<Snapshot> {
  return host.run(async (ctx) => {
    const sheets = ctx.workbook.worksheets.load("items/name,items/visibility");
    const tables = ctx.workbook.tables.load("items/name");
    const active = ctx.workbook.worksheets.getActiveWorksheet().load("name");
    const settings = ctx.workbook.settings.load("items/key,items/value");
    await ctx.sync();
    const out: Snapshot = {
      sheets: sheets.items.map((s) => [s.name, s.visibility]),
      tables: tables.items.map((t) => t.name),
      active: active.name,
      settings: settings.items.map((s) => [s.key, s.value]),
    };
    const used = sheets.items.map((s) => s.getUsedRangeOrNullObject());
    await ctx.sync();
    const props = used.map((u) =>
      u.isNullObject ? null : u.load("address, values, formulas, numberFormat, text, valueTypes")
    );
    const bold = used.map((u) => (u.isNullObject ? null : u.getCell(0, 0).format.font.load("bold")));
    await ctx.sync();
    sheets.items.forEach((s, i) => {
      const p = props[i];
      out[s.name] = p && {
        address: p.address,
        values: p.values,
        formulas: p.formulas,
        numberFormat: p.numberFormat,
        text: p.text,
        valueTypes: p.valueTypes,
        bold: bold[i]?.bold,
      };
    });
    return out;
  });
}

const plain = (wb: ExcelJS.Workbook) => {
  const a = wb.addWorksheet("客户");
  a.getCell("A1").value = "表1:客户信息管理表";
  a.getCell("A1").font = { bold: true };
  a.mergeCells("A1:D1");
  a.addRow([]);
  a.addRow(["客户ID", "最后购买时间", "金额", "ok"]);
  for (let i = 0; i < 50; i++) {
    const r = a.addRow([1000 + i, new Date(Date.UTC(2024, 4, 1 + (i % 28))), i * 10.5, i % 2 === 0]);
    r.getCell(2).numFmt = "yyyy/m/d";
  }
  a.getCell("E5").value = { error: "#N/A" } as ExcelJS.CellErrorValue;
  a.getColumn(2).width = 18;
  a.getRow(4).height = 30;
  wb.addWorksheet("Empty");
  wb.addWorksheet("Hidden", { state: "hidden" }).getCell("B2").value = "secret";
};

describe("openXlsxStreaming", () => {
  test.each([
    ["values, dates, booleans, errors, merges, widths, heights, an empty and a hidden sheet", () => makeXlsx(plain)],
    ["the seed template 表1", () => seedTable1()],
    [
      "a workbook with a table",
      () =>
        makeXlsx((wb) =>
          wb.addWorksheet("T").addTable({
            name: "Tb",
            ref: "B2",
            columns: [{ name: "k" }, { name: "v" }],
            rows: [
              ["x", 1],
              ["y", 2],
            ],
          })
        ),
    ],
  ])("%s: the same workbook as fromXlsx", async (_name, make) => {
    const bytes = await make();
    const streamed = await openXlsxStreaming(bytes);
    expect(streamed).not.toBeNull();
    const inMemory = await HostWorkbook.fromXlsx(bytes);
    expect(await snapshot(streamed as HostWorkbook)).toEqual(await snapshot(inMemory));
    // ...and saves the same.
    const again = async (h: HostWorkbook) => snapshot(await HostWorkbook.fromXlsx(await h.toXlsx()));
    expect(await again(streamed as HostWorkbook)).toEqual(await again(inMemory));
  });

  test("the add-in's settings (a very hidden sheet) survive a save and a streamed open", async () => {
    const host = await HostWorkbook.fromXlsx(await makeXlsx(plain));
    await host.run(async (ctx) => {
      ctx.workbook.settings.add("segmentSheet.owned", JSON.stringify({ version: 1, sheets: {} }));
    });
    const bytes = await host.toXlsx();
    const streamed = await openXlsxStreaming(bytes);
    expect(await snapshot(streamed as HostWorkbook)).toEqual(await snapshot(await HostWorkbook.fromXlsx(bytes)));
  });

  test.each([
    ["formulas", (wb: ExcelJS.Workbook) => (wb.addWorksheet("S").getCell("A1").value = { formula: "1+1", result: 2 })],
    [
      "hyperlinks",
      (wb: ExcelJS.Workbook) =>
        (wb.addWorksheet("S").getCell("A1").value = { text: "x", hyperlink: "https://example.com" }),
    ],
    [
      "notes",
      (wb: ExcelJS.Workbook) => {
        const c = wb.addWorksheet("S").getCell("A1");
        c.value = 1;
        c.note = "a note";
      },
    ],
    [
      "hidden rows",
      (wb: ExcelJS.Workbook) => {
        const s = wb.addWorksheet("S");
        s.getCell("A1").value = 1;
        s.getRow(1).hidden = true;
      },
    ],
  ])("a file with %s is left to fromXlsx", async (_name, build) => {
    expect(await openXlsxStreaming(await makeXlsx(build))).toBeNull();
  });

  test("the seed workbook with a tracker: the same as fromXlsx, or left to it", async () => {
    const bytes = await seedTable2WithTracker();
    const streamed = await openXlsxStreaming(bytes);
    if (streamed) expect(await snapshot(streamed)).toEqual(await snapshot(await HostWorkbook.fromXlsx(bytes)));
  });
});
