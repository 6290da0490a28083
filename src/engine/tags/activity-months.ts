/**
 * How many months a customer's frequency covers, so that the activity tag can speak of purchases per
 * month. Decided once per table, first rule that applies:
 *
 * 1. setting   tags.activity.months;
 * 2. perMonth  the frequency header is already a monthly rate: 购买频率(月), 月均购买次数, 每月消费次数,
 *              "purchases per month" → months = 1;
 * 3. header    the frequency header names its window: 近6个月消费频次 → 6, 近30天 → 30 days, 近一年 → 12,
 *              "orders (last 90 days)" → 90 days; days and weeks are turned into months of 365.25/12 days;
 * 4. window    an orders table with rfm.windowMonths → that many months;
 * 5. span      an orders table without a window: each customer's own observed span, from the first
 *              purchase to the as-of date, at least one month (months = null here: per customer);
 * 6. default   a customer table whose header says nothing: 6 months, the window of the documents'
 *              F (近6个月消费频次).
 */
import { normalizeText } from "../parse/text";
import type { TableKind } from "../types";

export const DAYS_PER_MONTH = 365.25 / 12;
export const DEFAULT_ACTIVITY_MONTHS = 6;

export type MonthsSource = "setting" | "perMonth" | "header" | "window" | "span" | "default";

const PER_MONTH =
  /(?:[([]\s*(?:月|每月|次\/月|\/月|月均)\s*[)\]]|每月|月均|月度|\/月|per\s*month|monthly|\/\s*month|a\s*month)/i;
const CN_WINDOW = /(?:近|最近|过去|前)\s*(\d+(?:\.\d+)?|[一二两三四五六七八九十半]+)\s*(?:个)?\s*(月|天|日|年|周)/;
const EN_WINDOW = /(?:last|past|previous)\s*(\d+(?:\.\d+)?)?\s*(months?|days?|weeks?|years?)/i;

/** 一 … 十二, 二十, 半 → number; null for anything else. */
export function chineseNumber(s: string): number | null {
  if (/^\d+(?:\.\d+)?$/.test(s)) return Number(s);
  if (s === "半") return 0.5;
  const digit: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
  const m = /^([一二两三四五六七八九])?(十)?([一二三四五六七八九])?$/.exec(s);
  if (!m || s === "") return null;
  if (!m[2]) return m[1] && !m[3] ? digit[m[1]] : null;
  return (m[1] ? digit[m[1]] : 1) * 10 + (m[3] ? digit[m[3]] : 0);
}

function toMonths(n: number, unit: string): number {
  const u = unit.toLowerCase();
  if (u === "月" || u.startsWith("month")) return n;
  if (u === "年" || u.startsWith("year")) return n * 12;
  if (u === "周" || u.startsWith("week")) return (n * 7) / DAYS_PER_MONTH;
  return n / DAYS_PER_MONTH; // 天, 日, day
}

/** The months a frequency header names: 1 for a monthly rate, the window's length, or null. */
export function monthsFromHeader(header: string): { months: number; source: "perMonth" | "header" } | null {
  const text = normalizeText(header);
  if (PER_MONTH.test(text)) return { months: 1, source: "perMonth" };
  const cn = CN_WINDOW.exec(text);
  if (cn) {
    const n = chineseNumber(cn[1]);
    if (n !== null && n > 0) return { months: toMonths(n, cn[2]), source: "header" };
  }
  const en = EN_WINDOW.exec(text);
  if (en) {
    const n = en[1] === undefined ? 1 : Number(en[1]);
    if (n > 0) return { months: toMonths(n, en[2]), source: "header" };
  }
  return null;
}

export function activityMonths(args: {
  setting?: number;
  frequencyHeader?: string;
  kind: TableKind;
  windowMonths?: number;
}): { months: number | null; source: MonthsSource } {
  if (args.setting !== undefined) return { months: args.setting, source: "setting" };
  if (args.kind === "customers" && args.frequencyHeader !== undefined) {
    const fromHeader = monthsFromHeader(args.frequencyHeader);
    if (fromHeader) return fromHeader;
  }
  if (args.kind === "orders") {
    if (args.windowMonths !== undefined) return { months: args.windowMonths, source: "window" };
    return { months: null, source: "span" };
  }
  return { months: DEFAULT_ACTIVITY_MONTHS, source: "default" };
}

/** A customer's observed span in months: first purchase to the as-of date, at least one month. */
export function spanMonths(firstDay: number | null, asOfDay: number): number | null {
  if (firstDay === null) return null;
  return Math.max(1, (asOfDay - firstDay) / DAYS_PER_MONTH);
}
