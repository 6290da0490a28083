/**
 * The table the segmentation reads, made from the input table and its cleaning report (pure):
 * - in a customer table, duplicate records are resolved as the settings say: the same customer (id,
 *   phone, 统一社会信用代码) by keep-latest or merge, equal rows by keeping the first; the records
 *   folded into another are left out, a merge's combined values are set on the kept row. Rows equal
 *   but for their ids (duplicateButId) are folded only when the user accepts that kind: in a narrow
 *   table two customers may well share every figure. In an orders table nothing is folded: two equal
 *   order lines may be two real purchases (CDNOW has 255 such lines), so duplicates there are only
 *   reported.
 * - the fixes of the kinds the user accepted (normalise, fill, mask) are applied, so that the figures
 *   come from the cells as the run writes them.
 * Row positions: `source` maps each row of the view to its input row; `keptAs` each input row that was
 * left out to the input row that now stands for its record.
 */
import type { RawTable, TableKind } from "../types";
import { applyFixes } from "./apply-fixes";
import type { CleaningReport, FixKind } from "./types";

/** Kinds whose fixes resolve duplicate records. */
export const DUPLICATE_KINDS: readonly FixKind[] = ["duplicateRow", "duplicateButId", "sameCustomer"];
/** Resolved in every run over a customer table (duplicateButId only when accepted). */
const ALWAYS_FOLDED: readonly FixKind[] = ["duplicateRow", "sameCustomer"];

export interface CleanedView {
  table: RawTable;
  /** Per view row: its input row; null when no row was left out (the rows are the input's). */
  source: Int32Array | null;
  /** Per input row: the input row its record was folded into, or -1; null when none was. */
  keptAs: Int32Array | null;
  /** The fix kinds applied to the view's cells, in FIX_ORDER. */
  applied: FixKind[];
}

export function cleanedView(
  table: RawTable,
  report: CleaningReport,
  kind: TableKind,
  accepted: readonly FixKind[]
): CleanedView {
  const folds = kind === "customers";
  const kinds = new Set<FixKind>(accepted.filter((k) => !DUPLICATE_KINDS.includes(k)));
  if (folds) for (const k of ALWAYS_FOLDED) kinds.add(k);
  if (folds && accepted.includes("duplicateButId")) kinds.add("duplicateButId");
  const applied = [...kinds].filter((k) => (report.fixes[k]?.length ?? 0) > 0);
  if (applied.length === 0) return { table, source: null, keptAs: null, applied };

  let keptAs: Int32Array | null = null;
  if (folds) {
    for (const k of DUPLICATE_KINDS) {
      if (!kinds.has(k)) continue;
      for (const f of report.fixes[k] ?? []) {
        if (f.op !== "removeRow") continue;
        keptAs ??= new Int32Array(table.rows.length).fill(-1);
        keptAs[f.row] = f.keptRow;
      }
    }
  }
  let source: Int32Array | null = null;
  if (keptAs) {
    const rows: number[] = [];
    for (let r = 0; r < table.rows.length; r++) if (keptAs[r] < 0) rows.push(r);
    source = Int32Array.from(rows);
  }
  return { table: applyFixes(table, report, kinds), source, keptAs, applied };
}

/**
 * Per input row, the index into the view's customers: a row of the view keeps its own, a row left out
 * takes its record's (so the owned columns show the customer it was counted as).
 */
export function inputRowCustomer(view: CleanedView, rowCustomer: Int32Array, inputRows: number): Int32Array {
  if (!view.source || !view.keptAs) return rowCustomer;
  const out = new Int32Array(inputRows).fill(-1);
  for (let v = 0; v < view.source.length; v++) out[view.source[v]] = rowCustomer[v];
  for (let r = 0; r < inputRows; r++) {
    // A record folded into another that was itself folded: follow the chain (resolution keeps one per set).
    let k = view.keptAs[r];
    while (k >= 0 && view.keptAs[k] >= 0) k = view.keptAs[k];
    if (k >= 0) out[r] = out[k];
  }
  return out;
}

/** An input row for a view row. */
export const inputRow = (view: CleanedView, viewRow: number): number => (view.source ? view.source[viewRow] : viewRow);
