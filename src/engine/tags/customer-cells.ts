/**
 * One cell per customer from a column of the table: the first non-blank cell among the customer's
 * rows (a customer table has one row per customer; an orders table may repeat the customer's city,
 * age … on every order).
 */
import { isBlank } from "../parse/text";
import type { CellValue, RawTable } from "../types";

export function customerCells(
  table: RawTable,
  rowCustomer: Int32Array,
  customers: number,
  column: number
): CellValue[] {
  const out: CellValue[] = new Array(customers).fill("");
  const filled = new Uint8Array(customers);
  for (let r = 0; r < table.rows.length; r++) {
    const c = rowCustomer[r];
    if (c < 0 || filled[c]) continue;
    const v = table.rows[r][column] ?? "";
    if (isBlank(v)) continue;
    out[c] = v;
    filled[c] = 1;
  }
  return out;
}
