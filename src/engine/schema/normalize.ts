/**
 * Header normalisation before synonym matching: trim, full-width → half-width, Traditional →
 * Simplified, case-insensitive, no spaces, underscores, hyphens or dots, no required-field marks
 * ("*客户ID") or trailing colons. `headerKeys` gives the forms tried in order:
 *   1. the whole header                        "R(近30天消费)"      → "r(近30天消费)"
 *   2. without bracketed suffixes (units)       "累计消费金额（元）" → "累计消费金额"
 *   3. without a leading time window            "近6个月消费频次"    → "消费频次"
 * Forms 2 and 3 are skipped when they would leave a single letter (see headerKeys).
 */
import { toHalfWidth, toSimplified } from "../parse/text";

export function normalizeHeader(header: string): string {
  return toSimplified(toHalfWidth(header))
    .toLowerCase()
    .replace(/[\s_\-.·]+/g, "")
    .replace(/^\*+|\*+$/g, "")
    .replace(/:+$/, "");
}

/** Strips trailing "(元)", "[元]", "(近6个月)", repeatedly. */
export function stripBracketSuffix(key: string): string {
  let out = key;
  for (;;) {
    const next = out.replace(/(?:\([^()]*\)|\[[^[\]]*\])$/, "");
    if (next === out || next === "") return out;
    out = next;
  }
}

/** "近6个月", "最近30天", "过去一年", "近半年内" at the start. */
const WINDOW = /^(?:近|最近|过去)(?:\d+|[一二两三四五六七八九十半]+)(?:个)?(?:月|天|日|年|周)(?:内)?(?:的)?/;

export function stripTimeWindow(key: string): string {
  const out = key.replace(WINDOW, "");
  return out === "" ? key : out;
}

/** The normalised forms of a header, most specific first, without duplicates. */
export function headerKeys(header: string): string[] {
  const full = normalizeHeader(header);
  if (full === "") return [];
  const base = stripBracketSuffix(full);
  // A single letter names a field only as the whole header: "R" and "R(近30天消费)" (listed) are
  // recency, but "R(距今天数)" or "F (purchases)" — e.g. columns this add-in appended — are not.
  if (base.length <= 1) return [full];
  const bare = stripTimeWindow(base);
  return Array.from(new Set([full, base, bare]));
}
