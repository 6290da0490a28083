/**
 * Default strategies per RFM class, for the strategy tracker (表3 客户细分策略与执行跟踪表). Drawn from the
 * customer's documents (seeds/002 表3 and 策略建议): 专属客服/生日礼遇 for high value, 限时折扣/满减 for the
 * price-sensitive, 召回优惠券 + 满意度调研 for churn risk. A team edits them in the sheet; these only fill
 * empty cells.
 */
import type { Lang } from "../types";

export interface Strategy {
  /** 客户特征 */
  traits: string;
  /** 核心策略 */
  strategy: string;
  /** 执行动作 */
  actions: string;
  /** 目标指标 */
  target: string;
  /** 执行周期 */
  cycle: string;
}

type Table = Record<string, Strategy>;

const zhCN: Table = {
  "111": {
    traits: "高R/高F/高M，近期常买且金额高，忠诚度高",
    strategy: "专属权益提升粘性",
    actions: "生日礼遇+专属客服一对一回访+优先发货",
    target: "复购率≥80%",
    cycle: "持续",
  },
  "011": {
    traits: "低R/高F/高M，曾经的高价值客户，近期未购买",
    strategy: "召回调研+挽回激励",
    actions: "发放召回优惠券+满意度问卷，分析流失原因",
    target: "召回率≥20%",
    cycle: "2周",
  },
  "101": {
    traits: "高R/低F/高M，近期买过、金额高但次数少",
    strategy: "提升购买频次",
    actions: "会员积分加倍+关联商品推荐",
    target: "消费频次提升10%",
    cycle: "1个月",
  },
  "001": {
    traits: "低R/低F/高M，金额高但久未购买",
    strategy: "流失预警与挽留",
    actions: "客户经理电话回访+专属优惠",
    target: "挽回率≥15%",
    cycle: "2周",
  },
  "110": {
    traits: "高R/高F/低M，活跃但客单价低",
    strategy: "提升客单价",
    actions: "满减活动+组合套餐推荐",
    target: "客单价提升15%",
    cycle: "1个月",
  },
  "010": {
    traits: "低R/高F/低M，常买小额但近期沉默",
    strategy: "限时优惠唤醒",
    actions: "限时折扣+短信提醒",
    target: "活动参与率≥30%",
    cycle: "1个月",
  },
  "100": {
    traits: "高R/低F/低M，新近首购",
    strategy: "新客培育",
    actions: "新人礼包+首单回访+会员注册引导",
    target: "二次购买率≥25%",
    cycle: "1个月",
  },
  "000": {
    traits: "低R/低F/低M，久未购买且贡献低",
    strategy: "低成本唤醒",
    actions: "召回优惠券+满意度调研",
    target: "召回率≥5%",
    cycle: "2周",
  },
};

const zhTW: Table = {
  "111": {
    traits: "高R/高F/高M，近期常買且金額高，忠誠度高",
    strategy: "專屬權益提升黏著度",
    actions: "生日禮遇+專屬客服一對一回訪+優先出貨",
    target: "回購率≥80%",
    cycle: "持續",
  },
  "011": {
    traits: "低R/高F/高M，曾經的高價值客戶，近期未購買",
    strategy: "召回調研+挽回激勵",
    actions: "發放召回優惠券+滿意度問卷，分析流失原因",
    target: "召回率≥20%",
    cycle: "2週",
  },
  "101": {
    traits: "高R/低F/高M，近期買過、金額高但次數少",
    strategy: "提升購買頻次",
    actions: "會員點數加倍+關聯商品推薦",
    target: "消費頻次提升10%",
    cycle: "1個月",
  },
  "001": {
    traits: "低R/低F/高M，金額高但久未購買",
    strategy: "流失預警與挽留",
    actions: "客戶經理電話回訪+專屬優惠",
    target: "挽回率≥15%",
    cycle: "2週",
  },
  "110": {
    traits: "高R/高F/低M，活躍但客單價低",
    strategy: "提升客單價",
    actions: "滿額折扣+組合套餐推薦",
    target: "客單價提升15%",
    cycle: "1個月",
  },
  "010": {
    traits: "低R/高F/低M，常買小額但近期沉默",
    strategy: "限時優惠喚醒",
    actions: "限時折扣+簡訊提醒",
    target: "活動參與率≥30%",
    cycle: "1個月",
  },
  "100": {
    traits: "高R/低F/低M，新近首購",
    strategy: "新客培育",
    actions: "新人禮包+首單回訪+會員註冊引導",
    target: "二次購買率≥25%",
    cycle: "1個月",
  },
  "000": {
    traits: "低R/低F/低M，久未購買且貢獻低",
    strategy: "低成本喚醒",
    actions: "召回優惠券+滿意度調查",
    target: "召回率≥5%",
    cycle: "2週",
  },
};

const en: Table = {
  "111": {
    traits: "High R/F/M: buys often, recently and a lot; loyal",
    strategy: "Exclusive benefits to keep them close",
    actions: "Birthday treats + dedicated service, one-to-one follow-up, priority shipping",
    target: "Repurchase rate ≥ 80%",
    cycle: "Ongoing",
  },
  "011": {
    traits: "Low R, high F/M: once high-value, not buying lately",
    strategy: "Win-back survey and incentives",
    actions: "Win-back coupon + satisfaction survey; find why they left",
    target: "Win-back rate ≥ 20%",
    cycle: "2 weeks",
  },
  "101": {
    traits: "High R, low F, high M: bought recently, big baskets, few orders",
    strategy: "Raise purchase frequency",
    actions: "Double loyalty points + related-product suggestions",
    target: "Frequency +10%",
    cycle: "1 month",
  },
  "001": {
    traits: "Low R/F, high M: big spenders who have gone quiet",
    strategy: "Churn alert and retention",
    actions: "Account-manager call + personal offer",
    target: "Retention rate ≥ 15%",
    cycle: "2 weeks",
  },
  "110": {
    traits: "High R/F, low M: active but small baskets",
    strategy: "Raise basket size",
    actions: "Spend-and-save offers + bundles",
    target: "Average order value +15%",
    cycle: "1 month",
  },
  "010": {
    traits: "Low R, high F, low M: frequent small buyers gone quiet",
    strategy: "Time-limited offers to reawaken",
    actions: "Flash discount + SMS reminder",
    target: "Campaign participation ≥ 30%",
    cycle: "1 month",
  },
  "100": {
    traits: "High R, low F/M: recent first purchase",
    strategy: "Nurture new customers",
    actions: "Welcome pack + first-order follow-up + membership sign-up",
    target: "Second-purchase rate ≥ 25%",
    cycle: "1 month",
  },
  "000": {
    traits: "Low R/F/M: long gone, little spend",
    strategy: "Low-cost reactivation",
    actions: "Win-back coupon + satisfaction survey",
    target: "Win-back rate ≥ 5%",
    cycle: "2 weeks",
  },
};

const TABLES: Record<Lang, Table> = { "zh-CN": zhCN, "zh-TW": zhTW, en };

/** The default strategy for an RFM class, or null for a segment the documents give none for. */
export function defaultStrategy(code: string, lang: Lang): Strategy | null {
  return TABLES[lang][code] ?? null;
}
