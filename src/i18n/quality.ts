/**
 * The owned 数据质量 column's notes, in every language: what cleaning filled, folded or could not read
 * in a row (engine/clean/marks.ts). Rows are named as Excel numbers them. {{placeholders}} are filled
 * by fill(); test/i18n/keys.test.ts checks every language has every key and placeholder.
 */
import type { QualityMark } from "../engine/clean/marks";
import type { Lang } from "../engine/types";
import { fill } from "./messages";

export const qualityStrings: Record<Lang, Record<QualityKey, string>> = {
  "zh-CN": {
    "filled.median": "{{header}}为空，按中位数补全为 {{value}}",
    "filled.unknown": "{{header}}为空，补全为“{{value}}”",
    "filled.title": "{{header}}为空，按称呼补全为“{{value}}”",
    "filled.other": "{{header}}为空，补全为 {{value}}",
    noPurchase: "无消费记录，标记为新客户",
    "duplicate.merge": "与第 {{rows}} 行是同一客户，已合并到第 {{rows}} 行计算",
    "duplicate.keep": "重复记录，按第 {{rows}} 行计算",
    "kept.merge": "合并了第 {{rows}} 行的记录",
    "kept.keep": "第 {{rows}} 行是本行的重复记录，按本行计算",
    outlier: "消费金额异常，不参与阈值估计（仍参与打分）",
    unparsed: "{{header}}无法读取：“{{value}}”",
    separator: "；",
    rowSeparator: "、",
  },
  "zh-TW": {
    "filled.median": "{{header}}為空，依中位數補全為 {{value}}",
    "filled.unknown": "{{header}}為空，補全為「{{value}}」",
    "filled.title": "{{header}}為空，依稱謂補全為「{{value}}」",
    "filled.other": "{{header}}為空，補全為 {{value}}",
    noPurchase: "無消費紀錄，標記為新客戶",
    "duplicate.merge": "與第 {{rows}} 列是同一客戶，已合併到第 {{rows}} 列計算",
    "duplicate.keep": "重複紀錄，依第 {{rows}} 列計算",
    "kept.merge": "合併了第 {{rows}} 列的紀錄",
    "kept.keep": "第 {{rows}} 列是本列的重複紀錄，依本列計算",
    outlier: "消費金額異常，不參與門檻估計（仍參與評分）",
    unparsed: "{{header}}無法讀取：「{{value}}」",
    separator: "；",
    rowSeparator: "、",
  },
  en: {
    "filled.median": "{{header}} was blank: filled with the median, {{value}}",
    "filled.unknown": '{{header}} was blank: filled with "{{value}}"',
    "filled.title": '{{header}} was blank: "{{value}}" from the title in the name',
    "filled.other": "{{header}} was blank: filled with {{value}}",
    noPurchase: "No purchase record: marked as a new customer",
    "duplicate.merge": "Same customer as row {{rows}}: merged into row {{rows}}",
    "duplicate.keep": "Duplicate record: counted as row {{rows}}",
    "kept.merge": "Merged with the records of row {{rows}}",
    "kept.keep": "Row {{rows}} duplicates this record: counted as this row",
    outlier: "Amount is an outlier: left out of the thresholds (still scored)",
    unparsed: '{{header}} could not be read: "{{value}}"',
    separator: "; ",
    rowSeparator: ", ",
  },
};

export type QualityKey =
  | "filled.median"
  | "filled.unknown"
  | "filled.title"
  | "filled.other"
  | "noPurchase"
  | "duplicate.merge"
  | "duplicate.keep"
  | "kept.merge"
  | "kept.keep"
  | "outlier"
  | "unparsed"
  | "separator"
  | "rowSeparator";

/** One mark in words; `sheetRow` turns a table row into the row number Excel shows. */
export function qualityText(mark: QualityMark, lang: Lang, sheetRow: (row: number) => number): string {
  const s = qualityStrings[lang];
  const rows = (mark.rows ?? []).map(sheetRow).join(s.rowSeparator);
  const params = { header: mark.header ?? "", value: String(mark.value ?? ""), rows };
  switch (mark.kind) {
    case "filled": {
      const key: QualityKey =
        mark.rule === "median"
          ? "filled.median"
          : mark.rule === "unknown"
            ? "filled.unknown"
            : mark.rule === "title"
              ? "filled.title"
              : "filled.other";
      return fill(s[key], params);
    }
    case "noPurchase":
      return s.noPurchase;
    case "duplicate":
      return fill(s[mark.rule === "merge" ? "duplicate.merge" : "duplicate.keep"], params);
    case "kept":
      return fill(s[mark.rule === "merge" ? "kept.merge" : "kept.keep"], params);
    case "outlier":
      return s.outlier;
    case "unparsed":
      return fill(s.unparsed, params);
  }
}

/**
 * Each row's note: its marks in words, joined. `marks` ascending by row (as the engine gives them);
 * rows without a mark get no entry.
 */
export function qualityNotes(
  marks: readonly QualityMark[],
  lang: Lang,
  sheetRow: (row: number) => number
): Map<number, string> {
  const notes = new Map<number, string>();
  const sep = qualityStrings[lang].separator;
  for (const m of marks) {
    const text = qualityText(m, lang, sheetRow);
    const before = notes.get(m.row);
    notes.set(m.row, before === undefined ? text : before + sep + text);
  }
  return notes;
}
