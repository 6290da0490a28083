/**
 * 统一社会信用代码 (GB 32100-2015) and resident ID numbers (GB 11643-1999, ISO 7064 MOD 11-2).
 * Reference values come from outside this code: the GB 11643 standard's own example number, and
 * check characters stated by other implementations (aarioai/id-rule's comments list Fujian pilot codes
 * with the check character the standard's algorithm gives for them).
 */
import {
  checkCreditCode,
  creditCodeCheckChar,
  findResidentIds,
  isResidentId,
  normalizeCreditCode,
  residentIdCheckChar,
} from "../../src/engine/clean";

describe("统一社会信用代码", () => {
  test("pilot-era codes: the computed check character is the one other implementations state", () => {
    // aarioai/id-rule chinese_org_id.go: "91350100M0001TGQXM 计算出的校验位是 1", "91350211M0000XUF46 … R",
    // "91350203M0001FUE2P … J": real codes that fail the check.
    expect(creditCodeCheckChar("91350100M0001TGQX")).toBe("1");
    expect(creditCodeCheckChar("91350211M0000XUF4")).toBe("R");
    expect(creditCodeCheckChar("91350203M0001FUE2")).toBe("J");
    expect(checkCreditCode("91350211M0000XUF46")).toBe("check");
  });

  test("a code whose last character is the computed one is valid, any other character is not", () => {
    for (const first17 of ["91350200776049653", "91440101MA5CJQ4N5", "91110000600037341"]) {
      const c = creditCodeCheckChar(first17) as string;
      expect(checkCreditCode(first17 + c)).toBe("valid");
      const wrong = c === "0" ? "1" : "0";
      expect(checkCreditCode(first17 + wrong)).toBe("check");
    }
  });

  test("written loosely: spaces, lower case, full width", () => {
    expect(normalizeCreditCode(" 9144 0101 ma5cjq4n59 ")).toBe("91440101MA5CJQ4N59");
    expect(checkCreditCode("９１４４０１０１ＭＡ５ＣＪＱ４Ｎ５９")).toBe(checkCreditCode("91440101MA5CJQ4N59"));
  });

  test.each([
    "",
    "ABC",
    "91440101MA5CJQ4N5",
    "91440101MA5CJQ4N590",
    "9144A101MA5CJQ4N59",
    "91440101MA5CJQ4NI9",
    "91440101MA5CJQ4NO9",
  ])("%p has the wrong form", (code) => expect(checkCreditCode(code)).toBe("form"));
});

describe("resident ID numbers", () => {
  test("the standard's example", () => {
    expect(residentIdCheckChar("11010519491231002")).toBe("X");
    expect(isResidentId("11010519491231002X")).toBe(true);
    expect(isResidentId("11010519491231002x")).toBe(true);
  });

  test("a wrong check digit, an impossible birth date or the wrong length is no ID number", () => {
    expect(isResidentId("110105194912310021")).toBe(false);
    expect(isResidentId("110105194913310025")).toBe(false); // month 13
    expect(isResidentId("11010519491231002")).toBe(false);
    expect(isResidentId("1101051949123100200")).toBe(false);
  });

  test("found inside text, not inside longer numbers", () => {
    expect(findResidentIds("身份证 11010519491231002X，已核实")).toEqual(["11010519491231002X"]);
    expect(findResidentIds("订单 911010519491231002X")).toEqual([]);
    expect(findResidentIds("no id here 12345")).toEqual([]);
  });
});
