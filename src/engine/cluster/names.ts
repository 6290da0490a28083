/**
 * Cluster names from their centroids, in the user's language: each feature of a centroid is high,
 * middle or low by its standardised value (≥ +0.5 high, ≤ −0.5 low: half a standard deviation from
 * the customers' mean), and the name says so — 高频高额, 低频低额, 近期高频中额; English "High frequency,
 * high spend". Frequency and amount come first; recency ("近期" = few days, "久未购" = many) is added
 * only where two names would otherwise be the same. Any other feature is named by its header
 * ("年收入高、消费评分低"). Names that are still equal get a number (高频高额 2).
 */
import type { Lang } from "../types";
import type { FeatureKind } from "./features";

export type NameLevel = "high" | "mid" | "low";
export const NAME_THRESHOLD = 0.5;

export const levelOf = (z: number): NameLevel => (z >= NAME_THRESHOLD ? "high" : z <= -NAME_THRESHOLD ? "low" : "mid");

interface Words {
  level: Record<NameLevel, string>;
  frequency: string;
  monetary: string;
  avgOrderValue: string;
  recent: string;
  lapsed: string;
  /** Joins the parts of a name. */
  join: (parts: string[]) => string;
  /** A header feature's part. */
  other: (header: string, level: NameLevel) => string;
  /** A known figure's part: level word + noun. */
  known: (level: NameLevel, noun: string) => string;
}

const ZH = (t: {
  高: string;
  中: string;
  低: string;
  freq: string;
  amount: string;
  aov: string;
  recent: string;
  lapsed: string;
}): Words => ({
  level: { high: t.高, mid: t.中, low: t.低 },
  frequency: t.freq,
  monetary: t.amount,
  avgOrderValue: t.aov,
  recent: t.recent,
  lapsed: t.lapsed,
  join: (parts) => parts.join(""),
  other: (header, level) => `${header}${{ high: t.高, mid: t.中, low: t.低 }[level]}`,
  known: (level, noun) => `${{ high: t.高, mid: t.中, low: t.低 }[level]}${noun}`,
});

const WORDS: Record<Lang, Words> = {
  "zh-CN": ZH({
    高: "高",
    中: "中",
    低: "低",
    freq: "频",
    amount: "额",
    aov: "客单",
    recent: "近期",
    lapsed: "久未购",
  }),
  "zh-TW": ZH({
    高: "高",
    中: "中",
    低: "低",
    freq: "頻",
    amount: "額",
    aov: "客單",
    recent: "近期",
    lapsed: "久未購",
  }),
  en: {
    level: { high: "High", mid: "Mid", low: "Low" },
    frequency: "frequency",
    monetary: "spend",
    avgOrderValue: "order value",
    recent: "Recent",
    lapsed: "Lapsed",
    join: (parts) => {
      const s = parts.join(", ");
      return s.charAt(0).toUpperCase() + s.slice(1);
    },
    other: (header, level) => `${{ high: "high", mid: "mid", low: "low" }[level]} ${header}`,
    known: (level, noun) => `${{ high: "high", mid: "mid", low: "low" }[level]} ${noun}`,
  },
};

/** One name per centroid (z-scores, k × d). */
export function clusterNames(centroidsZ: number[][], names: string[], kinds: FeatureKind[], lang: Lang): string[] {
  const w = WORDS[lang];
  const mixedHeaders = kinds.some((k) => k === "other");
  const core = centroidsZ.map((z) => {
    const parts: string[] = [];
    kinds.forEach((kind, f) => {
      if (kind === "recency") return;
      const level = levelOf(z[f]);
      if (kind === "other") parts.push(w.other(names[f], level));
      else parts.push(w.known(level, w[kind]));
    });
    return parts;
  });
  const joinFor = (parts: string[]) => (mixedHeaders && lang !== "en" ? parts.join("、") : w.join(parts));
  let out = core.map(joinFor);
  const r = kinds.indexOf("recency");
  const dup = (list: string[], i: number) => list.some((x, j) => j !== i && x === list[i]);
  if (r >= 0) {
    out = out.map((name, i) => {
      if (core[i].length > 0 && !dup(out, i)) return name;
      const level = levelOf(centroidsZ[i][r]);
      const word = level === "low" ? w.recent : level === "high" ? w.lapsed : "";
      if (word === "") return name === "" ? w.level.mid : name;
      if (name === "") return word;
      return lang === "en" ? `${word}, ${name.charAt(0).toLowerCase()}${name.slice(1)}` : `${word}${name}`;
    });
  }
  const seen = new Map<string, number>();
  return out.map((name) => {
    const base = name === "" ? w.level.mid : name;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base} ${n}`;
  });
}
