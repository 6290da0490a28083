/**
 * Does an Excel number format show a date? ("yyyy/m/d", "[$-804]yyyy\"年\"m\"月\"d\"日\"" yes;
 * "General", "0.00", "#,##0\"次\"" no.) Used where a number could be a count or a date serial.
 */
export function isDateFormat(format: string | undefined): boolean {
  if (!format || /^general$/i.test(format.trim())) return false;
  const bare = format
    .replace(/"[^"]*"/g, "") // quoted literals
    .replace(/\\./g, "") // escaped characters
    .replace(/\[(h+|m+|s+)\]/gi, "$1") // elapsed time [h]:mm stays a time
    .replace(/\[[^\]]*\]/g, "") // [Red], [$-804]
    .replace(/;.*$/, ""); // only the positive-number section
  return /[yd]/i.test(bare) || (/m/i.test(bare) && !/[hs]/i.test(bare));
}
