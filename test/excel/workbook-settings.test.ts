/** Settings kept in the workbook: whoever opens the shared file (or runs the CLI on it) segments the same way. */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { main } from "../../src/cli/main";
import { defaultSettings } from "../../src/engine/config";
import { SegmentSheetError } from "../../src/engine/errors";
import { segmentSheet } from "../../src/excel/segment-sheet";
import { loadWorkbookSettings, SETTINGS_KEY } from "../../src/excel/settings-store";
import { HostWorkbook } from "../../src/xlsx-host";
import { SEED_AS_OF, seedTable1 } from "../fixtures/seed-workbooks";
import { col, sheetValues } from "../helpers/workbook";

const quiet = { stdout: () => undefined, stderr: () => undefined, env: {}, today: () => SEED_AS_OF };

async function code1002(file: string): Promise<unknown> {
  const v = await sheetValues(await HostWorkbook.fromXlsx(readFileSync(file)), "客户信息");
  return v[4][col(v, 2, "RFM分组")];
}

describe("settings in the workbook", () => {
  it("a run stores the settings it used; they survive saving the file", async () => {
    const wb = await HostWorkbook.fromXlsx(await seedTable1());
    const settings = defaultSettings();
    settings.rfm.split = "thresholds";
    settings.rfm.labels = { "111": "高价值客户" };
    await wb.run((context) => segmentSheet(context, { settings, asOf: SEED_AS_OF, lang: "zh-CN" }));
    const reopened = await HostWorkbook.fromXlsx(await wb.toXlsx());
    const stored = await reopened.run((context) => loadWorkbookSettings(context));
    expect(stored).toEqual(settings);
  });

  it("the CLI without --config segments with the workbook's stored settings, and --config overrides them", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "segment-sheet-settings-"));
    const input = path.join(dir, "in.xlsx");
    writeFileSync(input, await seedTable1());
    const config = path.join(dir, "s.json");
    writeFileSync(config, JSON.stringify({ rfm: { split: "thresholds" } }));
    const first = path.join(dir, "first.xlsx");
    expect(await main([input, "-o", first, "--config", config, "--as-of", SEED_AS_OF, "--lang", "zh-CN"], quiet)).toBe(0);
    expect(await code1002(first)).toBe("011"); // R 60 > 30 low, F 5 ≥ 5 high, M 4400 ≥ 2000 high

    // A plain run of the original file uses the defaults: by mean scores 1002 is low on F.
    const plain = path.join(dir, "plain.xlsx");
    expect(await main([input, "-o", plain, "--as-of", SEED_AS_OF, "--lang", "zh-CN"], quiet)).toBe(0);
    expect(await code1002(plain)).not.toBe("011");

    // A plain run of the segmented file uses the settings stored in it.
    const second = path.join(dir, "second.xlsx");
    expect(await main([first, "-o", second, "--as-of", SEED_AS_OF, "--lang", "zh-CN"], quiet)).toBe(0);
    expect(await code1002(second)).toBe("011");
  });

  it("a workbook whose stored settings are broken is refused with BAD_SETTINGS and no output", async () => {
    const wb = await HostWorkbook.fromXlsx(await seedTable1());
    await wb.run(async (context) => {
      context.workbook.settings.add(SETTINGS_KEY, JSON.stringify({ rfm: { split: "median" } }));
      await context.sync();
    });
    const caught = await wb.run((context) => loadWorkbookSettings(context)).catch((e: unknown) => e);
    expect(caught).toBeInstanceOf(SegmentSheetError);
    expect((caught as SegmentSheetError).error).toMatchObject({ code: "BAD_SETTINGS", params: { path: "rfm.split" } });

    const dir = mkdtempSync(path.join(tmpdir(), "segment-sheet-settings-"));
    const input = path.join(dir, "broken.xlsx");
    writeFileSync(input, await wb.toXlsx());
    let err = "";
    const code = await main([input, "--as-of", SEED_AS_OF, "--lang", "en"], { ...quiet, stderr: (s) => (err += s) });
    expect(code).toBe(2);
    expect(err).toContain("rfm.split");
    expect(existsSync(path.join(dir, "broken.segmented.xlsx"))).toBe(false);
  });
});
