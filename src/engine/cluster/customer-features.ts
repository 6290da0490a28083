/**
 * Which feature columns k-means gets (settings cluster.features, or recency/frequency/monetary),
 * with one value per customer. A chosen header is found the way settings.fields overrides are:
 * after the same normalisation (normalizeHeader); a header the table lacks is MISSING_FIELD.
 */
import { fail, ok, type Result } from "../errors";
import { normalizeHeader } from "../schema/normalize";
import { customerCells } from "../tags/customer-cells";
import type { FieldKey, FieldMap, Lang, RawTable } from "../types";
import { numbersOf, type FeatureColumn, type FeatureKind } from "./features";

export interface CustomerFigures {
  recencyDays: ReadonlyArray<number | null>;
  frequency: ReadonlyArray<number | null>;
  monetary: ReadonlyArray<number | null>;
  avgOrderValue: ReadonlyArray<number | null>;
}

export interface FeatureSource {
  table: RawTable;
  fields: FieldMap;
  rowCustomer: Int32Array;
  figures: CustomerFigures;
}

/** Names of the default features per language. */
export const FIGURE_NAMES: Record<Lang, Record<Exclude<FeatureKind, "other">, string>> = {
  "zh-CN": { recency: "距今天数", frequency: "消费频次", monetary: "消费金额", avgOrderValue: "客单价" },
  "zh-TW": { recency: "距今天數", frequency: "消費頻次", monetary: "消費金額", avgOrderValue: "客單價" },
  en: {
    recency: "Days since last purchase",
    frequency: "Frequency",
    monetary: "Monetary",
    avgOrderValue: "Average order value",
  },
};

/** Fields whose column stands for a figure the engine computes per customer. */
const FIGURE_OF_FIELD: Partial<Record<FieldKey, Exclude<FeatureKind, "other">>> = {
  recency: "recency",
  lastPurchase: "recency",
  orderDate: "recency",
  frequency: "frequency",
  monetary: "monetary",
  amount: "monetary",
  avgOrderValue: "avgOrderValue",
};

export function featureColumns(src: FeatureSource, headers: readonly string[], lang: Lang): Result<FeatureColumn[]> {
  const figure = (kind: Exclude<FeatureKind, "other">, name: string): FeatureColumn => ({
    name,
    kind,
    values: kind === "recency" ? src.figures.recencyDays : src.figures[kind],
  });
  if (headers.length === 0) {
    const names = FIGURE_NAMES[lang];
    return ok([
      figure("recency", names.recency),
      figure("frequency", names.frequency),
      figure("monetary", names.monetary),
    ]);
  }
  const customers = src.figures.frequency.length;
  const columns: FeatureColumn[] = [];
  for (const header of headers) {
    const want = normalizeHeader(header);
    const col = src.table.headers.findIndex((h) => normalizeHeader(String(h)) === want);
    if (col < 0) return fail("MISSING_FIELD", { fields: "cluster.features", header });
    const field = (Object.keys(src.fields) as FieldKey[]).find((f) => src.fields[f] === col);
    const kind = field !== undefined ? FIGURE_OF_FIELD[field] : undefined;
    if (kind !== undefined) columns.push(figure(kind, header));
    else
      columns.push({
        name: header,
        kind: "other",
        values: numbersOf(customerCells(src.table, src.rowCustomer, customers, col)),
      });
  }
  return ok(columns);
}
