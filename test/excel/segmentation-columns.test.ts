/**
 * Issue #4 through src/excel on the xlsx-host: the tag, dimension, cluster and segment columns on the
 * customer sheet (the template's own empty 消费能力标签 / 活跃度标签 columns filled in place), the same values
 * on the RFM sheet, and the clusters, guard and profiles in the run summary and the CLI's summary JSON.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { main } from "../../src/cli/main";
import { defaultSettings, parseSettings } from "../../src/engine/config";
import { createRng } from "../../src/engine/cluster/random";
import { segmentSheet } from "../../src/excel/segment-sheet";
import { HostWorkbook } from "../../src/xlsx-host";
import { col, sheetValues } from "../helpers/workbook";

const AS_OF = "2024-06-01";
const HEADER = "客户ID,所在城市,年龄,活跃渠道,近6个月消费频次,平均客单价(元),累计消费金额(元),最后购买时间,消费能力标签,活跃度标签,备注";

/** 90 customers in three behaviours (rare small buyers, regulars, heavy buyers), seeded. */
function csv(): string {
  const rng = createRng(12);
  const cities = ["上海", "成都市", "昆明", "台州", "廣州"];
  const notes = ["看重性价比", "偏好高端", "重视售后", ""];
  const lines = [HEADER];
  for (let i = 0; i < 90; i++) {
    const g = i % 3;
    const f = [1, 6, 20][g] + rng.int(2);
    const m = [120, 1500, 9000][g] + rng.int(100);
    const days = [200, 40, 3][g] + rng.int(10);
    const day = new Date(Date.UTC(2024, 5, 1) - days * 86_400_000).toISOString().slice(0, 10);
    const channel = ["社群", "线下门店", "线上电商"][g];
    lines.push([1000 + i, cities[i % 5], 20 + (i % 40), channel, f, Math.round(m / f), m, day, "", "", notes[i % 4]].join(","));
  }
  return lines.join("\n") + "\n";
}

describe("tag, dimension, cluster and segment columns", () => {
  let wb: HostWorkbook;
  let summary: Awaited<ReturnType<typeof segmentSheet>>;
  beforeAll(async () => {
    wb = HostWorkbook.fromCsv(csv(), "客户");
    summary = await wb.run((context) => segmentSheet(context, { settings: defaultSettings(), asOf: AS_OF, lang: "zh-CN" }));
  });

  it("fills the template's empty 消费能力标签 and 活跃度标签 columns in place and appends the rest", async () => {
    const v = await sheetValues(wb, "客户");
    expect(col(v, 0, "消费能力标签")).toBe(8);
    expect(col(v, 0, "活跃度标签")).toBe(9);
    expect(v[0].filter((h) => h === "消费能力标签")).toHaveLength(1);
    const appended = ["R分", "F分", "M分", "RFM分组", "客户类型", "需求标签", "城市等级", "区域", "年龄段", "聚类群组", "客户细分"];
    for (const h of appended) expect([h, col(v, 0, h)]).toEqual([h, expect.any(Number)]);
    expect(appended.map((h) => col(v, 0, h)).every((c) => c > 10)).toBe(true);
    const row = (id: number) => v.find((r) => r[0] === id) as (string | number)[];
    const first = row(1000); // a rare small buyer in 上海, 20 years old, 看重性价比
    expect([first[col(v, 0, "城市等级")], first[col(v, 0, "区域")], first[col(v, 0, "年龄段")], first[col(v, 0, "需求标签")]]).toEqual([
      "一线",
      "华东",
      "18-25岁",
      "价格敏感型",
    ]);
    expect(first[col(v, 0, "活跃度标签")]).toBe("低频");
    expect(row(1004)[col(v, 0, "城市等级")]).toBe("一线"); // 廣州 in Traditional script
    expect(first[col(v, 0, "聚类群组")]).toBe("低频低额");
    expect(row(1002)[col(v, 0, "聚类群组")]).toBe("高频高额");
  });

  it("the RFM sheet carries the same values", async () => {
    const rfm = await sheetValues(wb, summary.written.rfmSheet.name);
    const c = (h: string) => col(rfm, 0, h);
    const r = rfm.find((x) => x[0] === 1000) as (string | number)[];
    expect([r[c("客户细分")], r[c("聚类群组")], r[c("城市等级")], r[c("需求标签")]]).toEqual([
      summary.profiles.segments.find((p) => p.label === r[c("客户细分")])?.label,
      "低频低额",
      "一线",
      "价格敏感型",
    ]);
  });

  it("the summary has the clusters, the guard and the profiles", () => {
    expect(summary.clusters).toMatchObject({ k: 3, sizes: [30, 30, 30], silhouetteSample: 90, unclustered: 0 });
    expect(summary.guard).toMatchObject({ by: "rfm", minShare: 0.02 });
    expect(summary.profiles.clusters.map((p) => p.size)).toEqual([30, 30, 30]);
    expect(summary.profiles.segments.reduce((n, p) => n + p.size, 0)).toBe(90);
    expect(summary.written.columns.cluster).toBe("聚类群组");
    expect(summary.written.columns.spendingTag).toBe("消费能力标签");
  });

  it("a second run changes nothing", async () => {
    const before = await sheetValues(wb, "客户");
    await wb.run((context) => segmentSheet(context, { settings: defaultSettings(), asOf: AS_OF, lang: "zh-CN" }));
    expect(await sheetValues(wb, "客户")).toEqual(before);
  });

  it("dimension segments: city tier × age band", async () => {
    const settings = parseSettings({ dimensions: ["cityTier", "ageBand"] });
    if (!settings.ok) throw new Error("settings");
    const fresh = HostWorkbook.fromCsv(csv(), "客户");
    const s = await fresh.run((context) => segmentSheet(context, { settings: settings.value, asOf: AS_OF, lang: "zh-CN" }));
    expect(s.guard.by).toBe("dimensions");
    const v = await sheetValues(fresh, "客户");
    expect(v[1][col(v, 0, "客户细分")]).toBe("一线·18-25岁");
  });
});

describe("the CLI's summary JSON carries them", () => {
  it("clusters, guard and profiles", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "segment-sheet-issue4-"));
    const input = path.join(dir, "customers.csv");
    writeFileSync(input, csv());
    let stdout = "";
    const code = await main([input, "-o", path.join(dir, "out.csv"), "--as-of", AS_OF, "--summary", "-", "--lang", "en"], {
      stdout: (s) => (stdout += s),
      stderr: () => undefined,
      env: {},
      today: () => AS_OF,
    });
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    expect(json.clusters).toMatchObject({ k: 3, sizes: [30, 30, 30] });
    expect(json.clusters.names).toContain("High frequency, high spend");
    expect(json.guard.by).toBe("rfm");
    expect(json.profiles.segments.length).toBeGreaterThan(0);
    expect(json.profiles.clusters[0].persona).toMatch(/^.+: 30 customers \(33\.3%\)/);
  });
});
