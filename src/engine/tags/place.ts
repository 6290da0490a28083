/**
 * A place as typed in a city column → the city (or only the province) it names, by the tables in
 * city-table.ts. Matches full names and short names (深圳市 / 深圳, 广东省 / 广东, 广西壮族自治区 /
 * 广西, 延边朝鲜族自治州 / 延边州 / 延边), Simplified or Traditional script (廣州, 臺灣), full-width
 * characters and spaces, and a province in front of a city (广东省深圳市, 广东深圳, 广东省深圳市南山区).
 *
 * When a bare name means two things, a city wins over a province (吉林 → 吉林市) and a province over
 * an autonomous prefecture, prefecture or league (海南 → 海南省, not 海南藏族自治州).
 */
import { toHalfWidth } from "../parse/text";
import { PREFECTURES, PROVINCES, type Prefecture, type Province } from "./city-table";
import { hantToHans } from "./hant";

export interface Place {
  province: Province;
  /** Short name of the city (深圳; 北京 for a municipality); null when only the province is known. */
  city: string | null;
}

interface Entry {
  place: Place;
  /** Higher wins when two places share a key. */
  rank: number;
}

const RANK_FULL = 4;
const RANK_CITY_SHORT = 3;
const RANK_PROVINCE_SHORT = 2;
const RANK_OTHER_SHORT = 1;

const provinceOnly = (p: Province): Place => ({ province: p, city: p.municipality ? p.short : null });
const ofPrefecture = (p: Prefecture): Place => ({ province: p.province, city: p.short });

/** Province keys, for "province in front" matching: full names and short names with a few aliases. */
function provinceKeys(p: Province): string[] {
  const keys = [p.name, p.short];
  if (p.name.endsWith("自治区")) keys.push(p.short + "自治区");
  if (p.name.endsWith("特别行政区")) keys.push(p.short + "特区");
  if (p.short === "台湾") keys.push("台湾地区");
  return keys;
}

function prefectureKeys(p: Prefecture): Array<[string, number]> {
  const keys: Array<[string, number]> = [[p.name, RANK_FULL]];
  keys.push([p.short, p.city ? RANK_CITY_SHORT : RANK_OTHER_SHORT]);
  if (p.name.endsWith("自治州")) keys.push([p.short + "州", RANK_OTHER_SHORT]);
  return keys;
}

const INDEX: ReadonlyMap<string, Entry> = (() => {
  const index = new Map<string, Entry>();
  const add = (key: string, place: Place, rank: number) => {
    const had = index.get(key);
    if (!had || had.rank < rank) index.set(key, { place, rank });
  };
  for (const p of PROVINCES) {
    provinceKeys(p).forEach((k, i) =>
      add(k, provinceOnly(p), i === 1 && !p.municipality ? RANK_PROVINCE_SHORT : RANK_FULL)
    );
  }
  for (const p of PREFECTURES) for (const [k, rank] of prefectureKeys(p)) add(k, ofPrefecture(p), rank);
  return index;
})();

/** Province keys, longest first, for prefix matching. */
const PROVINCE_PREFIXES: ReadonlyArray<[string, Province]> = PROVINCES.flatMap((p) =>
  provinceKeys(p).map((k) => [k, p] as [string, Province])
).sort((a, b) => b[0].length - a[0].length);

/** Prefecture keys, longest first, for prefix matching inside a longer text. */
const PREFECTURE_PREFIXES: ReadonlyArray<[string, Prefecture, boolean]> = PREFECTURES.flatMap((p) =>
  prefectureKeys(p).map(([k, rank]) => [k, p, rank === RANK_FULL] as [string, Prefecture, boolean])
).sort((a, b) => b[0].length - a[0].length);

/** Half-width, no spaces, Simplified (for the characters of place names). */
export function placeKey(text: string): string {
  return hantToHans(toHalfWidth(text).replace(/\s+/g, ""));
}

/**
 * The prefecture whose key starts `text`, longest key first: full names only (深圳市南山区), or short
 * names too when a province came before it (广东深圳) or 市/区/县 follows (深圳南山区 is not taken).
 */
function leadingPrefecture(text: string, opts: { fullOnly: boolean; province?: Province }): Prefecture | null {
  for (const [key, pref, full] of PREFECTURE_PREFIXES) {
    if (!text.startsWith(key)) continue;
    if (opts.province !== undefined && pref.province !== opts.province) continue;
    if (full || (!opts.fullOnly && (opts.province !== undefined || /^[市区县]/.test(text.slice(key.length)))))
      return pref;
  }
  return null;
}

export function lookupPlace(text: string): Place | null {
  const key = placeKey(text);
  if (key === "") return null;
  const exact = INDEX.get(key);
  if (exact) return exact.place;
  const full = leadingPrefecture(key, { fullOnly: true });
  if (full) return ofPrefecture(full);
  for (const [prefix, province] of PROVINCE_PREFIXES) {
    if (!key.startsWith(prefix)) continue;
    const rest = key.slice(prefix.length);
    if (rest === "" || province.municipality) return provinceOnly(province); // 北京市朝阳区
    const pref = leadingPrefecture(rest, { fullOnly: false, province });
    return pref ? ofPrefecture(pref) : provinceOnly(province);
  }
  const pref = leadingPrefecture(key, { fullOnly: false });
  return pref ? ofPrefecture(pref) : null;
}
