/**
 * The review step's logic (pure; the component only renders it): which findings to list and in what
 * order, the fixes the user may accept per kind, the privacy warning, the duplicate groups, and the
 * address of every sampled cell as Excel writes it.
 */
// apply-fixes.ts alone (it imports nothing at run time): the cleaning engine itself stays in the worker.
import { FIX_ORDER } from "../engine/clean/apply-fixes";
import type { CellFix, DuplicateResolution, Finding, FindingKind, Fix, FixKind } from "../engine/clean/types";
import type { SheetReview } from "../excel/types";
import { cellAddress } from "./address";

/** Finding kinds in the order the review lists them: what blocks reading first, then fixes, then notes. */
export const FINDING_ORDER: readonly FindingKind[] = [
  "unparsed",
  "dateOrderAmbiguous",
  "dateOrderConflict",
  "dateSwapSuspect",
  "missingId",
  "missingValue",
  "duplicateRow",
  "duplicateButId",
  "sameCustomer",
  "invalidCreditCode",
  "fillRule",
  "fillMedian",
  "fillUnknown",
  "outlierMean",
  "outlierIqr",
  "implausible",
  "rareCategory",
  "normalizeNumber",
  "normalizeDate",
  "normalizeBoolean",
  "normalizeGender",
  "normalizeCity",
  "normalizeText",
  "unmaskedPhone",
  "maskPhone",
  "residentId",
  "invalidResidentId",
  "cancelled",
  "negativeQuantity",
  "zeroPrice",
  "unpaid",
  "refund",
  "headerSpaces",
  "constantColumn",
  "dateOrderDecided",
];

/** Kinds that only inform: a sheet with nothing else goes straight to the segmentation. */
const INFORMATIVE: ReadonlySet<FindingKind> = new Set(["dateOrderDecided"]);

/** What the user chose in the review. */
export interface ReviewChoice {
  /** Fix kinds to write into the user's cells. */
  accept: FixKind[];
  /** How records of the same customer are resolved. */
  resolve: DuplicateResolution;
}

/** Nothing accepted: only the add-in's own columns are written. */
export const noFixes = (resolve: DuplicateResolution): ReviewChoice => ({ accept: [], resolve });

/** Whether the sheet has anything to review before the run. */
export function needsReview(r: SheetReview): boolean {
  return Object.entries(r.review.counts).some(([k, n]) => (n ?? 0) > 0 && !INFORMATIVE.has(k as FindingKind));
}

/** A sampled cell and where it is. */
export interface SampleCell {
  /** "客户信息!G5": a cell, or the row's first cell for a finding about a whole row. */
  address: string;
  value: string;
  detail?: string;
}

/** Where a finding is: its cell, the header cell for a whole column, the row's first cell for a whole row. */
export function addressOf(r: SheetReview, row: number, column: number): string {
  const sheetRow = row < 0 ? r.headerRow : r.headerRow + 1 + row;
  return cellAddress(r.sheet, sheetRow, r.firstColumn + Math.max(0, column));
}

const text = (v: unknown): string => (typeof v === "string" ? v : String(v ?? ""));

export function sampleCells(r: SheetReview, findings: readonly Finding[], limit: number): SampleCell[] {
  return findings.slice(0, limit).map((f) => {
    const cell: SampleCell = { address: addressOf(r, f.row, f.column), value: text(f.value) };
    if (f.detail !== undefined) cell.detail = f.detail;
    return cell;
  });
}

export interface FindingRow {
  kind: FindingKind;
  count: number;
  samples: SampleCell[];
}

/** The findings to list, in FINDING_ORDER, with the first `limit` sampled cells of each. */
export function findingRows(r: SheetReview, limit = 3): FindingRow[] {
  const rows: FindingRow[] = [];
  for (const kind of FINDING_ORDER) {
    const count = r.review.counts[kind] ?? 0;
    if (count > 0) rows.push({ kind, count, samples: sampleCells(r, r.review.samples[kind] ?? [], limit) });
  }
  return rows;
}

export interface FixRow {
  kind: FixKind;
  /** Cells set (or records folded, for duplicates). */
  count: number;
  /** The first cell the fix changes: where, before → after. */
  example?: { address: string; before: string; after: string };
}

const firstSet = (fixes: readonly Fix[] | undefined): CellFix | undefined =>
  fixes?.find((f): f is CellFix => f.op === "set");

/**
 * The fixes the user may accept, in the order they apply (FIX_ORDER). Phone masking is offered with the
 * privacy warning instead.
 */
export function fixRows(r: SheetReview): FixRow[] {
  const rows: FixRow[] = [];
  for (const kind of FIX_ORDER) {
    const count = r.review.fixCounts[kind] ?? 0;
    if (count === 0 || kind === "maskPhone") continue;
    const row: FixRow = { kind, count };
    const f = firstSet(r.review.fixSamples[kind]);
    if (f) row.example = { address: addressOf(r, f.row, f.column), before: text(f.before), after: text(f.after) };
    rows.push(row);
  }
  return rows;
}

/** Unmasked phone numbers and resident ID numbers in the sheet, and whether masking the phones is offered. */
export function privacyOf(r: SheetReview): { phones: number; ids: number; canMask: number } | null {
  const phones = r.review.counts.unmaskedPhone ?? 0;
  const ids = r.review.counts.residentId ?? 0;
  if (phones === 0 && ids === 0) return null;
  return { phones, ids, canMask: r.review.fixCounts.maskPhone ?? 0 };
}

export interface GroupRow {
  kind: "duplicateRow" | "duplicateButId" | "sameCustomer";
  /** Sheet row numbers as Excel shows them. */
  rows: number[];
  /** The shared keys, e.g. "id:1001". */
  values: string[];
}

/** The duplicate groups listed (at most `limit`), rows as Excel numbers them. */
export function groupRows(r: SheetReview, limit = 5): { groups: GroupRow[]; total: number; sameCustomer: boolean } {
  const groups = r.review.duplicateGroups.slice(0, limit).map((g) => ({
    kind: g.kind,
    rows: g.rows.map((row) => r.headerRow + 2 + row),
    values: g.values ?? [],
  }));
  const sameCustomer = r.review.duplicateGroups.some((g) => g.kind === "sameCustomer");
  return { groups, total: r.review.duplicateGroupCount, sameCustomer };
}

/** Toggles a kind in the choice, keeping FIX_ORDER. */
export function toggleFix(choice: ReviewChoice, kind: FixKind, on: boolean): ReviewChoice {
  const set = new Set(choice.accept);
  if (on) set.add(kind);
  else set.delete(kind);
  return { ...choice, accept: FIX_ORDER.filter((k) => set.has(k)) };
}
