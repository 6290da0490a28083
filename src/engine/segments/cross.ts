/**
 * Dimension segments: the 1–3 chosen dimensions (settings.dimensions, e.g. ["cityTier", "ageBand"])
 * crossed into one label per customer, "新一线·26-35岁" ("New tier 1 · 26-35" in English). A value
 * that could not be read is 未知 / Unknown and forms its own group, never a guess.
 */
import type { Lang } from "../types";

export const CROSS_SEPARATOR: Record<Lang, string> = { "zh-CN": "·", "zh-TW": "·", en: " · " };

/** One label per customer from the values of each chosen dimension (same length, same order). */
export function crossLabels(dimensionValues: ReadonlyArray<readonly string[]>, lang: Lang): string[] {
  if (dimensionValues.length === 0) return [];
  const n = dimensionValues[0].length;
  const sep = CROSS_SEPARATOR[lang];
  return Array.from({ length: n }, (_, i) => dimensionValues.map((values) => values[i]).join(sep));
}
