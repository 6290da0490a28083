/**
 * 消费能力标签 高 / 中 / 低 by 客单价 (average order value): 高 ⇔ 客单价 > X, 低 ⇔ 客单价 < Y, 中 otherwise,
 * with X and Y from settings (tags.spending.thresholds) or the data's tertiles (bands.ts).
 *
 * 客单价 is the customer's value in the average-order-value column (平均客单价) when the table has one
 * and the cell is readable, else monetary ÷ frequency. It is unknown (null, tag 未知) when neither can be
 * had: no purchases (frequency 0) or an unknown figure.
 */
import type { BandThresholds } from "../config";
import { parseNumber } from "../parse/number";
import type { CellValue } from "../types";
import { bands } from "./bands";
import type { Level } from "./labels";

export interface SpendInput {
  frequency: number | null;
  monetary: number | null;
}

export function averageOrderValue(c: SpendInput, cell?: CellValue): number | null {
  if (cell !== undefined) {
    const v = parseNumber(cell);
    if (v !== null && v >= 0) return v;
  }
  if (c.frequency === null || c.monetary === null || c.frequency <= 0) return null;
  return c.monetary / c.frequency;
}

export function spendingLevels(
  aov: ReadonlyArray<number | null>,
  thresholds?: BandThresholds,
  estimate?: Uint8Array | null
): { levels: Array<Level | null>; thresholds: BandThresholds | null } {
  return bands(aov, thresholds, estimate);
}
