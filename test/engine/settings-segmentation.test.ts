/** The settings of issue #4 in config.ts: defaults, accepted values, and refusals that name the path. */
import { defaultSettings, parseSettings } from "../../src/engine/config";

const refusal = (json: unknown) => {
  const r = parseSettings(json);
  return r.ok ? null : r.error;
};

describe("segmentation settings", () => {
  test("defaults: quintiles, no window, tertile tags, no dimensions, 2 % guard, k-means on with auto k and seed 1", () => {
    const s = defaultSettings();
    expect(s.rfm.scoring).toBe("quintiles");
    expect(s.rfm.windowMonths).toBeUndefined();
    expect(s.tags).toEqual({ spending: {}, value: {}, activity: {}, need: { fields: [] } });
    expect(s.dimensions).toEqual([]);
    expect(s.segments).toEqual({ minShare: 0.02 });
    expect(s.cluster).toEqual({ enabled: true, k: "auto", features: [], seed: 1 });
    expect(parseSettings({})).toEqual({ ok: true, value: s });
  });

  test("a full configuration is taken as given", () => {
    const r = parseSettings({
      rfm: { scoring: "rPackage", windowMonths: 6 },
      tags: {
        spending: { thresholds: { high: 800, low: 300 } },
        value: { thresholds: { high: 5000, low: 1000 } },
        activity: { months: 3 },
        need: { fields: ["客户留言"], rules: [{ tag: "quality", keywords: ["大牌"] }] },
      },
      dimensions: ["cityTier", "ageBand"],
      segments: { by: "dimensions", minShare: 0.05, otherLabel: "待激活客户" },
      cluster: { enabled: true, k: 5, features: ["Annual Income (k$)", "Spending Score (1-100)"], seed: 7 },
    });
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    expect(r.value.rfm).toMatchObject({ scoring: "rPackage", windowMonths: 6 });
    expect(r.value.tags.spending.thresholds).toEqual({ high: 800, low: 300 });
    expect(r.value.tags.need).toEqual({ fields: ["客户留言"], rules: [{ tag: "quality", keywords: ["大牌"] }] });
    expect(r.value.dimensions).toEqual(["cityTier", "ageBand"]);
    expect(r.value.segments).toEqual({ by: "dimensions", minShare: 0.05, otherLabel: "待激活客户" });
    expect(r.value.cluster).toEqual({
      enabled: true,
      k: 5,
      features: ["Annual Income (k$)", "Spending Score (1-100)"],
      seed: 7,
    });
    expect(parseSettings({ rfm: { scoring: "seedBins" } })).toMatchObject({
      ok: true,
      value: { rfm: { scoring: "seedBins" } },
    });
  });

  test.each([
    [{ rfm: { scoring: "deciles" } }, "rfm.scoring"],
    [{ rfm: { windowMonths: 0 } }, "rfm.windowMonths"],
    [{ rfm: { windowMonths: 2.5 } }, "rfm.windowMonths"],
    [{ tags: [] }, "tags"],
    [{ tags: { mood: {} } }, "tags.mood"],
    [{ tags: { spending: { thresholds: { high: 100 } } } }, "tags.spending.thresholds.low"],
    [{ tags: { spending: { thresholds: { high: 100, low: 200 } } } }, "tags.spending.thresholds.low"],
    [{ tags: { spending: { thresholds: { high: "100", low: 1 } } } }, "tags.spending.thresholds.high"],
    [{ tags: { spending: { bins: 3 } } }, "tags.spending.bins"],
    [{ tags: { activity: { months: -1 } } }, "tags.activity.months"],
    [{ tags: { need: { rules: [{ tag: "fun", keywords: ["x"] }] } } }, "tags.need.rules[0].tag"],
    [{ tags: { need: { rules: [{ tag: "price", keywords: [] }] } } }, "tags.need.rules[0].keywords"],
    [{ tags: { need: { rules: [{ tag: "price", keywords: ["x", ""] }] } } }, "tags.need.rules[0].keywords[1]"],
    [{ tags: { need: { rules: [{ tag: "price", keywords: ["x"], weight: 2 }] } } }, "tags.need.rules[0].weight"],
    [{ tags: { need: { fields: "备注" } } }, "tags.need.fields"],
    [{ dimensions: ["cityTier", "zodiac"] }, "dimensions[1]"],
    [{ dimensions: ["cityTier", "cityTier"] }, "dimensions[1]"],
    [{ dimensions: ["cityTier", "ageBand", "region", "valueBand"] }, "dimensions"],
    [{ segments: { by: "magic" } }, "segments.by"],
    [{ segments: { by: "dimensions" } }, "segments.by"],
    [{ segments: { minShare: 0.5 } }, "segments.minShare"],
    [{ segments: { minShare: -0.1 } }, "segments.minShare"],
    [{ segments: { otherLabel: " " } }, "segments.otherLabel"],
    [{ segments: { maxGroups: 9 } }, "segments.maxGroups"],
    [{ cluster: { k: 2 } }, "cluster.k"],
    [{ cluster: { k: 9 } }, "cluster.k"],
    [{ cluster: { k: "best" } }, "cluster.k"],
    [{ cluster: { features: ["A", "A"] } }, "cluster.features[1]"],
    [{ cluster: { seed: -1 } }, "cluster.seed"],
    [{ cluster: { enabled: "yes" } }, "cluster.enabled"],
    [{ cluster: { restarts: 5 } }, "cluster.restarts"],
  ])("%j is refused at %p", (json, path) => {
    expect(refusal(json)).toMatchObject({ code: "BAD_SETTINGS", params: { path } });
  });
});
