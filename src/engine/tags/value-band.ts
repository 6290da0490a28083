/**
 * Value bands 高价值 / 中价值 / 低价值 by monetary (累计消费金额), the documents' 价值贡献细分: thresholds
 * from settings (tags.value.thresholds) or the data's tertiles; an unknown amount is 未知.
 */
import type { BandThresholds } from "../config";
import { bands } from "./bands";
import type { Level } from "./labels";

export function valueLevels(
  monetary: ReadonlyArray<number | null>,
  thresholds?: BandThresholds,
  estimate?: Uint8Array | null
): { levels: Array<Level | null>; thresholds: BandThresholds | null } {
  return bands(monetary, thresholds, estimate);
}
