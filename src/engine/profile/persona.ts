/**
 * A one-sentence persona from a profile's own figures, in the user's language. It says nothing the
 * figures do not: the group's size and share, the means that are known, and the most frequent city
 * tier, age band and channel with their shares. Missing figures are left out of the sentence.
 *
 *   重要价值客户：120人（占12.0%），平均距上次购买15天、消费12.0次、消费金额4,200、客单价350；
 *   城市等级最多为新一线（45.0%）、年龄段最多为26-35岁（50.0%）、渠道最多为线上电商（60.0%）。
 */
import type { Lang, SegmentProfile } from "../types";
import { formatOne, formatShare, formatWhole } from "./format";

interface PersonaWords {
  head: (label: string, size: string, share: string) => string;
  recency: (d: string) => string;
  frequency: (f: string) => string;
  monetary: (m: string) => string;
  aov: (a: string) => string;
  meansIntro: string;
  listSep: string;
  clauseSep: string;
  tier: (l: string, s: string) => string;
  age: (l: string, s: string) => string;
  channel: (l: string, s: string) => string;
  end: string;
}

const WORDS: Record<Lang, PersonaWords> = {
  "zh-CN": {
    head: (l, n, s) => `${l}：${n}人（占${s}）`,
    meansIntro: "，平均",
    recency: (d) => `距上次购买${d}天`,
    frequency: (f) => `消费${f}次`,
    monetary: (m) => `消费金额${m}`,
    aov: (a) => `客单价${a}`,
    listSep: "、",
    clauseSep: "；",
    tier: (l, s) => `城市等级最多为${l}（${s}）`,
    age: (l, s) => `年龄段最多为${l}（${s}）`,
    channel: (l, s) => `渠道最多为${l}（${s}）`,
    end: "。",
  },
  "zh-TW": {
    head: (l, n, s) => `${l}：${n}人（佔${s}）`,
    meansIntro: "，平均",
    recency: (d) => `距上次購買${d}天`,
    frequency: (f) => `消費${f}次`,
    monetary: (m) => `消費金額${m}`,
    aov: (a) => `客單價${a}`,
    listSep: "、",
    clauseSep: "；",
    tier: (l, s) => `城市等級最多為${l}（${s}）`,
    age: (l, s) => `年齡段最多為${l}（${s}）`,
    channel: (l, s) => `通路最多為${l}（${s}）`,
    end: "。",
  },
  en: {
    head: (l, n, s) => `${l}: ${n} customers (${s})`,
    meansIntro: "; on average ",
    recency: (d) => `${d} days since the last purchase`,
    frequency: (f) => `${f} purchases`,
    monetary: (m) => `${m} spent`,
    aov: (a) => `${a} per order`,
    listSep: ", ",
    clauseSep: "; ",
    tier: (l, s) => `most often ${l} cities (${s})`,
    age: (l, s) => `most often aged ${l} (${s})`,
    channel: (l, s) => `most often via ${l} (${s})`,
    end: ".",
  },
};

export function persona(p: Omit<SegmentProfile, "persona">, lang: Lang): string {
  const w = WORDS[lang];
  let s = w.head(p.label, String(p.size), formatShare(p.share));
  const means: string[] = [];
  if (p.mean.recencyDays !== null) means.push(w.recency(formatWhole(p.mean.recencyDays)));
  if (p.mean.frequency !== null) means.push(w.frequency(formatOne(p.mean.frequency)));
  if (p.mean.monetary !== null) means.push(w.monetary(formatWhole(p.mean.monetary)));
  if (p.mean.avgOrderValue !== null) means.push(w.aov(formatWhole(p.mean.avgOrderValue)));
  if (means.length > 0) s += w.meansIntro + means.join(w.listSep);
  const tops: string[] = [];
  if (p.top.cityTier) tops.push(w.tier(p.top.cityTier.label, formatShare(p.top.cityTier.share)));
  if (p.top.ageBand) tops.push(w.age(p.top.ageBand.label, formatShare(p.top.ageBand.share)));
  if (p.top.channel) tops.push(w.channel(p.top.channel.label, formatShare(p.top.channel.share)));
  if (tops.length > 0) s += w.clauseSep + tops.join(w.listSep);
  return s + w.end;
}
