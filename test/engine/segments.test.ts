/**
 * 客户细分: RFM classes, crossed dimensions or clusters, then the over-segmentation guard (5–8 groups,
 * groups under the minimum share merged into 其他 and named in the report).
 */
import { defaultSettings, parseSettings, type Settings } from "../../src/engine/config";
import { segment } from "../../src/engine/pipeline";
import { crossLabels } from "../../src/engine/segments/cross";
import { guardGroups, MAX_GROUPS } from "../../src/engine/segments/guard";
import type { Lang, RawTable, SegmentationResult } from "../../src/engine/types";

const repeat = (label: string, n: number) => new Array<string>(n).fill(label);
function settingsOf(json: unknown): Settings {
  const s = parseSettings(json);
  if (!s.ok) throw new Error(JSON.stringify(s.error));
  return s.value;
}
function run(table: RawTable, settings: Settings, lang: Lang = "zh-CN"): SegmentationResult {
  const r = segment(table, settings, { asOf: "2024-06-01", lang });
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
}

describe("guardGroups", () => {
  test("groups under 2 % are merged into 其他, and named with their sizes", () => {
    const labels = [...repeat("A", 60), ...repeat("B", 30), ...repeat("C", 8), ...repeat("D", 1), ...repeat("E", 1)];
    const g = guardGroups(labels, 0.02, "其他");
    expect(g.merged).toEqual([
      { label: "D", count: 1 },
      { label: "E", count: 1 },
    ]);
    expect(g.labels.filter((l) => l === "其他")).toHaveLength(2);
    expect(g.groups).toBe(4);
    expect(g.belowTarget).toBe(true);
  });

  test("exactly at the minimum share a group stays", () => {
    const labels = [...repeat("A", 98), ...repeat("B", 2)];
    expect(guardGroups(labels, 0.02, "其他").merged).toEqual([]);
  });

  test("more than 8 groups: the smallest are merged until 8 remain (the merged group counting as one)", () => {
    const labels = Array.from({ length: 12 }, (_, i) => repeat(`G${String(i).padStart(2, "0")}`, 10 + i)).flat();
    const g = guardGroups(labels, 0.02, "其他");
    expect(g.groups).toBe(MAX_GROUPS);
    expect(g.merged.map((m) => m.label)).toEqual(["G04", "G03", "G02", "G01", "G00"]);
    expect(g.belowTarget).toBe(false);
  });

  test("a single customer, all in one group, and a minimum share of 0", () => {
    expect(guardGroups(["A"], 0.02, "其他")).toEqual({ labels: ["A"], merged: [], groups: 1, belowTarget: true });
    expect(guardGroups(repeat("A", 5), 0.02, "其他").groups).toBe(1);
    expect(guardGroups([...repeat("A", 999), "B"], 0, "其他").merged).toEqual([]);
  });

  test("a group already named like the merged group absorbs it and is not reported as merged", () => {
    const labels = [...repeat("其他", 50), ...repeat("A", 49), "B"];
    const g = guardGroups(labels, 0.02, "其他");
    expect(g.merged).toEqual([{ label: "B", count: 1 }]);
    expect(g.labels.filter((l) => l === "其他")).toHaveLength(51);
  });
});

describe("crossLabels", () => {
  test("joins each customer's values in the chosen order", () => {
    expect(
      crossLabels(
        [
          ["一线", "二线"],
          ["26-35岁", "未知"],
        ],
        "zh-CN"
      )
    ).toEqual(["一线·26-35岁", "二线·未知"]);
    expect(crossLabels([["Tier 1"], ["26-35"]], "en")).toEqual(["Tier 1 · 26-35"]);
    expect(crossLabels([], "zh-CN")).toEqual([]);
  });
});

describe("segments in the pipeline", () => {
  const cities = ["上海", "成都", "昆明", "台州"];
  const ages = [22, 30, 40, 50];
  const rows = Array.from({ length: 100 }, (_, i) => [
    `c${i}`,
    cities[i % 4],
    ages[Math.floor(i / 25)],
    1 + (i % 7),
    100 * (1 + (i % 11)),
    `2024-05-${String(1 + (i % 28)).padStart(2, "0")}`,
  ]);
  const table: RawTable = { headers: ["客户ID", "所在城市", "年龄", "消费频次", "消费金额", "最后购买时间"], rows };

  test("by default 客户细分 is the RFM class", () => {
    const res = run(table, defaultSettings());
    expect(res.report.guard.by).toBe("rfm");
    expect(res.customers.every((c) => c.segment === c.rfmLabel || c.segment === res.report.guard.otherLabel)).toBe(
      true
    );
  });

  test("dimensions city tier × age band: 16 crossed groups, guarded down to 8", () => {
    const res = run(table, settingsOf({ dimensions: ["cityTier", "ageBand"] }));
    expect(res.report.guard.by).toBe("dimensions");
    expect(res.customers[0].segment === "其他" || res.customers[0].segment === "一线·18-25岁").toBe(true);
    const groups = new Set(res.customers.map((c) => c.segment));
    expect(groups.size).toBe(8);
    expect(res.report.guard.groups).toBe(8);
    const merged = res.report.guard.merged.reduce((n, m) => n + m.count, 0);
    expect(res.customers.filter((c) => c.segment === "其他")).toHaveLength(merged);
    expect(res.report.guard.merged).toHaveLength(9);
    // Profiles: the kept groups largest first, the merged group last.
    expect(res.profiles.segments.at(-1)?.label).toBe("其他");
    expect(res.profiles.segments.reduce((n, p) => n + p.size, 0)).toBe(100);
  });

  test("one dimension, three dimensions, and the merged group's own name", () => {
    const one = run(table, settingsOf({ dimensions: ["region"] }), "en");
    expect(new Set(one.customers.map((c) => c.segment))).toEqual(new Set(["East China", "Southwest China"]));
    const three = run(
      table,
      settingsOf({ dimensions: ["cityTier", "ageBand", "valueBand"], segments: { otherLabel: "待激活客户" } })
    );
    expect(three.report.guard.otherLabel).toBe("待激活客户");
    expect(three.customers.some((c) => c.segment === "待激活客户")).toBe(true);
    expect(three.report.guard.groups).toBeLessThanOrEqual(8);
  });

  test("a dimension whose column is missing is MISSING_FIELD", () => {
    const noCity: RawTable = {
      headers: table.headers.filter((h) => h !== "所在城市"),
      rows: rows.map((r) => [r[0], ...r.slice(2)]),
    };
    expect(segment(noCity, settingsOf({ dimensions: ["cityTier"] }), { asOf: "2024-06-01", lang: "zh-CN" })).toEqual({
      ok: false,
      error: { code: "MISSING_FIELD", params: { fields: "city", dimension: "cityTier" } },
    });
  });

  test("by cluster; without clusters it falls back to the RFM classes and says so", () => {
    const byCluster = run(table, settingsOf({ segments: { by: "cluster" } }));
    expect(byCluster.report.guard.by).toBe("cluster");
    expect(byCluster.customers.every((c) => c.segment === c.cluster || c.segment === "其他")).toBe(true);
    const off = run(table, settingsOf({ segments: { by: "cluster" }, cluster: { enabled: false } }));
    expect(off.report.guard).toMatchObject({ by: "rfm", fellBackToRfm: true });
  });

  test("the minimum share is a setting", () => {
    const strict = run(table, settingsOf({ dimensions: ["cityTier"], segments: { minShare: 0.3 } }));
    // four tiers of 25 % each: all under 30 %, all merged
    expect(new Set(strict.customers.map((c) => c.segment))).toEqual(new Set(["其他"]));
    expect(strict.report.guard.merged).toHaveLength(4);
  });
});
