import fc from "fast-check";
import { countStrictlyWorse, quintileScores, rfmScores } from "../../src/engine/rfm/scores";

/** Reference by the definition, O(N²): 1 + floor(5 · #strictly worse / N); null is the worst. */
function reference(values: Array<number | null>, better: "higher" | "lower"): number[] {
  const worse = (a: number | null, b: number | null) => {
    if (a === null) return b !== null; // a is worse than b?
    if (b === null) return false;
    return better === "higher" ? a < b : a > b;
  };
  return values.map((v) => 1 + Math.floor((5 * values.filter((w) => worse(w, v)).length) / values.length));
}

describe("quintile scores", () => {
  test("ten distinct values split into five equal groups", () => {
    const values = [10, 20, 30, 40, 50, 60, 70, 80, 90, 100];
    expect(Array.from(quintileScores(values, "higher"))).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
    // For R fewer days is better.
    expect(Array.from(quintileScores(values, "lower"))).toEqual([5, 5, 4, 4, 3, 3, 2, 2, 1, 1]);
  });

  test("ties get the same score, decided by how many are strictly worse", () => {
    // 3 customers at 1, 2 at 5, 1 at 9 (N = 6): worse counts 0, 3, 5.
    const values = [5, 1, 9, 1, 5, 1];
    expect(Array.from(countStrictlyWorse(values, "higher"))).toEqual([3, 0, 5, 0, 3, 0]);
    expect(Array.from(quintileScores(values, "higher"))).toEqual([3, 1, 5, 1, 3, 1]);
  });

  test("a single customer scores 1", () => {
    expect(Array.from(quintileScores([42], "higher"))).toEqual([1]);
    expect(Array.from(quintileScores([42], "lower"))).toEqual([1]);
  });

  test("all equal: everybody scores 1", () => {
    expect(Array.from(quintileScores([7, 7, 7, 7, 7, 7, 7], "higher"))).toEqual([1, 1, 1, 1, 1, 1, 1]);
  });

  test("N not divisible by 5 (N = 7)", () => {
    // worse = 0..6 → 1 + floor(5w/7) = 1,1,2,3,3,4,5
    expect(Array.from(quintileScores([1, 2, 3, 4, 5, 6, 7], "higher"))).toEqual([1, 1, 2, 3, 3, 4, 5]);
    // N = 3: 1 + floor(5w/3) = 1, 2, 4
    expect(Array.from(quintileScores([3, 2, 1], "higher"))).toEqual([4, 2, 1]);
  });

  test("unknown (null) is worse than every value, and ties with other unknowns", () => {
    expect(Array.from(quintileScores([null, 0, null, 10], "higher"))).toEqual([1, 3, 1, 4]);
    // Never purchased (recency null) has the worst recency, even against very old purchases.
    expect(Array.from(quintileScores([null, 5000, 3], "lower"))).toEqual([1, 2, 4]);
  });

  test("negative monetary values (net returns) rank below zero", () => {
    expect(Array.from(quintileScores([-50, 0, 100], "higher"))).toEqual([1, 2, 4]);
  });

  test("rfmScores scores each figure in its own direction", () => {
    const s = rfmScores([
      { id: "a", recencyDays: 5, frequency: 1, monetary: 10 },
      { id: "b", recencyDays: 50, frequency: 9, monetary: 900 },
    ]);
    expect(Array.from(s.r)).toEqual([3, 1]);
    expect(Array.from(s.f)).toEqual([1, 3]);
    expect(Array.from(s.m)).toEqual([1, 3]);
  });

  test("matches the definition on random data with many ties and nulls", () => {
    const value = fc.option(fc.integer({ min: -5, max: 12 }), { nil: null, freq: 6 });
    fc.assert(
      fc.property(
        fc.array(value, { minLength: 1, maxLength: 60 }),
        fc.constantFrom("higher" as const, "lower" as const),
        (values, better) => {
          const got = Array.from(quintileScores(values, better));
          expect(got).toEqual(reference(values, better));
          // Scores stay within 1–5 and do not depend on row order.
          expect(got.every((s) => s >= 1 && s <= 5)).toBe(true);
          const reversed = Array.from(quintileScores([...values].reverse(), better)).reverse();
          expect(reversed).toEqual(got);
        }
      ),
      { numRuns: 300 }
    );
  });

  test("the best customer gets 5 once there are at least 5 distinct values", () => {
    const values = Array.from({ length: 23 }, (_, i) => i * 3);
    const s = quintileScores(values, "higher");
    expect(Math.max(...s)).toBe(5);
    expect(Math.min(...s)).toBe(1);
  });
});
