/**
 * R/F/M figures from an orders table (one row per order line), aggregated per customer.
 *
 * - Amount: the amount column, or quantity × unit price when there is none.
 * - Lines with the same order id (for the same customer) are one order; without an order id
 *   column, or with a blank order id, each row is one order. An order's date is its latest line's.
 * - F counts the orders whose total is positive; R is the days from the latest such order to the
 *   as-of date (null when the customer has none, e.g. only returns).
 * - M sums every counted amount, returns and zero orders included.
 * - Rows dated after the as-of date are left out of R, F and M and counted (rowsAfterAsOf).
 * - With a time window (ctx.windowStartDay, see window.ts), F and M count only the orders dated
 *   after the window's start; R still comes from the latest positive order, however old.
 * - firstDay: the date of the customer's first positive order (for the activity tag's span).
 * - Rows without a customer id are left out (rowCustomer -1), counted and reported (MISSING_ID).
 * - A row whose date or amount is blank or unreadable is reported and left out of the figures.
 * - A customer exists once one of its rows counts; its other rows map to it too.
 * - Order totals and M are rounded to 6 decimals, so that the order of floating-point additions
 *   cannot split equal totals (ties) or turn 0.1 + 0.2 − 0.3 into a positive order.
 *
 * One pass over the rows with Maps; no per-row allocation beyond the order key.
 */
import type { CellIssue, CellValue, RawTable } from "../types";
import { parseDate } from "../parse/date";
import { parseId } from "../parse/id";
import { parseNumber } from "../parse/number";
import { isBlank } from "../parse/text";
import { cellAt, columnDateContext, emptyFigures, FiguresContext, FiguresTable, isBlankRow } from "./figures";

export interface OrderFields {
  id: number;
  orderDate: number;
  orderId?: number;
  amount?: number;
  quantity?: number;
  unitPrice?: number;
}

/** Rounds money to 6 decimals. */
export const roundMoney = (x: number): number => {
  const r = Math.round(x * 1e6) / 1e6;
  return r === 0 ? 0 : r;
};

export function orderFigures(table: RawTable, fields: OrderFields, ctx: FiguresContext): FiguresTable {
  const { amount: amountCol, quantity: qtyCol, unitPrice: priceCol } = fields;
  if (amountCol === undefined && (qtyCol === undefined || priceCol === undefined)) {
    throw new Error("orderFigures needs an amount column or quantity and unit price columns");
  }
  const out = emptyFigures(table);
  const rows = table.rows;
  const report = (row: number, column: number, code: CellIssue["code"]) => {
    out.issues.push({ row, column, value: cellAt(rows[row], column), code });
  };

  // Ids in first-seen order ("slots"); only slots with a counted row become customers.
  const slotOf = new Map<string, number>();
  const slotIds: string[] = [];
  const slotCounted: boolean[] = [];
  const rowSlot = new Int32Array(rows.length).fill(-1);

  // Orders: slot, running total, latest day. Keyed by order id; by customer and order id when
  // two customers share an order id.
  const orderOf = new Map<string, number>();
  const sharedOrderOf = new Map<string, number>();
  const orderSlot: number[] = [];
  const orderTotal: number[] = [];
  const orderDay: number[] = [];

  // Consecutive rows often share a date text: remember the last one.
  const dateCtx = columnDateContext(ctx, fields.orderDate);
  let lastDateCell: CellValue | undefined;
  let lastDay: number | null = null;
  const dayOf = (v: CellValue): number | null => {
    if (v !== lastDateCell) {
      lastDateCell = v;
      lastDay = parseDate(v, dateCtx);
    }
    return lastDay;
  };

  const readNumber = (r: number, col: number): number | null => {
    const v = rows[r][col] ?? "";
    const n = typeof v === "number" ? (Number.isFinite(v) ? v : null) : parseNumber(v);
    if (n === null) report(r, col, isBlank(v) ? "MISSING_VALUE" : "UNPARSED_NUMBER");
    return n;
  };

  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    const id = parseId(row[fields.id] ?? "");
    if (id === null) {
      if (isBlankRow(row)) out.blankRows++;
      else {
        out.rowsWithoutId++;
        report(r, fields.id, "MISSING_ID");
      }
      continue;
    }
    let slot = slotOf.get(id);
    if (slot === undefined) {
      slot = slotIds.length;
      slotOf.set(id, slot);
      slotIds.push(id);
      slotCounted.push(false);
    }
    rowSlot[r] = slot;

    const dateCell = row[fields.orderDate] ?? "";
    const day = dayOf(dateCell);
    if (day === null) {
      report(r, fields.orderDate, isBlank(dateCell) ? "MISSING_VALUE" : "UNPARSED_DATE");
      continue;
    }
    if (day > ctx.asOfDay) {
      out.rowsAfterAsOf++;
      continue;
    }
    let amount: number | null;
    if (amountCol !== undefined) amount = readNumber(r, amountCol);
    else {
      const q = readNumber(r, qtyCol as number);
      const p = readNumber(r, priceCol as number);
      amount = q === null || p === null ? null : q * p;
    }
    if (amount === null) continue;
    slotCounted[slot] = true;

    const orderId = fields.orderId === undefined ? null : parseId(row[fields.orderId] ?? "");
    let existing: number | undefined;
    let sharedKey: string | null = null;
    if (orderId !== null) {
      existing = orderOf.get(orderId);
      if (existing !== undefined && orderSlot[existing] !== slot) {
        // The same order id for another customer: a separate order, keyed by customer too.
        sharedKey = `${slot}\u0001${orderId}`;
        existing = sharedOrderOf.get(sharedKey);
      }
    }
    if (existing === undefined) {
      if (sharedKey !== null) sharedOrderOf.set(sharedKey, orderTotal.length);
      else if (orderId !== null) orderOf.set(orderId, orderTotal.length);
      orderSlot.push(slot);
      orderTotal.push(amount);
      orderDay.push(day);
    } else {
      orderTotal[existing] += amount;
      if (day > orderDay[existing]) orderDay[existing] = day;
    }
  }

  const slotCustomer = new Int32Array(slotIds.length).fill(-1);
  const frequency: number[] = [];
  const monetary: number[] = [];
  const latest: number[] = [];
  const earliest: number[] = [];
  slotIds.forEach((id, slot) => {
    if (!slotCounted[slot]) return;
    slotCustomer[slot] = out.customers.length;
    out.customers.push({ id, recencyDays: null, frequency: 0, monetary: 0 });
    frequency.push(0);
    monetary.push(0);
    latest.push(-Infinity);
    earliest.push(Infinity);
  });
  const windowStart = ctx.windowStartDay ?? -Infinity;
  for (let o = 0; o < orderTotal.length; o++) {
    const c = slotCustomer[orderSlot[o]];
    const total = roundMoney(orderTotal[o]);
    const inWindow = orderDay[o] > windowStart;
    if (inWindow) monetary[c] += total;
    if (total > 0) {
      if (inWindow) frequency[c]++;
      if (orderDay[o] > latest[c]) latest[c] = orderDay[o];
      if (orderDay[o] < earliest[c]) earliest[c] = orderDay[o];
    }
  }
  out.customers.forEach((cust, c) => {
    cust.frequency = frequency[c];
    cust.monetary = roundMoney(monetary[c]);
    cust.recencyDays = latest[c] === -Infinity ? null : ctx.asOfDay - latest[c];
  });
  out.firstDay = earliest.map((d) => (d === Infinity ? null : d));
  for (let r = 0; r < rows.length; r++) {
    if (rowSlot[r] >= 0) out.rowCustomer[r] = slotCustomer[rowSlot[r]];
  }
  return out;
}
