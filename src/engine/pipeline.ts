/**
 * segment(table, settings, opts): the engine's one entry point for RFM.
 *
 *   headers ─schema─▶ fields ─▶ kind ─rfm/customers|orders─▶ figures ─scores─▶ 1–5
 *           ─classes─▶ "011" ─labels─▶ 重要唤回客户 ─segments─▶ counts + report
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
import { rfmScores } from "./rfm/scores";
import { countSegments } from "./rfm/segments";
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

  const figures = figuresFor(table, kind, fields, {
    asOfDay,
    date1904: table.date1904,
    numberFormats: table.numberFormats,
  });
  if (figures.customers.length === 0) return fail("NO_CUSTOMERS");

  const scores = rfmScores(figures.customers);
  const codes = rfmClasses(figures.customers, scores, settings.rfm.split, settings.rfm.thresholds);
  const labels = rfmLabels(opts.lang, settings.rfm.labels);
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
      rfmLabel: labels[codes[i] as RfmCode],
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
    report: {
      rowsRead: table.rows.length,
      rowsWithoutId: figures.rowsWithoutId,
      issues: figures.issues,
      blankRows: figures.blankRows,
      duplicateIdRows: figures.duplicateIdRows,
      rowsAfterAsOf: figures.rowsAfterAsOf,
    },
  });
}

/** Normalised header text, for callers that match columns the way the engine does. */
export { normalizeHeader };
