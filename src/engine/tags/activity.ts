/**
 * 活跃度标签 by purchases per month (frequency ÷ months, see activity-months.ts):
 * 高频 ≥ 3 · 中频 ≥ 1 and < 3 (the documents' "1–2") · 低频 < 1. No purchase is 低频; an unknown
 * frequency or span is 未知.
 */
import type { Level } from "./labels";

export const HIGH_PER_MONTH = 3;
export const MID_PER_MONTH = 1;

export function activityLevel(frequency: number | null, months: number | null): Level | null {
  if (frequency === null || Number.isNaN(frequency) || months === null || !(months > 0)) return null;
  const rate = frequency / months;
  if (rate >= HIGH_PER_MONTH) return "high";
  if (rate >= MID_PER_MONTH) return "mid";
  return "low";
}
