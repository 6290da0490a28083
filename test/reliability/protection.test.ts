/**
 * Protected sheets: Excel refuses writes to them (the host too), so the add-in names the protected sheet before it
 * writes anything — whichever sheet of the run it is: the segmented sheet (corpus), the team's tracker (corpus),
 * and on a re-run the add-in's own RFM sheet or its hidden history sheet, protected by someone since.
 */
import ExcelJS from "exceljs";
import { HostWorkbook } from "../../src/xlsx-host";
import { BAD_AS_OF, badCases } from "../fixtures/bad/build";
import { untouched, workbookView } from "./helpers/host-view";
import { runSegment } from "./helpers/run";

async function segmentedOnce(): Promise<{ bytes: Uint8Array; rfm: string; history: string }> {
  const c = badCases().find((x) => x.name === "baseline") as { bytes(): Promise<Uint8Array> };
  const wb = await HostWorkbook.fromXlsx(await c.bytes());
  const o = await runSegment(wb, { asOf: BAD_AS_OF });
  if (!o.ok) throw new Error(JSON.stringify(o.error));
  return {
    bytes: await wb.toXlsx(),
    rfm: o.summary.written.rfmSheet.name,
    history: o.summary.written.migration.historySheet,
  };
}

/** The same file with one sheet protected (as Excel's Review → Protect Sheet saves it). */
async function protect(bytes: Uint8Array, sheet: string): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  await (wb.getWorksheet(sheet) as ExcelJS.Worksheet).protect("", {});
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

describe("a re-run when a sheet the add-in writes has been protected since", () => {
  test.each(["rfm", "history"] as const)("the %s sheet: SHEET_PROTECTED naming it, nothing written", async (which) => {
    const once = await segmentedOnce();
    const name = once[which];
    const wb = await HostWorkbook.fromXlsx(await protect(once.bytes, name));
    const before = await workbookView(wb);
    // A later as-of date: the run would change every sheet it writes.
    const o = await runSegment(wb, { asOf: "2007-03-01" });
    expect(o.ok ? "ok" : o.error).toEqual({ code: "SHEET_PROTECTED", params: { sheet: name } });
    const after = await workbookView(wb);
    expect(after.settings).toEqual(before.settings);
    const same = untouched(before, after);
    expect(same.changes).toEqual([]);
    expect(same.count).toBe(before.cells.size);
  });
});
