/** Headers and words of the history and migration (复盘) sheets. */
import type { Lang } from "../engine/types";

export const migrationStrings: Record<
  Lang,
  {
    historySheet: string;
    migrationSheet: string;
    history: { asOf: string; id: string; code: string; frequency: string; monetary: string };
    title: string;
    corner: string;
    newCustomers: string;
    gone: string;
    kpi: {
      segment: string;
      customers: string;
      previousCustomers: string;
      repurchase: string;
      previousRepurchase: string;
      aov: string;
      previousAov: string;
    };
  }
> = {
  "zh-CN": {
    historySheet: "细分历史",
    migrationSheet: "细分迁移",
    history: { asOf: "数据日期", id: "客户ID", code: "RFM分组", frequency: "F(消费频次)", monetary: "M(消费金额)" },
    title: "客户细分迁移：上期 {{previous}} → 本期 {{current}}",
    corner: "上期 \\ 本期",
    newCustomers: "新增客户",
    gone: "本期未出现",
    kpi: {
      segment: "细分群体",
      customers: "本期客户数",
      previousCustomers: "上期客户数",
      repurchase: "本期复购率",
      previousRepurchase: "上期复购率",
      aov: "本期客单价",
      previousAov: "上期客单价",
    },
  },
  "zh-TW": {
    historySheet: "細分歷史",
    migrationSheet: "細分遷移",
    history: { asOf: "資料日期", id: "客戶ID", code: "RFM分組", frequency: "F(消費頻次)", monetary: "M(消費金額)" },
    title: "客戶細分遷移：上期 {{previous}} → 本期 {{current}}",
    corner: "上期 \\ 本期",
    newCustomers: "新增客戶",
    gone: "本期未出現",
    kpi: {
      segment: "細分群體",
      customers: "本期客戶數",
      previousCustomers: "上期客戶數",
      repurchase: "本期回購率",
      previousRepurchase: "上期回購率",
      aov: "本期客單價",
      previousAov: "上期客單價",
    },
  },
  en: {
    historySheet: "Segment history",
    migrationSheet: "Segment migration",
    history: { asOf: "As of", id: "Customer ID", code: "RFM code", frequency: "F (purchases)", monetary: "M (amount)" },
    title: "Segment migration: {{previous}} → {{current}}",
    corner: "Before \\ now",
    newCustomers: "New customers",
    gone: "Not seen this period",
    kpi: {
      segment: "Segment",
      customers: "Customers",
      previousCustomers: "Customers before",
      repurchase: "Repurchase rate",
      previousRepurchase: "Repurchase rate before",
      aov: "Average order value",
      previousAov: "Average order value before",
    },
  },
};
