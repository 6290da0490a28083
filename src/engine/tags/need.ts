/**
 * 需求标签 价格敏感型 / 品质导向型 / 功能偏好型.
 *
 * 1. A 价格敏感度 column saying the customer is sensitive (高, 较高, 敏感, 是, high, yes …) → 价格敏感型.
 * 2. Otherwise keyword rules over the customer's free text (兴趣爱好, 品类偏好, 备注 and any header in
 *    tags.need.fields): the first rule, in order, with a keyword the text contains gives the tag.
 *    The rules are editable (tags.need.rules); the defaults are the documents' (性价比 → 价格敏感型,
 *    品质/高端 → 品质导向型, 环保/售后 → 功能偏好型) with a few plain synonyms.
 * 3. Nothing matched → no tag ("").
 * Matching ignores case, full-width forms and Traditional script (價格 = 价格). It does not understand
 * negation: "不看重品质" still contains 品质.
 */
import type { NeedRule, NeedTagKey } from "../config";
import { normalizeText } from "../parse/text";
import type { CellValue } from "../types";
import { hantToHans } from "./hant";

export const DEFAULT_NEED_RULES: readonly NeedRule[] = [
  {
    tag: "price",
    keywords: ["性价比", "实惠", "折扣", "优惠", "低价", "便宜", "value for money", "discount", "cheap"],
  },
  { tag: "quality", keywords: ["品质", "高端", "质量", "奢侈", "quality", "premium", "high-end", "luxury"] },
  { tag: "function", keywords: ["环保", "售后", "功能", "耐用", "eco-friendly", "after-sales", "durable", "feature"] },
];

const SENSITIVE = new Set([
  "高",
  "较高",
  "很高",
  "非常高",
  "偏高",
  "敏感",
  "较敏感",
  "很敏感",
  "非常敏感",
  "高敏感",
  "是",
  "high",
  "very high",
  "yes",
  "sensitive",
  "very sensitive",
]);

/** Lower case, half-width, Simplified: the form texts and keywords are compared in. */
export function needKey(text: string): string {
  return hantToHans(normalizeText(text)).toLowerCase();
}

export function isPriceSensitive(cell: CellValue): boolean {
  return typeof cell === "string" && SENSITIVE.has(needKey(cell));
}

export interface CompiledRule {
  tag: NeedTagKey;
  keywords: string[];
}

export const compileRules = (rules: readonly NeedRule[]): CompiledRule[] =>
  rules.map((r) => ({ tag: r.tag, keywords: r.keywords.map(needKey).filter((k) => k !== "") }));

export function needTag(
  sensitivity: CellValue | undefined,
  texts: readonly CellValue[],
  rules: readonly CompiledRule[]
): NeedTagKey | null {
  if (sensitivity !== undefined && isPriceSensitive(sensitivity)) return "price";
  const joined = texts
    .filter((t): t is string | number => typeof t === "string" || typeof t === "number")
    .map((t) => needKey(String(t)))
    .join("\n");
  if (joined.trim() === "") return null;
  for (const rule of rules) if (rule.keywords.some((k) => joined.includes(k))) return rule.tag;
  return null;
}
