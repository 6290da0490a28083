export { cleanTable } from "./report";
export { applyFixes, FIX_ORDER } from "./apply-fixes";
export { resolveDuplicates } from "./duplicates";
export { parseCleaningSettings, defaultCleaningSettings, CLEAN_FIELD_KEYS } from "./settings";
export { cleanFieldOf, CLEAN_SYNONYMS } from "./columns";
export { checkCreditCode, creditCodeCheckChar, normalizeCreditCode } from "./credit-code";
export type { CreditCodeCheck } from "./credit-code";
export { isResidentId, residentIdCheckChar, findResidentIds } from "./resident-id";
export { median } from "./missing";
export { cleanedView, inputRowCustomer, DUPLICATE_KINDS } from "./view";
export type { CleanedView } from "./view";
export { qualityMarks } from "./marks";
export type { QualityMark, QualityMarkKind } from "./marks";
export { reviewOf, REVIEW_GROUPS } from "./review";
export type { CleaningReview } from "./review";
export { quantile } from "./outliers";
export type {
  CellFix,
  CleanContext,
  CleanFieldKey,
  CleaningReport,
  CleaningSettings,
  CleaningSummary,
  CleanScope,
  ColumnKind,
  ColumnProfile,
  ColumnRole,
  DuplicateGroup,
  DuplicateKey,
  DuplicateResolution,
  Finding,
  FindingKind,
  Fix,
  FixKind,
  FixRule,
  OutlierRule,
  RowRemoval,
} from "./types";
