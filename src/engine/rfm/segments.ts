/** Segment sizes: all 8 codes in RFM_CODES order, counts may be 0. */
import type { SegmentCount } from "../types";
import { RFM_CODES, type RfmCode } from "./labels";

export function countSegments(codes: readonly string[], labels: Record<RfmCode, string>): SegmentCount[] {
  const counts = new Map<string, number>(RFM_CODES.map((c) => [c, 0]));
  for (const code of codes) counts.set(code, (counts.get(code) ?? 0) + 1);
  return RFM_CODES.map((code) => ({ code, label: labels[code], count: counts.get(code) ?? 0 }));
}
