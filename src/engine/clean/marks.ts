/**
 * What the owned 数据质量 column says about a row: every value the segmentation filled or took from
 * elsewhere, never silent (SPEC: "Every filled value is marked"). Structured marks, worded in the user's
 * language by src/i18n/quality.ts:
 * - filled: a blank cell filled by an accepted fix (median, 未知, a title's gender);
 * - noPurchase: a customer without any purchase record, classed 新客户 by the documents' rule;
 * - duplicate: a record folded into another row's (keep-latest, merge, or an equal row's first);
 * - kept: the row that stands for a set of duplicate records (merged, or the latest);
 * - outlier: a customer kept out of threshold estimation (still scored);
 * - unparsed: a cell the engine could not read (left unknown, never guessed).
 * Rows are the input table's, ascending.
 */
import type { CellIssue, CellValue } from "../types";
import { DUPLICATE_KINDS, type CleanedView } from "./view";
import type { CleaningReport, FixKind, FixRule } from "./types";

export type QualityMarkKind = "filled" | "noPurchase" | "duplicate" | "kept" | "outlier" | "unparsed";

export interface QualityMark {
  row: number;
  kind: QualityMarkKind;
  /** The cell's column (filled, unparsed); -1 for a mark about the whole row. */
  column: number;
  /** The column's header, for a mark about a cell. */
  header?: string;
  /** filled: the value written; unparsed: the cell as it is. */
  value?: CellValue;
  /** filled: median | unknown | title; duplicate and kept: keepLatest | keepFirst | merge. */
  rule?: FixRule;
  /** duplicate: the row standing for the record; kept: the rows folded into this one. */
  rows?: number[];
}

const FILL_KINDS: readonly FixKind[] = ["fillRule", "fillMedian", "fillUnknown"];

export function qualityMarks(args: {
  headers: readonly string[];
  report: CleaningReport;
  view: CleanedView;
  /** Customers' rows without a purchase record that the segmentation classed 新客户. */
  noPurchaseRows: readonly number[];
  /** Input rows kept out of threshold estimation. */
  outlierRows: readonly number[];
  /** The engine's issues, rows already the input table's. */
  issues: readonly CellIssue[];
}): QualityMark[] {
  const { report, view } = args;
  const marks: QualityMark[] = [];
  const applied = new Set(view.applied);
  for (const kind of FILL_KINDS) {
    if (!applied.has(kind)) continue;
    for (const f of report.fixes[kind] ?? []) {
      // The no-purchase rule's zeros are told once for the row (noPurchase).
      if (f.op === "set" && f.rule !== "noPurchase")
        marks.push({
          row: f.row,
          kind: "filled",
          column: f.column,
          header: args.headers[f.column],
          value: f.after,
          rule: f.rule,
        });
    }
  }
  for (const row of args.noPurchaseRows) marks.push({ row, kind: "noPurchase", column: -1 });
  if (view.keptAs) {
    const folded = new Map<number, { rule: FixRule; rows: number[] }>();
    for (const kind of DUPLICATE_KINDS) {
      if (!applied.has(kind)) continue;
      for (const f of report.fixes[kind] ?? []) {
        if (f.op !== "removeRow") continue;
        marks.push({ row: f.row, kind: "duplicate", column: -1, rule: f.rule, rows: [f.keptRow] });
        const set = folded.get(f.keptRow) ?? { rule: f.rule, rows: [] };
        set.rows.push(f.row);
        folded.set(f.keptRow, set);
      }
    }
    for (const [row, set] of folded) marks.push({ row, kind: "kept", column: -1, rule: set.rule, rows: set.rows });
  }
  for (const row of args.outlierRows) marks.push({ row, kind: "outlier", column: -1 });
  for (const i of args.issues) {
    if (i.code === "UNPARSED_NUMBER" || i.code === "UNPARSED_DATE")
      marks.push({ row: i.row, kind: "unparsed", column: i.column, header: args.headers[i.column], value: i.value });
  }
  return marks.sort((a, b) => a.row - b.row);
}
