/**
 * The package writer against what the API reads: a workbook saved from its package reads back, through the same
 * Excel API, exactly as the run left it (every sheet's used range with values, formulas and number formats, the
 * visibility, the active sheet and the settings), run after run, for the preservation fixture, the seed templates
 * and every workbook of the bad-input corpus; and a run that changes nothing writes back every part as it was.
 */
import { strFromU8, unzipSync } from "fflate";
import { defaultSettings } from "../../src/engine/config";
import { segmentSheet } from "../../src/excel/segment-sheet";
import { HostWorkbook } from "../../src/xlsx-host";
import { BAD_AS_OF, badCases } from "../fixtures/bad/build";
import { PRESERVATION_AS_OF, preservationWorkbook } from "../fixtures/preservation";
import { SEED_AS_OF, seedTable1, seedTable2WithTracker } from "../fixtures/seed-workbooks";

/** Everything the API shows of a workbook. */
async function state(wb: HostWorkbook): Promise<unknown> {
  return wb.run(async (context) => {
    const sheets = context.workbook.worksheets.load("items/name, items/visibility");
    const settings = context.workbook.settings.load("items/key, items/value");
    const active = context.workbook.worksheets.getActiveWorksheet().load("name");
    await context.sync();
    const used = sheets.items.map((s) => s.getUsedRangeOrNullObject().load("address, values, formulas, numberFormat"));
    await context.sync();
    return {
      active: active.name,
      settings: settings.items.map((s) => [s.key, s.value]),
      sheets: sheets.items.map((s, i) => {
        const u = used[i];
        return [s.name, s.visibility, u.isNullObject ? null : [u.address, u.values, u.formulas, u.numberFormat]];
      }),
    };
  });
}

async function segment(wb: HostWorkbook, asOf: string): Promise<void> {
  try {
    await wb.run((context) => segmentSheet(context, { settings: defaultSettings(), asOf, lang: "zh-CN" }));
  } catch {
    // A refused input (no table, a protected sheet …) leaves the workbook as it was: it is saved all the same.
  }
}

const cases: [string, () => Promise<Uint8Array>, string][] = [
  ["the preservation fixture", async () => preservationWorkbook(), PRESERVATION_AS_OF],
  [
    "the preservation fixture with a column chart",
    async () => preservationWorkbook({ barChart: true }),
    PRESERVATION_AS_OF,
  ],
  ["seed 表1", () => seedTable1(), SEED_AS_OF],
  ["seed 表2 with the team's tracker", () => seedTable2WithTracker(), SEED_AS_OF],
  ...badCases()
    .filter((c) => c.file.endsWith(".xlsx") && !("error" in c.expected && c.expected.error === "NOT_A_WORKBOOK"))
    .map((c): [string, () => Promise<Uint8Array>, string] => [`bad input: ${c.name}`, () => c.bytes(), BAD_AS_OF]),
];

describe("a workbook saved from its package reads back as the run left it", () => {
  it.each(cases)(
    "%s, over two runs",
    async (_, bytes, asOf) => {
      let wb = await HostWorkbook.fromXlsx(await bytes());
      for (let run = 0; run < 2; run++) {
        await segment(wb, asOf);
        const saved = await wb.toXlsx();
        const back = await HostWorkbook.fromXlsx(saved);
        expect(await state(back)).toEqual(await state(wb));
        wb = back;
      }
    },
    60_000
  );

  it("writes every part back as it was when a repeated run changes nothing", async () => {
    const wb = await HostWorkbook.fromXlsx(preservationWorkbook());
    await segment(wb, PRESERVATION_AS_OF);
    const first = await wb.toXlsx();
    const again = await HostWorkbook.fromXlsx(first);
    await segment(again, PRESERVATION_AS_OF);
    const a = unzipSync(first);
    const b = unzipSync(await again.toXlsx());
    expect(Object.keys(b).sort()).toEqual(Object.keys(a).sort());
    for (const name of Object.keys(a)) expect([name, strFromU8(b[name])]).toEqual([name, strFromU8(a[name])]);
  });
});
