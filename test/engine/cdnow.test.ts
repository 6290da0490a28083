/**
 * CDNOW (../shared/data/CDNOW_master.txt, Fader & Hardie's CD-store transactions 1997-01…1998-06,
 * via CamDavidsonPilon/lifetimes; see shared/data/SOURCES.md) as an orders table with Chinese
 * headers and Excel serial dates. Every customer's R, F, M, scores and codes are checked against
 * scripts/engine-cdnow-expected.py, an independent pandas calculation. Needs python3 with pandas
 * (CI installs python3-pandas); without it this test fails rather than skips.
 */
import * as fs from "fs";
import { defaultSettings, type Settings } from "../../src/engine/config";
import { segment } from "../../src/engine/pipeline";
import type { CellValue, RawTable, SegmentationResult } from "../../src/engine/types";
import { CDNOW_DATA, Expected, expectedCdnow } from "../helpers/cdnow-expected";

const DATA = CDNOW_DATA;
const AS_OF = "1998-07-01";
const THRESHOLDS = { recencyDays: 90, frequency: 3, monetary: 100 };
const expected = () => expectedCdnow(AS_OF, THRESHOLDS);

/** The CDNOW file as Excel would hold it: text ids, serial dates, numbers. */
function cdnowTable(): RawTable {
  if (!fs.existsSync(DATA))
    throw new Error(`CDNOW data not found at ${DATA} (set SEGMENT_SHEET_SHARED to the shared folder)`);
  const lines = fs
    .readFileSync(DATA, "utf8")
    .split(/\r?\n/)
    .filter((l) => l.trim() !== "");
  expect(lines[0].trim().split(/\s+/)).toEqual(["customer_id", "date", "number_of_cds", "dollar_value"]);
  const rows: CellValue[][] = lines.slice(1).map((line) => {
    const [id, ymd, cds, dollars] = line.trim().split(/\s+/);
    const utc = Date.UTC(Number(ymd.slice(0, 4)), Number(ymd.slice(4, 6)) - 1, Number(ymd.slice(6, 8)));
    const serial = utc / 86_400_000 + 25569; // Excel 1900 system: 25569 = 1970-01-01
    return [id, serial, Number(cds), Number(dollars)];
  });
  return { headers: ["客户ID", "下单日期", "数量", "金额"], rows, numberFormats: ["@", "yyyy/m/d", "0", "0.00"] };
}

describe("CDNOW orders → RFM, against an independent pandas calculation", () => {
  let table: RawTable;
  let want: Expected[];
  beforeAll(() => {
    table = cdnowTable();
    want = expected();
  });

  function runWith(settings: Settings): SegmentationResult {
    const r = segment(table, settings, { asOf: AS_OF, lang: "zh-CN" });
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    return r.value;
  }

  test("the data is the documented size", () => {
    expect(table.rows).toHaveLength(69_659);
    expect(want).toHaveLength(23_570);
  });

  test("mean split: every customer's R, F, M, scores and code", () => {
    const res = runWith(defaultSettings());
    expect(res.kind).toBe("orders");
    expect(res.fields).toEqual({ id: 0, orderDate: 1, quantity: 2, amount: 3 });
    expect(res.customers).toHaveLength(want.length);
    const mismatches: string[] = [];
    res.customers.forEach((c, i) => {
      const e = want[i];
      const got = [c.id, c.recencyDays, c.frequency, c.monetary, c.rScore, c.fScore, c.mScore, c.rfmCode];
      const exp = [e.id, e.recency, e.frequency, e.monetary, e.r, e.f, e.m, e.codeMean];
      if (JSON.stringify(got) !== JSON.stringify(exp))
        mismatches.push(`${JSON.stringify(got)} ≠ ${JSON.stringify(exp)}`);
    });
    expect(mismatches.slice(0, 10)).toEqual([]);
    expect(res.report).toMatchObject({ rowsRead: 69_659, rowsWithoutId: 0, rowsAfterAsOf: 0, issues: [] });
    expect(res.rowCustomer.every((c) => c >= 0)).toBe(true);

    // Segment sizes agree with the expected codes.
    const counts = new Map<string, number>();
    for (const e of want) counts.set(e.codeMean, (counts.get(e.codeMean) ?? 0) + 1);
    for (const s of res.segments) expect([s.code, s.count]).toEqual([s.code, counts.get(s.code) ?? 0]);
  });

  test("thresholds split: every customer's code", () => {
    const s = defaultSettings();
    s.rfm.split = "thresholds";
    s.rfm.thresholds = { ...THRESHOLDS };
    const res = runWith(s);
    expect(res.customers.map((c) => `${c.id}:${c.rfmCode}`)).toEqual(want.map((e) => `${e.id}:${e.codeThresholds}`));
  });

  test("the data exercises the rules: ties, customers with only zero-amount orders", () => {
    expect(want.filter((e) => e.recency === null).length).toBeGreaterThan(0);
    expect(new Set(want.map((e) => e.monetary)).size).toBeLessThan(want.length);
    expect(new Set(want.map((e) => e.codeMean)).size).toBe(8);
  });
});
