/**
 * Property-based: random customer and orders sheets with random messiness (helpers/random-workbook.ts) through
 * the whole pipeline — src/excel's segmentSheet on the xlsx-host, with the co-authoring re-check on as in the
 * pane. For every workbook:
 * - the run succeeds or refuses with a SegmentSheetError whose code is one the input explains (never EXCEL_ERROR or
 *   WRITE_FAILED, which on this host mean a bug, and never SHEET_CHANGED: nobody else edits the sheet);
 * - no user cell changes (value, formula, number format; a refused run changes nothing at all);
 * - a second run with the same inputs changes nothing: every cell of every sheet and every setting the same;
 * - the written columns cover exactly the data rows, and each row with a customer id gets its RFM code.
 * A fixed seed makes the 1,000 workbooks the same on every run; a failure prints fast-check's seed, path and the
 * shrunk counterexample, which replays with `{ seed, path }`.
 */
import fc from "fast-check";
import type { ErrorCode } from "../../src/engine/errors";
import type { CellValue } from "../../src/engine/types";
import type { HostWorkbook } from "../../src/xlsx-host";
import { columnHeaders } from "../../src/i18n/headers";
import { CellView, WorkbookView, parseColumnAddress, untouched, workbookView } from "./helpers/host-view";
import {
  AS_OF,
  RandomSheet,
  SHEET,
  buildWorkbook,
  randomCustomerSheet,
  randomOrdersSheet,
} from "./helpers/random-workbook";
import { Outcome, rfmRows, runChanges, runSegment } from "./helpers/run";
import { parseId } from "../../src/engine/parse/id";

const SEED = 20_240_601;
/** Codes a bad random sheet may earn. */
const EXPLAINED: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  "NO_TABLE_FOUND",
  "NO_DATA_ROWS",
  "MISSING_FIELD",
  "NO_CUSTOMERS",
  "USER_COLUMN_NOT_EMPTY",
]);

const tally = { workbooks: 0, segmented: 0, refused: new Map<string, number>(), cellsUntouched: 0 };

afterAll(() => {
  console.log(
    `random workbooks: ${tally.workbooks} (${tally.segmented} segmented; refused: ` +
      `${[...tally.refused].map(([c, n]) => `${c} ${n}`).join(", ")}); user cells proved untouched: ${tally.cellsUntouched}`
  );
});

/** The block A1:(rows × columns) of the sheet: the table and the add-in's columns (a stray far away is not read). */
async function tableBlock(wb: HostWorkbook, rows: number, columns: number): Promise<CellValue[][]> {
  return wb.run(async (context) => {
    const r = context.workbook.worksheets.getItem(SHEET).getRangeByIndexes(0, 0, rows, columns);
    r.load("values");
    await context.sync();
    return r.values as CellValue[][];
  });
}

const describeCell = (c: CellView | undefined) => (c === undefined ? "(none)" : JSON.stringify(c));

/** Every difference between two views of the whole workbook (cells, sheets, settings). */
function differences(a: WorkbookView, b: WorkbookView): string[] {
  const out: string[] = [];
  if (JSON.stringify(a.sheets) !== JSON.stringify(b.sheets))
    out.push(`sheets ${JSON.stringify(a.sheets)} → ${JSON.stringify(b.sheets)}`);
  if (JSON.stringify(a.settings) !== JSON.stringify(b.settings)) out.push("settings differ");
  for (const key of new Set([...a.cells.keys(), ...b.cells.keys()])) {
    const x = a.cells.get(key);
    const y = b.cells.get(key);
    if (JSON.stringify(x) !== JSON.stringify(y)) out.push(`${key}: ${describeCell(x)} → ${describeCell(y)}`);
  }
  return out;
}

function describeOutcome(o: Outcome): string {
  return o.ok ? "ok" : `${o.error.code} ${JSON.stringify(o.error.params ?? {})}`;
}

async function check(s: RandomSheet): Promise<void> {
  tally.workbooks++;
  const wb = await buildWorkbook(s);
  const options = { asOf: AS_OF, overwriteTemplateColumns: s.overwriteTemplateColumns };
  const before = await workbookView(wb);
  const first = await runSegment(wb, options, s.settings);
  const afterFirst = await workbookView(wb);

  if (!first.ok) {
    tally.refused.set(first.error.code, (tally.refused.get(first.error.code) ?? 0) + 1);
    expect(EXPLAINED.has(first.error.code) ? "explained" : describeOutcome(first)).toBe("explained");
    // Refused: nothing at all changed.
    expect(differences(before, afterFirst)).toEqual([]);
    tally.cellsUntouched += before.cells.size;
  } else {
    tally.segmented++;
    const summary = first.summary;
    const { allowed, ignoreSheets } = runChanges(summary);
    const same = untouched(before, afterFirst, allowed, ignoreSheets);
    expect(same.changes).toEqual([]);
    tally.cellsUntouched += same.count;
    // Not one formula among the cells the add-in wrote (the data's = + - @ strings stay text).
    const formulas = [...afterFirst.cells].filter(([key, c]) => {
      const at = key.lastIndexOf("!");
      const [row, col] = key
        .slice(at + 1)
        .split(",")
        .map(Number);
      const sheet = key.slice(0, at);
      const written = ignoreSheets.has(sheet) || allowed(sheet, row, col, before.cells.get(key));
      return written && c.formula !== c.value;
    });
    expect(formulas).toEqual([]);

    // The written columns cover exactly the data rows (every generated row has a name, so none is blank).
    expect(summary.rows).toBe(s.rows.length);
    const firstData = s.top + 1;
    for (const address of Object.values(summary.written.columnAddresses)) {
      const c = parseColumnAddress(address as string);
      expect([c.sheet, c.firstRow, c.lastRow]).toEqual([SHEET, firstData, firstData + s.rows.length - 1]);
    }
    // Each row of a segmented customer gets its code; any other row (no id, or no order that could be read)
    // stays blank.
    const col = parseColumnAddress(summary.written.columnAddresses.rfmCode as string).col;
    const values = await tableBlock(wb, s.top + s.rows.length + 2, Math.max(col, s.left + s.header.length) + 1);
    const idCol = s.left + s.header.indexOf(summary.fields.id);
    const customers = new Set((await rfmRows(wb, summary)).keys());
    s.rows.forEach((_, i) => {
      const row = values[firstData + i] ?? [];
      const id = parseId(row[idCol] ?? "");
      expect([i, id, (row[col] ?? "") !== ""]).toEqual([i, id, id !== null && customers.has(id)]);
    });
    expect(values[firstData + s.rows.length]?.[col] ?? "").toBe("");
    expect(values[s.top][col]).toBe(
      summary.written.columns.rfmCode === undefined ? values[s.top][col] : summary.written.columns.rfmCode
    );
    expect(Object.values(columnHeaders["zh-CN"])).toContain(summary.written.columns.rScore);
  }

  // Again, with the same inputs: the same outcome, and not one cell or setting different.
  const second = await runSegment(wb, options, s.settings);
  expect(describeOutcome(second)).toBe(describeOutcome(first));
  expect(differences(afterFirst, await workbookView(wb))).toEqual([]);
}

const params = (numRuns: number, seed: number): fc.Parameters<[RandomSheet]> => ({
  numRuns,
  seed,
  endOnFailure: false,
  // A failure prints `{ seed, path }` to replay it and the shrunk counterexample (the sheet and its settings).
});

describe("random workbooks through segmentSheet on the xlsx-host", () => {
  test("550 random customer sheets", async () => {
    await fc.assert(fc.asyncProperty(randomCustomerSheet, check), params(550, SEED));
  });

  test("450 random orders sheets", async () => {
    await fc.assert(fc.asyncProperty(randomOrdersSheet, check), params(450, SEED + 1));
  });
});
