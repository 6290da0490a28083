/** Writing values, formulas and number formats. */
import { HostWorkbook } from "../../src/xlsx-host";
import { openXlsx, rejection } from "./helpers";

type Props = "values" | "text" | "formulas" | "numberFormat" | "valueTypes";

async function write(host: HostWorkbook, address: string, set: (r: Excel.Range) => void): Promise<void> {
  await host.run(async (ctx) => {
    set(ctx.workbook.worksheets.getItem("Sheet1").getRange(address));
    await ctx.sync();
  });
}

async function read(host: HostWorkbook, address: string, prop: Props): Promise<unknown[][]> {
  return host.run(async (ctx) => {
    const r = ctx.workbook.worksheets.getItem("Sheet1").getRange(address).load(prop);
    await ctx.sync();
    return r[prop];
  });
}

async function writeError(host: HostWorkbook, address: string, set: (r: Excel.Range) => void) {
  return host.run(async (ctx) => {
    set(ctx.workbook.worksheets.getItem("Sheet1").getRange(address));
    return rejection(ctx.sync());
  });
}

describe("writing values", () => {
  test("a 2-D array of the range's shape is written cell by cell", async () => {
    const host = HostWorkbook.empty();
    await write(host, "A1:B2", (r) => (r.values = [[1, "a"], [true, 2.5]]));
    expect(await read(host, "A1:B2", "values")).toEqual([[1, "a"], [true, 2.5]]);
  });

  test("an array with too few rows fails at sync with InvalidArgument at Range.values", async () => {
    const host = HostWorkbook.empty();
    const e = await writeError(host, "A1:B2", (r) => (r.values = [[1, 2]]));
    expect([e.code, e.debugInfo.errorLocation]).toEqual(["InvalidArgument", "Range.values"]);
  });

  test("an array with a short row fails at sync with InvalidArgument", async () => {
    const host = HostWorkbook.empty();
    const e = await writeError(host, "A1:B2", (r) => (r.values = [[1, 2], [3]]));
    expect(e.code).toBe("InvalidArgument");
  });

  test("a shape mismatch writes nothing", async () => {
    const host = HostWorkbook.empty();
    await writeError(host, "A1:B2", (r) => (r.values = [[1, 2], [3, 4], [5, 6]]));
    expect(await read(host, "A1:B2", "values")).toEqual([["", ""], ["", ""]]);
  });

  test("a single non-array value is applied to every cell of the range", async () => {
    const host = HostWorkbook.empty();
    await write(host, "A1:B2", (r) => (r.values = 7 as unknown as unknown[][]));
    expect(await read(host, "A1:B2", "values")).toEqual([[7, 7], [7, 7]]);
  });

  test("a 1x1 array is not broadcast to a bigger range (shape mismatch)", async () => {
    const host = HostWorkbook.empty();
    const e = await writeError(host, "A1:B2", (r) => (r.values = [[7]]));
    expect(e.code).toBe("InvalidArgument");
  });

  test("null as the whole values property is invalid", async () => {
    const host = HostWorkbook.empty();
    const e = await writeError(host, "A1", (r) => (r.values = null as unknown as unknown[][]));
    expect(e.code).toBe("InvalidArgument");
  });

  test("null inside a written array leaves that cell unchanged", async () => {
    const host = HostWorkbook.empty();
    await write(host, "A1:B1", (r) => (r.values = [["keep", "old"]]));
    await write(host, "A1:B1", (r) => (r.values = [[null, "new"]]));
    expect(await read(host, "A1:B1", "values")).toEqual([["keep", "new"]]);
  });

  test("an empty string clears the cell", async () => {
    const host = HostWorkbook.empty();
    await write(host, "A1", (r) => (r.values = [["x"]]));
    await write(host, "A1", (r) => (r.values = [[""]]));
    expect(await read(host, "A1", "valueTypes")).toEqual([["Empty"]]);
  });

  test("a string starting with = becomes a formula; its value reads as \"\" (no calculation engine)", async () => {
    const host = HostWorkbook.empty();
    await write(host, "A1:B1", (r) => (r.values = [[2, "=A1*2"]]));
    expect(await read(host, "A1:B1", "formulas")).toEqual([[2, "=A1*2"]]);
    expect(await read(host, "B1", "values")).toEqual([[""]]);
  });

  test('a numeric string is stored as a number: "123" → 123', async () => {
    const host = HostWorkbook.empty();
    await write(host, "A1", (r) => (r.values = [["123"]]));
    expect(await read(host, "A1", "values")).toEqual([[123]]);
  });

  test('"TRUE" is stored as a boolean', async () => {
    const host = HostWorkbook.empty();
    await write(host, "A1", (r) => (r.values = [["TRUE"]]));
    expect(await read(host, "A1", "values")).toEqual([[true]]);
  });

  test('"50%" is stored as 0.5 with a percent format', async () => {
    const host = HostWorkbook.empty();
    await write(host, "A1", (r) => (r.values = [["50%"]]));
    expect(await read(host, "A1", "values")).toEqual([[0.5]]);
    expect(await read(host, "A1", "numberFormat")).toEqual([["0%"]]);
  });

  test('an ISO date string "2024-05-10" becomes a date serial with a date format', async () => {
    const host = HostWorkbook.empty();
    await write(host, "A1", (r) => (r.values = [["2024-05-10"]]));
    expect(await read(host, "A1", "values")).toEqual([[45422]]);
    expect(await read(host, "A1", "numberFormat")).toEqual([["m/d/yyyy"]]);
  });

  test('an en-US date string "5/10/2024" becomes the same serial', async () => {
    const host = HostWorkbook.empty();
    await write(host, "A1", (r) => (r.values = [["5/10/2024"]]));
    expect(await read(host, "A1", "values")).toEqual([[45422]]);
  });

  test("a recognised date keeps the cell's own non-General format", async () => {
    const host = HostWorkbook.empty();
    await write(host, "A1", (r) => (r.numberFormat = [["yyyy-mm-dd"]]));
    await write(host, "A1", (r) => (r.values = [["5/10/2024"]]));
    expect(await read(host, "A1", "numberFormat")).toEqual([["yyyy-mm-dd"]]);
    expect(await read(host, "A1", "text")).toEqual([["2024-05-10"]]);
  });

  test("a leading apostrophe stores the rest as text: \"'=x\" → \"=x\"", async () => {
    const host = HostWorkbook.empty();
    await write(host, "A1", (r) => (r.values = [["'=x"]]));
    expect(await read(host, "A1", "values")).toEqual([["=x"]]);
    expect(await read(host, "A1", "valueTypes")).toEqual([["String"]]);
  });

  test('a cell formatted as text ("@") keeps a numeric-looking string as text', async () => {
    const host = HostWorkbook.empty();
    await write(host, "A1", (r) => (r.numberFormat = [["@"]]));
    await write(host, "A1", (r) => (r.values = [["00123"]]));
    expect(await read(host, "A1", "values")).toEqual([["00123"]]);
  });

  test("a plain text string stays text", async () => {
    const host = HostWorkbook.empty();
    await write(host, "A1", (r) => (r.values = [["高价值客户"]]));
    expect(await read(host, "A1", "values")).toEqual([["高价值客户"]]);
  });

  test("a JS number is stored as is and keeps the General format", async () => {
    const host = HostWorkbook.empty();
    await write(host, "A1", (r) => (r.values = [[0.1 + 0.2]]));
    expect(await read(host, "A1", "values")).toEqual([[0.1 + 0.2]]);
    expect(await read(host, "A1", "numberFormat")).toEqual([["General"]]);
  });

  test("an object inside a written array is an invalid argument", async () => {
    const host = HostWorkbook.empty();
    const e = await writeError(host, "A1", (r) => (r.values = [[{ a: 1 }]]));
    expect(e.code).toBe("InvalidArgument");
  });

  test("writing values to an unbounded range fails", async () => {
    const host = HostWorkbook.empty();
    const e = await writeError(host, "A:A", (r) => (r.values = "x" as unknown as unknown[][]));
    expect(e.code).toBe("InvalidArgument");
  });

  test("writing into part of a merged area fails and writes nothing", async () => {
    const host = await openXlsx((wb) => {
      const ws = wb.addWorksheet("Sheet1");
      ws.mergeCells("B1:C1");
    });
    const e = await writeError(host, "A1:B1", (r) => (r.values = [["a", "b"]]));
    expect(e.code).toBe("InvalidOperation");
    expect(await read(host, "A1", "values")).toEqual([[""]]);
  });
});

describe("writing formulas and number formats", () => {
  test("formulas takes a 2-D array of formulas and constants", async () => {
    const host = HostWorkbook.empty();
    await write(host, "A1:B1", (r) => (r.formulas = [[3, "=A1+1"]]));
    expect(await read(host, "A1:B1", "formulas")).toEqual([[3, "=A1+1"]]);
  });

  test("numberFormat is written cell by cell from a 2-D array", async () => {
    const host = HostWorkbook.empty();
    await write(host, "A1:B1", (r) => (r.values = [[0.25, 45422]]));
    await write(host, "A1:B1", (r) => (r.numberFormat = [["0.0%", "yyyy-mm-dd"]]));
    expect(await read(host, "A1:B1", "text")).toEqual([["25.0%", "2024-05-10"]]);
  });

  test("numberFormat with a wrong shape fails with InvalidArgument at Range.numberFormat", async () => {
    const host = HostWorkbook.empty();
    const e = await writeError(host, "A1:B2", (r) => (r.numberFormat = [["0", "0"]]));
    expect([e.code, e.debugInfo.errorLocation]).toEqual(["InvalidArgument", "Range.numberFormat"]);
  });

  test("a 1x1 numberFormat array is applied to every cell of the range", async () => {
    const host = HostWorkbook.empty();
    await write(host, "A1:B2", (r) => (r.numberFormat = [["0.00"]]));
    expect(await read(host, "A1:B2", "numberFormat")).toEqual([["0.00", "0.00"], ["0.00", "0.00"]]);
  });

  test("a 1x1 numberFormat array may be applied to whole columns", async () => {
    const host = HostWorkbook.empty();
    await write(host, "A1", (r) => (r.values = [[1]]));
    await write(host, "A:A", (r) => (r.numberFormat = [["0.00"]]));
    expect(await read(host, "A1:A2", "numberFormat")).toEqual([["0.00"], ["0.00"]]);
  });

  test("numberFormat null leaves a cell's format unchanged and \"\" resets it to General", async () => {
    const host = HostWorkbook.empty();
    await write(host, "A1:B1", (r) => (r.numberFormat = [["0%", "0%"]]));
    await write(host, "A1:B1", (r) => (r.numberFormat = [[null, ""]]));
    expect(await read(host, "A1:B1", "numberFormat")).toEqual([["0%", "General"]]);
  });

  test("bold set through format.font applies to the cells", async () => {
    const host = HostWorkbook.empty();
    await write(host, "A1:B1", (r) => (r.format.font.bold = true));
    const bold = await host.run(async (ctx) => {
      const f = ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:B1").format.font.load("bold");
      await ctx.sync();
      return f.bold;
    });
    expect(bold).toBe(true);
  });

  test("format.columnWidth is set and read in points", async () => {
    const host = HostWorkbook.empty();
    await write(host, "B1", (r) => (r.format.columnWidth = 120));
    const w = await host.run(async (ctx) => {
      const f = ctx.workbook.worksheets.getItem("Sheet1").getRange("B1").format.load("columnWidth");
      await ctx.sync();
      return f.columnWidth;
    });
    expect(w).toBeCloseTo(120, 0);
  });
});

describe("protected sheets", () => {
  const protectedBook = () =>
    openXlsx((wb) => {
      const ws = wb.addWorksheet("Sheet1");
      ws.getCell("A1").value = "locked";
      ws.getCell("B1").value = "unlocked";
      ws.getCell("B1").protection = { locked: false };
      (ws as unknown as { sheetProtection: unknown }).sheetProtection = { sheet: true };
    });

  test("protection.protected reads true for a protected sheet", async () => {
    const host = await protectedBook();
    const p = await host.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem("Sheet1").load("protection/protected");
      await ctx.sync();
      return s.protection.protected;
    });
    expect(p).toBe(true);
  });

  test("writing a locked cell of a protected sheet fails with AccessDenied", async () => {
    const host = await protectedBook();
    const e = await writeError(host, "A1", (r) => (r.values = [["changed"]]));
    expect([e.code, e.message]).toEqual(["AccessDenied", "You cannot perform the requested operation."]);
  });

  test("a refused write to a protected sheet writes nothing, not even its unlocked cells", async () => {
    const host = await protectedBook();
    await writeError(host, "A1:B1", (r) => (r.values = [["x", "y"]]));
    expect(await read(host, "A1:B1", "values")).toEqual([["locked", "unlocked"]]);
  });

  test("an unlocked cell of a protected sheet can be written", async () => {
    const host = await protectedBook();
    await write(host, "B1", (r) => (r.values = [["ok"]]));
    expect(await read(host, "B1", "values")).toEqual([["ok"]]);
  });
});

describe("columns added beside existing rows", () => {
  test("rows widen to exactly the written range and keep their cells, blanks and formats", async () => {
    const host = HostWorkbook.fromCsv("id,day,note\n1,2024-05-10,\n2,,x\n", "Sheet1");
    await write(host, "E2:F3", (r) => (r.values = [["'011", 7], ["a", ""]]));
    expect(await read(host, "A1:F3", "values")).toEqual([
      ["id", "day", "note", "", "", ""],
      [1, 45422, "", "", "011", 7],
      [2, "", "x", "", "a", ""],
    ]);
    expect((await read(host, "B2", "numberFormat"))[0][0]).not.toBe("General");
    // Exactly as wide as the written range's right edge: no spare slots carried by every row.
    const store = host.doc.findSheet("Sheet1")!.store;
    expect(store.row(1)!.v.length).toBe(6);
    expect(store.row(2)!.v.length).toBe(6);
    expect(store.row(1)!.has(3)).toBe(false);
    expect(store.row(2)!.has(1)).toBe(false);
  });
});
