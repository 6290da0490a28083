/**
 * Place names as typed → one spelling: 上海市 → 上海, 广东省 → 广东, 广西壮族自治区 → 广西,
 * 香港特别行政区 → 香港, 广东省深圳市 → 深圳. A small normaliser only: which tier or region a city
 * belongs to is the city table's job (tags/). Text that is not a bare Chinese place name (an
 * address, a name in Latin letters) is returned trimmed and otherwise unchanged.
 */
import type { CellValue } from "../types";
import { normalizeText } from "./text";

/** The provincial-level names whose suffix is more than 省/市. */
const SPECIAL: ReadonlyMap<string, string> = new Map([
  ["内蒙古自治区", "内蒙古"],
  ["广西壮族自治区", "广西"],
  ["西藏自治区", "西藏"],
  ["宁夏回族自治区", "宁夏"],
  ["新疆维吾尔自治区", "新疆"],
  ["香港特别行政区", "香港"],
  ["澳门特别行政区", "澳门"],
  ["台湾省", "台湾"],
]);

const CJK_ONLY = /^[\u4e00-\u9fff]{2,12}$/;
/** A province (or autonomous region) in front of a city: 广东省深圳市, 广西壮族自治区桂林市. */
const PROVINCE_CITY =
  /^(?:[\u4e00-\u9fff]{2,3}省|内蒙古自治区|广西壮族自治区|西藏自治区|宁夏回族自治区|新疆维吾尔自治区)([\u4e00-\u9fff]{2,}市)$/;

/** The normalised place name, or null for a blank or non-text cell. */
export function normalizeCity(v: CellValue): string | null {
  if (typeof v !== "string") return null;
  const text = normalizeText(v);
  if (text === "") return null;
  if (!CJK_ONLY.test(text)) return text;
  const special = SPECIAL.get(text);
  if (special) return special;
  const inProvince = PROVINCE_CITY.exec(text);
  const name = inProvince ? inProvince[1] : text;
  // 上海市 → 上海, 广东省 → 广东; a name of one character plus 市 (沙市) keeps its suffix.
  const stripped = /^([\u4e00-\u9fff]{2,})[省市]$/.exec(name);
  return stripped ? stripped[1] : name;
}
