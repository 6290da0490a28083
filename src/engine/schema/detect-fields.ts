/**
 * Which column holds which field. Settings overrides are applied first (an override names a header;
 * it is matched after the same normalisation). A field with an override is only ever that column:
 * when the header is not there, the field stays unmapped rather than falling back to a guess.
 * Then every other header is looked up in the synonym tables (synonyms.ts); when two columns name
 * the same field, the earlier synonym wins, then the leftmost column.
 *
 * Money words that mean different things in the two kinds of table ("revenue", "金额", "Amount")
 * are resolved by context: they are an orders table's `amount` when the headers name an order id or
 * order date and nothing per-customer (frequency, last purchase, recency); otherwise they are the
 * customer's `monetary`.
 */
import type { FieldKey, FieldMap } from "../types";
import { headerKeys, normalizeHeader } from "./normalize";
import { ORDER_FIELDS, SYNONYMS } from "./synonyms";

interface Candidate {
  field: FieldKey;
  /** Position of the synonym in its field's list: lower is preferred. */
  rank: number;
}

const INDEX: ReadonlyMap<string, readonly Candidate[]> = (() => {
  const index = new Map<string, Candidate[]>();
  for (const [field, words] of Object.entries(SYNONYMS) as [FieldKey, readonly string[]][]) {
    words.forEach((word, rank) => {
      const key = normalizeHeader(word);
      const list = index.get(key) ?? [];
      if (!list.some((c) => c.field === field)) list.push({ field, rank });
      index.set(key, list);
    });
  }
  return index;
})();

/** The fields a header may name (more than one only for context-dependent money words). */
export function headerCandidates(header: string): readonly Candidate[] {
  for (const key of headerKeys(header)) {
    const found = INDEX.get(key);
    if (found) return found;
  }
  return [];
}

/** Normalised keys that name more than one field (for tests and documentation). */
export function contextualHeaderKeys(): Array<{ key: string; fields: FieldKey[] }> {
  const out: Array<{ key: string; fields: FieldKey[] }> = [];
  for (const [key, list] of INDEX) {
    if (list.length > 1) out.push({ key, fields: list.map((c) => c.field) });
  }
  return out;
}

export function detectFields(headers: string[], overrides?: Partial<Record<FieldKey, string>>): FieldMap {
  const map: FieldMap = {};
  const taken = new Set<number>();

  const overridden = new Set<FieldKey>();
  for (const [field, name] of Object.entries(overrides ?? {}) as [FieldKey, string | undefined][]) {
    if (!name || !name.trim()) continue;
    overridden.add(field);
    const want = normalizeHeader(name);
    const col = headers.findIndex((h, i) => !taken.has(i) && normalizeHeader(String(h)) === want);
    if (col >= 0) {
      map[field] = col;
      taken.add(col);
    }
  }

  const perColumn = headers.map((h, i) => (taken.has(i) ? [] : headerCandidates(String(h))));
  const named = (f: FieldKey) => map[f] !== undefined || perColumn.some((c) => c.length === 1 && c[0].field === f);
  const ordersContext =
    (named("orderId") || named("orderDate")) && !(named("frequency") || named("lastPurchase") || named("recency"));

  const picks: Array<Candidate & { col: number }> = [];
  perColumn.forEach((candidates, col) => {
    if (candidates.length === 0) return;
    const pick =
      candidates.length === 1
        ? candidates[0]
        : (candidates.find((c) => ORDER_FIELDS.has(c.field) === ordersContext) ?? candidates[0]);
    picks.push({ ...pick, col });
  });
  picks.sort((a, b) => a.rank - b.rank || a.col - b.col);
  for (const p of picks) {
    if (map[p.field] === undefined && !overridden.has(p.field)) map[p.field] = p.col;
  }
  return map;
}
