/**
 * Where each owned column goes on the segmented sheet (pure: no Excel calls).
 * Order of preference: the column this add-in wrote before (by its record); a column of the user's with
 * the same meaning (template columns RFM分组, 客户类型, or a header spelled like one of the add-in's own),
 * filled in place when it is empty or the user consented; last, a new column appended to the right.
 */
import type { CellValue, FieldKey, FieldMap } from "../engine/types";
import { columnHeaders, LANGS, OwnedColumnKey } from "../i18n/headers";
import type { Lang } from "../engine/types";

export interface ColumnTarget {
  key: OwnedColumnKey;
  /** 0-based column index relative to the table's first column. */
  offset: number;
  /** Header to write, or null to keep the header that is there (a template column). */
  header: string | null;
  /** Why this column was chosen. */
  source: "owned" | "template" | "appended";
}

export type ColumnPlan =
  | { ok: true; targets: ColumnTarget[] }
  | { ok: false; conflict: { key: OwnedColumnKey; header: string; offset: number } };

/** Template fields that mean the same as an owned column (RFM分组, 客户类型, 消费能力标签, 活跃度标签 …). */
const TEMPLATE_FIELD: Partial<Record<OwnedColumnKey, FieldKey>> = {
  rfmCode: "rfmCode",
  rfmLabel: "rfmLabel",
  spendingTag: "spendTag",
  activityTag: "activityTag",
  needTag: "needTag",
  segment: "segment",
};

/**
 * A column of the user's that means the same as an owned column: a template field (RFM分组, 客户类型) or
 * a header spelled like one of the add-in's own (R分 …) that no record says the add-in wrote.
 */
function templateColumn(key: OwnedColumnKey, fields: FieldMap, headerIndex: (h: string) => number): number {
  const field = TEMPLATE_FIELD[key];
  const t = field !== undefined ? fields[field] : undefined;
  if (t !== undefined) return t;
  for (const l of LANGS) {
    const i = headerIndex(columnHeaders[l][key]);
    if (i >= 0) return i;
  }
  return -1;
}

const isBlank = (v: CellValue): boolean => v === "" || (typeof v === "string" && v.trim() === "");

export function planColumns(args: {
  keys: OwnedColumnKey[];
  headers: string[];
  rows: CellValue[][];
  fields: FieldMap;
  owned: Partial<Record<OwnedColumnKey, string>>;
  lang: Lang;
  consent: boolean;
  /** First free offset for appended columns (right of the table and of any user cell). */
  appendAt: number;
}): ColumnPlan {
  const { keys, headers, rows, fields, owned, lang, consent } = args;
  const taken = new Set<number>();
  const targets: ColumnTarget[] = [];
  let next = args.appendAt;
  const headerIndex = (h: string) => headers.findIndex((x, i) => !taken.has(i) && x.trim() === h.trim());

  for (const key of keys) {
    const mine = owned[key];
    const offset = mine !== undefined ? headerIndex(mine) : -1;
    if (offset >= 0) {
      targets.push({ key, offset, header: columnHeaders[lang][key], source: "owned" });
      taken.add(offset);
      continue;
    }
    const t = templateColumn(key, fields, headerIndex);
    if (t >= 0 && !taken.has(t)) {
      const empty = rows.every((r) => isBlank(r[t] ?? ""));
      if (!empty && !consent) return { ok: false, conflict: { key, header: headers[t], offset: t } };
      targets.push({ key, offset: t, header: null, source: "template" });
      taken.add(t);
      continue;
    }
    targets.push({ key, offset: next, header: columnHeaders[lang][key], source: "appended" });
    taken.add(next);
    next += 1;
  }
  return { ok: true, targets };
}
