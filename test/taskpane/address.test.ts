/** Addresses as Range.address gives them, split for Range.select() in Excel and for the playground's highlight. */
import { columnIndex, columnLetters, parseAddress } from "../../src/taskpane/address";

describe("parseAddress", () => {
  test("a sheet and a column range", () => {
    expect(parseAddress("客户信息!M4:M303")).toEqual({
      sheet: "客户信息",
      range: "M4:M303",
      top: 3,
      left: 12,
      bottom: 302,
      right: 12,
    });
  });

  test("quoted sheet names, with quotes and ! inside", () => {
    expect(parseAddress("'My Sheet'!A1")).toMatchObject({ sheet: "My Sheet", range: "A1", top: 0, left: 0 });
    expect(parseAddress("'It''s!'!$B$2:$C$9")).toMatchObject({ sheet: "It's!", top: 1, left: 1, bottom: 8, right: 2 });
  });

  test("no sheet, reversed corners, the last column", () => {
    expect(parseAddress("C5:A1")).toMatchObject({ sheet: null, top: 0, left: 0, bottom: 4, right: 2 });
    expect(parseAddress("XFD1048576")).toMatchObject({ left: 16383, top: 1048575 });
  });

  test("refuses what is not a cell range", () => {
    for (const bad of ["", "!A1", "Sheet1!", "A0", "XFE1", "A1:B2:C3", "'open!A1", "K:K", "A1048577"]) {
      expect(parseAddress(bad)).toBeNull();
    }
  });
});

describe("column letters", () => {
  test("round-trip", () => {
    for (const [i, s] of [
      [0, "A"],
      [25, "Z"],
      [26, "AA"],
      [701, "ZZ"],
      [702, "AAA"],
      [16383, "XFD"],
    ] as const) {
      expect(columnLetters(i)).toBe(s);
      expect(columnIndex(s)).toBe(i);
    }
  });
});
