/** Reading a workbook back through the same Excel API the add-in uses. */
import type { CellValue } from "../../src/engine/types";
import { HostWorkbook } from "../../src/xlsx-host";

/** The used range of a sheet, from A1, as values. */
export async function sheetValues(wb: HostWorkbook, sheetName: string): Promise<CellValue[][]> {
  return wb.run(async (context) => {
    const used = context.workbook.worksheets.getItem(sheetName).getUsedRange(true);
    used.load("values, rowIndex, columnIndex");
    await context.sync();
    const pad: CellValue[][] = [];
    for (let r = 0; r < used.rowIndex; r++) pad.push([]);
    return pad.concat(used.values.map((row) => new Array<CellValue>(used.columnIndex).fill("").concat(row)));
  });
}

export async function sheetNames(wb: HostWorkbook): Promise<string[]> {
  return wb.run(async (context) => {
    const sheets = context.workbook.worksheets;
    sheets.load("items/name");
    await context.sync();
    return sheets.items.map((s) => s.name);
  });
}

/** Column index of a header in a given row, or -1. */
export function col(values: CellValue[][], row: number, header: string): number {
  return (values[row] ?? []).findIndex((v) => v === header);
}
