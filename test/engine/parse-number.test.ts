import { parseNumber } from "../../src/engine/parse/number";

describe("parseNumber", () => {
  test.each<[string | number | boolean, number | null]>([
    // numbers as they are
    [4200, 4200],
    [-3.5, -3.5],
    [0, 0],
    [Number.NaN, null],
    [Number.POSITIVE_INFINITY, null],
    [true, null],
    // plain text numbers, spaces, signs
    ["4200", 4200],
    ["  4200  ", 4200],
    ["-300", -300],
    ["+12", 12],
    [".5", 0.5],
    ["0.25", 0.25],
    // currency and units
    ["4200元", 4200],
    ["4,200元", 4200],
    ["¥4,200", 4200],
    ["￥4200.50", 4200.5],
    ["¥ 4,200 元", 4200],
    ["RMB 4200", 4200],
    ["4200rmb", 4200],
    ["-¥300", -300],
    ["¥-300", -300],
    ["12次", 12],
    ["3人", 3],
    ["28岁", 28],
    ["12 次", 12],
    ["1,234,567.89", 1234567.89],
    // 万 / 千 / 亿 multipliers, also with 元
    ["1.2万", 12000],
    ["0.5万元", 5000],
    ["3千", 3000],
    ["2亿", 200000000],
    ["1.5万元", 15000],
    // full-width digits and punctuation
    ["５次", 5],
    ["４，２００元", 4200],
    ["１．５万", 15000],
    ["－３００", -300],
    ["１２％", 0.12],
    // Traditional units
    ["1.2萬", 12000],
    ["28歲", 28],
    // Latin shorthands for 万 / 千
    ["1.2w", 12000],
    ["1.2W", 12000],
    ["3k", 3000],
    ["3K元", 3000],
    ["１．２ｗ", 12000],
    // the list: units, separators, multipliers, full width, spaces, numbers stored as text
    ["¥4,200", 4200],
    ["￥4,200", 4200],
    ["4,200元", 4200],
    ["5次", 5],
    ["120人", 120],
    ["35岁", 35],
    ["1,234", 1234],
    ["0.5万元", 5000],
    ["3.5千", 3500],
    ["1.5亿", 150000000],
    ["2千万", 20000000],
    ["５次", 5],
    ["　４，２００元　", 4200],
    ["\u00a04200\u00a0", 4200],
    ["58138", 58138],
    ["0", 0],
    ["-0", 0],
    // percentages give fractions
    ["35%", 0.35],
    ["12.5%", 0.125],
    ["-5%", -0.05],
  ])("%p → %p", (input, expected) => {
    expect(parseNumber(input)).toBe(expected);
  });

  test.each([
    "",
    "   ",
    "abc",
    "是",
    "约1000",
    "1000+",
    "4,20",
    "4,2000",
    "1.2.3",
    "12次/月",
    "--5",
    "-¥-5",
    "5万%",
    "1e3",
    "(4200)",
    "#N/A",
    "NaN",
    "Infinity",
    "一千",
    "1.2ww",
    "k",
    "1.2万k",
    "12kg",
    "4 200",
  ])("refuses %p (never guesses)", (input) => {
    expect(parseNumber(input)).toBeNull();
  });

  test("decimal input scaled by 万 is exact", () => {
    // 1.2 * 10000 in floating point is 12000.000000000002; the parser must not produce that.
    expect(parseNumber("1.2万")).toBe(12000);
    expect(parseNumber("0.07万")).toBe(700);
    expect(parseNumber("35%")).toBe(0.35);
  });
});
