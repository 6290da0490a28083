/** Range.getUsedRange / getUsedRangeOrNullObject: the used part of a range, not of the sheet. */
import { HostWorkbook } from "../../src/xlsx-host";
import { rejection } from "./helpers";

describe("Range.getUsedRange", () => {
  async function host() {
    const h = HostWorkbook.empty();
    await h.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem("Sheet1");
      s.getRange("B2:C3").values = [
        [1, ""],
        ["", "x"],
      ];
      s.getRange("E5").values = [[2]];
      s.getRange("G1").format.font.bold = true; // formatting only
    });
    return h;
  }

  test("gives the smallest range around the used cells inside the range", async () => {
    const h = await host();
    const a = await h.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem("Sheet1");
      const inner = s.getRange("A1:D4").getUsedRange().load("address");
      const col = s.getRange("C:C").getUsedRange(true).load("address");
      const fmt = s.getRange("F1:H2").getUsedRange().load("address");
      await ctx.sync();
      return [inner.address, col.address, fmt.address];
    });
    expect(a).toEqual(["Sheet1!B2:C3", "Sheet1!C3", "Sheet1!G1"]);
  });

  test("valuesOnly leaves formatted empty cells out; an unused range is a null object or ItemNotFound", async () => {
    const h = await host();
    await h.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem("Sheet1");
      const none = s.getRange("F1:H2").getUsedRangeOrNullObject(true);
      const empty = s.getRange("A10:Z20").getUsedRangeOrNullObject();
      await ctx.sync();
      // eslint-disable-next-line office-addins/call-sync-before-read -- isNullObject is known after the sync above
      expect(none.isNullObject).toBe(true);
      // eslint-disable-next-line office-addins/call-sync-before-read -- isNullObject is known after the sync above
      expect(empty.isNullObject).toBe(true);
      s.getRange("A10:Z20").getUsedRange().load("address");
      expect((await rejection(ctx.sync())).code).toBe("ItemNotFound");
    });
  });
});
