import { parseBoolean } from "../../src/engine/parse/boolean";
import { normalizeCity } from "../../src/engine/parse/city";
import { genderFromTitle, parseGender } from "../../src/engine/parse/gender";

describe("parseBoolean", () => {
  test.each<[string | number | boolean, boolean]>([
    ["是", true],
    ["否", false],
    ["Y", true],
    ["n", false],
    ["Yes", true],
    ["NO", false],
    ["√", true],
    ["×", false],
    ["✓", true],
    ["✗", false],
    ["TRUE", true],
    ["false", false],
    [true, true],
    [false, false],
    [1, true],
    [0, false],
    ["1", true],
    ["0", false],
    ["有", true],
    ["无", false],
    ["　是　", true],
    ["Ｙ", true],
  ])("%p → %p", (v, expected) => expect(parseBoolean(v)).toBe(expected));

  test.each<string | number>(["", "是的吧", "x", "2", 2, "maybe", "是(15天前)", "T", "F"])("refuses %p", (v) =>
    expect(parseBoolean(v)).toBeNull()
  );
});

describe("parseGender", () => {
  test.each<[string, "男" | "女"]>([
    ["男", "男"],
    ["女", "女"],
    ["M", "男"],
    ["f", "女"],
    ["Male", "男"],
    ["FEMALE", "女"],
    ["先生", "男"],
    ["女士", "女"],
    ["男性", "男"],
    ["女性", "女"],
    ["小姐", "女"],
    [" 男 ", "男"],
    ["Ｍ", "男"],
  ])("%p → %p", (v, expected) => expect(parseGender(v)).toBe(expected));

  test.each<string | number | boolean>(["", "未知", "男女", "X", "Mr", 1, true, "张先生"])("refuses %p", (v) =>
    expect(parseGender(v)).toBeNull()
  );

  test("a title in a name", () => {
    expect(genderFromTitle("*先生")).toBe("男");
    expect(genderFromTitle("王先生")).toBe("男");
    expect(genderFromTitle("*女士")).toBe("女");
    expect(genderFromTitle("李小姐")).toBe("女");
    expect(genderFromTitle("张三")).toBeNull();
    expect(genderFromTitle("先生们好啊先生")).toBeNull();
    expect(genderFromTitle(3)).toBeNull();
  });
});

describe("normalizeCity", () => {
  test.each<[string, string]>([
    ["上海市", "上海"],
    ["上海", "上海"],
    ["北京市", "北京"],
    ["广东省", "广东"],
    ["黑龙江省", "黑龙江"],
    ["广西壮族自治区", "广西"],
    ["内蒙古自治区", "内蒙古"],
    ["宁夏回族自治区", "宁夏"],
    ["新疆维吾尔自治区", "新疆"],
    ["西藏自治区", "西藏"],
    ["香港特别行政区", "香港"],
    ["澳门特别行政区", "澳门"],
    ["广东省深圳市", "深圳"],
    ["广西壮族自治区桂林市", "桂林"],
    ["深圳市", "深圳"],
    ["沙市", "沙市"], // a one-character name keeps its suffix
    ["　成都市　", "成都"],
    ["Shanghai", "Shanghai"],
    ["上海市浦东新区世纪大道100号", "上海市浦东新区世纪大道100号"], // an address is left alone
    ["延边朝鲜族自治州", "延边朝鲜族自治州"],
  ])("%p → %p", (v, expected) => expect(normalizeCity(v)).toBe(expected));

  test("blank and non-text cells are null", () => {
    expect(normalizeCity("")).toBeNull();
    expect(normalizeCity(" ")).toBeNull();
    expect(normalizeCity(310000)).toBeNull();
  });
});
