/**
 * Every string table has the same keys in zh-CN, zh-TW and en, no empty values, and the same
 * {{placeholders}} in every language: a missing translation fails here, not in front of a user.
 */
import { DEFAULT_LABELS } from "../../src/engine/rfm/labels";
import { SYNONYMS } from "../../src/engine/schema/synonyms";
import { errorMessages } from "../../src/i18n/errors";
import { LANGS, columnHeaders, langFromLocale, sheetNames } from "../../src/i18n/headers";
import { uiStrings } from "../../src/i18n/ui";
import { qualityStrings } from "../../src/i18n/quality";
import { NO_PURCHASE_LABELS } from "../../src/engine/rfm/labels";
import { summaryHeaders, summaryWords } from "../../src/i18n/summary";
import { createI18n } from "../../src/i18n/i18next";
import { STAGES } from "../../src/taskpane/progress";

type Table = Record<string, Record<string, string>>;

const tables: Record<string, Table> = {
  "src/i18n/ui.ts uiStrings": uiStrings,
  "src/i18n/errors.ts errorMessages": errorMessages,
  "src/i18n/headers.ts columnHeaders": columnHeaders,
  "src/i18n/headers.ts sheetNames": sheetNames,
  "src/engine/rfm/labels.ts DEFAULT_LABELS (written labels)": DEFAULT_LABELS,
  "src/engine/rfm/labels.ts NO_PURCHASE_LABELS": Object.fromEntries(
    Object.entries(NO_PURCHASE_LABELS).map(([lang, label]) => [lang, { label }])
  ),
  "src/i18n/quality.ts qualityStrings (数据质量 notes)": qualityStrings,
  "src/i18n/summary.ts summaryHeaders": summaryHeaders,
  "src/i18n/summary.ts summaryWords": summaryWords,
};

const placeholders = (s: string) => [...s.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

describe.each(Object.entries(tables))("%s", (_name, table) => {
  const allKeys = [...new Set(LANGS.flatMap((lang) => Object.keys(table[lang] ?? {})))].sort();

  test("has a table for every language", () => {
    for (const lang of LANGS) expect(table[lang]).toBeDefined();
    expect(Object.keys(table).sort()).toEqual([...LANGS].sort());
  });

  test.each([...LANGS])("%s has every key, none empty", (lang) => {
    const missing = allKeys.filter((k) => typeof table[lang]?.[k] !== "string" || table[lang][k].trim() === "");
    expect(missing).toEqual([]);
  });

  test("placeholders agree across languages", () => {
    const mismatched = allKeys.filter((k) => {
      const expected = placeholders(table[LANGS[0]]?.[k] ?? "").join(",");
      return LANGS.some((lang) => placeholders(table[lang]?.[k] ?? "").join(",") !== expected);
    });
    expect(mismatched).toEqual([]);
  });
});

describe("i18next", () => {
  test("serves the ui strings of the chosen language and fills placeholders", () => {
    const i18n = createI18n("zh-TW");
    expect(i18n.t("form.segment")).toBe("一鍵細分");
    expect(i18n.t("playground.size", { rows: 10, columns: 20 })).toBe("10 列 × 20 欄");
    void i18n.changeLanguage("en");
    expect(i18n.t("form.segment")).toBe("Segment this sheet");
    expect(i18n.t("result.summary", { sheet: "A&B", customers: 3, asOf: "2024-06-01" })).toBe(
      'Sheet "A&B": 3 customers, as of 2024-06-01.'
    );
  });
});

describe("the pane names everything it shows", () => {
  const keys = new Set(Object.keys(uiStrings["zh-CN"]));

  test("every field the engine recognises has a label (field mapping)", () => {
    const missing = Object.keys(SYNONYMS).filter((field) => !keys.has(`field.${field}`));
    expect(missing).toEqual([]);
  });

  test("every stage of a run has words (progress bar)", () => {
    const missing = STAGES.filter((stage) => !keys.has(`run.stage.${stage}`));
    expect(missing).toEqual([]);
  });

  test("the three languages differ where they should (no copy left untranslated)", () => {
    const same = [...keys].filter(
      (k) =>
        !k.startsWith("lang.") &&
        uiStrings["zh-CN"][k as keyof (typeof uiStrings)["zh-CN"]] === uiStrings.en[k as keyof (typeof uiStrings)["en"]]
    );
    expect(same).toEqual([]);
  });

  test("Office's display language picks the pane's language: Chinese → zh-CN by default", () => {
    expect(langFromLocale("zh-CN")).toBe("zh-CN");
    expect(langFromLocale("zh")).toBe("zh-CN");
    expect(langFromLocale("zh-SG")).toBe("zh-CN");
    expect(langFromLocale("zh-Hans-CN")).toBe("zh-CN");
    expect(langFromLocale("zh-TW")).toBe("zh-TW");
    expect(langFromLocale("zh-HK")).toBe("zh-TW");
    expect(langFromLocale("zh-Hant")).toBe("zh-TW");
    expect(langFromLocale("en-US")).toBe("en");
    expect(langFromLocale("fr-FR")).toBe("en");
    expect(langFromLocale(undefined)).toBe("en");
  });
});
