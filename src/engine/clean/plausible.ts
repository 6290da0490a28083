/**
 * Values that read but cannot be true: an age outside [ageMin, ageMax] (default 0–100), a birth
 * year that gives such an age at the as-of date or lies after it (marketing_campaign's 1893, 1899,
 * 1900). Flagged, never changed.
 */
import { isoFromDay } from "../parse/day";
import type { Collector } from "./collector";
import { cellAt, type ParsedTable } from "./normalize";
import type { CleaningSettings } from "./types";

export function plausibleFindings(parsed: ParsedTable, settings: CleaningSettings, out: Collector): void {
  const { ageMin, ageMax } = settings.plausible;
  const asOfYear = Number(isoFromDay(parsed.asOfDay).slice(0, 4));
  parsed.profiles.forEach((p, col) => {
    if (p.role !== "age" && p.role !== "birthYear") return;
    const nums = parsed.numbers[col];
    if (!nums) return;
    for (let r = 0; r < nums.length; r++) {
      const v = nums[r];
      if (Number.isNaN(v)) continue;
      const age = p.role === "age" ? v : asOfYear - v;
      const bad = p.role === "birthYear" && !Number.isInteger(v) ? true : age < ageMin || age > ageMax;
      if (bad) {
        out.find({
          kind: "implausible",
          row: r,
          column: col,
          value: cellAt(parsed.table, r, col),
          detail: `age ${age} outside ${ageMin}–${ageMax}`,
        });
      }
    }
  });
}
