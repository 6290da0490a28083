/**
 * What kind of table the mapped fields describe.
 * - orders: customer id + order date + an amount (or quantity × unit price), and no per-customer
 *   frequency or monetary column;
 * - customers: customer id + last purchase date or recency + frequency + monetary;
 * - otherwise null, and `missingFields` tells what is lacking for the kind the table looks closest to.
 */
import type { FieldKey, FieldMap, TableKind } from "../types";

/** A requirement is met by any one of its alternatives; an alternative needs all its fields. */
type Requirement = readonly (readonly FieldKey[])[];

export const REQUIRED: Record<TableKind, readonly Requirement[]> = {
  orders: [[["id"]], [["orderDate"]], [["amount"], ["quantity", "unitPrice"]]],
  customers: [[["id"]], [["lastPurchase"], ["recency"]], [["frequency"]], [["monetary"]]],
};

const has = (f: FieldMap, k: FieldKey) => f[k] !== undefined;
const met = (f: FieldMap, r: Requirement) => r.some((alt) => alt.every((k) => has(f, k)));

export function detectKind(fields: FieldMap): TableKind | null {
  if (REQUIRED.orders.every((r) => met(fields, r)) && !has(fields, "frequency") && !has(fields, "monetary")) {
    return "orders";
  }
  if (REQUIRED.customers.every((r) => met(fields, r))) return "customers";
  return null;
}

/**
 * For a table whose kind is null: the kind it looks closest to (orders when it names order fields
 * and nothing per-customer) and its unmet requirements, written "lastPurchase|recency" for
 * alternatives and "quantity+unitPrice" for fields needed together.
 */
export function missingFields(fields: FieldMap): { kind: TableKind; missing: string[] } {
  const perCustomer: FieldKey[] = ["frequency", "monetary", "lastPurchase", "recency"];
  const orderish: FieldKey[] = ["orderId", "orderDate", "amount", "quantity", "unitPrice"];
  const kind: TableKind =
    orderish.some((k) => has(fields, k)) && !perCustomer.some((k) => has(fields, k)) ? "orders" : "customers";
  const missing = REQUIRED[kind].filter((r) => !met(fields, r)).map((r) => r.map((alt) => alt.join("+")).join("|"));
  return { kind, missing };
}
