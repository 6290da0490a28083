/**
 * cleanTable: every cleaning rule over a RawTable, into one report for the pane — counts per
 * finding kind, a sample of cells with their positions, the fixes proposed per kind, and the
 * summary {duplicates, filled, outliers, unparsed, excluded}. Pure: the table is not changed
 * (applyFixes makes the cleaned copy).
 *
 *   columns ─▶ header findings ─▶ normalize (read every cell) ─▶ constant / rare values
 *           ─▶ plausible ─▶ duplicates ─▶ missing ─▶ outliers ─▶ orders ─▶ privacy
 *
 * The table kind decides what applies: duplicates by key, merges and fills are for customer
 * tables; cancellations, refunds and unpaid orders for orders tables. A table the schema cannot
 * use yet (Tmall's orders without a customer id) is cleaned as the kind it looks closest to.
 */
import { isValidIsoDate } from "../config";
import { SegmentSheetError } from "../errors";
import { dayFromIso } from "../parse/day";
import { detectKind, missingFields } from "../schema/detect-kind";
import type { FieldMap, RawTable } from "../types";
import { Collector } from "./collector";
import { planColumns } from "./columns";
import { findDuplicates, redundantRows, resolveDuplicates } from "./duplicates";
import { fillMissing } from "./missing";
import { parseTable } from "./normalize";
import { orderFindings } from "./orders";
import { FIX_ORDER } from "./apply-fixes";
import { flagOutliers } from "./outliers";
import { plausibleFindings } from "./plausible";
import { privacyFindings } from "./privacy";
import { headerFindings, valueFindings } from "./structure";
import type { CleanContext, CleaningReport, CleaningSettings, CleanScope, FixKind } from "./types";

/** The fixes that rewrite a cell into its normal form (any column). */
const NORMALIZE_KINDS: readonly FixKind[] = FIX_ORDER.filter((k) => k.startsWith("normalize"));

/**
 * Cleans `table` (a RawTable as src/excel reads it). `fields` is the engine's header mapping
 * (schema/detectFields). Throws SegmentSheetError BAD_AS_OF for an as-of date that is not
 * yyyy-mm-dd. `scope` (CleanScope): "review" (default) works out everything; "segment" what a run
 * needs — the same fixes for every kind in settings.accept, and the same summary counts.
 */
export function cleanTable(
  table: RawTable,
  fields: FieldMap,
  settings: CleaningSettings,
  ctx: CleanContext,
  scope: CleanScope = "review"
): CleaningReport {
  const asOfDay = isValidIsoDate(ctx.asOf) ? dayFromIso(ctx.asOf) : null;
  if (asOfDay === null) throw new SegmentSheetError({ code: "BAD_AS_OF", params: { value: String(ctx.asOf) } });
  const kind = detectKind(fields);
  const looksLike = kind ?? missingFields(fields).kind;
  const out = new Collector(settings.sampleSize);

  const review = scope === "review";
  const accepts = (k: FixKind) => settings.accept.includes(k);
  // A run over an orders table reads only the columns the engine reads, unless a normalising fix is to be
  // written (it may concern any column).
  const skipUnnamed = !review && looksLike === "orders" && !NORMALIZE_KINDS.some(accepts);
  const plan = planColumns(table, fields, settings, skipUnnamed ? "skip" : "infer");
  headerFindings(plan, out);
  const parsed = parseTable(table, plan, asOfDay, out);
  if (review) {
    valueFindings(parsed, out);
    plausibleFindings(parsed, settings, out);
  }
  const groups = findDuplicates(parsed, looksLike, settings, out);
  const resolution = resolveDuplicates(table, parsed.profiles, groups, settings.duplicates.resolve, ctx.asOf);
  for (const [k, fixes] of Object.entries(resolution) as [FixKind, NonNullable<(typeof resolution)[FixKind]>][]) {
    out.addFixes(k, fixes);
  }
  const newCustomerRows = fillMissing(parsed, looksLike, settings, out);
  const outliers = flagOutliers(parsed, looksLike, settings, out);
  if (review && looksLike === "orders") orderFindings(parsed, out);
  if (review || accepts("maskPhone")) privacyFindings(parsed, out);

  return {
    kind,
    rows: table.rows.length,
    blankRows: parsed.blankRows,
    columns: parsed.profiles,
    counts: out.counts,
    samples: out.samples,
    fixes: out.fixes,
    duplicateGroups: groups,
    thresholdMask: outliers.mask,
    newCustomerRows,
    summary: {
      duplicates: redundantRows(groups),
      filled: out.count("fillRule") + out.count("fillMedian") + out.count("fillUnknown"),
      outliers: outliers.rows.length,
      unparsed: out.count("unparsed"),
      excluded: outliers.mask.length,
    },
  };
}
