/** Headers and words of the segment summary sheet (size, share, means, top values and persona per segment). */
import type { Lang } from "../engine/types";

export type SummaryColumn =
  | "segment"
  | "customers"
  | "share"
  | "recency"
  | "frequency"
  | "monetary"
  | "aov"
  | "cityTier"
  | "ageBand"
  | "channel"
  | "persona";

/** The columns in their order on the sheet. */
export const SUMMARY_COLUMNS: SummaryColumn[] = [
  "segment",
  "customers",
  "share",
  "recency",
  "frequency",
  "monetary",
  "aov",
  "cityTier",
  "ageBand",
  "channel",
  "persona",
];

export const summaryHeaders: Record<Lang, Record<SummaryColumn, string>> = {
  "zh-CN": {
    segment: "细分群体",
    customers: "客户数",
    share: "占比",
    recency: "平均R(距今天数)",
    frequency: "平均F(消费频次)",
    monetary: "平均M(消费金额)",
    aov: "客单价",
    cityTier: "主要城市等级",
    ageBand: "主要年龄段",
    channel: "主要渠道",
    persona: "群体画像",
  },
  "zh-TW": {
    segment: "細分群體",
    customers: "客戶數",
    share: "占比",
    recency: "平均R(距今天數)",
    frequency: "平均F(消費頻次)",
    monetary: "平均M(消費金額)",
    aov: "客單價",
    cityTier: "主要城市等級",
    ageBand: "主要年齡段",
    channel: "主要通路",
    persona: "群體畫像",
  },
  en: {
    segment: "Segment",
    customers: "Customers",
    share: "Share",
    recency: "Avg R (days since last purchase)",
    frequency: "Avg F (purchases)",
    monetary: "Avg M (amount)",
    aov: "Average order value",
    cityTier: "Top city tier",
    ageBand: "Top age band",
    channel: "Top channel",
    persona: "Persona",
  },
};

export type SummaryWord = "sheet" | "title" | "clusters" | "chartTitle";

export const summaryWords: Record<Lang, Record<SummaryWord, string>> = {
  "zh-CN": {
    sheet: "客户细分概览",
    title: "客户细分概览（数据日期 {{asOf}}）",
    clusters: "聚类群组",
    chartTitle: "各细分群体客户数",
  },
  "zh-TW": {
    sheet: "客戶細分概覽",
    title: "客戶細分概覽（資料日期 {{asOf}}）",
    clusters: "聚類群組",
    chartTitle: "各細分群體客戶數",
  },
  en: {
    sheet: "Segment summary",
    title: "Segment summary (data as of {{asOf}})",
    clusters: "Cluster",
    chartTitle: "Customers per segment",
  },
};
