/**
 * segment(table, settings, opts): the engine's one entry point.
 *
 *   headers ─schema─▶ fields ─▶ kind ─rfm/customers|orders─▶ figures ─scoring─▶ scores
 *           ─classes─▶ "011" ─labels─▶ 重要唤回客户 ─segments─▶ counts + report
 *   figures + table ─tags─▶ 消费能力/活跃度/需求, city tier, region, age band, value band
 *   features ─cluster─▶ k, clusters, names;  RFM | dimensions | clusters ─guard─▶ 客户细分 ─profile─▶ profiles
 *
 * The caller resolves the as-of date (settings.asOf, else today) and the language.
 * Errors: BAD_AS_OF {value}; NO_DATA_ROWS; MISSING_FIELD {fields, kind} (fields: comma-separated
 * field keys, alternatives joined with "|", e.g. "id,lastPurchase|recency"); for a settings
 * override naming a header the table lacks, MISSING_FIELD {fields, header}; NO_CUSTOMERS.
 */
import { cleanTable } from "./clean/report";
import { qualityMarks } from "./clean/marks";
import { reviewOf, type CleaningReview } from "./clean/review";
import type { CleaningReport, CleaningSettings, FixKind } from "./clean/types";
import { cleanedView, inputRow, inputRowCustomer } from "./clean/view";
import { isValidIsoDate, type Settings } from "./config";
import type { DayMonthOrder } from "./parse/date";
import { fail, ok, type Result } from "./errors";
import { dayFromIso } from "./parse/day";
import { detectFields } from "./schema/detect-fields";
import { detectKind, missingFields } from "./schema/detect-kind";
import { normalizeHeader } from "./schema/normalize";
import { customerFigures } from "./rfm/customers";
import type { FiguresContext, FiguresTable } from "./rfm/figures";
import { isBlankRow } from "./rfm/figures";
import { NO_PURCHASE_CODE, noPurchaseLabel, rfmLabels, type RfmCode } from "./rfm/labels";
import { orderFigures } from "./rfm/orders";
import { rfmClassesWithin, scoreRfmWithin } from "./rfm/estimation";
import { countSegments } from "./rfm/segments";
import { windowStartDay } from "./rfm/window";
import { clusterCustomers, type Clustering } from "./cluster/cluster";
import { featureColumns } from "./cluster/customer-features";
import type { ClusterSkip } from "./cluster/auto-k";
import { orderBySize, profileGroups, type ProfileData } from "./profile/profiles";
import { assignSegments } from "./segments/assign";
import { customerTags } from "./tags/customer-tags";
import { TAG_LABELS } from "./tags/labels";
import type { CustomerRfm, FieldKey, FieldMap, Lang, RawTable, SegmentationResult, TableKind } from "./types";

export interface SegmentOptions {
  /** yyyy-mm-dd */
  asOf: string;
  lang: Lang;
}

function figuresFor(table: RawTable, kind: TableKind, f: FieldMap, ctx: FiguresContext): FiguresTable {
  // detectKind guarantees the fields each kind needs.
  const need = (k: FieldKey): number => f[k] as number;
  if (kind === "orders") {
    return orderFigures(
      table,
      {
        id: need("id"),
        orderDate: need("orderDate"),
        orderId: f.orderId,
        amount: f.amount,
        quantity: f.quantity,
        unitPrice: f.unitPrice,
      },
      ctx
    );
  }
  return customerFigures(
    table,
    {
      id: need("id"),
      lastPurchase: f.lastPurchase,
      recency: f.recency,
      frequency: need("frequency"),
      monetary: need("monetary"),
    },
    ctx
  );
}

/** The header mapping, and the table kind it gives (checks shared by segment and cleanForReview). */
function mapFields(table: RawTable, settings: Settings): Result<{ fields: FieldMap; kind: TableKind }> {
  const fields = detectFields(table.headers, settings.fields);
  for (const [field, header] of Object.entries(settings.fields) as [FieldKey, string | undefined][]) {
    if (header && fields[field] === undefined) return fail("MISSING_FIELD", { fields: field, header });
  }
  const kind = detectKind(fields);
  if (kind === null) {
    const lack = missingFields(fields);
    return fail("MISSING_FIELD", { fields: lack.missing.join(","), kind: lack.kind });
  }
  return ok({ fields, kind });
}

/**
 * The cleaning settings a run uses: in an orders table a row is one order line, not a customer, so line
 * outliers are flagged but keep no customer out of threshold estimation.
 */
function runCleaningSettings(settings: CleaningSettings, kind: TableKind): CleaningSettings {
  if (kind === "customers" || !settings.outliers.excludeFromThresholds) return settings;
  return { ...settings, outliers: { ...settings.outliers, excludeFromThresholds: false } };
}

/** Per column: the day/month order cleaning decided for its "dd-mm-yyyy" cells. */
const dateOrdersOf = (report: CleaningReport): Array<DayMonthOrder | undefined> =>
  report.columns.map((p) => (p.dateOrder === "dmy" || p.dateOrder === "mdy" ? p.dateOrder : undefined));

/**
 * The pane's review step: what cleaning finds in the table, before anything is written (every finding,
 * counts, samples with positions, the fixes proposed per kind). Errors as segment's, except NO_CUSTOMERS.
 */
export function cleanForReview(table: RawTable, settings: Settings, opts: SegmentOptions): Result<CleaningReview> {
  if (!isValidIsoDate(opts.asOf)) return fail("BAD_AS_OF", { value: String(opts.asOf) });
  if (!table.rows.some((row) => !isBlankRow(row))) return fail("NO_DATA_ROWS");
  const mapped = mapFields(table, settings);
  if (!mapped.ok) return mapped;
  const { fields, kind } = mapped.value;
  const report = cleanTable(table, fields, runCleaningSettings(settings.cleaning, kind), { asOf: opts.asOf });
  return ok(reviewOf(report, settings.cleaning.sampleSize));
}

export function segment(table: RawTable, settings: Settings, opts: SegmentOptions): Result<SegmentationResult> {
  const asOfDay = isValidIsoDate(opts.asOf) ? dayFromIso(opts.asOf) : null;
  if (asOfDay === null) return fail("BAD_AS_OF", { value: String(opts.asOf) });
  if (!table.rows.some((row) => !isBlankRow(row))) return fail("NO_DATA_ROWS");

  const mapped = mapFields(table, settings);
  if (!mapped.ok) return mapped;
  const { fields, kind } = mapped.value;

  // Cleaning: duplicates resolved, accepted fixes applied, date orders decided, outliers kept out of
  // threshold estimation.
  const accepted = settings.cleaning.accept;
  const report = cleanTable(
    table,
    fields,
    runCleaningSettings(settings.cleaning, kind),
    { asOf: opts.asOf },
    "segment"
  );
  const view = cleanedView(table, report, kind, accepted);

  const windowMonths = kind === "orders" ? settings.rfm.windowMonths : undefined;
  const figures = figuresFor(view.table, kind, fields, {
    asOfDay,
    date1904: table.date1904,
    numberFormats: table.numberFormats,
    windowStartDay: windowMonths !== undefined ? windowStartDay(asOfDay, windowMonths) : undefined,
    dateOrders: dateOrdersOf(report),
  });
  if (figures.customers.length === 0) return fail("NO_CUSTOMERS");
  const rowCustomer = inputRowCustomer(view, figures.rowCustomer, table.rows.length);

  // No purchase record (customer tables): F = M = 0 by the rule, and the documents' 新客户 instead of a
  // class. They stay in threshold estimation (F = M = 0 are known figures).
  const noPurchase = new Uint8Array(figures.customers.length);
  // A row cleaning found without purchases, unless its record was folded into another or took another's
  // purchases in a merge.
  const noPurchaseRows = report.newCustomerRows.filter((r) => {
    const c = rowCustomer[r];
    if (c < 0 || (view.keptAs !== null && view.keptAs[r] >= 0)) return false;
    const f = figures.customers[c];
    return f.recencyDays === null && !f.frequency && !f.monetary;
  });
  for (const r of noPurchaseRows) {
    const c = figures.customers[rowCustomer[r]];
    noPurchase[rowCustomer[r]] = 1;
    c.frequency = 0;
    c.monetary = 0;
    if (c.recencyDays === null) c.missing = ["recency"];
    else delete c.missing;
  }
  const noPurchaseRow = new Set(noPurchaseRows);
  const issues = figures.issues
    .map((i) => ({ ...i, row: inputRow(view, i.row) }))
    .filter((i) => !(i.code === "MISSING_VALUE" && noPurchaseRow.has(i.row)));

  let estimate: Uint8Array | null = null;
  const outlierRows: number[] = [];
  let excludedCustomers = 0;
  if (kind === "customers") {
    estimate = new Uint8Array(figures.customers.length).fill(1);
    for (const r of report.thresholdMask) {
      const c = rowCustomer[r];
      if (c < 0 || (view.keptAs !== null && view.keptAs[r] >= 0)) continue;
      outlierRows.push(r);
      if (estimate[c]) excludedCustomers++;
      estimate[c] = 0;
    }
  }

  const scores = scoreRfmWithin(figures.customers, settings.rfm.scoring, estimate);
  const codes = rfmClassesWithin(figures.customers, scores, settings.rfm.split, settings.rfm.thresholds, estimate);
  const labels = rfmLabels(opts.lang, settings.rfm.labels);
  const newLabel = noPurchaseLabel(opts.lang, settings.cleaning.missing.newCustomerLabel);
  const rfmLabelOf = codes.map((code, i) => (noPurchase[i] ? newLabel : labels[code as RfmCode]));
  let noPurchaseCustomers = 0;
  noPurchase.forEach((x, i) => {
    if (!x) return;
    codes[i] = NO_PURCHASE_CODE;
    noPurchaseCustomers++;
  });

  const tagged = customerTags({
    table: view.table,
    fields,
    kind,
    rowCustomer: figures.rowCustomer,
    asOfDay,
    figures: figures.customers,
    firstDay: figures.firstDay,
    settings,
    lang: opts.lang,
    estimate,
  });
  if (!tagged.ok) return tagged;
  const tags = tagged.value;

  let clustering: Clustering | ClusterSkip | "DISABLED" = "DISABLED";
  if (settings.cluster.enabled) {
    const columns = featureColumns(
      {
        table: view.table,
        fields,
        rowCustomer: figures.rowCustomer,
        figures: {
          recencyDays: figures.customers.map((c) => c.recencyDays),
          frequency: figures.customers.map((c) => c.frequency),
          monetary: figures.customers.map((c) => c.monetary),
          avgOrderValue: tags.avgOrderValue,
        },
      },
      settings.cluster.features,
      opts.lang
    );
    if (!columns.ok) return columns;
    clustering = clusterCustomers(columns.value, figures.customers.length, settings.cluster, opts.lang);
  }
  const clusters = typeof clustering === "string" ? null : clustering;

  const segmented = assignSegments(
    { rfmLabels: rfmLabelOf, tags, clusters: clusters?.names ?? null },
    settings,
    opts.lang
  );
  if (!segmented.ok) return segmented;
  const { guard } = segmented.value;
  const segmentOf = segmented.value.labels;

  const profileData: ProfileData = {
    recencyDays: figures.customers.map((c) => c.recencyDays),
    frequency: figures.customers.map((c) => c.frequency),
    monetary: figures.customers.map((c) => c.monetary),
    avgOrderValue: tags.avgOrderValue,
    cityTier: tags.computed.includes("cityTier") ? tags.cityTier : undefined,
    ageBand: tags.computed.includes("ageBand") ? tags.ageBand : undefined,
    channel: tags.hasChannel ? tags.channel : undefined,
    unknown: TAG_LABELS[opts.lang].unknown,
  };
  const profiles = {
    segments: profileGroups(
      segmentOf,
      orderBySize(segmentOf, guard.merged.length > 0 ? guard.otherLabel : undefined),
      profileData,
      opts.lang
    ),
    clusters: clusters ? profileGroups(clusters.names, clusters.summary.names, profileData, opts.lang) : [],
  };

  const customers: CustomerRfm[] = figures.customers.map((c, i) => {
    const out: CustomerRfm = {
      id: c.id,
      recencyDays: c.recencyDays,
      frequency: c.frequency ?? 0,
      monetary: c.monetary ?? 0,
      rScore: scores.r[i],
      fScore: scores.f[i],
      mScore: scores.m[i],
      rfmCode: codes[i],
      rfmLabel: rfmLabelOf[i],
      avgOrderValue: tags.avgOrderValue[i],
      spendingTag: tags.spendingTag[i],
      activityTag: tags.activityTag[i],
      needTag: tags.needTag[i],
      cityTier: tags.computed.includes("cityTier") ? tags.cityTier[i] : "",
      region: tags.computed.includes("region") ? tags.region[i] : "",
      ageBand: tags.computed.includes("ageBand") ? tags.ageBand[i] : "",
      valueBand: tags.valueBand[i],
      cluster: clusters ? clusters.names[i] : "",
      segment: segmentOf[i],
    };
    if (c.missing) out.missing = c.missing;
    return out;
  });

  const segments = countSegments(codes, labels);
  if (noPurchaseCustomers > 0) segments.push({ code: NO_PURCHASE_CODE, label: newLabel, count: noPurchaseCustomers });

  // The report travels with the result (to the pane from the worker): only the fixes a run may write.
  const keep = new Set<FixKind>([...accepted, ...view.applied]);
  const fixes: CleaningReport["fixes"] = {};
  for (const k of keep) if (report.fixes[k]) fixes[k] = report.fixes[k];

  return ok({
    kind,
    fields,
    asOf: opts.asOf,
    customers,
    rowCustomer,
    segments,
    computed: [...tags.computed, ...(clusters ? (["cluster"] as const) : []), "segment"],
    clusters: clusters?.summary ?? null,
    profiles,
    cleaning: {
      report: { ...report, fixes },
      applied: view.applied,
      resolve: settings.cleaning.duplicates.resolve,
      marks: qualityMarks({ headers: table.headers, report, view, noPurchaseRows, outlierRows, issues }),
      noPurchaseCustomers,
      excludedCustomers,
    },
    report: {
      rowsRead: table.rows.length,
      rowsWithoutId: figures.rowsWithoutId,
      issues,
      blankRows: figures.blankRows,
      duplicateIdRows: figures.duplicateIdRows,
      rowsAfterAsOf: figures.rowsAfterAsOf,
      guard,
      ...(typeof clustering === "string" ? { clusterSkipped: clustering } : {}),
      activityMonths: tags.activityMonths,
    },
  });
}

/** Normalised header text, for callers that match columns the way the engine does. */
export { normalizeHeader };
