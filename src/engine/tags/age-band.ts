/**
 * Age bands of the documents: 18-25 · 26-35 · 36-45 · 46+ (years), plus under 18. A fractional age
 * counts by its whole years (25.9 → 18-25). Unreadable, negative or implausible ages (over 120) are
 * unknown (未知).
 */
import { parseNumber } from "../parse/number";
import type { CellValue } from "../types";
import type { AgeBandKey } from "./labels";

export const MAX_AGE = 120;

export function ageBand(cell: CellValue): AgeBandKey | null {
  const n = parseNumber(cell);
  if (n === null || n < 0 || n > MAX_AGE) return null;
  const age = Math.floor(n);
  if (age < 18) return "under18";
  if (age <= 25) return "18-25";
  if (age <= 35) return "26-35";
  if (age <= 45) return "36-45";
  return "46+";
}
