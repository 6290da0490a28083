import { isMaskedPhone, isMobile, maskPhone, phoneKey } from "../../src/engine/parse/phone";

describe("phoneKey: digits only, country prefix dropped, masked numbers are no key", () => {
  test.each<[string | number, string]>([
    ["13812345678", "13812345678"],
    [13812345678, "13812345678"],
    ["138-1234-5678", "13812345678"],
    ["138 1234 5678", "13812345678"],
    ["+86 138 1234 5678", "13812345678"],
    ["+8613812345678", "13812345678"],
    ["0086 13812345678", "13812345678"],
    ["008613812345678", "13812345678"],
    ["8613812345678", "13812345678"],
    ["(+86)138-1234-5678", "13812345678"],
    ["１３８１２３４５６７８", "13812345678"],
    ["010-62345678", "01062345678"],
    ["(021) 6234 5678", "02162345678"],
  ])("%p → %p", (v, expected) => expect(phoneKey(v)).toBe(expected));

  test.each<string | number | boolean>([
    "138****5678",
    "****5678",
    "138××××5678",
    "5678",
    "1593210",
    "",
    "abc",
    "电话13812345678",
    true,
    1.5,
  ])("%p is no key", (v) => expect(phoneKey(v)).toBeNull());

  test("masked numbers are recognised", () => {
    expect(isMaskedPhone("138****5678")).toBe(true);
    expect(isMaskedPhone("＊＊＊＊5678")).toBe(true);
    expect(isMaskedPhone("13812345678")).toBe(false);
    expect(isMaskedPhone("5678")).toBe(false);
  });
});

describe("maskPhone keeps the last 4 digits", () => {
  test.each<[string | number, string | null]>([
    ["13812345678", "138****5678"],
    [13812345678, "138****5678"],
    ["+86 138-1234-5678", "138****5678"],
    ["010-62345678", "*******5678"],
    ["138****5678", null],
    ["5678", null],
  ])("%p → %p", (v, expected) => expect(maskPhone(v)).toBe(expected));

  test("isMobile", () => {
    expect(isMobile("13812345678")).toBe(true);
    expect(isMobile("12812345678")).toBe(false);
    expect(isMobile("01062345678")).toBe(false);
  });
});
