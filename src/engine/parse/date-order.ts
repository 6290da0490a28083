/**
 * Day-first or month-first? Decided per column from all its values, never per cell.
 *
 * A cell written "dd-mm-yyyy" or "mm/dd/yyyy" (date.ts, splitDayMonthYear) is read either way
 * unless one of its first two fields is above 12:
 *  - a first field of 13–31 can only be a day: the column is day-first ("dmy");
 *  - a second field of 13–31 can only be a day: the column is month-first ("mdy").
 * A column with evidence for one order only takes that order for all its such cells (a cell
 * impossible in it, "31-02-2012", stays unparsed). A column with evidence for both is "conflict"
 * (mixed writing); one whose such cells all fit both orders is "ambiguous". Either is reported,
 * and its d/m/y cells are not read until the user says which order the column uses.
 * ISO dates, 2024年5月10日, serials and other cells do not vote.
 */
import type { CellValue } from "../types";
import { splitDayMonthYear, type DayMonthOrder } from "./date";
import { normalizeText } from "./text";

export type DateOrderVerdict =
  /** No cell of the column is written day/month/year. */
  | { order: "none" }
  /** The column's d/m/y cells are read in this order; `evidence` cells could only be read so. */
  | { order: DayMonthOrder; cells: number; evidence: number }
  /** Every d/m/y cell of the column fits both orders. */
  | { order: "ambiguous"; cells: number }
  /** Some cells are day-first only, others month-first only. */
  | { order: "conflict"; cells: number; dayFirst: number; monthFirst: number };

const isDay = (n: number) => n >= 13 && n <= 31;

export function detectDateOrder(values: readonly CellValue[]): DateOrderVerdict {
  let cells = 0;
  let dayFirst = 0;
  let monthFirst = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (typeof v !== "string" || v === "") continue;
    const p = splitDayMonthYear(normalizeText(v));
    if (!p) continue;
    cells++;
    const firstIsDay = isDay(p.first) && p.second <= 12;
    const secondIsDay = isDay(p.second) && p.first <= 12;
    if (firstIsDay) dayFirst++;
    else if (secondIsDay) monthFirst++;
  }
  if (cells === 0) return { order: "none" };
  if (dayFirst > 0 && monthFirst > 0) return { order: "conflict", cells, dayFirst, monthFirst };
  if (dayFirst > 0) return { order: "dmy", cells, evidence: dayFirst };
  if (monthFirst > 0) return { order: "mdy", cells, evidence: monthFirst };
  return { order: "ambiguous", cells };
}

/** The order to read a column in, from its verdict (undefined = do not read d/m/y cells). */
export const orderOf = (verdict: DateOrderVerdict): DayMonthOrder | undefined =>
  verdict.order === "dmy" || verdict.order === "mdy" ? verdict.order : undefined;
