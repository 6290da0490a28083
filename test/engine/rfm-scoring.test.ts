/**
 * The three RFM scorings (settings rfm.scoring): the documents' seed bins, the R package rfm's binning
 * (checked against that package's own published example scores), quintiles through the same door,
 * the 8 classes for every scoring, and the time window of F and M.
 */
import * as fs from "fs";
import * as path from "path";
import Papa from "papaparse";
import { defaultSettings, parseSettings, type RfmScoring, type Settings } from "../../src/engine/config";
import { segment } from "../../src/engine/pipeline";
import { dayFromIso } from "../../src/engine/parse/day";
import type { RfmFigures } from "../../src/engine/rfm/figures";
import { orderFigures } from "../../src/engine/rfm/orders";
import { quantileType7 } from "../../src/engine/rfm/quantile";
import { rPackageBreaks, rPackageScores } from "../../src/engine/rfm/r-package";
import { scoreRfm, MAX_SCORE } from "../../src/engine/rfm/scoring";
import { seedBinScores, seedFrequencyScore, seedMonetaryScore, seedRecencyScore } from "../../src/engine/rfm/seed-bins";
import { windowStartDay } from "../../src/engine/rfm/window";
import type { RawTable, SegmentationResult } from "../../src/engine/types";

const SHARED = path.resolve(process.env.SEGMENT_SHEET_SHARED ?? path.resolve(__dirname, "../../../shared"));

const fig = (recencyDays: number | null, frequency: number | null, monetary: number | null, id = "c"): RfmFigures => ({
  id,
  recencyDays,
  frequency,
  monetary,
});
const scoresOf = (s: { r: Uint8Array; f: Uint8Array; m: Uint8Array }) => ({
  r: Array.from(s.r),
  f: Array.from(s.f),
  m: Array.from(s.m),
});

/** The seed's 表2 (SPEC "RFM result table"). */
const SEED_TABLE_2: RawTable = {
  headers: ["客户ID", "R(近30天消费)", "F(近6个月频次)", "M(近6个月金额)"],
  rows: [
    [1001, "是(15天前)", "12次", "4200元"],
    [1002, "否(60天前)", "5次", "4400元"],
    [1003, "否(120天前)", "2次", "300元"],
  ],
};

function run(table: RawTable, settings: Settings, asOf = "2024-06-01"): SegmentationResult {
  const r = segment(table, settings, { asOf, lang: "zh-CN" });
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
}

describe("seedBins: the documents' fixed bins, 4 … 1", () => {
  test.each([
    [0, 4],
    [30, 4],
    [30.5, 3],
    [31, 3],
    [90, 3],
    [91, 2],
    [180, 2],
    [181, 1],
    [4000, 1],
  ])("R %p days → %p", (days, score) => expect(seedRecencyScore(days)).toBe(score));

  test.each([
    [25, 4],
    [10, 4],
    [9, 3],
    [5, 3],
    [4.5, 2],
    [4, 2],
    [2, 2],
    [1, 1],
    [0, 1],
  ])("F %p → %p", (f, score) => expect(seedFrequencyScore(f)).toBe(score));

  test.each([
    [80000, 4],
    [5000, 4],
    [4999, 3],
    [2000, 3],
    [1999.5, 2],
    [1000, 2],
    [999, 1],
    [0, 1],
    [-50, 1],
  ])("M %p → %p", (m, score) => expect(seedMonetaryScore(m)).toBe(score));

  test("the seed's customers 1001 / 1002 / 1003", () => {
    const res = run(SEED_TABLE_2, { ...defaultSettings(), rfm: { ...defaultSettings().rfm, scoring: "seedBins" } });
    expect(res.customers.map((c) => [c.id, c.rScore, c.fScore, c.mScore])).toEqual([
      ["1001", 4, 4, 3],
      ["1002", 3, 3, 3],
      ["1003", 2, 2, 1],
    ]);
  });

  test("unknown figures and customers with no purchases score 1; ties share a score", () => {
    expect(
      scoresOf(seedBinScores([fig(null, 0, 0), fig(null, null, null), fig(45, 6, 3000), fig(45, 6, 3000)]))
    ).toEqual({
      r: [1, 1, 3, 3],
      f: [1, 1, 3, 3],
      m: [1, 1, 3, 3],
    });
  });

  test("a single customer and all customers equal are scored by the bins alone", () => {
    expect(scoresOf(seedBinScores([fig(10, 12, 6000)]))).toEqual({ r: [4], f: [4], m: [4] });
    expect(scoresOf(seedBinScores([fig(200, 1, 50), fig(200, 1, 50), fig(200, 1, 50)]))).toEqual({
      r: [1, 1, 1],
      f: [1, 1, 1],
      m: [1, 1, 1],
    });
  });
});

describe("rPackage: the R package rfm's binning", () => {
  /** R's built-in mtcars$mpg; rfm's tests/testthat/test-utils.R expects bins(mtcars, mpg, 5) = 16.20 18.92 22.00 25.08. */
  const MTCARS_MPG = [
    21, 21, 22.8, 21.4, 18.7, 18.1, 14.3, 24.4, 22.8, 19.2, 17.8, 16.4, 17.3, 15.2, 10.4, 10.4, 14.7, 32.4, 30.4, 33.9,
    21.5, 15.5, 15.2, 13.3, 19.2, 27.3, 26, 30.4, 15.8, 19.7, 15, 21.4,
  ];

  test("breaks are R's type-7 quantiles at 20/40/60/80 % plus 1 (rfm's own bins() test on mtcars)", () => {
    const breaks = rPackageBreaks(MTCARS_MPG);
    [16.2, 18.92, 22.0, 25.08].forEach((b, i) => expect(breaks[i]).toBeCloseTo(b, 10));
  });

  test("quantileType7 interpolates between order statistics", () => {
    expect(quantileType7([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantileType7([10], 0.8)).toBe(10);
    expect(quantileType7([1, 2], 1)).toBe(2);
  });

  test("bins are [lower, upper): a value equal to a break goes up; the top bin holds the maximum", () => {
    // 1..10: quantiles 2.8, 4.6, 6.4, 8.2 → breaks 3.8, 5.6, 7.4, 9.2
    const values = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    expect(Array.from(rPackageScores(values, "higher"))).toEqual([1, 1, 1, 2, 2, 3, 3, 4, 4, 5]);
    expect(Array.from(rPackageScores(values, "lower"))).toEqual([5, 5, 5, 4, 4, 3, 3, 2, 2, 1]);
    // 0..5: quantiles 1, 2, 3, 4 → breaks 2, 3, 4, 5, each equal to a value, which goes up.
    expect(rPackageBreaks([0, 1, 2, 3, 4, 5])).toEqual([2, 3, 4, 5]);
    expect(Array.from(rPackageScores([0, 1, 2, 3, 4, 5], "higher"))).toEqual([1, 1, 2, 3, 4, 5]);
  });

  test("ties share a score; all equal and a single customer fall in the first bin (F, M 1; R reversed 5)", () => {
    expect(Array.from(rPackageScores([7, 7, 7], "higher"))).toEqual([1, 1, 1]);
    expect(Array.from(rPackageScores([7, 7, 7], "lower"))).toEqual([5, 5, 5]);
    expect(Array.from(rPackageScores([42], "higher"))).toEqual([1]);
    const tied = Array.from(rPackageScores([1, 1, 1, 1, 2, 2, 3, 9], "higher"));
    expect(tied.slice(0, 4)).toEqual([tied[0], tied[0], tied[0], tied[0]]);
    expect(tied[4]).toBe(tied[5]);
  });

  test("unknown values stay out of the breaks and score 1", () => {
    // Breaks from 1..5 only: 2.8, 3.6, 4.4, 5.2.
    expect(Array.from(rPackageScores([null, 1, 2, 3, 4, 5], "higher"))).toEqual([1, 1, 1, 2, 3, 4]);
    expect(Array.from(rPackageScores([null, 1, 2, 3, 4, 5], "lower"))).toEqual([1, 5, 5, 4, 3, 2]);
  });

  describe("reproduces the package's published example (rfm README: rfm_table_order(rfm_data_orders, …, analysis_date = 2006-12-31))", () => {
    /**
     * The first rows printed in rsquaredacademy/rfm's README.md: customer, date_most_recent, recency_days,
     * transaction_count, amount, recency_score, frequency_score, monetary_score, rfm_score. The package's
     * later data (shared/data/derived/rfm_data_orders.csv) spells the names without titles and suffixes
     * ("Abbey O'Reilly DVM" → "Abbey O'Reilly"), so names are matched without them.
     */
    const PUBLISHED: Array<[string, string, number, number, number, number, number, number, number]> = [
      ["Abbey O'Reilly DVM", "2006-06-09", 205, 6, 472, 3, 4, 3, 343],
      ["Add Senger", "2006-08-13", 140, 3, 340, 4, 1, 2, 412],
      ["Aden Lesch Sr.", "2006-06-20", 194, 4, 405, 3, 2, 3, 323],
      ["Admiral Senger", "2006-08-21", 132, 5, 448, 4, 3, 3, 433],
      ["Agness O'Keefe", "2006-10-02", 90, 9, 843, 5, 5, 5, 555],
      ["Aileen Barton", "2006-10-08", 84, 9, 763, 5, 5, 5, 555],
      ["Ailene Hermann", "2006-03-25", 281, 8, 699, 3, 5, 5, 355],
      ["Aiyanna Bruen PhD", "2006-04-29", 246, 4, 157, 3, 2, 1, 321],
      ["Ala Schmidt DDS", "2006-01-16", 349, 3, 363, 2, 1, 2, 212],
      ["Alannah Borer", "2005-04-21", 619, 4, 196, 1, 2, 1, 121],
    ];
    const bare = (name: string) => name.replace(/\s+(?:DVM|Sr\.|Jr\.|PhD|DDS|MD|I{2,3}|IV|V)$/, "");

    const file = path.join(SHARED, "data/derived/rfm_data_orders.csv");
    const [headers, ...rows] = Papa.parse<string[]>(fs.readFileSync(file, "utf8"), { skipEmptyLines: true }).data;
    const settings = parseSettings({ rfm: { scoring: "rPackage" }, cluster: { enabled: false } });
    if (!settings.ok) throw new Error(JSON.stringify(settings.error));
    const res = run({ headers, rows }, settings.value, "2006-12-31");
    const byId = new Map(res.customers.map((c) => [c.id, c]));

    test("995 customers, as the package's tibble", () => expect(res.customers).toHaveLength(995));

    test.each(PUBLISHED)(
      "%s: R %p days, F %p, M %p → scores as published",
      (name, _date, days, count, amount, r, f, m, score) => {
        const c = byId.get(bare(name));
        expect(c).toBeDefined();
        expect([c?.recencyDays, c?.frequency, c?.monetary]).toEqual([days, count, amount]);
        expect([c?.rScore, c?.fScore, c?.mScore]).toEqual([r, f, m]);
        expect(100 * (c?.rScore ?? 0) + 10 * (c?.fScore ?? 0) + (c?.mScore ?? 0)).toBe(score);
      }
    );

    test("the breaks are the ones the package's tests use as custom thresholds (115, 181, 297, 482 …)", () => {
      const breaks = (values: number[]) => rPackageBreaks(values).map((b) => Math.round(b));
      expect(breaks(res.customers.map((c) => c.recencyDays as number))).toEqual([115, 181, 297, 482]);
      expect(breaks(res.customers.map((c) => c.frequency))).toEqual([4, 5, 6, 8]);
      expect(breaks(res.customers.map((c) => c.monetary))).toEqual([256, 382, 506, 666]);
    });
  });
});

describe("the 8 classes work for every scoring", () => {
  const scorings: RfmScoring[] = ["quintiles", "seedBins", "rPackage"];
  test.each(scorings)("%s with split thresholds gives the seed's 111 / 011 / 000", (scoring) => {
    const s = defaultSettings();
    s.rfm.scoring = scoring;
    s.rfm.split = "thresholds";
    expect(run(SEED_TABLE_2, s).customers.map((c) => c.rfmCode)).toEqual(["111", "011", "000"]);
  });

  test.each(scorings)("%s with split mean: high ⇔ score above the mean score", (scoring) => {
    const s = defaultSettings();
    s.rfm.scoring = scoring;
    const res = run(SEED_TABLE_2, s);
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const r = mean(res.customers.map((c) => c.rScore));
    const f = mean(res.customers.map((c) => c.fScore));
    const m = mean(res.customers.map((c) => c.mScore));
    for (const c of res.customers) {
      expect(c.rfmCode).toBe(`${c.rScore > r ? 1 : 0}${c.fScore > f ? 1 : 0}${c.mScore > m ? 1 : 0}`);
      expect(c.rScore).toBeGreaterThanOrEqual(1);
      expect(c.rScore).toBeLessThanOrEqual(MAX_SCORE[scoring]);
    }
  });

  test.each(scorings)("%s: a single customer, all customers equal, no purchases", (scoring) => {
    const one = scoreRfm([fig(10, 3, 300)], scoring);
    expect([one.r.length, one.f.length, one.m.length]).toEqual([1, 1, 1]);
    const equal = scoresOf(scoreRfm([fig(10, 3, 300), fig(10, 3, 300), fig(10, 3, 300)], scoring));
    for (const k of ["r", "f", "m"] as const) expect(new Set(equal[k]).size).toBe(1);
    const none = scoresOf(scoreRfm([fig(null, 0, 0), fig(5, 4, 900), fig(50, 2, 100)], scoring));
    expect([none.r[0], none.f[0], none.m[0]]).toEqual([1, 1, 1]);
  });
});

describe("rfm.windowMonths: F and M of an orders table in the last N months", () => {
  test("the window starts the same day N months earlier, or that month's last day", () => {
    const iso = (d: number) => new Date(d * 86_400_000).toISOString().slice(0, 10);
    expect(iso(windowStartDay(dayFromIso("2024-06-01") as number, 6))).toBe("2023-12-01");
    expect(iso(windowStartDay(dayFromIso("2024-08-31") as number, 6))).toBe("2024-02-29");
    expect(iso(windowStartDay(dayFromIso("2023-03-31") as number, 1))).toBe("2023-02-28");
    expect(iso(windowStartDay(dayFromIso("2024-01-15") as number, 12))).toBe("2023-01-15");
  });

  const table: RawTable = {
    headers: ["客户ID", "下单日期", "金额"],
    rows: [
      ["a", "2023-06-01", 500], // outside 6 months of 2024-06-01
      ["a", "2023-12-01", 300], // the window's start day: outside (the window is after it)
      ["a", "2023-12-02", 200],
      ["a", "2024-05-31", 100],
      ["b", "2023-01-10", 900], // only outside: F 0, M 0, R from that order
    ],
  };

  test("orders on or before the start leave F and M; R still comes from the last order", () => {
    const figures = orderFigures(
      table,
      { id: 0, orderDate: 1, amount: 2 },
      {
        asOfDay: dayFromIso("2024-06-01") as number,
        windowStartDay: windowStartDay(dayFromIso("2024-06-01") as number, 6),
      }
    );
    expect(figures.customers).toEqual([
      { id: "a", recencyDays: 1, frequency: 2, monetary: 300 },
      { id: "b", recencyDays: 508, frequency: 0, monetary: 0 },
    ]);
    expect(figures.firstDay).toEqual([dayFromIso("2023-06-01"), dayFromIso("2023-01-10")]);
  });

  test("through the settings; without a window every order counts", () => {
    const windowed = parseSettings({ rfm: { windowMonths: 6 } });
    if (!windowed.ok) throw new Error("settings");
    expect(run(table, windowed.value).customers.map((c) => [c.frequency, c.monetary])).toEqual([
      [2, 300],
      [0, 0],
    ]);
    expect(run(table, defaultSettings()).customers.map((c) => [c.frequency, c.monetary])).toEqual([
      [4, 1100],
      [1, 900],
    ]);
  });

  test("a customer table is not windowed: its columns already are (近6个月消费频次)", () => {
    const windowed = parseSettings({ rfm: { windowMonths: 1 } });
    if (!windowed.ok) throw new Error("settings");
    expect(run(SEED_TABLE_2, windowed.value).customers.map((c) => c.frequency)).toEqual([12, 5, 2]);
  });
});
