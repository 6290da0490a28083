/** The labels of every tag, dimension value and the merged group, per language. */
import type { NeedTagKey } from "../config";
import type { Lang } from "../types";
import type { CityTierKey } from "./city-tier";
import type { RegionKey } from "./city-table";

export type Level = "high" | "mid" | "low";
export type AgeBandKey = "under18" | "18-25" | "26-35" | "36-45" | "46+";
export const AGE_BAND_KEYS: readonly AgeBandKey[] = ["under18", "18-25", "26-35", "36-45", "46+"];
export const LEVELS: readonly Level[] = ["high", "mid", "low"];

export interface TagLabels {
  spending: Record<Level, string>;
  activity: Record<Level, string>;
  value: Record<Level, string>;
  need: Record<NeedTagKey, string>;
  cityTier: Record<CityTierKey, string>;
  region: Record<RegionKey, string>;
  ageBand: Record<AgeBandKey, string>;
  unknown: string;
  /** The group small groups are merged into (segments.otherLabel overrides it). */
  other: string;
}

export const TAG_LABELS: Record<Lang, TagLabels> = {
  "zh-CN": {
    spending: { high: "高", mid: "中", low: "低" },
    activity: { high: "高频", mid: "中频", low: "低频" },
    value: { high: "高价值", mid: "中价值", low: "低价值" },
    need: { price: "价格敏感型", quality: "品质导向型", function: "功能偏好型" },
    cityTier: { tier1: "一线", newTier1: "新一线", tier2: "二线", tier3: "三线及以下" },
    region: {
      north: "华北",
      northeast: "东北",
      east: "华东",
      central: "华中",
      south: "华南",
      southwest: "西南",
      northwest: "西北",
    },
    ageBand: { under18: "18岁以下", "18-25": "18-25岁", "26-35": "26-35岁", "36-45": "36-45岁", "46+": "46岁以上" },
    unknown: "未知",
    other: "其他",
  },
  "zh-TW": {
    spending: { high: "高", mid: "中", low: "低" },
    activity: { high: "高頻", mid: "中頻", low: "低頻" },
    value: { high: "高價值", mid: "中價值", low: "低價值" },
    need: { price: "價格敏感型", quality: "品質導向型", function: "功能偏好型" },
    cityTier: { tier1: "一線", newTier1: "新一線", tier2: "二線", tier3: "三線及以下" },
    region: {
      north: "華北",
      northeast: "東北",
      east: "華東",
      central: "華中",
      south: "華南",
      southwest: "西南",
      northwest: "西北",
    },
    ageBand: { under18: "18歲以下", "18-25": "18-25歲", "26-35": "26-35歲", "36-45": "36-45歲", "46+": "46歲以上" },
    unknown: "未知",
    other: "其他",
  },
  en: {
    spending: { high: "High", mid: "Medium", low: "Low" },
    activity: { high: "High frequency", mid: "Medium frequency", low: "Low frequency" },
    value: { high: "High value", mid: "Medium value", low: "Low value" },
    need: { price: "Price-sensitive", quality: "Quality-oriented", function: "Feature-focused" },
    cityTier: { tier1: "Tier 1", newTier1: "New tier 1", tier2: "Tier 2", tier3: "Tier 3 and below" },
    region: {
      north: "North China",
      northeast: "Northeast China",
      east: "East China",
      central: "Central China",
      south: "South China",
      southwest: "Southwest China",
      northwest: "Northwest China",
    },
    ageBand: { under18: "Under 18", "18-25": "18-25", "26-35": "26-35", "36-45": "36-45", "46+": "46+" },
    unknown: "Unknown",
    other: "Other",
  },
};
