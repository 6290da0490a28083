/** Headers of the strategy tracker (表3 客户细分策略与执行跟踪表) and its live-figure columns. */
import type { Lang } from "../engine/types";

export type TrackerColumn =
  | "name"
  | "traits"
  | "strategy"
  | "actions"
  | "owner"
  | "target"
  | "cycle"
  | "progress"
  | "code"
  | "customers"
  | "share"
  | "asOf"
  | "status";

/** The template's own eight columns, in its order; the rest are the add-in's live figures. */
export const TEMPLATE_COLUMNS: TrackerColumn[] = [
  "name",
  "traits",
  "strategy",
  "actions",
  "owner",
  "target",
  "cycle",
  "progress",
];
export const FIGURE_COLUMNS: TrackerColumn[] = ["code", "customers", "share", "asOf", "status"];

export const trackerHeaders: Record<Lang, Record<TrackerColumn, string>> = {
  "zh-CN": {
    name: "细分群体名称",
    traits: "客户特征",
    strategy: "核心策略",
    actions: "执行动作",
    owner: "负责人",
    target: "目标指标",
    cycle: "执行周期",
    progress: "当前进度",
    code: "RFM分组",
    customers: "客户数",
    share: "占比",
    asOf: "数据日期",
    status: "状态",
  },
  "zh-TW": {
    name: "細分群體名稱",
    traits: "客戶特徵",
    strategy: "核心策略",
    actions: "執行動作",
    owner: "負責人",
    target: "目標指標",
    cycle: "執行週期",
    progress: "目前進度",
    code: "RFM分組",
    customers: "客戶數",
    share: "占比",
    asOf: "資料日期",
    status: "狀態",
  },
  en: {
    name: "Segment",
    traits: "Traits",
    strategy: "Core strategy",
    actions: "Actions",
    owner: "Owner",
    target: "Target",
    cycle: "Cycle",
    progress: "Progress",
    code: "RFM code",
    customers: "Customers",
    share: "Share",
    asOf: "Data as of",
    status: "Status",
  },
};

export const trackerStatus: Record<Lang, { active: string; retired: string }> = {
  "zh-CN": { active: "进行中", retired: "本期无客户" },
  "zh-TW": { active: "進行中", retired: "本期無客戶" },
  en: { active: "Active", retired: "No customers this period" },
};

export const trackerSheetName: Record<Lang, string> = {
  "zh-CN": "客户细分策略跟踪",
  "zh-TW": "客戶細分策略追蹤",
  en: "Segment strategy tracker",
};
