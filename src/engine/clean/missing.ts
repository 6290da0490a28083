/**
 * Missing values (补全), business rules first, every filled value a fix (never silent):
 * 1. rules (customer tables):
 *    - no purchase record (every purchase cell — 消费频次, 消费金额, 客单价, 上一次购买时间, R — is
 *      blank or 0): the documents say "客户无消费记录可标记为‘新客户’": blank counts and amounts
 *      become 0, a blank 客户类型 becomes 新客户 (newCustomerLabel), and the row is listed in
 *      newCustomerRows; its blank purchase date stays blank (there is none);
 *    - a blank 性别 next to a name written with a title ("*先生", "王女士") takes the title's gender;
 * 2. numbers: the column's median (e.g. 年龄, as the documents suggest);
 * 3. categories (职业, 城市, 性别, tags, yes/no …): 未知 (unknownLabel).
 * Not filled, only reported: blank customer ids (missingId: the engine leaves the row out), blank
 * dates, and in an orders table blank amounts and prices (an order's facts are not invented).
 * Columns the add-in owns (RFM分组, 客户类型 apart from 新客户, 消费能力/活跃度标签) are not filled.
 */
import { genderFromTitle } from "../parse/gender";
import type { TableKind } from "../types";
import type { Collector } from "./collector";
import { cellAt, CELL_BLANK, CELL_READ, type ParsedTable } from "./normalize";
import type { CleaningSettings, ColumnKind, ColumnRole } from "./types";

const PURCHASE_ROLES: readonly ColumnRole[] = ["frequency", "monetary", "avgOrderValue", "lastPurchase", "recency"];
const ZERO_WHEN_NO_PURCHASE: readonly ColumnRole[] = ["frequency", "monetary", "avgOrderValue"];
/** Columns the add-in writes (string roles: FieldKey grows with the tag and segment columns). */
const OWNED: readonly string[] = ["rfmCode", "rfmLabel", "spendTag", "activityTag", "needTag", "segment"];
const CATEGORICAL: ReadonlySet<ColumnKind> = new Set(["category", "gender", "city", "boolean", "tags"]);
const ORDER_FACTS: readonly ColumnRole[] = ["orderDate", "amount", "quantity", "unitPrice"];

/** Median of the finite values (the mean of the middle two for an even count). */
export function median(values: Float64Array): number | null {
  const v = values.filter((x) => Number.isFinite(x)).sort(); // a typed array sorts numerically
  if (v.length === 0) return null;
  const mid = v.length >> 1;
  return v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
}

/** Proposes the fills; returns the rows without any purchase record. */
export function fillMissing(
  parsed: ParsedTable,
  kind: TableKind,
  settings: CleaningSettings,
  out: Collector
): number[] {
  const { table, profiles, states, numbers, blankRow } = parsed;
  const n = table.rows.length;
  const colOf = (role: ColumnRole) => profiles.findIndex((p) => p.role === role);
  const filled = profiles.map(() => new Uint8Array(n));
  const fill = (
    r: number,
    col: number,
    after: string | number,
    kind: "fillRule" | "fillMedian" | "fillUnknown",
    rule: "noPurchase" | "title" | "median" | "unknown"
  ) => {
    filled[col][r] = 1;
    out.fixCell({ op: "set", kind, row: r, column: col, before: cellAt(table, r, col), after, rule });
  };

  const idCol = colOf("id");
  if (idCol >= 0) {
    for (let r = 0; r < n; r++) {
      if (blankRow[r] || states[idCol][r] !== CELL_BLANK) continue;
      if (out.wants("missingId"))
        out.find({ kind: "missingId", row: r, column: idCol, value: cellAt(table, r, idCol) });
      else out.tally("missingId");
    }
  }

  const newCustomers: number[] = [];
  const isNew = new Uint8Array(n);
  if (kind === "customers" && settings.missing.rules) {
    const purchase = PURCHASE_ROLES.map(colOf).filter((c) => c >= 0);
    const typeCol = colOf("rfmLabel");
    if (purchase.length > 0) {
      for (let r = 0; r < n; r++) {
        if (blankRow[r]) continue;
        const none = purchase.every((c) => {
          if (states[c][r] === CELL_BLANK) return true;
          const role = profiles[c].role as ColumnRole;
          return states[c][r] === CELL_READ && ZERO_WHEN_NO_PURCHASE.includes(role) && numbers[c]?.[r] === 0;
        });
        if (!none) continue;
        newCustomers.push(r);
        isNew[r] = 1;
        for (const c of purchase) {
          if (states[c][r] === CELL_BLANK && ZERO_WHEN_NO_PURCHASE.includes(profiles[c].role as ColumnRole))
            fill(r, c, 0, "fillRule", "noPurchase");
        }
        if (typeCol >= 0 && states[typeCol][r] === CELL_BLANK)
          fill(r, typeCol, settings.missing.newCustomerLabel, "fillRule", "noPurchase");
      }
    }
    const genderCol = colOf("gender");
    const nameCol = colOf("name");
    if (genderCol >= 0 && nameCol >= 0) {
      for (let r = 0; r < n; r++) {
        if (blankRow[r] || states[genderCol][r] !== CELL_BLANK) continue;
        const g = genderFromTitle(cellAt(table, r, nameCol));
        if (g) fill(r, genderCol, g, "fillRule", "title");
      }
    }
  }

  profiles.forEach((p, col) => {
    const role = p.role;
    if (col === idCol || (role !== undefined && OWNED.includes(role))) return;
    const byMedian = kind === "customers" && p.kind === "number" && settings.missing.numeric === "median";
    const byUnknown = kind === "customers" && CATEGORICAL.has(p.kind) && settings.missing.categorical === "unknown";
    // The median only once a blank needs it (sorting a million values costs); undefined = not yet.
    let m: number | null | undefined;
    const medianOf = (): number | null => (m === undefined ? (m = median(numbers[col] as Float64Array)) : m);
    const reportBlank =
      (p.kind === "date" && role !== "payTime") ||
      (kind !== "customers" && role !== undefined && ORDER_FACTS.includes(role)) ||
      (kind === "customers" && (p.kind === "number" || CATEGORICAL.has(p.kind)));
    if (!byMedian && !byUnknown && !reportBlank) return;
    for (let r = 0; r < n; r++) {
      if (blankRow[r] || states[col][r] !== CELL_BLANK || filled[col][r]) continue;
      const med = byMedian ? medianOf() : null;
      if (med !== null) fill(r, col, med, "fillMedian", "median");
      else if (byUnknown) fill(r, col, settings.missing.unknownLabel, "fillUnknown", "unknown");
      else if (reportBlank && !isNew[r])
        out.find({ kind: "missingValue", row: r, column: col, value: cellAt(table, r, col) });
    }
  });
  return newCustomers;
}
