import { isBlank, normalizeText, toHalfWidth, toSimplified } from "../../src/engine/parse/text";
import { parseId } from "../../src/engine/parse/id";

describe("text normalisation", () => {
  test("full-width → half-width", () => {
    expect(toHalfWidth("ＡＢＣ１２３（元）％，．　")).toBe("ABC123(元)%,. ");
    expect(toHalfWidth("￥")).toBe("¥");
    expect(toHalfWidth("【元】")).toBe("[元]");
  });
  test("Traditional → Simplified for header and unit characters", () => {
    expect(toSimplified("客戶編號")).toBe("客户编号");
    expect(toSimplified("最後購買時間")).toBe("最后购买时间");
    expect(toSimplified("消費頻次")).toBe("消费频次");
    expect(toSimplified("1.2萬")).toBe("1.2万");
    expect(toSimplified("上海")).toBe("上海");
  });
  test("normalizeText trims after conversion", () => {
    expect(normalizeText("　５次　")).toBe("5次");
  });
  test("isBlank", () => {
    for (const v of ["", "  ", "　", "#N/A", "#VALUE!", "NA", "n/a", "null"]) expect(isBlank(v)).toBe(true);
    for (const v of [0, "0", "-", "无", false]) expect(isBlank(v)).toBe(false);
  });
});

describe("parseId", () => {
  test("numbers and their text are the same id", () => {
    expect(parseId(1001)).toBe("1001");
    expect(parseId("1001")).toBe("1001");
    expect(parseId(" 1001 ")).toBe("1001");
    expect(parseId("１００１")).toBe("1001");
  });
  test("text keeps leading zeros and case", () => {
    expect(parseId("00001")).toBe("00001");
    expect(parseId("C1001")).toBe("C1001");
    expect(parseId("c1001")).toBe("c1001");
  });
  test("blank and error values are no id", () => {
    for (const v of ["", "  ", "#N/A", "NA", true, Number.NaN]) expect(parseId(v)).toBeNull();
  });
});
