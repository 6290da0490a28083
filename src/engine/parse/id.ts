/**
 * Customer and order ids → a text key. Numbers become their shortest text (1001 → "1001", so a
 * numeric 1001 and a text "1001" are the same customer); text is trimmed and made half-width
 * ("１００１" → "1001") but keeps its case and leading zeros ("00001"). Blank cells, Excel error
 * values and "NA"/"N/A"/"null" give null.
 */
import type { CellValue } from "../types";
import { isBlank, isPlainAscii, toHalfWidth } from "./text";

const normalizeWidth = (s: string): string => (isPlainAscii(s) ? s.trim() : toHalfWidth(s).trim());

export function parseId(v: CellValue): string | null {
  if (typeof v === "number") return Number.isFinite(v) ? String(v) : null;
  if (typeof v !== "string" || isBlank(v)) return null;
  return normalizeWidth(v);
}
