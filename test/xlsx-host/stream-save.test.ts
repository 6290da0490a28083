/** Saving through exceljs's streaming writer gives the same workbook as the in-memory writer. */
import ExcelJS from "exceljs";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { HostWorkbook } from "../../src/xlsx-host";
import { saveWorkbookFile } from "../../src/xlsx-host/node";
import { streamable } from "../../src/xlsx-host/xlsx-stream";
import { makeXlsx, readBack } from "./helpers";

const rich = (wb: ExcelJS.Workbook) => {
  const a = wb.addWorksheet("Alpha");
  a.getCell("A1").value = "name";
  a.getCell("A1").font = { bold: true, color: { argb: "FFFF0000" } };
  a.getCell("B1").value = new Date(Date.UTC(2024, 4, 10));
  a.getCell("B1").numFmt = "yyyy-mm-dd";
  a.getCell("C1").value = 0.125;
  a.getCell("C1").numFmt = "0.0%";
  a.getCell("D1").value = { formula: "C1*2", result: 0.25 };
  a.getCell("A3").value = "merged";
  a.mergeCells("A3:C3");
  a.getColumn(1).width = 30;
  a.getRow(5).height = 40;
  wb.addWorksheet("Hidden", { state: "hidden" }).getCell("A1").value = 1;
  wb.addWorksheet("Beta").getCell("B2").value = "second";
};

async function usedValues(host: HostWorkbook, sheet: string, prop: "values" | "numberFormat" | "formulas" = "values") {
  return host.run(async (ctx) => {
    const r = ctx.workbook.worksheets.getItem(sheet).getUsedRange().load(prop);
    await ctx.sync();
    return r[prop];
  });
}

describe("streaming save", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "xlsx-stream-"));

  test("values, formats, formulas, merges, widths, heights, sheet states, the active sheet and settings survive", async () => {
    const host = await HostWorkbook.fromXlsx(await makeXlsx(rich));
    await host.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem("Alpha");
      s.getRange("A7:C8").values = [
        ["written", 12.5, "2024-05-10"],
        ["'=not a formula", true, "高"],
      ];
      s.getRange("A7").format.font.bold = true;
      ctx.workbook.worksheets.getItem("Beta").activate();
      ctx.workbook.settings.add("k", { a: 1 });
    });
    expect(streamable(host)).toBeNull();
    const streamed = path.join(dir, "streamed.xlsx");
    const memory = path.join(dir, "memory.xlsx");
    expect(await saveWorkbookFile(host, streamed, { stream: true })).toBe("stream");
    expect(await saveWorkbookFile(host, memory, { stream: false })).toBe("memory");

    const a = await HostWorkbook.fromXlsx(readFileSync(streamed));
    const b = await HostWorkbook.fromXlsx(readFileSync(memory));
    for (const sheet of ["Alpha", "Hidden", "Beta"])
      for (const prop of ["values", "numberFormat", "formulas"] as const)
        expect(await usedValues(a, sheet, prop)).toEqual(await usedValues(b, sheet, prop));
    const names = async (h: HostWorkbook) =>
      h.run(async (ctx) => {
        const ws = ctx.workbook.worksheets.load("items/name,items/visibility");
        const active = ctx.workbook.worksheets.getActiveWorksheet().load("name");
        const setting = ctx.workbook.settings.getItem("k").load("value");
        await ctx.sync();
        return { sheets: ws.items.map((w) => [w.name, w.visibility]), active: active.name, setting: setting.value };
      });
    expect(await names(a)).toEqual(await names(b));
    expect((await names(a)).active).toBe("Beta");

    const x = (await readBack(readFileSync(streamed))).getWorksheet("Alpha")!;
    expect(x.getCell("A1").font).toMatchObject({ bold: true, color: { argb: "FFFF0000" } });
    expect(x.getCell("A7").font).toMatchObject({ bold: true });
    expect(x.getCell("B3").isMerged).toBe(true);
    expect(x.getColumn(1).width).toBe(30);
    expect(x.getRow(5).height).toBe(40);
  });

  test("a workbook with a table, opened from .xlsx, is streamed from its package, table included", async () => {
    const host = await HostWorkbook.fromXlsx(
      await makeXlsx((wb) =>
        wb.addWorksheet("T").addTable({ name: "Tb", ref: "A1", columns: [{ name: "k" }], rows: [["x"]] })
      )
    );
    // exceljs's streaming writer cannot write tables; the package writer keeps the table's part as it is.
    expect(streamable(host)).toBe("tables");
    const file = path.join(dir, "table.xlsx");
    expect(await saveWorkbookFile(host, file, { stream: true })).toBe("stream");
    const back = await HostWorkbook.fromXlsx(readFileSync(file));
    const tables = await back.run(async (ctx) => {
      const t = ctx.workbook.tables.load("items/name");
      await ctx.sync();
      return t.items.map((x) => x.name);
    });
    expect(tables).toEqual(["Tb"]);
  });

  test("a 60,000-row sheet is streamed and reads back", async () => {
    const n = 60_000;
    const lines = ["id,when,amount"];
    for (let i = 0; i < n; i++) lines.push(`${i},2024-05-${String((i % 28) + 1).padStart(2, "0")},${(i % 1000) / 10}`);
    const host = HostWorkbook.fromCsv(lines.join("\n"), "Big");
    const file = path.join(dir, "big.xlsx");
    expect(await saveWorkbookFile(host, file, { stream: true })).toBe("stream");
    const back = await HostWorkbook.fromXlsx(readFileSync(file));
    const last = await back.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("Big").getRangeByIndexes(n, 0, 1, 3).load("values, numberFormat");
      await ctx.sync();
      return [r.values[0], r.numberFormat[0]];
    });
    expect(last).toEqual([
      [n - 1, 45422 + ((n - 1) % 28) - 9, ((n - 1) % 1000) / 10],
      ["General", "m/d/yyyy", "General"],
    ]);
  });
});
