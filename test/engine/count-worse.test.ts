/** countStrictlyWorse's radix sort orders keys exactly as comparing the numbers does. */
import fc from "fast-check";
import { sortedKnown } from "../../src/engine/rfm/quantile";
import { sortedFloat64 } from "../../src/engine/radix";
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

describe("sortedFloat64 (quantiles and tertiles) sorts as Float64Array.prototype.sort", () => {
  const value = fc.oneof(
    fc.double({ noNaN: true }),
    fc.constantFrom(0, -0, Infinity, -Infinity, Number.MIN_VALUE, -Number.MIN_VALUE, 1, -1, 1e-300, 2 ** 53),
    fc.integer({ min: -5, max: 5 })
  );
  test("the same values in the same order, bit for bit (−0 before +0, subnormals, infinities, repeats)", () => {
    fc.assert(
      fc.property(fc.array(value, { maxLength: 300 }), (values) => {
        const input = Float64Array.from(values);
        const ours = sortedFloat64(input);
        const reference = Float64Array.from(values).sort();
        expect(Array.from(ours).map((v) => Object.is(v, -0) ? "-0" : v)).toEqual(
          Array.from(reference).map((v) => (Object.is(v, -0) ? "-0" : v))
        );
        expect(Array.from(input)).toEqual(values); // the input is left as it was
      }),
      { numRuns: 2000, seed: 17 }
    );
  });

  test("sortedKnown leaves out unknowns and sorts a million values", () => {
    const values: (number | null)[] = Array.from({ length: 1_000_000 }, (_, i) => (i % 97 === 0 ? null : ((i * 7919) % 100_003) / 7 - 5000));
    values[5] = NaN;
    const sorted = sortedKnown(values);
    const reference = Float64Array.from(values.filter((v): v is number => v !== null && !Number.isNaN(v))).sort();
    expect(sorted.length).toBe(reference.length);
    for (let i = 0; i < sorted.length; i++) if (sorted[i] !== reference[i]) throw new Error(`position ${i}`);
  });
});
