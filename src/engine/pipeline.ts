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
import { isValidIsoDate, type Settings } from "./config";
import { fail, ok, type Result } from "./errors";
import { dayFromIso } from "./parse/day";
import { detectFields } from "./schema/detect-fields";
import { detectKind, missingFields } from "./schema/detect-kind";
import { normalizeHeader } from "./schema/normalize";
import { rfmClasses } from "./rfm/classes";
import { customerFigures } from "./rfm/customers";
import type { FiguresContext, FiguresTable } from "./rfm/figures";
import { isBlankRow } from "./rfm/figures";
import { rfmLabels, type RfmCode } from "./rfm/labels";
import { orderFigures } from "./rfm/orders";
import { scoreRfm } from "./rfm/scoring";
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

export function segment(table: RawTable, settings: Settings, opts: SegmentOptions): Result<SegmentationResult> {
  const asOfDay = isValidIsoDate(opts.asOf) ? dayFromIso(opts.asOf) : null;
  if (asOfDay === null) return fail("BAD_AS_OF", { value: String(opts.asOf) });
  if (!table.rows.some((row) => !isBlankRow(row))) return fail("NO_DATA_ROWS");

  const fields = detectFields(table.headers, settings.fields);
  for (const [field, header] of Object.entries(settings.fields) as [FieldKey, string | undefined][]) {
    if (header && fields[field] === undefined) return fail("MISSING_FIELD", { fields: field, header });
  }
  const kind = detectKind(fields);
  if (kind === null) {
    const lack = missingFields(fields);
    return fail("MISSING_FIELD", { fields: lack.missing.join(","), kind: lack.kind });
  }

  const windowMonths = kind === "orders" ? settings.rfm.windowMonths : undefined;
  const figures = figuresFor(table, kind, fields, {
    asOfDay,
    date1904: table.date1904,
    numberFormats: table.numberFormats,
    windowStartDay: windowMonths !== undefined ? windowStartDay(asOfDay, windowMonths) : undefined,
  });
  if (figures.customers.length === 0) return fail("NO_CUSTOMERS");

  const scores = scoreRfm(figures.customers, settings.rfm.scoring);
  const codes = rfmClasses(figures.customers, scores, settings.rfm.split, settings.rfm.thresholds);
  const labels = rfmLabels(opts.lang, settings.rfm.labels);
  const rfmLabelOf = codes.map((code) => labels[code as RfmCode]);

  const tagged = customerTags({
    table,
    fields,
    kind,
    rowCustomer: figures.rowCustomer,
    asOfDay,
    figures: figures.customers,
    firstDay: figures.firstDay,
    settings,
    lang: opts.lang,
  });
  if (!tagged.ok) return tagged;
  const tags = tagged.value;

  let clustering: Clustering | ClusterSkip | "DISABLED" = "DISABLED";
  if (settings.cluster.enabled) {
    const columns = featureColumns(
      {
        table,
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

  return ok({
    kind,
    fields,
    asOf: opts.asOf,
    customers,
    rowCustomer: figures.rowCustomer,
    segments: countSegments(codes, labels),
    computed: [...tags.computed, ...(clusters ? (["cluster"] as const) : []), "segment"],
    clusters: clusters?.summary ?? null,
    profiles,
    report: {
      rowsRead: table.rows.length,
      rowsWithoutId: figures.rowsWithoutId,
      issues: figures.issues,
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
