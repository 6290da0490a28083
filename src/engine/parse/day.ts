/**
 * Day numbers: whole days since 1970-01-01 (UTC), the engine's only representation of a date.
 * No time zones: a date is the calendar date that was written.
 */

const MS_PER_DAY = 86_400_000;

/** Day number of a calendar date, or null when the date does not exist (2023-02-29). */
export function dayFromYmd(year: number, month: number, day: number): number | null {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return null;
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  const t = new Date(0);
  t.setUTCFullYear(year, month - 1, day);
  if (t.getUTCFullYear() !== year || t.getUTCMonth() !== month - 1 || t.getUTCDate() !== day) {
    return null;
  }
  return Math.round(t.getTime() / MS_PER_DAY);
}

/** "2024-05-10" → day number; null unless the text is exactly yyyy-mm-dd and the date exists. */
export function dayFromIso(s: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return null;
  return dayFromYmd(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** Day number → "yyyy-mm-dd". */
export function isoFromDay(day: number): string {
  const t = new Date(Math.floor(day) * MS_PER_DAY);
  const y = t.getUTCFullYear();
  const m = t.getUTCMonth() + 1;
  const d = t.getUTCDate();
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}
