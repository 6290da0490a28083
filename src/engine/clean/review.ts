/**
 * The cleaning report as the pane's review step shows it: counts per finding, the samples with their
 * positions, and per fix kind how many cells it changes and the first of them. A large table's fixes
 * (one per normalised cell) stay in the engine; the review carries what a person can read.
 */
import type { CleaningReport, DuplicateGroup, Fix, FixKind } from "./types";

/** Duplicate groups listed in the review (the count says how many there are). */
export const REVIEW_GROUPS = 50;

export interface CleaningReview extends Omit<
  CleaningReport,
  "fixes" | "duplicateGroups" | "thresholdMask" | "newCustomerRows"
> {
  /** Per fix kind: how many fixes (cells set, records folded). */
  fixCounts: Partial<Record<FixKind, number>>;
  /** Per fix kind: the first fixes, with their positions (at most the sample size). */
  fixSamples: Partial<Record<FixKind, Fix[]>>;
  /** The first duplicate groups, and how many there are. */
  duplicateGroups: DuplicateGroup[];
  duplicateGroupCount: number;
  /** Customer rows without any purchase record (新客户). */
  newCustomers: number;
}

export function reviewOf(report: CleaningReport, sampleSize: number): CleaningReview {
  const { fixes, duplicateGroups, thresholdMask: _mask, newCustomerRows, ...rest } = report;
  void _mask; // summary.excluded counts it
  const fixCounts: CleaningReview["fixCounts"] = {};
  const fixSamples: CleaningReview["fixSamples"] = {};
  for (const [kind, list] of Object.entries(fixes) as [FixKind, Fix[]][]) {
    fixCounts[kind] = list.length;
    fixSamples[kind] = list.slice(0, sampleSize);
  }
  return {
    ...rest,
    fixCounts,
    fixSamples,
    duplicateGroups: duplicateGroups.slice(0, REVIEW_GROUPS),
    duplicateGroupCount: duplicateGroups.length,
    newCustomers: newCustomerRows.length,
  };
}
