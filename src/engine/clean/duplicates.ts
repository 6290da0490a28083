/**
 * Duplicates (去重), told apart:
 * - duplicateRow: rows equal in every cell (text compared trimmed);
 * - duplicateButId: rows equal in every cell but the customer id, with different ids (one
 *   person entered twice; marketing_campaign.csv has 358 such rows) — customer tables only;
 * - sameCustomer: different rows that share a customer id, a phone number (digits only, +86 /
 *   0086 dropped; masked numbers such as 138****5678 are no key) or a 统一社会信用代码 —
 *   customer tables only (in an orders table many rows per customer are the point).
 * A 统一社会信用代码 of the wrong form or with a wrong check character (credit-code.ts) is a
 * finding of its own; a well-formed one is still a key.
 *
 * Resolution (resolveDuplicates, pure): the rows of overlapping groups form one record set;
 * - equal rows (duplicateRow, duplicateButId): the first is kept, the copies removed ("keepFirst");
 * - sameCustomer, "keepLatest": the row with the latest 最后更新时间 (else last purchase) is kept,
 *   the bottom-most on a tie or without dates;
 * - sameCustomer, "merge": the top-most row is kept and receives F and M summed over the distinct
 *   records (a record entered twice counts once), 平均客单价 = M ÷ F, the latest date, the
 *   shortest recency, the union of tags, and for every other blank cell the latest record's value.
 */
import { parseId } from "../parse/id";
import { phoneKey } from "../parse/phone";
import { dayFromIso } from "../parse/day";
import { radixOrder } from "../radix";
import type { CellValue, RawTable, TableKind } from "../types";
import type { Collector } from "./collector";
import { checkCreditCode, normalizeCreditCode } from "./credit-code";
import { cellAt, readCell, type CellContext, type ParsedTable } from "./normalize";
import type {
  CellFix,
  CleaningSettings,
  ColumnProfile,
  DuplicateGroup,
  DuplicateKey,
  DuplicateResolution,
  Fix,
  FixKind,
} from "./types";

const SEP = "\u0001";
const cellKey = (v: CellValue): string => (typeof v === "string" ? v.trim() : `\u0002${typeof v}:${String(v)}`);

/** The row as a key, optionally without one column. */
function rowKey(row: readonly CellValue[], width: number, skip: number): string {
  let k = "";
  for (let c = 0; c < width; c++) if (c !== skip) k += cellKey(row[c] ?? "") + SEP;
  return k;
}

/** The characters String.prototype.trim removes (WhiteSpace and LineTerminator of ECMA-262). */
function isTrimmed(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

const NUMBER_BITS = new Float64Array(1);
const NUMBER_WORDS = new Uint32Array(NUMBER_BITS.buffer);
const mix = (h: number, x: number): number => Math.imul(h ^ x, 16777619);

/**
 * FNV-1a over a text as cellKey sees it — trimmed; its length and, past 16 characters, its ends — without
 * building the key: equal keys always hash alike.
 */
function textHash(v: string): number {
  let start = 0;
  let end = v.length;
  while (start < end && isTrimmed(v.charCodeAt(start))) start++;
  while (end > start && isTrimmed(v.charCodeAt(end - 1))) end--;
  let h = mix(0x811c9dc5, end - start);
  // Longer texts: their first and last 8 characters (and length) are plenty to tell rows apart; rows that
  // agree there are compared in full (sameRow).
  if (end - start > 16) {
    for (let i = start; i < start + 8; i++) h = mix(h, v.charCodeAt(i));
    start = end - 8;
  }
  for (let i = start; i < end; i++) h = mix(h, v.charCodeAt(i));
  return h;
}

/** Texts hashed at most this many at a time per table pass; past that, each is hashed where it stands. */
const TEXT_MEMO_LIMIT = 1 << 16;

/**
 * Cell hashes for one pass over a table. A text's hash is remembered by the string itself: a sheet repeats
 * its texts (a product, a country, an invoice number on every line of its order) and a workbook's reader
 * hands out one string per distinct text, which keeps its own hash (V8 stores it in the string) — so a repeat costs a lookup, not
 * a walk over its characters. The memo only caches textHash (equal keys still hash alike) and stops growing
 * at TEXT_MEMO_LIMIT texts (a column of unique ids gains nothing from it).
 */
class CellHasher {
  private readonly memo = new Map<string, number>();
  /** Per column, the last text hashed and its hash: a column repeats the row above (an order's lines). */
  private readonly lastText: (string | undefined)[] = [];
  private readonly lastHash: number[] = [];

  /**
   * A cell's hash mixed into h: a text by textHash, a number by its bits, a boolean by its value, each with its
   * type. `c` is the cell's column.
   */
  mixCell(h: number, v: CellValue, c: number): number {
    if (typeof v === "string") {
      let t: number;
      if (v === this.lastText[c]) t = this.lastHash[c];
      else {
        const known = this.memo.get(v);
        if (known === undefined) {
          t = textHash(v);
          if (this.memo.size < TEXT_MEMO_LIMIT) this.memo.set(v, t);
        } else t = known;
        this.lastText[c] = v;
        this.lastHash[c] = t;
      }
      return mix(mix(h, 1), t);
    }
    if (typeof v === "number") {
      NUMBER_BITS[0] = v === 0 ? 0 : v; // String(-0) is "0": -0 and 0 are one key
      return mix(mix(mix(h, 2), NUMBER_WORDS[0]), NUMBER_WORDS[1]);
    }
    return mix(h, v ? 4 : 3);
  }
}

/**
 * A 30-bit hash of a row's cell keys (FNV-1a): rows are grouped by hash and then compared cell by
 * cell, so a million-row table holds no row strings. Collisions only cost a comparison.
 */
function rowHash(cells: CellHasher, row: readonly CellValue[], width: number, skip: number): number {
  let h = 0x811c9dc5;
  for (let c = 0; c < width; c++) {
    if (c === skip) continue;
    h = mix(cells.mixCell(h, row[c] ?? "", c), 5); // separates the cells
  }
  return (h ^ (h >>> 30)) & 0x3fffffff;
}

/** cellKey(a) === cellKey(b), without building the keys in the usual cases. */
function sameCell(a: CellValue, b: CellValue): boolean {
  if (a === b) return true;
  if (typeof a === "string" && typeof b === "string") return a.trim() === b.trim();
  if (typeof a !== typeof b) return false;
  return cellKey(a) === cellKey(b); // two numbers apart by ===: equal keys only for NaN
}

function sameRow(a: readonly CellValue[], b: readonly CellValue[], width: number, skip: number): boolean {
  for (let c = 0; c < width; c++) if (c !== skip && !sameCell(a[c] ?? "", b[c] ?? "")) return false;
  return true;
}

/** Positions 0…n−1 ordered by hash (the engine's radix sort: the hash as the high word), stable. */
const orderByHash = (hashes: Uint32Array): Int32Array => radixOrder(hashes, new Uint32Array(hashes.length));

/**
 * Groups (at least two rows) of `rows` whose hashes are equal and that `same` says are equal. Columnar:
 * one typed array of hashes, radix-sorted, so that equal hashes lie side by side with their rows
 * ascending (`rows` is ascending) — no Map, no array per row. `skip[i]` leaves row i out.
 */
function groupsByHash(
  rows: readonly number[],
  hashes: Uint32Array,
  same: (a: number, b: number) => boolean,
  skip?: Uint8Array
): number[][] {
  const n = rows.length;
  const order = orderByHash(hashes);
  const groups: number[][] = [];
  for (let k = 0; k < n;) {
    const hash = hashes[order[k]];
    let end = k + 1;
    while (end < n && hashes[order[end]] === hash) end++;
    if (end - k > 1) {
      // Split a bucket by real equality (a hash collision puts different rows together).
      const parts: number[][] = [];
      for (let i = k; i < end; i++) {
        if (skip?.[order[i]]) continue;
        const r = rows[order[i]];
        const part = parts.find((p) => same(p[0], r));
        if (part) part.push(r);
        else parts.push([r]);
      }
      for (const p of parts) if (p.length > 1) groups.push(p);
    }
    k = end;
  }
  return groups.sort((a, b) => a[0] - b[0]);
}

/** Hashes of the rows, every cell but `skip` (-1: every cell). */
function rowHashes(table: RawTable, rows: readonly number[], skip: number, cells: CellHasher): Uint32Array {
  const width = table.headers.length;
  const hashes = new Uint32Array(rows.length);
  for (let i = 0; i < rows.length; i++) hashes[i] = rowHash(cells, table.rows[rows[i]], width, skip);
  return hashes;
}

/** Groups (at least two rows) of rows equal in every cell but `skip` (-1: every cell). */
function equalRows(table: RawTable, rows: readonly number[], skip: number, hashes: Uint32Array): number[][] {
  const width = table.headers.length;
  return groupsByHash(rows, hashes, (a, b) => sameRow(table.rows[a], table.rows[b], width, skip));
}

/** A row's hash from its hash without one cell, and that cell: consistent with equality of all cells. */
function withCell(cells: CellHasher, h: number, v: CellValue, c: number): number {
  const x = mix(cells.mixCell(h, v, c), 5);
  return (x ^ (x >>> 30)) & 0x3fffffff;
}

class UnionFind {
  private readonly parent = new Map<number, number>();
  find(x: number): number {
    let p = this.parent.get(x) ?? x;
    if (p === x) return x;
    p = this.find(p);
    this.parent.set(x, p);
    return p;
  }
  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent.set(Math.max(ra, rb), Math.min(ra, rb));
  }
  /** Components of the given rows, each ascending, ordered by their first row. */
  components(rows: Iterable<number>): number[][] {
    const by = new Map<number, number[]>();
    for (const r of rows) {
      const root = this.find(r);
      const list = by.get(root);
      if (list) list.push(r);
      else by.set(root, [r]);
    }
    return [...by.values()].map((l) => l.sort((a, b) => a - b)).sort((a, b) => a[0] - b[0]);
  }
}

/**
 * Groups of rows sharing a key (at least two rows), by their first row. Keys are hashed into a typed
 * array and radix-sorted (no Map of a million strings); a bucket is split by the keys themselves.
 */
function groupBy(rows: readonly number[], key: (r: number) => string | null): number[][] {
  const n = rows.length;
  const hashes = new Uint32Array(n);
  const none = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const k = key(rows[i]);
    if (k === null) {
      none[i] = 1;
      continue;
    }
    let h = 0x811c9dc5;
    for (let c = 0; c < k.length; c++) h = mix(h, k.charCodeAt(c));
    hashes[i] = (h ^ (h >>> 30)) & 0x3fffffff;
  }
  return groupsByHash(rows, hashes, (a, b) => key(a) === key(b), none);
}

const colOfRole = (profiles: ColumnProfile[], role: string): number => profiles.findIndex((p) => p.role === role);

/** The keys of a row for "same customer", by key kind. */
function keyReaders(
  parsed: ParsedTable,
  keys: DuplicateKey[],
  out: Collector
): Array<[DuplicateKey, number, (r: number) => string | null]> {
  const { table, profiles } = parsed;
  const readers: Array<[DuplicateKey, number, (r: number) => string | null]> = [];
  const idCol = colOfRole(profiles, "id");
  if (keys.includes("id") && idCol >= 0) readers.push(["id", idCol, (r) => parseId(cellAt(table, r, idCol))]);
  const phoneCol = colOfRole(profiles, "phone");
  if (keys.includes("phone") && phoneCol >= 0)
    readers.push(["phone", phoneCol, (r) => phoneKey(cellAt(table, r, phoneCol))]);
  const codeCol = colOfRole(profiles, "creditCode");
  if (codeCol >= 0) {
    // Every code is checked; a well-formed one is a key even when its check character is wrong.
    const codes: (string | null)[] = table.rows.map((_, r) => {
      const v = cellAt(table, r, codeCol);
      if (parsed.blankRow[r] || parsed.states[codeCol][r] === 0) return null;
      const code = normalizeCreditCode(String(v));
      const check = checkCreditCode(code);
      if (check !== "valid") out.find({ kind: "invalidCreditCode", row: r, column: codeCol, value: v, detail: check });
      return check === "form" ? null : code;
    });
    if (keys.includes("creditCode")) readers.push(["creditCode", codeCol, (r) => codes[r]]);
  }
  return readers;
}

/** Finds the duplicate groups and reports their rows. */
export function findDuplicates(
  parsed: ParsedTable,
  kind: TableKind,
  settings: CleaningSettings,
  out: Collector
): DuplicateGroup[] {
  const { table, profiles, blankRow } = parsed;
  const rows: number[] = [];
  for (let r = 0; r < table.rows.length; r++) if (!blankRow[r]) rows.push(r);
  const idCol = colOfRole(profiles, "id");
  const groups: DuplicateGroup[] = [];

  // One pass over the cells serves both "equal rows" and "equal but for the id" (customer tables).
  const byId = kind === "customers" && idCol >= 0;
  const cells = new CellHasher();
  const withoutId = byId ? rowHashes(table, rows, idCol, cells) : undefined;
  const whole = withoutId
    ? withoutId.map((h, i) => withCell(cells, h, cellAt(table, rows[i], idCol), idCol))
    : rowHashes(table, rows, -1, cells);

  // Per row: the first row it equals in every cell (itself when none).
  const record = new Int32Array(table.rows.length).map((_, r) => r);
  for (const g of equalRows(table, rows, -1, whole)) {
    groups.push({ kind: "duplicateRow", rows: g });
    for (const r of g) record[r] = g[0];
  }

  // Credit codes are checked in every table; keys tie rows together in customer tables only.
  const readers = keyReaders(parsed, kind === "customers" ? settings.duplicates.keys : [], out);
  if (withoutId) {
    for (const g of equalRows(table, rows, idCol, withoutId)) {
      const ids = new Set(g.map((r) => cellKey(cellAt(table, r, idCol))));
      if (ids.size > 1) groups.push({ kind: "duplicateButId", rows: g });
    }
  }

  if (readers.length > 0) {
    const uf = new UnionFind();
    const linked = new Set<number>();
    const shared: Array<{ key: DuplicateKey; value: string; rows: number[] }> = [];
    for (const [key, , read] of readers) {
      for (const g of groupBy(rows, read)) {
        shared.push({ key, value: read(g[0]) as string, rows: g });
        for (const r of g) {
          uf.union(g[0], r);
          linked.add(r);
        }
      }
    }
    const sharedOf = new Map<number, typeof shared>();
    for (const s of shared) {
      const root = uf.find(s.rows[0]);
      const list = sharedOf.get(root);
      if (list) list.push(s);
      else sharedOf.set(root, [s]);
    }
    for (const comp of uf.components(linked)) {
      // Rows that are all one record (equal cells) are a duplicateRow group, not several records.
      if (new Set(comp.map((r) => record[r])).size < 2) continue;
      const links = sharedOf.get(uf.find(comp[0])) ?? [];
      const keys = [...new Set(links.map((s) => s.key))];
      groups.push({ kind: "sameCustomer", rows: comp, keys, values: links.map((s) => `${s.key}:${s.value}`) });
    }
  }

  groups.sort((a, b) => a.rows[0] - b.rows[0] || a.kind.localeCompare(b.kind));
  const keyColumn = (g: DuplicateGroup): number => {
    const first = g.keys?.[0];
    return readers.find(([k]) => k === first)?.[1] ?? -1;
  };
  groups.forEach((g, i) => {
    const column = keyColumn(g);
    for (const r of g.rows) {
      if (!out.wants(g.kind)) {
        out.tally(g.kind);
        continue;
      }
      out.find({
        kind: g.kind,
        row: r,
        column,
        value: column >= 0 ? cellAt(table, r, column) : idCol >= 0 ? cellAt(table, r, idCol) : "",
        detail: `group ${i + 1}: rows ${g.rows.join(",")}${g.values ? ` (${g.values.join(", ")})` : ""}`,
      });
    }
  });
  return groups;
}

/** Rows that keep-latest or merge would remove: the size of every record set minus one. */
export function redundantRows(groups: DuplicateGroup[]): number {
  return recordSets(groups).reduce((n, s) => n + s.rows.length - 1, 0);
}

interface RecordSet {
  kind: FixKind;
  rows: number[];
}

const FIX_PRIORITY: Record<DuplicateGroup["kind"], number> = { duplicateRow: 0, duplicateButId: 1, sameCustomer: 2 };

/** Overlapping groups joined; the set takes the most specific kind a person must decide on. */
function recordSets(groups: DuplicateGroup[]): RecordSet[] {
  const uf = new UnionFind();
  const all = new Set<number>();
  for (const g of groups)
    for (const r of g.rows) {
      uf.union(g.rows[0], r);
      all.add(r);
    }
  const kindOf = new Map<number, DuplicateGroup["kind"]>();
  for (const g of groups) {
    const root = uf.find(g.rows[0]);
    const k = kindOf.get(root);
    if (k === undefined || FIX_PRIORITY[g.kind] > FIX_PRIORITY[k]) kindOf.set(root, g.kind);
  }
  return uf.components(all).map((rows) => ({ kind: kindOf.get(uf.find(rows[0])) ?? "duplicateRow", rows }));
}

/** What resolving needs to know about the table's columns. */
interface Reader {
  table: RawTable;
  columns: ColumnProfile[];
  contexts: CellContext[];
}

function readerFor(table: RawTable, columns: ColumnProfile[], asOf: string): Reader {
  const asOfDay = dayFromIso(asOf) ?? 0;
  const contexts = columns.map((p): CellContext => {
    const ctx: CellContext = { asOfDay, date1904: table.date1904 ?? false };
    const fmt = table.numberFormats?.[p.column];
    if (fmt !== undefined) ctx.numberFormat = fmt;
    if (p.dateOrder === "dmy" || p.dateOrder === "mdy") ctx.order = p.dateOrder;
    return ctx;
  });
  return { table, columns, contexts };
}

function num(rd: Reader, r: number, col: number): number | null {
  const read = readCell(rd.columns[col].kind, cellAt(rd.table, r, col), rd.contexts[col]);
  return read.state === "read" && read.num !== undefined && Number.isFinite(read.num) ? read.num : null;
}

/** The record date of a row: 最后更新时间, else the last purchase; null when neither reads. */
function recordDay(rd: Reader, r: number): number | null {
  for (const role of ["updatedAt", "lastPurchase"]) {
    const col = colOfRole(rd.columns, role);
    if (col < 0) continue;
    const d = num(rd, r, col);
    if (d !== null) return d;
  }
  const rec = colOfRole(rd.columns, "recency");
  if (rec >= 0) {
    const days = num(rd, r, rec);
    if (days !== null) return -days;
  }
  return null;
}

/** Rows by record date, latest first; on a tie (or without dates) the bottom-most first. */
function latestFirst(rd: Reader, rows: number[]): number[] {
  const day = new Map(rows.map((r) => [r, recordDay(rd, r) ?? -Infinity]));
  return [...rows].sort((a, b) => (day.get(b) as number) - (day.get(a) as number) || b - a);
}

const TAG_SPLIT = /[、,，;；/|]+/;

function unionTags(values: CellValue[]): string {
  const seen: string[] = [];
  for (const v of values) {
    for (const t of String(v).split(TAG_SPLIT)) {
      const tag = t.trim();
      if (tag !== "" && !seen.includes(tag)) seen.push(tag);
    }
  }
  return seen.join("、");
}

const isBlankCell = (rd: Reader, r: number, col: number): boolean =>
  readCell("text", cellAt(rd.table, r, col), rd.contexts[col]).state === "blank";

/** Merge: the top-most row receives the record set's combined values. */
function mergeInto(rd: Reader, set: RecordSet): Fix[] {
  const { table, columns } = rd;
  const target = set.rows[0];
  const idCol = colOfRole(columns, "id");
  // A record entered twice (equal but for the id) counts once.
  const seen = new Set<string>();
  const distinct = set.rows.filter((r) => {
    const k = rowKey(table.rows[r], table.headers.length, idCol);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  const latest = latestFirst(rd, distinct);
  const fixes: Fix[] = [];
  const set1 = (col: number, after: CellValue) => {
    const before = cellAt(table, target, col);
    if (after !== before) {
      const fix: CellFix = { op: "set", kind: set.kind, row: target, column: col, before, after, rule: "merge" };
      fixes.push(fix);
    }
  };
  const sums = new Map<string, number>();
  for (const role of ["frequency", "monetary"]) {
    const col = colOfRole(columns, role);
    if (col < 0) continue;
    const values = distinct.map((r) => num(rd, r, col)).filter((v): v is number => v !== null);
    if (values.length === 0) continue;
    const sum = Math.round(values.reduce((a, b) => a + b, 0) * 1e6) / 1e6;
    sums.set(role, sum);
    set1(col, sum);
  }
  columns.forEach((p, col) => {
    if (col === idCol || p.role === "frequency" || p.role === "monetary") return;
    if (p.role === "avgOrderValue" && (sums.get("frequency") ?? 0) > 0 && sums.has("monetary")) {
      set1(col, Math.round(((sums.get("monetary") as number) / (sums.get("frequency") as number)) * 100) / 100);
      return;
    }
    if (p.kind === "date" || p.kind === "recency") {
      // The latest date (the shortest recency) among the records.
      let best: number | null = null;
      let bestRow = -1;
      for (const r of distinct) {
        const v = num(rd, r, col);
        if (v === null) continue;
        const score = p.kind === "recency" ? -v : v;
        if (best === null || score > best) {
          best = score;
          bestRow = r;
        }
      }
      if (bestRow >= 0) set1(col, cellAt(table, bestRow, col));
      return;
    }
    if (p.kind === "tags") {
      const union = unionTags(
        distinct.map((r) => cellAt(table, r, col)).filter((_, i) => !isBlankCell(rd, distinct[i], col))
      );
      if (union !== "") set1(col, union);
      return;
    }
    if (!isBlankCell(rd, target, col)) return;
    const from = latest.find((r) => !isBlankCell(rd, r, col));
    if (from !== undefined) set1(col, cellAt(table, from, col));
  });
  for (const r of set.rows.slice(1))
    fixes.push({ op: "removeRow", kind: set.kind, row: r, keptRow: target, rule: "merge" });
  return fixes;
}

/**
 * The fixes that resolve the duplicate groups of a report: equal rows keep their first row;
 * same-customer records are resolved by `mode`. Pure: the table is not changed.
 */
export function resolveDuplicates(
  table: RawTable,
  columns: ColumnProfile[],
  groups: DuplicateGroup[],
  mode: DuplicateResolution,
  asOf: string
): Partial<Record<FixKind, Fix[]>> {
  const rd = readerFor(table, columns, asOf);
  const out: Partial<Record<FixKind, Fix[]>> = {};
  for (const set of recordSets(groups)) {
    let fixes: Fix[];
    if (set.kind !== "sameCustomer") {
      fixes = set.rows
        .slice(1)
        .map((r): Fix => ({ op: "removeRow", kind: set.kind, row: r, keptRow: set.rows[0], rule: "keepFirst" }));
    } else if (mode === "merge") {
      fixes = mergeInto(rd, set);
    } else {
      const [keep] = latestFirst(rd, set.rows);
      fixes = set.rows
        .filter((r) => r !== keep)
        .map((r): Fix => ({ op: "removeRow", kind: set.kind, row: r, keptRow: keep, rule: "keepLatest" }));
    }
    const list = (out[set.kind] ??= []);
    for (const f of fixes) list.push(f);
  }
  return out;
}
