/**
 * A small seeded random number generator (mulberry32): the same seed gives the same sequence on every
 * platform, so clustering repeats run for run. Not for cryptography.
 */
export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [0, n). */
  int(n: number): number;
}

export function createRng(seed: number): Rng {
  let a = seed >>> 0;
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (n) => Math.min(n - 1, Math.floor(next() * n)) };
}

/** A seed for the i-th independent stream derived from a base seed. */
export const deriveSeed = (seed: number, i: number): number =>
  (Math.imul(seed >>> 0, 0x9e3779b1) + i * 0x85ebca6b) >>> 0;

/** `size` distinct indices of [0, n), in increasing order (a partial Fisher–Yates shuffle). */
export function sampleIndices(n: number, size: number, rng: Rng): Int32Array {
  if (size >= n) return Int32Array.from({ length: n }, (_, i) => i);
  const pool = Int32Array.from({ length: n }, (_, i) => i);
  for (let i = 0; i < size; i++) {
    const j = i + rng.int(n - i);
    const t = pool[i];
    pool[i] = pool[j];
    pool[j] = t;
  }
  return pool.slice(0, size).sort();
}
