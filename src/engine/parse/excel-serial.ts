/**
 * Excel date serial numbers → day numbers.
 *
 * 1900 system (the default): serial 1 = 1900-01-01. Excel keeps Lotus 1-2-3's bug and counts a
 * 1900-02-29 that never existed as serial 60, so from serial 61 (= 1900-03-01) on, serials are one
 * ahead of a true count. Serial 60 names no real day and is refused (null). Serial 0 ("1900-01-00")
 * is refused too.
 * 1904 system (Mac workbooks with date1904): serial 0 = 1904-01-01, no bug.
 * A fractional part is the time of day; the day is floored.
 */

/** Serial of 1970-01-01 in the 1900 system. */
const EPOCH_1900 = 25_569;
/** Day number of 1904-01-01. */
const DAY_1904 = -24_107;
/** 9999-12-31, the last date Excel shows. */
const MAX_SERIAL_1900 = 2_958_465;
const MAX_SERIAL_1904 = MAX_SERIAL_1900 - 1_462;

export function dayFromExcelSerial(serial: number, date1904 = false): number | null {
  if (!Number.isFinite(serial)) return null;
  const whole = Math.floor(serial);
  if (date1904) {
    if (whole < 0 || whole > MAX_SERIAL_1904) return null;
    return whole + DAY_1904;
  }
  if (whole < 1 || whole > MAX_SERIAL_1900 || whole === 60) return null;
  return whole < 60 ? whole - EPOCH_1900 + 1 : whole - EPOCH_1900;
}

/** Day number → Excel serial (1900 or 1904 system); the inverse of dayFromExcelSerial. */
export function excelSerialFromDay(day: number, date1904 = false): number {
  if (date1904) return day - DAY_1904;
  const serial = day + EPOCH_1900;
  return serial <= 60 ? serial - 1 : serial;
}
