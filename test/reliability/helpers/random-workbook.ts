/**
 * fast-check arbitraries for random customer and orders sheets with the messiness the SPEC lists: Chinese
 * numbers ("1.2万", "4,200元", "５次"), full-width digits, blanks, text in number columns, duplicate ids, dates as
 * serials, as typed text and as "15天前", error values, user formulas, and strings that start with = + - @ tab CR.
 * Cells are given as Excel receives typed input through Range.formulas: "=…" is a formula, a leading apostrophe
 * keeps the rest as text, anything else is parsed as if typed (numbers, dates, errors).
 */
import fc from "fast-check";
import { defaultSettings, Settings } from "../../../src/engine/config";
import { HostWorkbook } from "../../../src/xlsx-host";

export interface RandomCell {
  /** What is written through Range.formulas. */
  input: string | number | boolean;
  /** A number format for the cell, when it has one. */
  format?: string;
}

export interface RandomSheet {
  kind: "customers" | "orders";
  /** Rows above the header (a title in the first). */
  top: number;
  /** Blank columns left of the table. */
  left: number;
  header: string[];
  rows: RandomCell[][];
  /** Cells right of the table in the header row (a user's note), or none. */
  note: RandomCell | null;
  /**
   * A stray cell far from the table (a note someone left at XFD, or far below), which stretches the used range:
   * below the table after a blank row, or right of it in any row of the table.
   */
  stray: { below: boolean; row: number; col: number; cell: RandomCell } | null;
  settings: Settings;
  overwriteTemplateColumns: boolean;
}

const FULL = "０１２３４５６７８９";
const fullWidth = (n: number): string => String(n).replace(/\d/g, (d) => FULL[Number(d)]);
const text = (s: string): RandomCell => ({ input: `'${s}` });
const blank: RandomCell = { input: "" };

/** Strings a spreadsheet would run as formulas if written raw. */
const ATTACKS = [
  "=1+1",
  "+1",
  "-1",
  "@SUM(1)",
  "\t=2+2",
  "\r=3+3",
  '=HYPERLINK("http://x.invalid","y")',
  "=cmd|' /C calc'!A0",
];

const attack = fc.constantFrom(...ATTACKS).map(text);
const errorCell = fc.constantFrom("#N/A", "#DIV/0!", "#VALUE!", "#REF!").map((e): RandomCell => ({ input: e }));
const userFormula = fc
  .constantFrom("=1+1", '=LEN("客户")', "=TODAY()", "=SUM(1,2)")
  .map((f): RandomCell => ({ input: f }));
/** Any text a person may type, kept as text. */
const freeText = fc.string({ unit: "grapheme", maxLength: 12 }).map(text);

/** A clean value most of the time, the messy ones now and then. */
const mostly = (clean: fc.Arbitrary<RandomCell>, ...messy: fc.Arbitrary<RandomCell>[]) =>
  fc.oneof({ arbitrary: clean, weight: messy.length }, ...messy.map((arbitrary) => ({ arbitrary, weight: 1 })));

const id = mostly(
  fc.integer({ min: 1, max: 40 }).map((n): RandomCell => ({ input: 1000 + n })),
  fc.integer({ min: 1, max: 40 }).map((n) => text(`C${String(n).padStart(3, "0")}`)),
  fc.integer({ min: 1, max: 40 }).map((n) => text(fullWidth(1000 + n))),
  fc.integer({ min: 1, max: 40 }).map((n) => text(`  A${n} `)),
  fc.constant(blank),
  errorCell,
  attack
);

const count = mostly(
  fc.integer({ min: 0, max: 30 }).map((n): RandomCell => ({ input: n })),
  fc.integer({ min: 0, max: 30 }).map((n) => text(`${n}次`)),
  fc.integer({ min: 0, max: 30 }).map((n) => text(`${fullWidth(n)}次`)),
  fc.integer({ min: 0, max: 30 }).map((n): RandomCell => ({ input: String(n) })),
  fc.constant(blank),
  fc.constant(text("未知")),
  errorCell,
  userFormula,
  attack
);

const money = mostly(
  fc.integer({ min: 0, max: 50_000 }).map((n): RandomCell => ({ input: n })),
  fc.integer({ min: 0, max: 50_000 }).map((n): RandomCell => ({ input: n, format: "#,##0.00" })),
  fc.integer({ min: 1, max: 50_000 }).map((n) => text(`${n.toLocaleString("en-US")}元`)),
  fc.integer({ min: 1, max: 99 }).map((n) => text(`${(n / 10).toFixed(1)}万`)),
  fc.integer({ min: 1, max: 9_999 }).map((n) => text(`¥${n.toLocaleString("en-US")}`)),
  fc.integer({ min: 1, max: 9_999 }).map((n) => text(fullWidth(n))),
  fc.constant(blank),
  fc.constant(text("暂无")),
  errorCell,
  userFormula,
  attack
);

/** Serials of 2022-01-01 … 2024-06-01 (1900 system). */
const serial = fc.integer({ min: 44_562, max: 45_444 });
const isoOf = (s: number) => new Date(Date.UTC(1899, 11, 30) + s * 86_400_000).toISOString().slice(0, 10);
const date = mostly(
  serial.map((s): RandomCell => ({ input: s, format: "yyyy/m/d" })),
  serial.map((s): RandomCell => ({ input: s })),
  serial.map((s) => text(isoOf(s))),
  serial.map((s): RandomCell => ({ input: isoOf(s) })),
  serial.map((s) => {
    const [y, m, d] = isoOf(s).split("-").map(Number);
    return text(`${y}年${m}月${d}日`);
  }),
  fc.integer({ min: 0, max: 400 }).map((n) => text(`${n}天前`)),
  fc.integer({ min: 0, max: 400 }).map((n) => text(`${n % 2 ? "是" : "否"}(${n}天前)`)),
  fc.constant(text("1899/12/31")),
  fc.constant(blank),
  errorCell,
  attack
);

const city = fc.oneof(
  fc.constantFrom("北京", "上海市", "广东省深圳市", "成都", "杭州市", "臺北", "Springfield").map(text),
  fc.constant(blank),
  attack
);
const channel = fc.oneof(fc.constantFrom("线上电商", "线下门店", "社群").map(text), fc.constant(blank), attack);
const age = fc.oneof(
  fc.integer({ min: 16, max: 80 }).map((n): RandomCell => ({ input: n })),
  fc.integer({ min: 16, max: 80 }).map((n) => text(`${n}岁`)),
  fc.constant(blank)
);
/** Always filled, so no data row is blank and the table's length is known. */
const name = fc.oneof(
  fc.constantFrom("*先生", "王女士", "李小姐", "Zelig D'eath", "赵六").map(text),
  fc.string({ unit: "grapheme-ascii", minLength: 1, maxLength: 8 }).map((s) => text(`客户${s}`)),
  attack
);
const note = fc.oneof(freeText, userFormula, attack, fc.constant(blank));

interface Column {
  headers: string[];
  cell: fc.Arbitrary<RandomCell>;
  required?: boolean;
}

const CUSTOMER_COLUMNS: Record<string, Column> = {
  id: { headers: ["客户ID", "客户编号", "Customer ID", "客戶編號"], cell: id, required: true },
  name: { headers: ["姓名", "客户名称", "Name"], cell: name, required: true },
  frequency: { headers: ["近6个月消费频次", "消费次数", "Frequency"], cell: count, required: true },
  monetary: { headers: ["累计消费金额(元)", "消费金额", "Monetary"], cell: money, required: true },
  last: { headers: ["上一次购买时间", "最后购买时间", "Last purchase"], cell: date, required: true },
  city: { headers: ["所在城市", "城市", "地域"], cell: city },
  channel: { headers: ["活跃渠道", "渠道偏好"], cell: channel },
  age: { headers: ["年龄", "Age"], cell: age },
  note: { headers: ["备注", "说明"], cell: note },
  type: { headers: ["客户类型"], cell: fc.oneof(fc.constant(blank), fc.constant(blank), freeText) },
};

const ORDER_COLUMNS: Record<string, Column> = {
  order: {
    headers: ["订单号", "订单编号", "Order ID"],
    cell: fc.oneof(
      fc.integer({ min: 1, max: 999 }).map((n): RandomCell => ({ input: n })),
      freeText,
      attack
    ),
  },
  id: { headers: ["客户ID", "买家ID", "Customer ID"], cell: id, required: true },
  name: { headers: ["客户名称", "姓名"], cell: name, required: true },
  date: { headers: ["下单日期", "订单日期", "Order Date"], cell: date, required: true },
  amount: { headers: ["金额", "实付金额", "Amount"], cell: money, required: true },
  quantity: { headers: ["数量"], cell: count },
  note: { headers: ["备注"], cell: note },
};

const LABEL_ATTACKS = fc.dictionary(
  fc.constantFrom("111", "011", "101", "001", "110", "010", "100", "000"),
  fc.oneof(fc.constantFrom(...ATTACKS.map((a) => `${a}客户`)), fc.constantFrom("高价值客户", "流失风险客户")),
  { maxKeys: 3 }
);

const settings = fc
  .record({
    scoring: fc.constantFrom("quintiles", "seedBins", "rPackage" as const),
    split: fc.constantFrom("mean", "thresholds" as const),
    cluster: fc.boolean(),
    k: fc.constantFrom<"auto" | number>("auto", 3),
    dimensions: fc.subarray(["cityTier", "ageBand", "channel"] as const, { maxLength: 2 }),
    labels: LABEL_ATTACKS,
    windowMonths: fc.option(fc.constantFrom(3, 6, 12), { nil: undefined }),
  })
  .map((r) => {
    const s = defaultSettings();
    s.rfm.scoring = r.scoring as Settings["rfm"]["scoring"];
    s.rfm.split = r.split as Settings["rfm"]["split"];
    s.rfm.labels = r.labels;
    if (r.windowMonths !== undefined) s.rfm.windowMonths = r.windowMonths;
    s.cluster = { ...s.cluster, enabled: r.cluster, k: r.k };
    s.dimensions = [...r.dimensions];
    return s;
  });

const DIMENSION_COLUMN: Record<string, string> = { cityTier: "city", ageBand: "age", channel: "channel" };

function sheetOf(kind: "customers" | "orders", columns: Record<string, Column>): fc.Arbitrary<RandomSheet> {
  const keys = Object.keys(columns);
  return fc
    .record({
      picked: fc.subarray(keys, { minLength: 1 }),
      // Now and then a required column is missing: the run must say MISSING_FIELD.
      dropRequired: fc.oneof(
        { arbitrary: fc.constant(null), weight: 15 },
        { arbitrary: fc.constantFrom(...keys.filter((k) => columns[k].required && k !== "name")), weight: 1 }
      ),
      order: fc.infiniteStream(fc.double({ min: 0, max: 1, noNaN: true })),
      headerChoice: fc.array(fc.nat(9), { minLength: keys.length, maxLength: keys.length }),
      rows: fc.integer({ min: 1, max: 8 }),
      top: fc.integer({ min: 0, max: 3 }),
      left: fc.integer({ min: 0, max: 2 }),
      note: fc.option(freeText, { freq: 4, nil: null }),
      // Now and then; within 300 columns (a stray at XFD, which makes every read of a header row 16,384 cells
      // wide and a run ten times slower, is the corpus's huge-used-range case).
      stray: fc.oneof(
        { arbitrary: fc.constant(null), weight: 5 },
        {
          arbitrary: fc.record({
            below: fc.boolean(),
            row: fc.nat(3_000),
            col: fc.nat(300),
            cell: fc.constantFrom("页脚备注", "=1+1", "XFD").map(text),
          }),
          weight: 1,
        }
      ),
      settings,
      consent: fc.boolean(),
    })
    .chain((r) => {
      const chosen = keys.filter((k) => (columns[k].required || r.picked.includes(k)) && k !== r.dropRequired);
      const shuffle = r.order.take(chosen.length);
      const weights = [...shuffle];
      const cols = chosen
        .map((k, i) => ({ k, w: weights[i] }))
        .sort((a, b) => a.w - b.w)
        .map((x) => x.k);
      const header = cols.map((k) => columns[k].headers[r.headerChoice[keys.indexOf(k)] % columns[k].headers.length]);
      // A dimension needs its column (else MISSING_FIELD, which a dropped column already covers).
      const settings = {
        ...r.settings,
        dimensions: r.settings.dimensions.filter((d) => cols.includes(DIMENSION_COLUMN[d])),
      };
      const row = fc.tuple(...cols.map((k) => columns[k].cell));
      return fc.array(row, { minLength: r.rows, maxLength: r.rows }).map((rows): RandomSheet => ({
        kind,
        top: r.top,
        left: r.left,
        header,
        rows,
        note: r.note,
        stray: r.stray,
        settings,
        overwriteTemplateColumns: r.consent,
      }));
    });
}

export const randomCustomerSheet = sheetOf("customers", CUSTOMER_COLUMNS);
export const randomOrdersSheet = sheetOf("orders", ORDER_COLUMNS);

export const SHEET = "Sheet1";
export const AS_OF = "2024-06-01";

/** The sheet in a new workbook, written through the API in one batch. */
export async function buildWorkbook(s: RandomSheet): Promise<HostWorkbook> {
  const wb = HostWorkbook.empty();
  await wb.run(async (context) => {
    const sheet = context.workbook.worksheets.getItem(SHEET);
    if (s.top > 0)
      sheet.getRangeByIndexes(0, s.left, 1, 1).values = [[s.kind === "orders" ? "订单明细" : "表1：客户信息"]];
    const width = s.header.length;
    sheet.getRangeByIndexes(s.top, s.left, 1, width).values = [s.header];
    const body = sheet.getRangeByIndexes(s.top + 1, s.left, s.rows.length, width);
    // Formats first: a date format set before the serial, as a formatted template column holds it.
    body.numberFormat = s.rows.map((r) => r.map((c) => c.format ?? "General"));
    body.formulas = s.rows.map((r) => r.map((c) => c.input));
    if (s.note) sheet.getRangeByIndexes(s.top, s.left + width + 2, 1, 1).formulas = [[s.note.input]];
    if (s.stray) {
      const { below, row, col, cell } = s.stray;
      const last = s.top + s.rows.length; // the table's last row
      const at = below
        ? { row: last + 2 + row, col }
        : { row: row % (last + 1), col: s.left + width + 4 + (col % (16_384 - s.left - width - 4)) };
      sheet.getRangeByIndexes(at.row, at.col, 1, 1).formulas = [[cell.input]];
    }
    await context.sync();
  });
  return wb;
}
