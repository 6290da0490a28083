/**
 * City tiers 一线 · 新一线 · 二线 · 三线及以下. The tiers are a commercial ranking, not an official
 * division: this is the 2023 edition of 第一财经·新一线城市研究所《城市商业魅力排行榜》 (published
 * 30 May 2023), which ranks 337 mainland cities. Its 4 first-tier, 15 new-first-tier and 30
 * second-tier cities are listed here; every other prefecture-level division is 三线及以下. A place
 * known only by its province (广东) has no tier (未知), nor do 香港, 澳门 and 台湾, which the ranking
 * does not cover.
 */

export type CityTierKey = "tier1" | "newTier1" | "tier2" | "tier3";
export const CITY_TIER_KEYS: readonly CityTierKey[] = ["tier1", "newTier1", "tier2", "tier3"];

export const CITY_TIER_EDITION = "第一财经·新一线城市研究所《2023城市商业魅力排行榜》";

// prettier-ignore
export const TIER_LISTS: Readonly<Record<Exclude<CityTierKey, "tier3">, readonly string[]>> = {
  tier1: ["北京", "上海", "广州", "深圳"],
  newTier1: [
    "成都", "重庆", "杭州", "西安", "武汉", "苏州", "郑州", "南京", "天津", "长沙", "东莞", "宁波", "佛山",
    "合肥", "青岛",
  ],
  tier2: [
    "昆明", "沈阳", "济南", "无锡", "厦门", "福州", "温州", "金华", "哈尔滨", "大连", "贵阳", "南宁", "泉州",
    "石家庄", "长春", "南昌", "惠州", "常州", "嘉兴", "徐州", "南通", "太原", "保定", "珠海", "中山", "兰州",
    "临沂", "潍坊", "烟台", "绍兴",
  ],
};

const TIER_OF: ReadonlyMap<string, CityTierKey> = new Map(
  (Object.entries(TIER_LISTS) as Array<[CityTierKey, readonly string[]]>).flatMap(([tier, cities]) =>
    cities.map((c) => [c, tier] as const)
  )
);

/** The tier of a city given by its short name (深圳); a city not in the lists is tier3. */
export function tierOfCity(shortName: string): CityTierKey {
  return TIER_OF.get(shortName) ?? "tier3";
}
