import { defaultCleaningSettings, parseCleaningSettings } from "../../src/engine/clean";

describe("parseCleaningSettings", () => {
  test("an empty object gives the defaults", () => {
    const r = parseCleaningSettings({});
    expect(r).toEqual({ ok: true, value: defaultCleaningSettings() });
    expect(defaultCleaningSettings()).toMatchObject({
      duplicates: { keys: ["id", "phone", "creditCode"], resolve: "keepLatest" },
      missing: {
        rules: true,
        numeric: "median",
        categorical: "unknown",
        unknownLabel: "未知",
        newCustomerLabel: "新客户",
      },
      outliers: { rules: ["mean", "iqr"], meanMultiple: 3, iqrMultiple: 1.5, excludeFromThresholds: true },
    });
  });

  test("values are merged over the defaults", () => {
    const r = parseCleaningSettings({
      duplicates: { keys: ["phone", "phone"], resolve: "merge" },
      missing: { unknownLabel: "Unknown", newCustomerLabel: "New customer", numeric: "none" },
      outliers: { rules: ["iqr"], iqrMultiple: 3, excludeFromThresholds: false },
      plausible: { ageMin: 16, ageMax: 90 },
      dateOrders: { Dt_Customer: "dmy" },
      columns: { creditCode: "企业代码", updatedAt: "修改日期" },
      sampleSize: 5,
    });
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    expect(r.value.duplicates).toEqual({ keys: ["phone"], resolve: "merge" });
    expect(r.value.missing).toEqual({
      rules: true,
      numeric: "none",
      categorical: "unknown",
      unknownLabel: "Unknown",
      newCustomerLabel: "New customer",
    });
    expect(r.value.outliers).toEqual({ rules: ["iqr"], meanMultiple: 3, iqrMultiple: 3, excludeFromThresholds: false });
    expect(r.value.plausible).toEqual({ ageMin: 16, ageMax: 90 });
    expect(r.value.dateOrders).toEqual({ Dt_Customer: "dmy" });
    expect(r.value.columns).toEqual({ creditCode: "企业代码", updatedAt: "修改日期" });
    expect(r.value.sampleSize).toBe(5);
  });

  test("the defaults are fresh objects", () => {
    const a = defaultCleaningSettings();
    a.duplicates.keys.push("id");
    expect(defaultCleaningSettings().duplicates.keys).toEqual(["id", "phone", "creditCode"]);
  });

  test.each<[unknown, string]>([
    [null, "cleaning"],
    [[], "cleaning"],
    [{ unknown: 1 }, "cleaning.unknown"],
    [{ duplicates: 1 }, "cleaning.duplicates"],
    [{ duplicates: { keys: ["email"] } }, "cleaning.duplicates.keys[0]"],
    [{ duplicates: { keys: "id" } }, "cleaning.duplicates.keys"],
    [{ duplicates: { resolve: "latest" } }, "cleaning.duplicates.resolve"],
    [{ duplicates: { other: true } }, "cleaning.duplicates.other"],
    [{ missing: { rules: "yes" } }, "cleaning.missing.rules"],
    [{ missing: { numeric: "mean" } }, "cleaning.missing.numeric"],
    [{ missing: { unknownLabel: " " } }, "cleaning.missing.unknownLabel"],
    [{ outliers: { rules: ["mean", "zscore"] } }, "cleaning.outliers.rules[1]"],
    [{ outliers: { meanMultiple: 0.5 } }, "cleaning.outliers.meanMultiple"],
    [{ outliers: { iqrMultiple: "1.5" } }, "cleaning.outliers.iqrMultiple"],
    [{ outliers: { iqrMultiple: Number.NaN } }, "cleaning.outliers.iqrMultiple"],
    [{ plausible: { ageMin: 50, ageMax: 40 } }, "cleaning.plausible.ageMin"],
    [{ plausible: { ageMax: 200 } }, "cleaning.plausible.ageMax"],
    [{ dateOrders: { Dt_Customer: "ymd" } }, "cleaning.dateOrders.Dt_Customer"],
    [{ columns: { email: "邮箱" } }, "cleaning.columns.email"],
    [{ columns: { creditCode: "" } }, "cleaning.columns.creditCode"],
    [{ sampleSize: -1 }, "cleaning.sampleSize"],
  ])("%j is refused at %s", (input, path) => {
    const r = parseCleaningSettings(input);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe("BAD_SETTINGS");
      expect(r.error.params?.path).toBe(path);
      expect(typeof r.error.params?.reason).toBe("string");
    }
  });
});
