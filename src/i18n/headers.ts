/**
 * Headers of the columns and sheets the add-in writes, in every language. A re-run recognises its own
 * columns by any of these spellings (the workbook may have been segmented in another language).
 */
import type { Lang } from "../engine/types";

export type OwnedColumnKey =
  | "id"
  | "recencyDays"
  | "frequency"
  | "monetary"
  | "rScore"
  | "fScore"
  | "mScore"
  | "rfmCode"
  | "rfmLabel"
  | "spendingTag"
  | "activityTag"
  | "needTag"
  | "cityTier"
  | "region"
  | "ageBand"
  | "cluster"
  | "segment"
  /** 数据质量: what cleaning filled, folded or could not read in the row (src/i18n/quality.ts). */
  | "dataQuality";

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
    spendingTag: "消费能力标签",
    activityTag: "活跃度标签",
    needTag: "需求标签",
    cityTier: "城市等级",
    region: "区域",
    ageBand: "年龄段",
    cluster: "聚类群组",
    segment: "客户细分",
    dataQuality: "数据质量",
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
    spendingTag: "消費能力標籤",
    activityTag: "活躍度標籤",
    needTag: "需求標籤",
    cityTier: "城市等級",
    region: "區域",
    ageBand: "年齡段",
    cluster: "聚類群組",
    segment: "客戶細分",
    dataQuality: "資料品質",
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
    spendingTag: "Spending tag",
    activityTag: "Activity tag",
    needTag: "Need tag",
    cityTier: "City tier",
    region: "Region",
    ageBand: "Age band",
    cluster: "Cluster",
    segment: "Customer segment",
    dataQuality: "Data quality",
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
