/**
 * The time window of F and M (settings rfm.windowMonths, 近6个月 = 6) for orders tables: an order
 * counts towards F and M when its date is after the window's start and not after the as-of date,
 * i.e. in (as-of − N calendar months, as-of]. The start is the same day of the month N months
 * earlier, or that month's last day when it is shorter (2024-08-31 − 6 months = 2024-02-29).
 * R is not windowed: it is the days since the last purchase, however old.
 */
import { dayFromYmd, isoFromDay } from "../parse/day";

export function windowStartDay(asOfDay: number, months: number): number {
  const [y, m, d] = isoFromDay(asOfDay).split("-").map(Number);
  const total = y * 12 + (m - 1) - months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  for (let day = d; day >= 28; day--) {
    const start = dayFromYmd(year, month, day);
    if (start !== null) return start;
  }
  return dayFromYmd(year, month, Math.min(d, 28)) as number;
}
