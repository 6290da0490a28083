/**
 * The documents' fixed bins (营销团队客户细分分析模板, RFM模型), scored 4 (best) … 1:
 *
 *   R days since the last purchase   ≤30 → 4 · 31–90 → 3 · 91–180 → 2 · >180 → 1
 *   F purchases (6 months)           ≥10 → 4 · 5–9 → 3 · 2–4 → 2 · 1 → 1
 *   M amount (6 months, 元)        ≥5000 → 4 · 2000–4999 → 3 · 1000–1999 → 2 · <1000 → 1
 *
 * Bounds are read on the real line so that fractions fall somewhere: R 30.5 days is 31–90 (3),
 * F 4.5 is 2–4 (2), M 1999.5 is 1000–1999 (2). F = 0 (no purchase) and any unknown figure score 1.
 * Ties are trivially safe: the score depends on the value alone.
 */
import type { RfmFigures } from "./figures";
import type { RfmScores } from "./scores";

/** Lower bounds of scores 4, 3, 2 for "higher is better" figures. */
export const SEED_F_BINS = [10, 5, 2] as const;
export const SEED_M_BINS = [5000, 2000, 1000] as const;
/** Upper bounds (inclusive) of scores 4, 3, 2 for recency days. */
export const SEED_R_BINS = [30, 90, 180] as const;

export function seedRecencyScore(days: number | null): number {
  if (days === null || Number.isNaN(days)) return 1;
  if (days <= SEED_R_BINS[0]) return 4;
  if (days <= SEED_R_BINS[1]) return 3;
  if (days <= SEED_R_BINS[2]) return 2;
  return 1;
}

function atLeast(value: number | null, bins: readonly [number, number, number]): number {
  if (value === null || Number.isNaN(value)) return 1;
  if (value >= bins[0]) return 4;
  if (value >= bins[1]) return 3;
  if (value >= bins[2]) return 2;
  return 1;
}

export const seedFrequencyScore = (f: number | null): number => atLeast(f, SEED_F_BINS);
export const seedMonetaryScore = (m: number | null): number => atLeast(m, SEED_M_BINS);

export function seedBinScores(customers: readonly RfmFigures[]): RfmScores {
  const n = customers.length;
  const out: RfmScores = { r: new Uint8Array(n), f: new Uint8Array(n), m: new Uint8Array(n) };
  customers.forEach((c, i) => {
    out.r[i] = seedRecencyScore(c.recencyDays);
    out.f[i] = seedFrequencyScore(c.frequency);
    out.m[i] = seedMonetaryScore(c.monetary);
  });
  return out;
}
