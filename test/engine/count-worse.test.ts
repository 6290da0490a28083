/** countStrictlyWorse's radix sort orders keys exactly as comparing the numbers does. */
import fc from "fast-check";
import { countStrictlyWorse } from "../../src/engine/rfm/scores";

/** The comparison-sort version it replaced. */
function bySort(values: ReadonlyArray<number | null>, better: "higher" | "lower"): Int32Array {
  const n = values.length;
  const key = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const v = values[i];
    key[i] = v === null || Number.isNaN(v) ? -Infinity : better === "higher" ? v : -v;
  }
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => (key[a] < key[b] ? -1 : key[a] > key[b] ? 1 : 0));
  const worse = new Int32Array(n);
  let groupStart = 0;
  for (let k = 0; k < n; k++) {
    if (k > 0 && key[order[k]] !== key[order[k - 1]]) groupStart = k;
    worse[order[k]] = groupStart;
  }
  return worse;
}

describe("countStrictlyWorse", () => {
  test("special values: −0 equals 0, NaN and null are the worst, ±Infinity, subnormals, huge and tiny", () => {
    const values = [0, -0, null, NaN, Infinity, -Infinity, 5e-324, -5e-324, 1e308, -1e308, 1, -1, 0.1, 0.1 + 0.2, 0.3];
    for (const better of ["higher", "lower"] as const)
      expect(Array.from(countStrictlyWorse(values, better))).toEqual(Array.from(bySort(values, better)));
  });

  test("random values, with many ties", () => {
    const value = fc.oneof(
      fc.constant(null),
      fc.double(),
      fc.integer({ min: -5, max: 5 }),
      fc.constantFrom(0, -0, Infinity, -Infinity, NaN)
    );
    fc.assert(
      fc.property(
        fc.array(value, { maxLength: 300 }),
        fc.constantFrom("higher" as const, "lower" as const),
        (values, better) => {
          expect(Array.from(countStrictlyWorse(values, better))).toEqual(Array.from(bySort(values, better)));
        }
      ),
      { numRuns: 2000 }
    );
  });

  test("300,000 customers: distinct amounts and tied counts", () => {
    const n = 300_007;
    const amounts = Array.from({ length: n }, (_, i) => ((i * 15_485_863) % n) / 100);
    const counts = Array.from({ length: n }, (_, i) => (i % 11 === 0 ? null : 1 + ((i * 104_729) % 30)));
    expect(countStrictlyWorse(amounts, "higher")).toEqual(bySort(amounts, "higher"));
    expect(countStrictlyWorse(counts, "lower")).toEqual(bySort(counts, "lower"));
  });
});
