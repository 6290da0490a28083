import { classesByMean, classesByThresholds, highByMean, rfmCode } from "../../src/engine/rfm/classes";
import { DEFAULT_LABELS, RFM_CODES, rfmLabels } from "../../src/engine/rfm/labels";
import { countSegments } from "../../src/engine/rfm/segments";
import type { RfmFigures } from "../../src/engine/rfm/figures";

const u8 = (a: number[]) => Uint8Array.from(a);

describe("rfmCode", () => {
  test("order R, F, M", () => {
    expect(rfmCode(false, true, true)).toBe("011");
    expect(rfmCode(true, false, false)).toBe("100");
    expect(rfmCode(true, true, true)).toBe("111");
  });
});

describe("mean split", () => {
  test("high ⇔ score strictly above the mean", () => {
    // mean of [1, 2, 3, 4, 5] is 3: 3 is not above it.
    expect(highByMean([1, 2, 3, 4, 5])).toEqual([false, false, false, true, true]);
    // mean 2.5
    expect(highByMean([1, 2, 3, 4])).toEqual([false, false, true, true]);
  });
  test("all equal: nobody is high", () => {
    expect(highByMean([3, 3, 3])).toEqual([false, false, false]);
    expect(highByMean([1])).toEqual([false]);
  });
  test("compares exactly where a float mean would round (mean 7/3)", () => {
    expect(highByMean([2, 2, 3])).toEqual([false, false, true]);
  });
  test("classes combine the three splits", () => {
    const codes = classesByMean({ r: u8([5, 1, 1]), f: u8([5, 5, 1]), m: u8([5, 5, 1]) });
    expect(codes).toEqual(["111", "011", "000"]);
  });
});

describe("thresholds split", () => {
  const t = { recencyDays: 30, frequency: 5, monetary: 2000 };
  const c = (recencyDays: number | null, frequency: number | null, monetary: number | null): RfmFigures => ({
    id: "x",
    recencyDays,
    frequency,
    monetary,
  });
  test("R ≤ days, F ≥ frequency, M ≥ monetary on the raw figures, bounds included", () => {
    expect(classesByThresholds([c(30, 5, 2000)], t)).toEqual(["111"]);
    expect(classesByThresholds([c(31, 4, 1999.99)], t)).toEqual(["000"]);
    expect(classesByThresholds([c(0, 4, 2000)], t)).toEqual(["101"]);
  });
  test("unknown figures and never-purchased are low", () => {
    expect(classesByThresholds([c(null, null, null)], t)).toEqual(["000"]);
    expect(classesByThresholds([c(null, 10, 5000)], t)).toEqual(["011"]);
  });
});

describe("labels", () => {
  test("zh-CN defaults are the SPEC's eight classes", () => {
    expect(rfmLabels("zh-CN")).toEqual({
      "111": "重要价值客户",
      "011": "重要唤回客户",
      "101": "重要深耕客户",
      "001": "重要挽留客户",
      "110": "潜力客户",
      "010": "一般维持客户",
      "100": "新客户",
      "000": "流失客户",
    });
  });
  test("every language names all 8 codes, with distinct labels", () => {
    for (const lang of ["zh-CN", "zh-TW", "en"] as const) {
      const labels = DEFAULT_LABELS[lang];
      expect(Object.keys(labels).sort()).toEqual([...RFM_CODES].sort());
      expect(new Set(Object.values(labels)).size).toBe(8);
    }
    expect(DEFAULT_LABELS["zh-TW"]["111"]).toBe("重要價值客戶");
  });
  test("overrides replace defaults (the seed's own labels), blanks are ignored", () => {
    const labels = rfmLabels("zh-CN", { "111": "高价值客户", "011": "流失风险客户", "000": "  " });
    expect(labels["111"]).toBe("高价值客户");
    expect(labels["011"]).toBe("流失风险客户");
    expect(labels["000"]).toBe("流失客户");
  });
});

describe("countSegments", () => {
  test("all 8 codes in a fixed order, zeros included", () => {
    const segs = countSegments(["000", "111", "000"], rfmLabels("en"));
    expect(segs.map((s) => s.code)).toEqual(["111", "011", "101", "001", "110", "010", "100", "000"]);
    expect(segs.find((s) => s.code === "000")).toEqual({ code: "000", label: "Lost customers", count: 2 });
    expect(segs.find((s) => s.code === "111")?.count).toBe(1);
    expect(segs.reduce((n, s) => n + s.count, 0)).toBe(3);
  });
});
