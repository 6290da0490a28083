/** How profile figures are written in personas: the same rounding everywhere, so tests can check them. */

/** 1234567.8 → "1,234,568" (rounded to a whole number, thousands separated). */
export function formatWhole(x: number): string {
  const r = Math.round(x);
  const s = String(Math.abs(r)).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return r < 0 ? `-${s}` : s;
}

/** One decimal: 2.25 → "2.3" (a whole number stays "2.0"). */
export const formatOne = (x: number): string => (Math.round(x * 10) / 10).toFixed(1);

/** A share as a percentage with one decimal: 0.1234 → "12.3%". */
export const formatShare = (share: number): string => `${formatOne(share * 100)}%`;
