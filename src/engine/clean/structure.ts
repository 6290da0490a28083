/**
 * Findings about whole columns (row -1) and about values a column rarely holds:
 * - headerSpaces: a header with spaces around it ("收货地址 "); the engine matches it trimmed,
 *   but formulas and other tools that name the column do not;
 * - constantColumn: at least 10 non-blank rows, one value (marketing_campaign's Z_CostContact);
 * - dateOrderDecided / dateOrderAmbiguous / dateOrderConflict: how a date column's "dd-mm-yyyy"
 *   cells were read (parse/date-order.ts); the undecided ones are also unparsed cells;
 * - dateSwapSuspect: in a column whose text dates are day-first, the cells Excel stored as dates
 *   with day and month both ≤ 12 (a month-first Excel converts "04-09-2012" to 9 April and leaves
 *   "21-08-2013" as text — exactly what opening marketing_campaign.csv in en-US Excel does);
 * - rareCategory: in a generic category column (职业, Education … or one found from its values; at
 *   most 20 values), a value seen in under 0.5 % of the rows ("YOLO", "Absurd"): reported for a
 *   person to look at, never changed.
 */
import type { DateOrderVerdict } from "../parse/date-order";
import { isoFromDay } from "../parse/day";
import type { CellValue } from "../types";
import type { Collector } from "./collector";
import type { ColumnPlan } from "./columns";
import { cellAt, CELL_BLANK, CELL_READ, type ParsedTable } from "./normalize";

const MIN_ROWS_FOR_CONSTANT = 10;
const RARE_SHARE = 0.005;
const MAX_CATEGORIES = 20;

function orderFinding(
  verdict: DateOrderVerdict | undefined
): [kind: "dateOrderDecided" | "dateOrderAmbiguous" | "dateOrderConflict", detail: string] | null {
  if (!verdict) return null;
  switch (verdict.order) {
    case "dmy":
    case "mdy":
      // An order the user set (settings.dateOrders) has no cells as evidence: nothing to report.
      if (verdict.cells === 0) return null;
      return ["dateOrderDecided", `${verdict.order}: ${verdict.evidence} of ${verdict.cells} cells`];
    case "ambiguous":
      return ["dateOrderAmbiguous", `${verdict.cells} cells`];
    case "conflict":
      return ["dateOrderConflict", `dmy ${verdict.dayFirst}, mdy ${verdict.monthFirst} of ${verdict.cells} cells`];
    default:
      return null;
  }
}

/** Header and date-order findings (before the cells are read). */
export function headerFindings(plan: ColumnPlan, out: Collector): void {
  plan.profiles.forEach((p, col) => {
    if (p.header !== p.header.trim()) out.find({ kind: "headerSpaces", row: -1, column: col, value: p.header });
    const order = orderFinding(plan.verdicts[col]);
    if (order) out.find({ kind: order[0], row: -1, column: col, value: p.header, detail: order[1] });
  });
}

/** Dates (serials) of a day-first column that a month-first Excel may have made from day-first text. */
function swapSuspects(parsed: ParsedTable, col: number, out: Collector): void {
  const { table, numbers, states, blankRow } = parsed;
  const days = numbers[col];
  if (!days) return;
  for (let r = 0; r < table.rows.length; r++) {
    const v = cellAt(table, r, col);
    if (blankRow[r] || states[col][r] !== CELL_READ || typeof v !== "number") continue;
    const [, month, day] = isoFromDay(days[r]).split("-").map(Number);
    if (day <= 12 && month <= 12)
      out.find({ kind: "dateSwapSuspect", row: r, column: col, value: v, detail: isoFromDay(days[r]) });
  }
}

const valueKey = (v: CellValue): string => (typeof v === "string" ? v.trim() : `${typeof v}:${String(v)}`);
/** Past this many distinct values a column is neither constant nor a small category. */
const MAX_DISTINCT = 64;

/** Constant columns, swapped-date suspects and rare categories (after the cells are read). */
export function valueFindings(parsed: ParsedTable, out: Collector): void {
  const { table, profiles, states, blankRow } = parsed;
  profiles.forEach((p, col) => {
    if (p.kind === "date" && p.dateOrder === "dmy") swapSuspects(parsed, col, out);
    const counts = new Map<string, number>();
    let filled = 0;
    let first: CellValue = "";
    for (let r = 0; r < table.rows.length && counts.size <= MAX_DISTINCT; r++) {
      if (blankRow[r] || states[col][r] === CELL_BLANK) continue;
      const v = cellAt(table, r, col);
      if (filled++ === 0) first = v;
      const key = valueKey(v);
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    if (counts.size === 1 && filled >= MIN_ROWS_FOR_CONSTANT && p.blank === 0) {
      out.find({ kind: "constantColumn", row: -1, column: col, value: p.header, detail: String(first) });
    }
    const generic = p.role === undefined || p.role === "category";
    if (p.kind !== "category" || !generic || counts.size > MAX_CATEGORIES) return;
    const rare = new Set([...counts].filter(([, n]) => n / filled < RARE_SHARE).map(([key]) => key));
    if (rare.size === 0) return;
    for (let r = 0; r < table.rows.length; r++) {
      if (blankRow[r] || states[col][r] !== CELL_READ) continue;
      const v = cellAt(table, r, col);
      const key = valueKey(v);
      if (rare.has(key))
        out.find({ kind: "rareCategory", row: r, column: col, value: v, detail: `${counts.get(key)} of ${filled}` });
    }
  });
}
