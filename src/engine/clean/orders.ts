/**
 * What a careful analyst reports about an orders table before RFM (findings only; the orders RFM
 * already counts a return against M and only positive orders in F):
 * - cancelled: an order id "C…" in a column of numeric ids (UCI Online Retail's cancellations),
 *   or an 订单状态 saying 取消 / 关闭 / cancel;
 * - negativeQuantity: a negative quantity or amount that is not a cancellation (returns, stock
 *   corrections);
 * - zeroPrice: a unit price or amount of 0;
 * - unpaid: a blank 订单付款时间 (Tmall), or a status saying 未付款 / 待付款;
 * - refund: a 退款金额 above 0, or a status saying 退款.
 */
import { isBlank, normalizeText } from "../parse/text";
import type { CellValue } from "../types";
import type { Collector } from "./collector";
import { cellAt, CELL_BLANK, CELL_READ, type ParsedTable } from "./normalize";
import type { ColumnRole } from "./types";

const CANCEL_ID = /^c\d+$/i;
const STATUS: Array<[RegExp, "cancelled" | "unpaid" | "refund"]> = [
  [/退款|refund/i, "refund"],
  [/未付款|待付款|待支付|未支付|unpaid/i, "unpaid"],
  [/取消|关闭|作废|cancel/i, "cancelled"],
];

const statusOf = (v: CellValue): "cancelled" | "unpaid" | "refund" | null => {
  if (typeof v !== "string" || isBlank(v)) return null;
  const text = normalizeText(v);
  return STATUS.find(([re]) => re.test(text))?.[1] ?? null;
};

export function orderFindings(parsed: ParsedTable, out: Collector): void {
  const { table, profiles, states, numbers, blankRow } = parsed;
  const colOf = (role: ColumnRole) => profiles.findIndex((p) => p.role === role);
  const orderId = colOf("orderId");
  const status = colOf("orderStatus");
  const quantity = colOf("quantity");
  const amount = colOf("amount");
  const price = colOf("unitPrice");
  const payTime = colOf("payTime");
  const refund = colOf("refund");
  // "C536379" marks a cancellation only where the other ids are plain numbers.
  const numericIds =
    orderId >= 0 && table.rows.some((row, r) => !blankRow[r] && /^\d+$/.test(String(row[orderId] ?? "").trim()));
  const n = table.rows.length;
  const value = (r: number, c: number) => (c >= 0 ? (numbers[c]?.[r] ?? Number.NaN) : Number.NaN);

  for (let r = 0; r < n; r++) {
    if (blankRow[r]) continue;
    const said = status >= 0 ? statusOf(cellAt(table, r, status)) : null;
    const cancelled = (numericIds && CANCEL_ID.test(String(cellAt(table, r, orderId)).trim())) || said === "cancelled";
    if (cancelled) {
      const col = said === "cancelled" ? status : orderId;
      out.find({ kind: "cancelled", row: r, column: col, value: cellAt(table, r, col) });
    } else {
      for (const c of [quantity, amount]) {
        if (c >= 0 && value(r, c) < 0) {
          out.find({ kind: "negativeQuantity", row: r, column: c, value: cellAt(table, r, c) });
          break;
        }
      }
    }
    for (const c of [price, amount]) {
      if (c >= 0 && states[c][r] === CELL_READ && value(r, c) === 0) {
        out.find({ kind: "zeroPrice", row: r, column: c, value: cellAt(table, r, c) });
        break;
      }
    }
    if ((payTime >= 0 && states[payTime][r] === CELL_BLANK) || said === "unpaid") {
      const col = said === "unpaid" ? status : payTime;
      out.find({ kind: "unpaid", row: r, column: col, value: cellAt(table, r, col) });
    }
    if ((refund >= 0 && value(r, refund) > 0) || said === "refund") {
      const col = said === "refund" ? status : refund;
      out.find({ kind: "refund", row: r, column: col, value: cellAt(table, r, col) });
    }
  }
}
