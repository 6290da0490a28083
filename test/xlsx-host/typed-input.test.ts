/** Strings taken as if typed into en-US Excel; sheet-name quoting in addresses. */
import { parseTyped, serialFromYmd } from "../../src/xlsx-host/typed-input";
import { parseAddress, quoteSheetName } from "../../src/xlsx-host/address";

const NOW = new Date(2024, 0, 15);
const typed = (s: string, cellFormat?: string) => parseTyped(s, { date1904: false, cellFormat, now: NOW });

describe("typed input", () => {
  test.each<[string, number, string | undefined]>([
    ["123", 123, undefined],
    ["-4.5", -4.5, undefined],
    ["+7", 7, undefined],
    [" 42 ", 42, undefined],
    ["00123", 123, undefined],
    ["1,234", 1234, "#,##0"],
    ["1,234.50", 1234.5, "#,##0.00"],
    ["1.5E3", 1500, "0.00E+00"],
    ["50%", 0.5, "0%"],
    ["12.5%", 0.125, "0.00%"],
    ["$12.50", 12.5, "$#,##0.00"],
    ["(100)", -100, undefined],
    ["1 1/2", 1.5, "# ?/?"],
  ])("%j is the number %p (format %p)", (s, value, format) => {
    const t = typed(s);
    expect(t.kind).toBe("number");
    expect(t).toMatchObject({ value, format });
  });

  test("a number keeps 15 significant digits, as Excel does", () => {
    expect(typed("110101199003071234")).toMatchObject({ kind: "number", value: 110101199003071000 });
  });

  test.each([["1,23"], ["12-34-56-78"], ["abc"], ["1.2.3"], ["13/45/2024"], ["-"], ["N/A"]])("%j stays text", (s) => {
    expect(typed(s)).toEqual({ kind: "text", value: s });
  });

  test.each<[string, number, string]>([
    ["2024-05-10", 45422, "m/d/yyyy"],
    ["2024/5/10", 45422, "m/d/yyyy"],
    ["5/10/2024", 45422, "m/d/yyyy"],
    ["5/10/24", 45422, "m/d/yyyy"],
    ["10-May-2024", 45422, "d-mmm-yy"],
    ["May 10, 2024", 45422, "d-mmm-yy"],
  ])("%j is the date serial %p shown %p", (s, value, format) => {
    expect(typed(s)).toEqual({ kind: "number", value, format });
  });

  test("a month/day without a year is that day of the current year (1/6 → 6-Jan)", () => {
    expect(typed("1/6")).toEqual({ kind: "number", value: serialFromYmd(2024, 1, 6, false), format: "d-mmm" });
  });

  test("a time becomes a day fraction with a time format", () => {
    expect(typed("14:30")).toEqual({ kind: "number", value: 14.5 / 24, format: "h:mm" });
    expect(typed("2:30 PM")).toEqual({ kind: "number", value: 14.5 / 24, format: "h:mm AM/PM" });
  });

  test("an impossible date stays text", () => {
    expect(typed("2/30/2024").kind).toBe("text");
  });

  test("the 1900 system counts the fictitious 1900-02-29; the 1904 system does not", () => {
    expect(serialFromYmd(1900, 2, 28, false)).toBe(59);
    expect(serialFromYmd(1900, 3, 1, false)).toBe(61);
    expect(serialFromYmd(1904, 1, 2, true)).toBe(1);
  });

  test.each([["TRUE", true], ["false", false], ["True", true]])("%j is the boolean %p", (s, b) => {
    expect(typed(s)).toEqual({ kind: "boolean", value: b });
  });

  test("an error literal becomes an error value", () => {
    expect(typed("#N/A")).toEqual({ kind: "error", value: "#N/A" });
  });

  test("= starts a formula", () => {
    expect(typed("=SUM(A1:A3)")).toEqual({ kind: "formula", formula: "SUM(A1:A3)" });
  });

  test('a leading "+" or "-" on a non-number makes a formula, as the Range.values reference says', () => {
    expect(typed("-abc")).toEqual({ kind: "formula", formula: "-abc" });
  });

  test("a leading apostrophe keeps the rest as text", () => {
    expect(typed("'00123")).toEqual({ kind: "text", value: "00123", quotePrefix: true });
  });

  test('the Text format "@" keeps any entry as text', () => {
    expect(typed("=1+1", "@")).toEqual({ kind: "text", value: "=1+1" });
    expect(typed("2024-05-10", "@")).toEqual({ kind: "text", value: "2024-05-10" });
  });
});

describe("addresses", () => {
  test.each([
    ["Sheet1", "Sheet1"],
    ["My Sheet", "'My Sheet'"],
    ["O'Brien", "'O''Brien'"],
    ["客户", "客户"],
    ["2024", "'2024'"],
    ["A1", "'A1'"],
    ["R1C1", "'R1C1'"],
    ["Sheet-1", "'Sheet-1'"],
    ["Data_2", "Data_2"],
  ])("sheet name %j is written %j in addresses", (name, quoted) => {
    expect(quoteSheetName(name)).toBe(quoted);
  });

  test.each([
    ["B2", { row: 1, col: 1, rows: 1, cols: 1 }],
    ["A1:C10", { row: 0, col: 0, rows: 10, cols: 3 }],
    ["$A$1:$B$2", { row: 0, col: 0, rows: 2, cols: 2 }],
    ["A:A", { row: 0, col: 0, rows: 1048576, cols: 1 }],
    ["1:3", { row: 0, col: 0, rows: 3, cols: 16384 }],
    ["C3:A1", { row: 0, col: 0, rows: 3, cols: 3 }],
  ])("%j parses", (a, rect) => {
    expect(parseAddress(a)?.rect).toEqual(rect);
  });

  test.each([["A0"], ["XFE1"], ["A1048577"], ["3"], ["A1:B"], ["foo"]])("%j is rejected", (a) => {
    expect(parseAddress(a)).toBeNull();
  });
});
