/**
 * The built-in table of Chinese places (src/engine/tags/city-table.ts) and the lookup that reads a
 * city column (tags/place.ts). Counts: 民政部 行政区划统计 at the end of 2019–2023 — 34 provincial-level
 * divisions; 333 prefecture-level divisions = 293 cities + 30 autonomous prefectures + 7 prefectures +
 * 3 leagues. Tiers: 第一财经·新一线城市研究所《2023城市商业魅力排行榜》 — 4 + 15 + 30 cities.
 */
import { PREFECTURES, PROVINCES, REGION_KEYS } from "../../src/engine/tags/city-table";
import { CITY_TIER_EDITION, TIER_LISTS, tierOfCity } from "../../src/engine/tags/city-tier";
import { lookupPlace } from "../../src/engine/tags/place";

const where = (text: string) => {
  const p = lookupPlace(text);
  return p === null ? null : { province: p.province.short, city: p.city, region: p.province.region };
};

describe("the table's counts", () => {
  test("34 provincial-level divisions: 23 provinces, 5 autonomous regions, 4 municipalities, 2 SARs", () => {
    expect(PROVINCES).toHaveLength(34);
    expect(PROVINCES.filter((p) => p.name.endsWith("省"))).toHaveLength(23);
    expect(PROVINCES.filter((p) => p.name.endsWith("自治区"))).toHaveLength(5);
    expect(PROVINCES.filter((p) => p.municipality).map((p) => p.short)).toEqual(["北京", "天津", "上海", "重庆"]);
    expect(PROVINCES.filter((p) => p.name.endsWith("特别行政区"))).toHaveLength(2);
  });

  test("333 prefecture-level divisions: 293 cities, 30 autonomous prefectures, 7 prefectures, 3 leagues", () => {
    expect(PREFECTURES).toHaveLength(333);
    expect(PREFECTURES.filter((p) => p.city)).toHaveLength(293);
    expect(PREFECTURES.filter((p) => p.name.endsWith("市"))).toHaveLength(293);
    expect(PREFECTURES.filter((p) => p.name.endsWith("自治州"))).toHaveLength(30);
    expect(PREFECTURES.filter((p) => p.name.endsWith("地区"))).toHaveLength(7);
    expect(PREFECTURES.filter((p) => p.name.endsWith("盟"))).toHaveLength(3);
  });

  test("names are unique, and so are the cities' short names", () => {
    expect(new Set(PREFECTURES.map((p) => p.name)).size).toBe(333);
    expect(new Set(PREFECTURES.filter((p) => p.city).map((p) => p.short)).size).toBe(293);
  });

  test("the seven regions hold 5 + 3 + 8 + 3 + 5 + 5 + 5 provincial-level divisions", () => {
    const count = (r: string) => PROVINCES.filter((p) => p.region === r).length;
    expect(REGION_KEYS.map((r) => [r, count(r)])).toEqual([
      ["north", 5],
      ["northeast", 3],
      ["east", 8],
      ["central", 3],
      ["south", 5],
      ["southwest", 5],
      ["northwest", 5],
    ]);
  });

  test(`tiers (${CITY_TIER_EDITION}): 4 first-tier, 15 new-first-tier, 30 second-tier cities, all in the table`, () => {
    expect([TIER_LISTS.tier1.length, TIER_LISTS.newTier1.length, TIER_LISTS.tier2.length]).toEqual([4, 15, 30]);
    const cities = new Set([...PREFECTURES.filter((p) => p.city).map((p) => p.short), "北京", "天津", "上海", "重庆"]);
    for (const c of [...TIER_LISTS.tier1, ...TIER_LISTS.newTier1, ...TIER_LISTS.tier2])
      expect([c, cities.has(c)]).toEqual([c, true]);
    expect(tierOfCity("深圳")).toBe("tier1");
    expect(tierOfCity("成都")).toBe("newTier1");
    expect(tierOfCity("昆明")).toBe("tier2");
    expect(tierOfCity("台州")).toBe("tier3");
  });
});

describe("lookupPlace", () => {
  test("every prefecture is found by its full name and by its short name", () => {
    for (const p of PREFECTURES) {
      expect([p.name, lookupPlace(p.name)?.city]).toEqual([p.name, p.short]);
      // 海南藏族自治州's short name 海南 is the province (see below).
      if (p.short !== "海南") expect([p.short, lookupPlace(p.short)?.city]).toEqual([p.short, p.short]);
    }
  });

  test.each([
    ["上海", { province: "上海", city: "上海", region: "east" }],
    ["上海市", { province: "上海", city: "上海", region: "east" }],
    ["深圳市", { province: "广东", city: "深圳", region: "south" }],
    ["广东省", { province: "广东", city: null, region: "south" }],
    ["广东", { province: "广东", city: null, region: "south" }],
    ["广西壮族自治区", { province: "广西", city: null, region: "south" }],
    ["内蒙古", { province: "内蒙古", city: null, region: "north" }],
    ["香港特别行政区", { province: "香港", city: null, region: "south" }],
    ["台湾", { province: "台湾", city: null, region: "east" }],
    ["延边", { province: "吉林", city: "延边", region: "northeast" }],
    ["延边州", { province: "吉林", city: "延边", region: "northeast" }],
    ["大理白族自治州", { province: "云南", city: "大理", region: "southwest" }],
    ["广东省深圳市", { province: "广东", city: "深圳", region: "south" }],
    ["广东深圳", { province: "广东", city: "深圳", region: "south" }],
    ["广东省深圳市南山区", { province: "广东", city: "深圳", region: "south" }],
    ["深圳市南山区", { province: "广东", city: "深圳", region: "south" }],
    ["北京市朝阳区", { province: "北京", city: "北京", region: "north" }],
    ["广东省潮阳", { province: "广东", city: null, region: "south" }],
    [" 成 都 ", { province: "四川", city: "成都", region: "southwest" }],
    ["ＳＨ", null],
    ["", null],
    ["火星", null],
  ])("%p → %p", (text, expected) => expect(where(text)).toEqual(expected));

  test("a bare name that means two places: a city wins over a province, a province over a prefecture", () => {
    expect(where("吉林")).toEqual({ province: "吉林", city: "吉林", region: "northeast" });
    expect(where("吉林省")).toEqual({ province: "吉林", city: null, region: "northeast" });
    expect(where("吉林市船营区")).toEqual({ province: "吉林", city: "吉林", region: "northeast" });
    expect(where("海南")).toEqual({ province: "海南", city: null, region: "south" });
    expect(where("海南州")).toEqual({ province: "青海", city: "海南", region: "northwest" });
  });

  test.each([
    ["廣州市", "广州"],
    ["廣州", "广州"],
    ["烏魯木齊", "乌鲁木齐"],
    ["瀋陽市", "沈阳"],
    ["長沙", "长沙"],
    ["鄭州", "郑州"],
    ["連雲港", "连云港"],
    ["臺灣", null],
  ])("Traditional script: %p → %p", (text, city) => {
    expect(lookupPlace(text)?.city ?? null).toBe(city);
    expect(lookupPlace(text)).not.toBeNull();
  });

  test("full-width and Traditional SAR names", () => {
    expect(where("香港特別行政區")).toEqual({ province: "香港", city: null, region: "south" });
    expect(where("澳門")).toEqual({ province: "澳门", city: null, region: "south" });
  });
});
