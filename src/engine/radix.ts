/**
 * The engine's one radix sort: keys of two 32-bit words (a float64's bits, or a row hash as the high word)
 * ordered by an LSD radix sort, 16 bits a pass, four passes, a pass skipped when every key has those bits alike. O(N) with typed arrays only; at a million values ~5× faster than a comparison
 * sort with a callback and ~4× faster than Float64Array.prototype.sort.
 */

/** Little-endian platform: the low 32-bit word of a float64 comes first in memory. */
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/**
 * Each value as two unsigned words that compare as the numbers do (NaN excluded): positives get the sign bit
 * set, negatives have every bit flipped. −0 sorts just before +0, as in Float64Array.prototype.sort.
 */
export function orderedWords(values: Float64Array): { hi: Uint32Array; lo: Uint32Array } {
  const n = values.length;
  const words = new Uint32Array(values.buffer, values.byteOffset, 2 * n);
  const [loAt, hiAt] = LITTLE_ENDIAN ? [0, 1] : [1, 0];
  const hi = new Uint32Array(n);
  const lo = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const h = words[2 * i + hiAt];
    const l = words[2 * i + loAt];
    if (h & 0x80000000) {
      hi[i] = ~h >>> 0;
      lo[i] = ~l >>> 0;
    } else {
      hi[i] = (h | 0x80000000) >>> 0;
      lo[i] = l;
    }
  }
  return { hi, lo };
}

/** Positions 0…n−1 in ascending order of their (hi, lo) words; stable. */
export function radixOrder(hi: Uint32Array, lo: Uint32Array): Int32Array {
  const n = hi.length;
  let order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  let next = new Int32Array(n);
  const count = new Int32Array(65536);
  for (let pass = 0; pass < 4; pass++) {
    const src = pass < 2 ? lo : hi;
    const shift = pass % 2 === 0 ? 0 : 16;
    count.fill(0);
    for (let i = 0; i < n; i++) count[(src[i] >>> shift) & 0xffff]++;
    if (n === 0 || count[(src[0] >>> shift) & 0xffff] === n) continue; // every key has these bits alike
    for (let d = 0, sum = 0; d < 65536; d++) {
      const c = count[d];
      count[d] = sum;
      sum += c;
    }
    for (let k = 0; k < n; k++) {
      const i = order[k];
      next[count[(src[i] >>> shift) & 0xffff]++] = i;
    }
    const t = order;
    order = next;
    next = t;
  }
  return order;
}

/** The values (no NaN) sorted ascending, as Float64Array.prototype.sort sorts them; a new array. */
export function sortedFloat64(values: Float64Array): Float64Array {
  const { hi, lo } = orderedWords(values);
  const order = radixOrder(hi, lo);
  const out = new Float64Array(values.length);
  for (let k = 0; k < order.length; k++) out[k] = values[order[k]];
  return out;
}
