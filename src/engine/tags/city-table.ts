/**
 * China's administrative divisions as the tags need them: the 34 provincial-level divisions with their
 * region, and under each province its prefecture-level divisions.
 *
 * Counts (checked by test/engine/city-table.test.ts):
 * - 34 provincial-level divisions: 23 provinces (台湾 included), 5 autonomous regions, 4 municipalities
 *   (北京, 天津, 上海, 重庆 — also cities), 2 special administrative regions (香港, 澳门).
 * - 333 prefecture-level divisions = 293 prefecture-level cities (地级市) + 30 autonomous prefectures
 *   (自治州) + 7 prefectures (地区) + 3 leagues (盟): the count of 民政部《中华人民共和国行政区划统计表》
 *   at the end of every year from 2019 (莱芜市 merged into 济南市 in January 2019) to 2023. Names as in
 *   国家统计局《统计用区划代码》 (2023), as collected in modood/Administrative-divisions-of-China
 *   dist/cities.csv.
 *
 * Regions: the seven geographic regions (七大地理分区) 华北 · 东北 · 华东 · 华中 · 华南 · 西南 · 西北, with
 * 台湾 in 华东 and 香港, 澳门 in 华南 as that division places them.
 *
 * Format: [full name, short name, region, prefecture-level divisions]. A division is written by its
 * full name; one not ending in 市 carries its short name after "|" (延边朝鲜族自治州|延边).
 */

export type RegionKey = "north" | "northeast" | "east" | "central" | "south" | "southwest" | "northwest";
export const REGION_KEYS: readonly RegionKey[] = [
  "north",
  "northeast",
  "east",
  "central",
  "south",
  "southwest",
  "northwest",
];

// prettier-ignore
export const PROVINCE_TABLE: ReadonlyArray<readonly [string, string, RegionKey, string]> = [
  ["北京市", "北京", "north", ""],
  ["天津市", "天津", "north", ""],
  ["河北省", "河北", "north", "石家庄市 唐山市 秦皇岛市 邯郸市 邢台市 保定市 张家口市 承德市 沧州市 廊坊市 衡水市"],
  ["山西省", "山西", "north", "太原市 大同市 阳泉市 长治市 晋城市 朔州市 晋中市 运城市 忻州市 临汾市 吕梁市"],
  ["内蒙古自治区", "内蒙古", "north", "呼和浩特市 包头市 乌海市 赤峰市 通辽市 鄂尔多斯市 呼伦贝尔市 巴彦淖尔市 乌兰察布市 兴安盟|兴安 锡林郭勒盟|锡林郭勒 阿拉善盟|阿拉善"],
  ["辽宁省", "辽宁", "northeast", "沈阳市 大连市 鞍山市 抚顺市 本溪市 丹东市 锦州市 营口市 阜新市 辽阳市 盘锦市 铁岭市 朝阳市 葫芦岛市"],
  ["吉林省", "吉林", "northeast", "长春市 吉林市 四平市 辽源市 通化市 白山市 松原市 白城市 延边朝鲜族自治州|延边"],
  ["黑龙江省", "黑龙江", "northeast", "哈尔滨市 齐齐哈尔市 鸡西市 鹤岗市 双鸭山市 大庆市 伊春市 佳木斯市 七台河市 牡丹江市 黑河市 绥化市 大兴安岭地区|大兴安岭"],
  ["上海市", "上海", "east", ""],
  ["江苏省", "江苏", "east", "南京市 无锡市 徐州市 常州市 苏州市 南通市 连云港市 淮安市 盐城市 扬州市 镇江市 泰州市 宿迁市"],
  ["浙江省", "浙江", "east", "杭州市 宁波市 温州市 嘉兴市 湖州市 绍兴市 金华市 衢州市 舟山市 台州市 丽水市"],
  ["安徽省", "安徽", "east", "合肥市 芜湖市 蚌埠市 淮南市 马鞍山市 淮北市 铜陵市 安庆市 黄山市 滁州市 阜阳市 宿州市 六安市 亳州市 池州市 宣城市"],
  ["福建省", "福建", "east", "福州市 厦门市 莆田市 三明市 泉州市 漳州市 南平市 龙岩市 宁德市"],
  ["江西省", "江西", "east", "南昌市 景德镇市 萍乡市 九江市 新余市 鹰潭市 赣州市 吉安市 宜春市 抚州市 上饶市"],
  ["山东省", "山东", "east", "济南市 青岛市 淄博市 枣庄市 东营市 烟台市 潍坊市 济宁市 泰安市 威海市 日照市 临沂市 德州市 聊城市 滨州市 菏泽市"],
  ["河南省", "河南", "central", "郑州市 开封市 洛阳市 平顶山市 安阳市 鹤壁市 新乡市 焦作市 濮阳市 许昌市 漯河市 三门峡市 南阳市 商丘市 信阳市 周口市 驻马店市"],
  ["湖北省", "湖北", "central", "武汉市 黄石市 十堰市 宜昌市 襄阳市 鄂州市 荆门市 孝感市 荆州市 黄冈市 咸宁市 随州市 恩施土家族苗族自治州|恩施"],
  ["湖南省", "湖南", "central", "长沙市 株洲市 湘潭市 衡阳市 邵阳市 岳阳市 常德市 张家界市 益阳市 郴州市 永州市 怀化市 娄底市 湘西土家族苗族自治州|湘西"],
  ["广东省", "广东", "south", "广州市 韶关市 深圳市 珠海市 汕头市 佛山市 江门市 湛江市 茂名市 肇庆市 惠州市 梅州市 汕尾市 河源市 阳江市 清远市 东莞市 中山市 潮州市 揭阳市 云浮市"],
  ["广西壮族自治区", "广西", "south", "南宁市 柳州市 桂林市 梧州市 北海市 防城港市 钦州市 贵港市 玉林市 百色市 贺州市 河池市 来宾市 崇左市"],
  ["海南省", "海南", "south", "海口市 三亚市 三沙市 儋州市"],
  ["重庆市", "重庆", "southwest", ""],
  ["四川省", "四川", "southwest", "成都市 自贡市 攀枝花市 泸州市 德阳市 绵阳市 广元市 遂宁市 内江市 乐山市 南充市 眉山市 宜宾市 广安市 达州市 雅安市 巴中市 资阳市 阿坝藏族羌族自治州|阿坝 甘孜藏族自治州|甘孜 凉山彝族自治州|凉山"],
  ["贵州省", "贵州", "southwest", "贵阳市 六盘水市 遵义市 安顺市 毕节市 铜仁市 黔西南布依族苗族自治州|黔西南 黔东南苗族侗族自治州|黔东南 黔南布依族苗族自治州|黔南"],
  ["云南省", "云南", "southwest", "昆明市 曲靖市 玉溪市 保山市 昭通市 丽江市 普洱市 临沧市 楚雄彝族自治州|楚雄 红河哈尼族彝族自治州|红河 文山壮族苗族自治州|文山 西双版纳傣族自治州|西双版纳 大理白族自治州|大理 德宏傣族景颇族自治州|德宏 怒江傈僳族自治州|怒江 迪庆藏族自治州|迪庆"],
  ["西藏自治区", "西藏", "southwest", "拉萨市 日喀则市 昌都市 林芝市 山南市 那曲市 阿里地区|阿里"],
  ["陕西省", "陕西", "northwest", "西安市 铜川市 宝鸡市 咸阳市 渭南市 延安市 汉中市 榆林市 安康市 商洛市"],
  ["甘肃省", "甘肃", "northwest", "兰州市 嘉峪关市 金昌市 白银市 天水市 武威市 张掖市 平凉市 酒泉市 庆阳市 定西市 陇南市 临夏回族自治州|临夏 甘南藏族自治州|甘南"],
  ["青海省", "青海", "northwest", "西宁市 海东市 海北藏族自治州|海北 黄南藏族自治州|黄南 海南藏族自治州|海南 果洛藏族自治州|果洛 玉树藏族自治州|玉树 海西蒙古族藏族自治州|海西"],
  ["宁夏回族自治区", "宁夏", "northwest", "银川市 石嘴山市 吴忠市 固原市 中卫市"],
  ["新疆维吾尔自治区", "新疆", "northwest", "乌鲁木齐市 克拉玛依市 吐鲁番市 哈密市 昌吉回族自治州|昌吉 博尔塔拉蒙古自治州|博尔塔拉 巴音郭楞蒙古自治州|巴音郭楞 阿克苏地区|阿克苏 克孜勒苏柯尔克孜自治州|克孜勒苏 喀什地区|喀什 和田地区|和田 伊犁哈萨克自治州|伊犁 塔城地区|塔城 阿勒泰地区|阿勒泰"],
  ["台湾省", "台湾", "east", ""],
  ["香港特别行政区", "香港", "south", ""],
  ["澳门特别行政区", "澳门", "south", ""],
];

export interface Province {
  name: string;
  short: string;
  region: RegionKey;
  /** One of 北京, 天津, 上海, 重庆: a provincial-level division that is also a city. */
  municipality: boolean;
}

export interface Prefecture {
  name: string;
  short: string;
  province: Province;
  /** A prefecture-level city (地级市), as opposed to an autonomous prefecture, prefecture or league. */
  city: boolean;
}

export const PROVINCES: readonly Province[] = PROVINCE_TABLE.map(([name, short, region]) => ({
  name,
  short,
  region,
  municipality: name.endsWith("市"),
}));

export const PREFECTURES: readonly Prefecture[] = PROVINCE_TABLE.flatMap(([, , , list], i) =>
  list === ""
    ? []
    : list.split(" ").map((entry) => {
        const [name, own] = entry.split("|");
        const city = own === undefined;
        return { name, short: city ? name.slice(0, -1) : own, province: PROVINCES[i], city };
      })
);
