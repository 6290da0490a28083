export { customerTags } from "./customer-tags";
export type { CustomerTagValues, TagContext } from "./customer-tags";
export { TAG_LABELS, LEVELS, AGE_BAND_KEYS } from "./labels";
export type { Level, AgeBandKey, TagLabels } from "./labels";
export { band, bands, tertileThresholds } from "./bands";
export { averageOrderValue, spendingLevels } from "./spending";
export { valueLevels } from "./value-band";
export { activityLevel, HIGH_PER_MONTH, MID_PER_MONTH } from "./activity";
export {
  activityMonths,
  monthsFromHeader,
  spanMonths,
  chineseNumber,
  DAYS_PER_MONTH,
  DEFAULT_ACTIVITY_MONTHS,
} from "./activity-months";
export type { MonthsSource } from "./activity-months";
export { needTag, isPriceSensitive, compileRules, needKey, DEFAULT_NEED_RULES } from "./need";
export { ageBand, MAX_AGE } from "./age-band";
export { PROVINCES, PREFECTURES, PROVINCE_TABLE, REGION_KEYS } from "./city-table";
export type { Province, Prefecture, RegionKey } from "./city-table";
export { tierOfCity, TIER_LISTS, CITY_TIER_KEYS, CITY_TIER_EDITION } from "./city-tier";
export type { CityTierKey } from "./city-tier";
export { lookupPlace, placeKey } from "./place";
export type { Place } from "./place";
export { hantToHans } from "./hant";
export { customerCells } from "./customer-cells";
