/**
 * The pane's settings JSON: edited path by path, only what differs from the defaults kept, checked by
 * the engine's own parser; stored in the workbook (workbook.settings) where the ribbon command reads it.
 */
import { HostWorkbook } from "../../src/xlsx-host";
import {
  checkSettings,
  engineAccepts,
  getIn,
  parseStored,
  setIn,
  type SettingsJson,
} from "../../src/taskpane/settings/json";
import { queueWorkbookSettings } from "../../src/excel/settings-store";
import { defaultSettings } from "../../src/engine/config";
import { SETTINGS_KEY, loadSettingsJson } from "../../src/taskpane/settings/store";
import { progressFraction } from "../../src/taskpane/progress";
import { asOfAdvice, LONG_GAP_DAYS } from "../../src/taskpane/components/AsOfField";
import { nextStepFor } from "../../src/taskpane/components/FailureView";
import { requirementText } from "../../src/taskpane/components/FieldMapping";
import { readNumber } from "../../src/taskpane/components/settings/NumberSetting";

describe("settings JSON", () => {
  test("setIn sets, replaces and removes paths; empty objects go too", () => {
    let json: SettingsJson = {};
    json = setIn(json, ["rfm", "thresholds", "frequency"], 3);
    json = setIn(json, ["rfm", "split"], "thresholds");
    expect(json).toEqual({ rfm: { thresholds: { frequency: 3 }, split: "thresholds" } });
    expect(getIn(json, ["rfm", "thresholds", "frequency"])).toBe(3);
    json = setIn(json, ["rfm", "thresholds", "frequency"], undefined);
    expect(json).toEqual({ rfm: { split: "thresholds" } });
    json = setIn(json, ["rfm", "split"], undefined);
    expect(json).toEqual({});
    expect(getIn({ a: 1 }, ["a", "b"])).toBeUndefined();
  });

  test("is checked by the engine's parser, which names the bad path", () => {
    const ok = checkSettings({ rfm: { split: "thresholds", thresholds: { monetary: 3000 } }, fields: { id: "编号" } });
    if (!ok.ok) throw new Error(ok.path);
    expect(ok.settings.rfm.thresholds).toEqual({ recencyDays: 30, frequency: 5, monetary: 3000 });
    expect(ok.settings.fields).toEqual({ id: "编号" });
    const bad = checkSettings({ rfm: { thresholds: { frequency: "3x" } } });
    expect(bad).toMatchObject({ ok: false, path: "rfm.thresholds.frequency", error: { code: "BAD_SETTINGS" } });
  });

  test("the form offers only what the engine accepts", () => {
    expect(engineAccepts(["rfm", "scoring"], "quintiles")).toBe(true);
    expect(engineAccepts(["rfm", "scoring"], "nonsense")).toBe(false);
    expect(engineAccepts(["rfm", "split"], "thresholds")).toBe(true);
  });

  test("stored text that is not a settings object counts as none, and says so", () => {
    expect(parseStored(undefined)).toEqual({ json: {}, unreadable: false });
    expect(parseStored('{"rfm":{"split":"mean"}}')).toEqual({ json: { rfm: { split: "mean" } }, unreadable: false });
    expect(parseStored("{broken")).toEqual({ json: {}, unreadable: true });
    expect(parseStored("[1,2]")).toEqual({ json: {}, unreadable: true });
  });

  test("the pane reads what src/excel stored in workbook.settings (also after saving the file), and can edit it", async () => {
    const workbook = HostWorkbook.empty();
    expect(await workbook.run((context) => loadSettingsJson(context))).toEqual({ json: {}, unreadable: false });
    const settings = { ...defaultSettings(), asOf: "2024-06-01" };
    settings.rfm.labels = { "111": "高价值客户" };
    await workbook.run(async (context) => {
      queueWorkbookSettings(context, settings);
      await context.sync();
    });
    const reopened = await HostWorkbook.fromXlsx(await workbook.toXlsx());
    const { json, unreadable } = await reopened.run((context) => loadSettingsJson(context));
    expect(unreadable).toBe(false);
    expect(json).toEqual(JSON.parse(JSON.stringify(settings)));
    // What was stored is valid settings for the form, and an edit keeps the rest.
    const edited = checkSettings(setIn(json, ["rfm", "split"], "thresholds"));
    if (!edited.ok) throw new Error(edited.path);
    expect(edited.settings.rfm).toMatchObject({ split: "thresholds", labels: { "111": "高价值客户" } });
    expect(edited.settings.asOf).toBe("2024-06-01");
    const raw = await reopened.run(async (context) => {
      const item = context.workbook.settings.getItem(SETTINGS_KEY);
      item.load("value");
      await context.sync();
      return item.value as unknown;
    });
    expect(typeof raw).toBe("string");
  });
});

describe("pane helpers", () => {
  test("progress moves forward through the stages and never back", () => {
    expect(progressFraction({ stage: "find", done: 0, total: 1 })).toBe(0);
    const read = progressFraction({ stage: "read", done: 1, total: 2 });
    expect(read).toBeGreaterThan(0.05);
    expect(read).toBeLessThan(0.35);
    expect(progressFraction({ stage: "write", done: 2, total: 2 })).toBe(1);
    expect(progressFraction({ stage: "find", done: 0, total: 1 }, 0.5)).toBe(0.5);
    expect(progressFraction({ stage: "clean" as never, done: 1, total: 1 }, 0.4)).toBe(0.4);
  });

  test("the as-of advice: a long gap, a date after, or just the latest date", () => {
    expect(asOfAdvice("2024-06-01", null)).toEqual({ kind: "none" });
    expect(asOfAdvice("2024-06-01", "2024-05-31")).toEqual({ kind: "latest", latest: "2024-05-31" });
    expect(asOfAdvice("2025-06-01", "2024-05-31")).toEqual({ kind: "gap", latest: "2024-05-31", days: 366 });
    expect(asOfAdvice("2024-06-01", "2024-06-05")).toEqual({ kind: "after", latest: "2024-06-05" });
    expect(asOfAdvice("2024-02-30", "2024-01-01")).toEqual({ kind: "none" });
    expect(LONG_GAP_DAYS).toBe(90);
  });

  test("every failure has a next step or a message that says what to do", () => {
    expect(nextStepFor("MISSING_FIELD")).toBe("mapping");
    expect(nextStepFor("NO_TABLE_FOUND")).toBe("refresh");
    expect(nextStepFor("BAD_AS_OF")).toBe("asOf");
    expect(nextStepFor("BAD_SETTINGS")).toBe("settings");
    expect(nextStepFor("USER_COLUMN_NOT_EMPTY")).toBeNull();
    expect(nextStepFor("GeneralException")).toBe("retry");
  });

  test("requirements read as words", () => {
    const label = (f: string) =>
      ({ lastPurchase: "最后购买时间", recency: "距今天数", quantity: "数量", unitPrice: "单价" })[f] ?? f;
    expect(requirementText("lastPurchase|recency", label)).toBe("最后购买时间 / 距今天数");
    expect(requirementText("amount|quantity+unitPrice", label)).toBe("amount / 数量 + 单价");
  });

  test("numbers typed in the settings", () => {
    expect(readNumber("2,000", 0)).toBe(2000);
    expect(readNumber("5", 1, 120)).toBe(5);
    expect(readNumber("5.5", 1, 120)).toBeNull();
    expect(readNumber("-1", 0)).toBeNull();
    expect(readNumber("12a", 0)).toBeNull();
  });
});
