/**
 * Profiles per segment and per cluster: size, share, mean R/F/M and 客单价, top city tier / age band /
 * channel, and a persona that contains only figures of the profile, which are checked against the
 * customers themselves.
 */
import { defaultSettings, parseSettings, type Settings } from "../../src/engine/config";
import { segment } from "../../src/engine/pipeline";
import { formatOne, formatShare, formatWhole } from "../../src/engine/profile/format";
import { persona } from "../../src/engine/profile/persona";
import { profileGroups } from "../../src/engine/profile/profiles";
import type { CustomerRfm, Lang, RawTable, SegmentationResult, SegmentProfile } from "../../src/engine/types";

function run(table: RawTable, settings: Settings = defaultSettings(), lang: Lang = "zh-CN"): SegmentationResult {
  const r = segment(table, settings, { asOf: "2024-06-01", lang });
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
}

const cities = ["上海", "上海", "成都", "台州", "", "北京"];
const channels = ["线上电商", "线下门店", "社群", "线上电商"];
const rows = Array.from({ length: 60 }, (_, i) => [
  `c${i}`,
  cities[i % 6],
  i % 9 === 0 ? "" : 20 + (i % 30),
  channels[i % 4],
  i % 10 === 0 ? 0 : 1 + (i % 5),
  i % 10 === 0 ? 0 : 150 * (1 + (i % 7)),
  i % 10 === 0 ? "" : `2024-0${1 + (i % 5)}-1${i % 10}`,
]);
const TABLE: RawTable = {
  headers: ["客户ID", "所在城市", "年龄", "活跃渠道", "消费频次", "消费金额", "最后购买时间"],
  rows,
};

/** Every number written in a text ("1,234", "12.5", "3%"), as written. */
const numbersIn = (text: string) => (text.match(/\d[\d,]*(?:\.\d+)?/g) ?? []).filter((n) => !/^\d+-\d+$/.test(n));

/** The figures a profile may state, formatted as personas format them, plus the numbers inside its labels. */
function allowed(p: SegmentProfile): Set<string> {
  const out = new Set<string>([String(p.size), formatShare(p.share).replace("%", "")]);
  if (p.mean.recencyDays !== null) out.add(formatWhole(p.mean.recencyDays));
  if (p.mean.frequency !== null) out.add(formatOne(p.mean.frequency));
  if (p.mean.monetary !== null) out.add(formatWhole(p.mean.monetary));
  if (p.mean.avgOrderValue !== null) out.add(formatWhole(p.mean.avgOrderValue));
  for (const t of Object.values(p.top)) {
    out.add(formatShare(t.share).replace("%", ""));
    for (const n of t.label.match(/\d+/g) ?? []) out.add(n);
  }
  for (const n of p.label.match(/\d+/g) ?? []) out.add(n);
  return out;
}

/** The profile recomputed from the customers, independently of src/engine/profile. */
function recompute(members: CustomerRfm[], total: number) {
  const known = (xs: Array<number | null>) => xs.filter((x): x is number => x !== null);
  const mean = (xs: number[]) => (xs.length === 0 ? null : xs.reduce((a, b) => a + b, 0) / xs.length);
  return {
    size: members.length,
    share: members.length / total,
    recencyDays: mean(known(members.map((c) => c.recencyDays))),
    frequency: mean(members.filter((c) => !c.missing?.includes("frequency")).map((c) => c.frequency)),
    monetary: mean(members.filter((c) => !c.missing?.includes("monetary")).map((c) => c.monetary)),
    avgOrderValue: mean(known(members.map((c) => c.avgOrderValue))),
  };
}

function topOf(values: string[]): { label: string; share: number } | undefined {
  const known = values.filter((v) => v !== "未知" && v !== "");
  if (known.length === 0) return undefined;
  const counts = new Map<string, number>();
  for (const v of known) counts.set(v, (counts.get(v) ?? 0) + 1);
  const best = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0];
  return { label: best[0], share: best[1] / known.length };
}

describe.each(["zh-CN", "zh-TW", "en"] as const)("profiles in %s", (lang) => {
  const res = run(TABLE, defaultSettings(), lang);
  const all = [
    ...res.profiles.segments.map((p) => ["segment", p] as const),
    ...res.profiles.clusters.map((p) => ["cluster", p] as const),
  ];

  test("there is a profile for every segment and every cluster, sizes adding up", () => {
    expect(res.profiles.segments.reduce((n, p) => n + p.size, 0)).toBe(60);
    expect(new Set(res.profiles.segments.map((p) => p.label))).toEqual(new Set(res.customers.map((c) => c.segment)));
    expect(res.clusters).not.toBeNull();
    expect(res.profiles.clusters.map((p) => p.size)).toEqual(res.clusters?.sizes);
  });

  test("the figures are those of the members", () => {
    for (const [kind, p] of all) {
      const members = res.customers.filter((c) => (kind === "segment" ? c.segment : c.cluster) === p.label);
      const want = recompute(members, res.customers.length);
      expect([p.label, p.size, p.share]).toEqual([p.label, want.size, want.share]);
      for (const k of ["recencyDays", "frequency", "monetary", "avgOrderValue"] as const) {
        if (want[k] === null) expect(p.mean[k]).toBeNull();
        else expect([p.label, k, p.mean[k]]).toEqual([p.label, k, expect.closeTo(want[k] as number, 9)]);
      }
      const unknown = lang === "en" ? "Unknown" : "未知";
      const tier = topOf(members.map((c) => c.cityTier).filter((v) => v !== unknown));
      expect(p.top.cityTier).toEqual(tier);
      expect(p.top.ageBand).toEqual(topOf(members.map((c) => c.ageBand).filter((v) => v !== unknown)));
    }
  });

  test("every number in a persona is one of its profile's figures", () => {
    for (const [, p] of all) {
      const ok = allowed(p);
      for (const n of numbersIn(p.persona)) expect([p.label, n, ok.has(n)]).toEqual([p.label, n, true]);
      expect(p.persona).toContain(p.label);
      expect(p.persona).toContain(String(p.size));
    }
  });
});

describe("persona", () => {
  const base: Omit<SegmentProfile, "persona"> = {
    label: "重要价值客户",
    size: 120,
    share: 0.12,
    mean: { recencyDays: 15.2, frequency: 12, monetary: 4200.4, avgOrderValue: 350 },
    top: {
      cityTier: { label: "新一线", share: 0.45 },
      ageBand: { label: "26-35岁", share: 0.5 },
      channel: { label: "线上电商", share: 0.6 },
    },
  };

  test("says the figures and nothing else, in each language", () => {
    expect(persona(base, "zh-CN")).toBe(
      "重要价值客户：120人（占12.0%），平均距上次购买15天、消费12.0次、消费金额4,200、客单价350；城市等级最多为新一线（45.0%）、年龄段最多为26-35岁（50.0%）、渠道最多为线上电商（60.0%）。"
    );
    expect(persona({ ...base, label: "Champions" }, "en")).toBe(
      "Champions: 120 customers (12.0%); on average 15 days since the last purchase, 12.0 purchases, 4,200 spent, 350 per order; most often 新一线 cities (45.0%), most often aged 26-35岁 (50.0%), most often via 线上电商 (60.0%)."
    );
    expect(persona(base, "zh-TW")).toContain("（佔12.0%）");
  });

  test("unknown means and tops are left out", () => {
    const bare = { ...base, mean: { recencyDays: null, frequency: 0, monetary: 0, avgOrderValue: null }, top: {} };
    expect(persona(bare, "zh-CN")).toBe("重要价值客户：120人（占12.0%），平均消费0.0次、消费金额0。");
  });

  test("a single customer, and customers with no purchases", () => {
    const single = profileGroups(
      ["A"],
      ["A"],
      { recencyDays: [null], frequency: [0], monetary: [0], avgOrderValue: [null], unknown: "未知" },
      "zh-CN"
    );
    expect(single[0]).toMatchObject({
      size: 1,
      share: 1,
      mean: { recencyDays: null, frequency: 0, monetary: 0, avgOrderValue: null },
      top: {},
    });
    const settings = parseSettings({ cluster: { enabled: false } });
    if (!settings.ok) throw new Error("settings");
    const one = run({ headers: TABLE.headers, rows: [TABLE.rows[0]] }, settings.value);
    expect(one.profiles.segments).toHaveLength(1);
    expect(one.profiles.segments[0].persona).toBe(
      `${one.customers[0].segment}：1人（占100.0%），平均消费0.0次、消费金额0；城市等级最多为一线（100.0%）、渠道最多为线上电商（100.0%）。`
    );
  });
});
