/**
 * applyFixes: the cleaned copy of a table, with the fixes of the kinds the user accepted. Pure:
 * the input table and report are not changed.
 *
 * Kinds apply in a fixed order, so that a later step builds on an earlier one: normalising,
 * then filling, then resolving duplicates (a merge writes its combined values over the normalised
 * ones), then masking; removed rows go last. Row positions in the fixes are those of the input
 * table; in the output, removed rows are gone and the rows below move up.
 */
import type { CellValue, RawTable } from "../types";
import type { CellFix, CleaningReport, FixKind } from "./types";

export const FIX_ORDER: readonly FixKind[] = [
  "normalizeNumber",
  "normalizeDate",
  "normalizeBoolean",
  "normalizeGender",
  "normalizeCity",
  "normalizeText",
  "fillRule",
  "fillMedian",
  "fillUnknown",
  "duplicateRow",
  "duplicateButId",
  "sameCustomer",
  "maskPhone",
];

export function applyFixes(table: RawTable, report: CleaningReport, acceptedKinds: Iterable<FixKind>): RawTable {
  const accepted = new Set(acceptedKinds);
  const rows: CellValue[][] = table.rows.slice();
  const copied = new Uint8Array(rows.length);
  const removed = new Uint8Array(rows.length);
  const set = (f: CellFix) => {
    if (!copied[f.row]) {
      rows[f.row] = rows[f.row].slice();
      copied[f.row] = 1;
    }
    const row = rows[f.row];
    while (row.length <= f.column) row.push("");
    row[f.column] = f.after;
  };
  for (const kind of FIX_ORDER) {
    if (!accepted.has(kind)) continue;
    for (const f of report.fixes[kind] ?? []) {
      if (f.op === "set") set(f);
      else removed[f.row] = 1;
    }
  }
  const out: RawTable = {
    headers: table.headers.slice(),
    rows: rows.filter((_, r) => !removed[r]),
  };
  if (table.numberFormats) out.numberFormats = table.numberFormats.slice();
  if (table.date1904 !== undefined) out.date1904 = table.date1904;
  return out;
}
