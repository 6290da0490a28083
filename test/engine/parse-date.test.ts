import { dayFromIso, dayFromYmd, isoFromDay } from "../../src/engine/parse/day";
import { dayFromExcelSerial, excelSerialFromDay } from "../../src/engine/parse/excel-serial";
import { parseDate, parseDateTimeText, type DayMonthOrder } from "../../src/engine/parse/date";
import { detectDateOrder } from "../../src/engine/parse/date-order";
import { isDateFormat } from "../../src/engine/parse/date-format";
import { parseRecencyDays } from "../../src/engine/parse/recency";

/** Independent reference: days since 1970-01-01 through the platform's Date.UTC. */
const utcDay = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d) / 86_400_000;

const asOfDay = utcDay(2024, 6, 1);
const ctx = { asOfDay };

describe("day numbers", () => {
  test("dayFromIso / isoFromDay round-trip and match Date.UTC", () => {
    for (const [y, m, d] of [
      [1970, 1, 1],
      [1900, 1, 1],
      [1900, 3, 1],
      [2000, 2, 29],
      [2024, 5, 10],
      [9999, 12, 31],
    ]) {
      const iso = `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
      expect(dayFromIso(iso)).toBe(utcDay(y, m, d));
      expect(isoFromDay(utcDay(y, m, d))).toBe(iso);
    }
  });

  test("non-existent dates and other formats are null", () => {
    expect(dayFromIso("2023-02-29")).toBeNull();
    expect(dayFromIso("1900-02-29")).toBeNull();
    expect(dayFromIso("2024-13-01")).toBeNull();
    expect(dayFromIso("2024-5-10")).toBeNull();
    expect(dayFromIso("2024/05/10")).toBeNull();
    expect(dayFromYmd(2024, 4, 31)).toBeNull();
  });

  test("isoFromDay floors a fractional day", () => {
    expect(isoFromDay(utcDay(2024, 5, 10) + 0.9)).toBe("2024-05-10");
  });
});

describe("Excel serials", () => {
  test("1900 system, with the 1900-02-29 bug", () => {
    expect(dayFromExcelSerial(1)).toBe(utcDay(1900, 1, 1));
    expect(dayFromExcelSerial(59)).toBe(utcDay(1900, 2, 28));
    expect(dayFromExcelSerial(60)).toBeNull(); // Excel's phantom 1900-02-29
    expect(dayFromExcelSerial(61)).toBe(utcDay(1900, 3, 1));
    expect(dayFromExcelSerial(25569)).toBe(utcDay(1970, 1, 1));
    expect(dayFromExcelSerial(45422)).toBe(utcDay(2024, 5, 10));
    expect(dayFromExcelSerial(2958465)).toBe(utcDay(9999, 12, 31));
  });

  test("date-times floor to the day", () => {
    expect(dayFromExcelSerial(45422.99)).toBe(utcDay(2024, 5, 10));
    expect(dayFromExcelSerial(45422.0001)).toBe(utcDay(2024, 5, 10));
  });

  test("out of range serials are null", () => {
    expect(dayFromExcelSerial(0)).toBeNull();
    expect(dayFromExcelSerial(-1)).toBeNull();
    expect(dayFromExcelSerial(2958466)).toBeNull();
    expect(dayFromExcelSerial(20240510)).toBeNull();
    expect(dayFromExcelSerial(Number.NaN)).toBeNull();
  });

  test("1904 system", () => {
    expect(dayFromExcelSerial(0, true)).toBe(utcDay(1904, 1, 1));
    expect(dayFromExcelSerial(1, true)).toBe(utcDay(1904, 1, 2));
    // The same day is 1462 serials apart in the two systems.
    expect(dayFromExcelSerial(45422 - 1462, true)).toBe(utcDay(2024, 5, 10));
    expect(dayFromExcelSerial(-1, true)).toBeNull();
  });

  test("excelSerialFromDay inverts dayFromExcelSerial", () => {
    for (const s of [1, 59, 61, 25569, 45422, 2958465]) {
      expect(excelSerialFromDay(dayFromExcelSerial(s) as number)).toBe(s);
    }
    for (const s of [0, 1, 44000]) {
      expect(excelSerialFromDay(dayFromExcelSerial(s, true) as number, true)).toBe(s);
    }
  });
});

describe("parseDate", () => {
  const may10 = utcDay(2024, 5, 10);
  test.each<[string | number, number]>([
    [45422, may10],
    [45422.4375, may10],
    ["2024-05-10", may10],
    ["2024-5-10", may10],
    ["2024/5/10", may10],
    ["2024/05/10", may10],
    ["2024.5.10", may10],
    ["2024.5.31", utcDay(2024, 5, 31)],
    ["2024年5月10日", may10],
    ["2024年05月10日", may10],
    ["2024年5月10号", may10],
    ["2024年5月10", may10],
    ["2024-05-10 10:42:00", may10],
    ["2024-05-10 23:59", may10],
    ["2024/5/10 8:05", may10],
    ["2024-05-10T10:42:00Z", may10],
    ["2024-05-10T23:30:00+08:00", may10],
    ["2024-05-10 10:42:00.123", may10],
    ["2024年5月10日 10:42", may10],
    ["20240510", may10],
    ["  2024-05-10  ", may10],
    ["２０２４－０５－１０", may10],
    ["2024年5月10日", may10],
  ])("%p", (input, expected) => {
    expect(parseDate(input, ctx)).toBe(expected);
  });

  test("relative days count back from the as-of day", () => {
    expect(parseDate("15天前", ctx)).toBe(asOfDay - 15);
    expect(parseDate("是(15天前)", ctx)).toBe(asOfDay - 15);
    expect(parseDate("否(60天前)", ctx)).toBe(asOfDay - 60);
    expect(parseDate("否（120天前）", ctx)).toBe(asOfDay - 120);
    expect(parseDate("0天前", ctx)).toBe(asOfDay);
  });

  test("the 1904 system applies to serials only", () => {
    expect(parseDate(45422 - 1462, { asOfDay, date1904: true })).toBe(may10);
    expect(parseDate("2024-05-10", { asOfDay, date1904: true })).toBe(may10);
  });

  test.each<string | number | boolean>([
    "",
    "abc",
    "2023-02-29",
    "2024-13-01",
    "2024-05-32",
    "2024-05/10",
    "10/31/2011",
    "31/10/2011",
    "05-10-2024",
    "2024-05-10 25:00",
    "2024-05-10 10:60",
    "1899-12-31",
    "240510",
    "2024051",
    "是",
    "是(15天前",
    "15天后",
    20240510,
    0,
    60,
    true,
  ])("refuses %p", (input) => {
    expect(parseDate(input, ctx)).toBeNull();
  });
});

describe("isDateFormat", () => {
  test.each(["yyyy/m/d", "yyyy-mm-dd hh:mm", "m/d/yy", '[$-804]yyyy"年"m"月"d"日"', "d-mmm-yy", "mmm yyyy"])(
    "%p is a date format",
    (f) => expect(isDateFormat(f)).toBe(true)
  );
  test.each(["General", "0", "0.00", '#,##0"次"', '0"天"', "[Red]0", "h:mm:ss", "[h]:mm", "0%", "", undefined])(
    "%p is not a date format",
    (f) => expect(isDateFormat(f)).toBe(false)
  );
});

describe("parseRecencyDays", () => {
  test("numbers are days", () => {
    expect(parseRecencyDays(15, ctx)).toBe(15);
    expect(parseRecencyDays(0, ctx)).toBe(0);
    expect(parseRecencyDays("15", ctx)).toBe(15);
    expect(parseRecencyDays("15天", ctx)).toBe(15);
    expect(parseRecencyDays("１５天", ctx)).toBe(15);
  });
  test("是(15天前) / 否(60天前) are the days", () => {
    expect(parseRecencyDays("是(15天前)", ctx)).toBe(15);
    expect(parseRecencyDays("否(60天前)", ctx)).toBe(60);
    expect(parseRecencyDays("120天前", ctx)).toBe(120);
  });
  test("a date counts the days to the as-of date", () => {
    expect(parseRecencyDays("2024-05-10", ctx)).toBe(asOfDay - utcDay(2024, 5, 10));
    expect(parseRecencyDays("2024年5月10日", ctx)).toBe(22);
    expect(parseRecencyDays("20240510", ctx)).toBe(22);
  });
  test("a serial is a date only when the column's format shows a date", () => {
    expect(parseRecencyDays(45422, { ...ctx, numberFormat: "yyyy/m/d" })).toBe(22);
    expect(parseRecencyDays(45422, { ...ctx, numberFormat: "General" })).toBe(45422);
  });
  test("a date after the as-of date gives a negative count (the caller reports it)", () => {
    expect(parseRecencyDays("2024-06-03", ctx)).toBe(-2);
  });
  test.each(["是", "否", "", "abc", "15%", "最近"])("refuses %p", (v) => {
    expect(parseRecencyDays(v, ctx)).toBeNull();
  });
});

describe("parseDate with a column's day/month order", () => {
  test("day-first and month-first read the same text differently", () => {
    expect(parseDate("04-09-2012", { asOfDay, order: "dmy" })).toBe(utcDay(2012, 9, 4));
    expect(parseDate("04-09-2012", { asOfDay, order: "mdy" })).toBe(utcDay(2012, 4, 9));
    expect(parseDate("10/31/2011 10:42", { asOfDay, order: "mdy" })).toBe(utcDay(2011, 10, 31));
    expect(parseDate("31.05.2024", { asOfDay, order: "dmy" })).toBe(utcDay(2024, 5, 31));
    expect(parseDate("1/9/2011 11:27", { asOfDay, order: "mdy" })).toBe(utcDay(2011, 1, 9));
  });
  test("a date impossible in the column's order is null, not the other order", () => {
    expect(parseDate("10/31/2011", { asOfDay, order: "dmy" })).toBeNull();
    expect(parseDate("31-02-2012", { asOfDay, order: "dmy" })).toBeNull();
  });
  test("without an order such cells are never guessed", () => {
    expect(parseDate("04-09-2012", ctx)).toBeNull();
    expect(parseDate("21-08-2013", ctx)).toBeNull(); // even when only one reading exists
  });
  test("other forms ignore the order", () => {
    expect(parseDate("2024-05-10", { asOfDay, order: "mdy" })).toBe(utcDay(2024, 5, 10));
    expect(parseDate("2024年5月10日", { asOfDay, order: "dmy" })).toBe(utcDay(2024, 5, 10));
  });
  test("12-hour times", () => {
    expect(parseDate("10/31/2011 10:42 PM", { asOfDay, order: "mdy" })).toBe(utcDay(2011, 10, 31));
    expect(parseDate("2024-05-10 12:05 am", ctx)).toBe(utcDay(2024, 5, 10));
    expect(parseDate("2024-05-10 13:05 PM", ctx)).toBeNull();
  });
});

describe("parseDateTimeText keeps the written time", () => {
  test.each<[string, DayMonthOrder | undefined, ReturnType<typeof parseDateTimeText>]>([
    ["2024-05-10", undefined, { day: utcDay(2024, 5, 10) }],
    ["2020-02-21 00:00:00", undefined, { day: utcDay(2020, 2, 21), time: { hour: 0, minute: 0, second: 0 } }],
    ["10/31/2011 10:42", "mdy", { day: utcDay(2011, 10, 31), time: { hour: 10, minute: 42 } }],
    ["10/31/2011 10:42 PM", "mdy", { day: utcDay(2011, 10, 31), time: { hour: 22, minute: 42 } }],
    ["2024-05-10 12:30 AM", undefined, { day: utcDay(2024, 5, 10), time: { hour: 0, minute: 30 } }],
    ["2024年5月10日 8:05", undefined, { day: utcDay(2024, 5, 10), time: { hour: 8, minute: 5 } }],
    ["20240510", undefined, { day: utcDay(2024, 5, 10) }],
    ["10/31/2011", undefined, null],
  ])("%p", (text, order, expected) => {
    expect(parseDateTimeText(text, order)).toEqual(expected);
  });
});

describe("detectDateOrder decides per column, never per cell", () => {
  test("a first field above 12 makes the column day-first", () => {
    expect(detectDateOrder(["04-09-2012", "21-08-2013", "10-02-2014"])).toEqual({
      order: "dmy",
      cells: 3,
      evidence: 1,
    });
  });
  test("a second field above 12 makes it month-first", () => {
    expect(detectDateOrder(["10/31/2011 10:42", "6/12/2011 12:34", "1/9/2011 11:27"])).toEqual({
      order: "mdy",
      cells: 3,
      evidence: 1,
    });
  });
  test("all cells fitting both orders: ambiguous", () => {
    expect(detectDateOrder(["04-09-2012", "05/06/2012", "", 45422, "2024-05-10"])).toEqual({
      order: "ambiguous",
      cells: 2,
    });
  });
  test("evidence both ways: conflict", () => {
    expect(detectDateOrder(["21-08-2013", "08-21-2013", "01-01-2013"])).toEqual({
      order: "conflict",
      cells: 3,
      dayFirst: 1,
      monthFirst: 1,
    });
  });
  test("ISO dates, serials and text do not vote", () => {
    expect(detectDateOrder(["2024-05-10", 45422, "abc", "2024年5月10日"])).toEqual({ order: "none" });
  });
  test("full-width and padded cells count", () => {
    expect(detectDateOrder(["　２１－０８－２０１３　"])).toEqual({ order: "dmy", cells: 1, evidence: 1 });
  });
  test("a field above 31 is no evidence", () => {
    expect(detectDateOrder(["45-08-2013", "04-09-2012"])).toEqual({ order: "ambiguous", cells: 2 });
  });
});
