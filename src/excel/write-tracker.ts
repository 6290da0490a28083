/**
 * The strategy tracker (表3 客户细分策略与执行跟踪表): one row per segment with the documents' default
 * strategy and the segment's live figures. A tracker the team already keeps in that layout, on any sheet, is
 * updated in place. A re-run writes only the figure columns and fills empty strategy cells: what a person
 * typed (负责人, 当前进度, an edited strategy) is never overwritten, and rows the add-in does not know are
 * left alone. Untouched cells are sent as `null`, which Excel leaves unchanged
 * (https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-blank-null-values).
 */
import { defaultStrategy } from "../engine/strategy/defaults";
import type { CellValue, Lang, SegmentationResult } from "../engine/types";
import { LANGS } from "../i18n/headers";
import {
  FIGURE_COLUMNS,
  TEMPLATE_COLUMNS,
  TrackerColumn,
  trackerHeaders,
  trackerSheetName,
  trackerStatus,
} from "../i18n/tracker";
import { queueValues } from "./bounded-read";
import { asText } from "./cell-text";
import type { Journal } from "./journal";
import { HEADER_SCAN_ROWS } from "./limits";
import { UNDO_SHEET } from "./undo";

type Cell = string | number | boolean | null;

export interface TrackerTable {
  sheet: string;
  headerRow: number;
  firstColumn: number;
  /** Column key → offset from firstColumn. */
  columns: Partial<Record<TrackerColumn, number>>;
  width: number;
  /** Data rows under the header, up to the first blank row. */
  rows: CellValue[][];
}

const MIN_TEMPLATE_HEADERS = 5;
const isBlank = (v: CellValue | undefined): boolean =>
  v === undefined || v === "" || (typeof v === "string" && v.trim() === "");

/** Which tracker column a header names, in any language. */
function trackerKey(header: CellValue): TrackerColumn | null {
  if (typeof header !== "string") return null;
  const h = header.trim();
  for (const lang of LANGS) {
    for (const [key, text] of Object.entries(trackerHeaders[lang])) if (text === h) return key as TrackerColumn;
  }
  return null;
}

/** A header row naming most of the template's eight columns, or null. */
function matchHeader(
  row: CellValue[]
): { first: number; columns: Partial<Record<TrackerColumn, number>>; last: number } | null {
  const columns: Partial<Record<TrackerColumn, number>> = {};
  let first = -1;
  let last = -1;
  row.forEach((v, i) => {
    const key = trackerKey(v);
    if (key !== null && columns[key] === undefined) {
      columns[key] = i;
      if (first < 0) first = i;
      last = i;
    }
  });
  const template = TEMPLATE_COLUMNS.filter((k) => columns[k] !== undefined).length;
  if (template < MIN_TEMPLATE_HEADERS || columns.name === undefined) return null;
  for (const k of Object.keys(columns) as TrackerColumn[]) columns[k] = (columns[k] as number) - first;
  return { first, columns, last };
}

/** Looks for a tracker on every sheet (the recorded one first); one round trip for all sheets. */
export async function findTracker(
  context: Excel.RequestContext,
  recorded: string | undefined
): Promise<TrackerTable | null> {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name");
  await context.sync();
  const names = sheets.items.map((s) => s.name).filter((n) => n !== UNDO_SHEET);
  const order =
    recorded !== undefined && names.includes(recorded) ? [recorded, ...names.filter((n) => n !== recorded)] : names;
  const used = order.map((name) => {
    const r = sheets.getItem(name).getUsedRangeOrNullObject(true);
    r.load("rowIndex, columnIndex, rowCount, columnCount");
    return { name, r };
  });
  await context.sync();
  const tops = used
    .filter((u) => !u.r.isNullObject)
    .map((u) => {
      // Bounded even when the used range reaches column XFD (bounded-read.ts).
      const top = queueValues(
        sheets.getItem(u.name),
        0,
        0,
        u.r.rowIndex + Math.min(u.r.rowCount, HEADER_SCAN_ROWS),
        u.r.columnIndex + u.r.columnCount
      );
      return { name: u.name, top, lastRow: u.r.rowIndex + u.r.rowCount - 1 };
    });
  await context.sync();
  const found = firstMatch(tops.map(({ name, top, lastRow }) => ({ name, values: top(), lastRow })));
  if (!found) return null;
  const { name, row: r, match: m, lastRow } = found;
  const width = m.last - m.first + 1;
  const body = lastRow > r ? sheets.getItem(name).getRangeByIndexes(r + 1, m.first, lastRow - r, width) : null;
  body?.load("values");
  await context.sync();
  const rows: CellValue[][] = [];
  for (const row of body ? body.values : []) {
    if (row.every((v) => isBlank(v))) break;
    rows.push(row);
  }
  return { sheet: name, headerRow: r, firstColumn: m.first, columns: m.columns, width, rows };
}

/** The first sheet (in the order given) with a tracker header row in its first rows. */
function firstMatch(tops: { name: string; values: CellValue[][]; lastRow: number }[]) {
  for (const { name, values, lastRow } of tops) {
    for (let row = 0; row < values.length; row++) {
      const match = matchHeader(values[row]);
      if (match) return { name, row, match, lastRow };
    }
  }
  return null;
}

/** Plans every cell of the tracker block: values to write, `null` where a person's cell stays as it is. */
export function planTracker(
  table: TrackerTable,
  result: SegmentationResult,
  lang: Lang
): { header: Cell[]; rows: Cell[][]; columns: Partial<Record<TrackerColumn, number>> } {
  const columns = { ...table.columns };
  let width = table.width;
  for (const key of [...TEMPLATE_COLUMNS, ...FIGURE_COLUMNS]) if (columns[key] === undefined) columns[key] = width++;
  const header: Cell[] = new Array<Cell>(width).fill(null);
  // Only the columns the add-in adds get a header; the team's own headers stay as they are.
  for (const [key, at] of Object.entries(columns))
    if (at >= table.width) header[at] = trackerHeaders[lang][key as TrackerColumn];
  const total = result.customers.length;
  const current = new Map(result.segments.map((s) => [s.code, s]));
  const cell = (row: CellValue[], key: TrackerColumn): CellValue | undefined => row[columns[key] as number];
  const rows: Cell[][] = table.rows.map(() => new Array<Cell>(width).fill(null));
  const seen = new Set<string>();

  const fill = (out: Cell[], row: CellValue[], code: string, label: string, count: number) => {
    const put = (key: TrackerColumn, v: Cell) => (out[columns[key] as number] = v);
    const strategy = defaultStrategy(code, lang);
    if (isBlank(cell(row, "name"))) put("name", asText(label));
    if (strategy) {
      for (const key of ["traits", "strategy", "actions", "target", "cycle"] as const) {
        if (isBlank(cell(row, key))) put(key, asText(strategy[key]));
      }
    }
    put("code", asText(code));
    put("customers", count);
    put("share", total > 0 ? count / total : 0);
    put("asOf", asText(result.asOf));
    put("status", count > 0 ? trackerStatus[lang].active : trackerStatus[lang].retired);
  };

  table.rows.forEach((row, i) => {
    const code = String(cell(row, "code") ?? "").trim();
    const byCode = code !== "" ? current.get(code) : undefined;
    const name = String(cell(row, "name") ?? "").trim();
    const byName = byCode ?? result.segments.find((s) => s.label === name && !seen.has(s.code));
    if (byName && !seen.has(byName.code)) {
      seen.add(byName.code);
      fill(rows[i], row, byName.code, byName.label, byName.count);
    } else if (code !== "") {
      // A segment this add-in tracked before that has no customers in this run: retired, edits kept.
      fill(rows[i], row, code, name, 0);
    }
  });
  for (const s of result.segments) {
    if (seen.has(s.code) || s.count === 0) continue;
    const out = new Array<Cell>(width).fill(null);
    fill(out, [], s.code, s.label, s.count);
    rows.push(out);
  }
  return { header, rows, columns };
}

/** Writes the tracker; returns its sheet name. */
export async function writeTracker(
  context: Excel.RequestContext,
  result: SegmentationResult,
  lang: Lang,
  recorded: string | undefined,
  takenNames: string[],
  journal: Journal
): Promise<string> {
  let table = await findTracker(context, recorded);
  if (!table) {
    const lower = takenNames.map((n) => n.toLowerCase());
    let name = trackerSheetName[lang];
    for (let i = 2; lower.includes(name.toLowerCase()); i++) name = `${trackerSheetName[lang]} (${i})`;
    context.workbook.worksheets.add(name);
    journal.createdSheet(name);
    table = { sheet: name, headerRow: 0, firstColumn: 0, columns: {}, width: 0, rows: [] };
  }
  const plan = planTracker(table, result, lang);
  const sheet = context.workbook.worksheets.getItem(table.sheet);
  const width = plan.header.length;
  journal.capture(table.sheet, table.headerRow, table.firstColumn, plan.rows.length + 1, width);
  journal.expect(table.sheet, table.headerRow, table.firstColumn, [plan.header, ...plan.rows]);
  await journal.flush();
  const head = sheet.getRangeByIndexes(table.headerRow, table.firstColumn, 1, width);
  head.values = [plan.header];
  if (plan.rows.length > 0) {
    const body = sheet.getRangeByIndexes(table.headerRow + 1, table.firstColumn, plan.rows.length, width);
    body.values = plan.rows;
    const share = plan.columns.share;
    if (share !== undefined)
      sheet.getRangeByIndexes(table.headerRow + 1, table.firstColumn + share, plan.rows.length, 1).numberFormat = [
        ["0.0%"],
      ];
  }
  await context.sync();
  return table.sheet;
}
