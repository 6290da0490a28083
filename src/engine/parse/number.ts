/**
 * Numbers as marketers type them: "4,200元", "¥4200", "1.2万", "0.5万元", "５次", "12次",
 * "-300", "35%", "1.2w" / "3k" (the usual Latin shorthands for 万 / 千). Anything else is null:
 * the engine never guesses a number.
 */
import type { CellValue } from "../types";
import { normalizeText } from "./text";

/** 万/千/亿 and their combinations, as powers of ten. */
const MULTIPLIER: Record<string, number> = { 千: 3, k: 3, 万: 4, w: 4, 百万: 6, 千万: 7, 亿: 8 };

/**
 * sign? currency? sign? digits multiplier? unit?
 * digits: "4200", "4,200", "4,200.50", ".5"; thousands groups must be exactly 3 digits.
 * Units: currency (元 块 RMB CNY) and counters (次 人 岁 个 件 单 笔 天).
 */
const NUMBER =
  /^([+-])?\s*(?:¥|\$|rmb|cny)?\s*([+-])?\s*(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)\s*(千万|百万|千|万|亿|k|w)?\s*(%|元|块|rmb|cny|次|人|岁|个|件|单|笔|天)?$/i;

const PLAIN = /^-?\d+(?:\.\d+)?$/;

export function parseNumber(v: CellValue): number | null {
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  if (typeof v !== "string") return null;
  const text = normalizeText(v);
  if (PLAIN.test(text)) return Number(text) || 0; // fast path: "2.55", "-6"
  const m = NUMBER.exec(text);
  if (!m) return null;
  const [, sign1, sign2, digits, multiplier, unit] = m;
  if (sign1 && sign2) return null;
  const sign = sign1 ?? sign2 ?? "";
  let exponent = multiplier ? MULTIPLIER[multiplier.toLowerCase()] : 0;
  if (unit === "%") {
    if (multiplier) return null;
    exponent = -2;
  }
  // Scaling through the exponent keeps decimal input exact: "1.2万" → 1.2e4 = 12000, not 12000.000000000002.
  const n = Number(`${sign}${digits.replace(/,/g, "")}e${exponent}`);
  if (!Number.isFinite(n)) return null;
  return n === 0 ? 0 : n;
}
