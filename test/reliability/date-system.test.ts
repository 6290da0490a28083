/**
 * The workbook's date system. Range.values gives dates as serials counted in the workbook's own system, and a
 * 1904 workbook's serials are 1,462 days below the 1900 system's; the API has no property for the system, so
 * the add-in asks Excel's DATE function (workbook.functions.date, ExcelApi 1.2): DATE(1904,1,1) is 0 only in a
 * 1904 workbook. The host evaluates DATE by Excel's rules in either system.
 */
import ExcelJS from "exceljs";
import { readTable } from "../../src/excel/read-table";
import { HostWorkbook } from "../../src/xlsx-host";
import { excelDate } from "../../src/xlsx-host/functions";

async function workbook(date1904: boolean): Promise<HostWorkbook> {
  const wb = new ExcelJS.Workbook();
  (wb.properties as { date1904?: boolean }).date1904 = date1904;
  const ws = wb.addWorksheet("客户");
  ws.addRow(["客户ID", "最后购买时间", "消费频次", "消费金额"]);
  ws.addRow([1, new Date(Date.UTC(2024, 4, 10)), 3, 100]);
  ws.getCell("B2").numFmt = "yyyy/m/d";
  return HostWorkbook.fromXlsx(new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
}

describe("the workbook's date system", () => {
  test("DATE follows Excel's rules in the 1900 system (with its 1900-02-29) and the 1904 system", () => {
    expect(excelDate(1900, 1, 1, false)).toBe(1);
    expect(excelDate(1900, 2, 28, false)).toBe(59);
    expect(excelDate(1900, 3, 1, false)).toBe(61); // 60 is the fictitious 1900-02-29
    expect(excelDate(2024, 5, 10, false)).toBe(45422);
    expect(excelDate(1904, 1, 1, false)).toBe(1462);
    expect(excelDate(1904, 1, 1, true)).toBe(0);
    expect(excelDate(2024, 5, 10, true)).toBe(45422 - 1462);
    // Years 0–1899 are added to 1900; months and days carry over.
    expect(excelDate(124, 5, 10, false)).toBe(45422);
    expect(excelDate(2023, 17, 10, false)).toBe(45422);
    expect(excelDate(2024, 4, 40, false)).toBe(45422);
    // Before the system's first day, or outside 0–9999: #NUM!.
    expect(excelDate(1903, 12, 31, true)).toBe("#NUM!");
    expect(excelDate(-1, 1, 1, false)).toBe("#NUM!");
    expect(excelDate(10_000, 1, 1, false)).toBe("#NUM!");
  });

  test.each([false, true])(
    "workbook.functions.date and readTable tell a 1904 workbook (date1904 = %s)",
    async (d1904) => {
      const wb = await workbook(d1904);
      const { epoch, table } = await wb.run(async (context) => {
        const r = context.workbook.functions.date(1904, 1, 1);
        r.load("value, error");
        await context.sync();
        const read = await readTable(context, "客户");
        return { epoch: { value: r.value, error: r.error }, table: read.table };
      });
      expect(epoch).toEqual({ value: d1904 ? 0 : 1462, error: null });
      expect(table.date1904).toBe(d1904);
      // The same calendar date, stored as the system's own serial.
      expect(table.rows[0][1]).toBe(d1904 ? 45422 - 1462 : 45422);
    }
  );

  test("a DATE that errs gives its error and no value, as Office.js's FunctionResult does", async () => {
    const wb = await workbook(true);
    const r = await wb.run(async (context) => {
      const f = context.workbook.functions.date(1903, 1, 1);
      f.load("value, error");
      await context.sync();
      return { value: f.value, error: f.error };
    });
    expect(r).toEqual({ value: null, error: "#NUM!" });
  });
});
