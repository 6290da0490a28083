/**
 * Headers of the columns and sheets the add-in writes, in every language. A re-run recognises its own
 * columns by any of these spellings (the workbook may have been segmented in another language).
 */
import type { Lang } from "../engine/types";

export type OwnedColumnKey =
  "id" | "recencyDays" | "frequency" | "monetary" | "rScore" | "fScore" | "mScore" | "rfmCode" | "rfmLabel";

export const columnHeaders: Record<Lang, Record<OwnedColumnKey, string>> = {
  "zh-CN": {
    id: "客户ID",
    recencyDays: "R(距今天数)",
    frequency: "F(消费频次)",
    monetary: "M(消费金额)",
    rScore: "R分",
    fScore: "F分",
    mScore: "M分",
    rfmCode: "RFM分组",
    rfmLabel: "客户类型",
  },
  "zh-TW": {
    id: "客戶ID",
    recencyDays: "R(距今天數)",
    frequency: "F(消費頻次)",
    monetary: "M(消費金額)",
    rScore: "R分",
    fScore: "F分",
    mScore: "M分",
    rfmCode: "RFM分組",
    rfmLabel: "客戶類型",
  },
  en: {
    id: "Customer ID",
    recencyDays: "R (days since last purchase)",
    frequency: "F (purchases)",
    monetary: "M (amount)",
    rScore: "R score",
    fScore: "F score",
    mScore: "M score",
    rfmCode: "RFM code",
    rfmLabel: "Customer type",
  },
};

export const sheetNames: Record<Lang, { rfm: string }> = {
  "zh-CN": { rfm: "RFM细分结果" },
  "zh-TW": { rfm: "RFM細分結果" },
  en: { rfm: "RFM segments" },
};

export const LANGS: readonly Lang[] = ["zh-CN", "zh-TW", "en"];

/** Picks zh-CN for Simplified Chinese, zh-TW for Traditional (TW, HK, MO, Hant), en otherwise. */
export function langFromLocale(locale: string | undefined | null): Lang {
  const l = (locale ?? "").toLowerCase();
  if (l.startsWith("zh")) return /(tw|hk|mo|hant)/.test(l) ? "zh-TW" : "zh-CN";
  return "en";
}
