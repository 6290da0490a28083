/**
 * Default names of the 8 RFM classes per language, and the user's overrides
 * (settings.rfm.labels, e.g. {"111": "高价值客户"}).
 */
import type { Lang } from "../types";

/** The 8 codes in the order segments are listed (value first, lost last). */
export const RFM_CODES = ["111", "011", "101", "001", "110", "010", "100", "000"] as const;
export type RfmCode = (typeof RFM_CODES)[number];

export const DEFAULT_LABELS: Record<Lang, Record<RfmCode, string>> = {
  "zh-CN": {
    "111": "重要价值客户",
    "011": "重要唤回客户",
    "101": "重要深耕客户",
    "001": "重要挽留客户",
    "110": "潜力客户",
    "010": "一般维持客户",
    "100": "新客户",
    "000": "流失客户",
  },
  "zh-TW": {
    "111": "重要價值客戶",
    "011": "重要喚回客戶",
    "101": "重要深耕客戶",
    "001": "重要挽留客戶",
    "110": "潛力客戶",
    "010": "一般維持客戶",
    "100": "新客戶",
    "000": "流失客戶",
  },
  en: {
    "111": "High-value customers",
    "011": "Win back (high value)",
    "101": "Develop (high value)",
    "001": "Retain (high value)",
    "110": "Potential loyalists",
    "010": "Maintain (regulars)",
    "100": "New customers",
    "000": "Lost customers",
  },
};

/** The label of every code in `lang`, with non-empty overrides applied. */
export function rfmLabels(lang: Lang, overrides: Record<string, string> = {}): Record<RfmCode, string> {
  const labels = { ...DEFAULT_LABELS[lang] };
  for (const code of RFM_CODES) {
    const own = overrides[code]?.trim();
    if (own) labels[code] = own;
  }
  return labels;
}

/**
 * A customer without any purchase record has no R, F or M to class: the documents say "客户无消费记录可
 * 标记为‘新客户’" (seeds/002, 关键注意事项 (一)). Such customers get this label instead of a class, and this
 * code (no RFM code: "—" reads as "not applicable" in the RFM分组 column and keeps the group apart from
 * the class 100, whose default label is 新客户 too).
 */
export const NO_PURCHASE_CODE = "—";

export const NO_PURCHASE_LABELS: Record<Lang, string> = {
  "zh-CN": "新客户",
  "zh-TW": "新客戶",
  en: "New customer (no purchase yet)",
};

/**
 * The label of customers without purchases in `lang`: the cleaning setting missing.newCustomerLabel when
 * the user changed it from its default (新客户), else the documents' label in `lang`.
 */
export function noPurchaseLabel(lang: Lang, setting?: string): string {
  const own = setting?.trim();
  return own && own !== NO_PURCHASE_LABELS["zh-CN"] ? own : NO_PURCHASE_LABELS[lang];
}
