/**
 * Which header the engine will take for which field, from the headers alone (cheap: the pane
 * recomputes it on every change of the field mapping), with the same functions the engine uses.
 */
import { detectFields, detectKind, missingFields } from "../../engine/schema";
import type { FieldKey, FieldMap, TableKind } from "../../engine/types";

export interface FieldMapping {
  /** Field → column index. */
  fields: FieldMap;
  /** customers / orders, or null when required fields are missing. */
  kind: TableKind | null;
  /** The kind the table looks closest to (= kind when known). */
  likelyKind: TableKind;
  /** Unmet requirements as the engine writes them: "lastPurchase|recency", "quantity+unitPrice". */
  missing: string[];
  /** Fields whose override names a header this table lacks. */
  overridesNotFound: FieldKey[];
}

/** The fields the pane lets the user map, per kind of table, in display order. */
export const MAPPABLE_FIELDS: Record<TableKind, readonly FieldKey[]> = {
  customers: ["id", "lastPurchase", "recency", "frequency", "monetary"],
  orders: ["id", "orderDate", "amount", "quantity", "unitPrice", "orderId"],
};

/** Fields whose dates say when the data ends. */
export const DATE_FIELDS: readonly FieldKey[] = ["lastPurchase", "orderDate"];

export function deriveMapping(headers: string[], overrides: Partial<Record<FieldKey, string>>): FieldMapping {
  const fields = detectFields(headers, overrides);
  const kind = detectKind(fields);
  const lack = missingFields(fields);
  const overridesNotFound = (Object.entries(overrides) as [FieldKey, string | undefined][])
    .filter(([field, header]) => header !== undefined && header.trim() !== "" && fields[field] === undefined)
    .map(([field]) => field);
  return {
    fields,
    kind,
    likelyKind: kind ?? lack.kind,
    missing: kind === null ? lack.missing : [],
    overridesNotFound,
  };
}

/** The latest date of the column that the mapping takes as the purchase date, or null. */
export function latestPurchase(mapping: FieldMapping, latestDates: ReadonlyArray<string | null>): string | null {
  const field = mapping.likelyKind === "orders" ? "orderDate" : "lastPurchase";
  const col = mapping.fields[field];
  return col === undefined ? null : (latestDates[col] ?? null);
}
