/**
 * Writes assets/sample-customers.xlsx: the playground's sample, laid out like the seed template
 * "表1：客户信息管理表" (a title row, a blank row, then the header), with 300 customers of a Chinese
 * retailer. Values come from a seeded PRNG, so every run writes the same cells.
 *
 * The first three customers are the seed's own 1001 / 1002 / 1003 (频次 12 / 5 / 2,
 * 累计消费 4200 / 4400 / 300 元, last purchase 15 / 60 / 120 days before 2024-06-01). As in real
 * sheets, some cells are messy: "4,200元", "1.2万", "５次", "¥350", dates typed as text,
 * "上海市" and stray spaces, missing ages and genders.
 *
 *   npx tsx scripts/make-sample-workbook.ts [out.xlsx]
 */
import * as path from "path";
import ExcelJS from "exceljs";

export const AS_OF = Date.UTC(2024, 5, 1); // 2024-06-01, the date the sample's recencies count to
const DAY = 24 * 60 * 60 * 1000;
const CUSTOMERS = 300;
const FIRST_ID = 1001;

export const HEADERS = [
  "客户编号",
  "姓名",
  "性别",
  "年龄",
  "所在城市",
  "联系方式(脱敏)",
  "近6个月消费频次",
  "平均客单价(元)",
  "累计消费金额(元)",
  "上一次购买时间",
  "客户类型",
  "备注",
] as const;

/** sfc32 seeded through splitmix32: small, well-mixed, and the same on every platform. */
function prng(seed: number): () => number {
  let s = seed >>> 0;
  const splitmix = () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = splitmix();
  let b = splitmix();
  let c = splitmix();
  let d = splitmix();
  const next = () => {
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = ((c << 21) | (c >>> 11)) >>> 0;
    c = (c + t) >>> 0;
    return t;
  };
  for (let i = 0; i < 12; i++) next(); // warm up
  return () => next() / 4294967296;
}

const random = prng(20240601);
const chance = (p: number) => random() < p;
const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
function weighted<T>(items: readonly (readonly [T, number])[]): T {
  const total = items.reduce((s, [, w]) => s + w, 0);
  let r = random() * total;
  for (const [item, w] of items) {
    r -= w;
    if (r < 0) return item;
  }
  return items[items.length - 1][0];
}

const SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈".split("");
const MALE_NAMES = ["伟", "强", "磊", "军", "洋", "勇", "杰", "涛", "明", "超", "浩", "宇", "鹏", "辉", "建华", "志强", "子轩", "浩然", "宇航", "俊杰", "晨阳", "文博"];
const FEMALE_NAMES = ["芳", "娜", "敏", "静", "丽", "艳", "娟", "霞", "婷", "雪", "琳", "欣怡", "梓涵", "诗琪", "雨桐", "佳怡", "思雨", "晓燕", "秀英", "丽华", "雅婷", "梦瑶"];

/** City and weight: a national retailer with most customers in the big cities. */
const CITIES: readonly (readonly [string, number])[] = [
  ["上海", 14], ["北京", 12], ["广州", 8], ["深圳", 8], ["杭州", 7], ["成都", 7], ["南京", 5], ["武汉", 5],
  ["重庆", 5], ["西安", 4], ["苏州", 4], ["天津", 3], ["长沙", 3], ["郑州", 3], ["青岛", 2], ["厦门", 2],
  ["合肥", 2], ["宁波", 2], ["沈阳", 2], ["昆明", 2], ["哈尔滨", 1], ["兰州", 1], ["南宁", 1], ["贵阳", 1],
  ["太原", 1], ["石家庄", 1], ["无锡", 1], ["佛山", 1], ["东莞", 1], ["温州", 1], ["洛阳", 1], ["赣州", 1],
];

const NOTES = [
  "VIP会员", "偏好线上下单", "价格敏感，关注满减", "注重品质", "性价比优先", "对售后服务满意", "曾投诉物流慢",
  "生日在6月", "企业团购联系人", "偏好环保包装", "社群活跃", "门店老客户", "推荐过2位新客户", "仅在大促期间购买",
];

/** Customer archetypes: share, purchases in 6 months, average order value (元), days since last purchase. */
const ARCHETYPES = [
  { share: 15, f: [8, 20], aov: [280, 900], days: [1, 30] },
  { share: 28, f: [3, 8], aov: [150, 420], days: [8, 90] },
  { share: 10, f: [1, 3], aov: [800, 3200], days: [15, 150] },
  { share: 20, f: [2, 6], aov: [100, 400], days: [90, 240] },
  { share: 24, f: [1, 2], aov: [40, 200], days: [120, 365] },
  { share: 3, f: [0, 0], aov: [0, 0], days: [0, 0] }, // registered, never bought
] as const;

type Cell = string | number | Date | null;

const FULL_WIDTH_DIGITS = "０１２３４５６７８９";
const toFullWidth = (s: string) => s.replace(/[0-9]/g, (d) => FULL_WIDTH_DIGITS[Number(d)]);
const thousands = (n: number) => n.toLocaleString("en-US");

function dateText(t: number, style: "cn" | "iso"): string {
  const d = new Date(t);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + 1;
  const day = d.getUTCDate();
  return style === "cn" ? `${y}年${m}月${day}日` : `${y}-${String(m).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

function name(gender: "男" | "女"): string {
  const surname = pick(SURNAMES);
  if (chance(0.06)) return gender === "男" ? "*先生" : "*女士";
  const given = pick(gender === "男" ? MALE_NAMES : FEMALE_NAMES);
  if (chance(0.12)) return surname + "*".repeat(given.length);
  return surname + given;
}

function phone(): string {
  return `1${pick(["3", "5", "7", "8", "9"])}${int(0, 9)}****${String(int(0, 9999)).padStart(4, "0")}`;
}

function age(): number {
  // Triangular around the early thirties, 18–65.
  return Math.round(18 + (random() + random() + random()) / 3 * 47 * (chance(0.7) ? 0.75 : 1));
}

function cityCell(): string {
  const city = weighted(CITIES);
  if (chance(0.1)) return `${city}市`;
  if (chance(0.03)) return ` ${city} `;
  if (chance(0.02)) return `${city}\u3000`;
  return city;
}

function frequencyCell(f: number): Cell {
  if (f > 0 && chance(0.04)) return `${toFullWidth(String(f))}次`;
  if (f > 0 && chance(0.03)) return `${f}次`;
  return f;
}

function aovCell(aov: number): Cell {
  if (aov === 0) return null;
  if (chance(0.03)) return `¥${aov}`;
  if (chance(0.03)) return `${aov}元`;
  return aov;
}

function monetaryCell(m: number): Cell {
  if (m >= 10000 && chance(0.35)) return `${(m / 10000).toFixed(1)}万`;
  if (m >= 1000 && chance(0.06)) return `${thousands(m)}元`;
  if (m >= 1000 && chance(0.03)) return thousands(m);
  return m;
}

function lastPurchaseCell(days: number | null): Cell {
  if (days === null) return null;
  const t = AS_OF - days * DAY;
  if (chance(0.03)) return dateText(t, "cn");
  if (chance(0.02)) return dateText(t, "iso");
  return new Date(t);
}

function genderCell(g: "男" | "女"): Cell {
  if (chance(0.02)) return null;
  if (chance(0.03)) return g === "男" ? "M" : "F";
  return g;
}

/** The seed's three example customers (表1/表2 of the 营销团队客户细分分析模板). */
function seedRows(): Cell[][] {
  const last = (days: number) => new Date(AS_OF - days * DAY);
  return [
    [1001, "陈*", "女", 28, "上海", "138****5678", 12, 350, "4,200元", last(15), null, "护肤品、服装、配饰；线上电商"],
    [1002, "王*", "男", 35, "北京", "139****1024", 5, 880, 4400, last(60), null, "数码产品、酒类；线下门店"],
    [1003, "*女士", "女", 42, "成都", "159****3210", 2, 150, 300, last(120), null, "家居用品、母婴；社群"],
  ];
}

function generatedRow(id: number): Cell[] {
  const gender: "男" | "女" = chance(0.55) ? "女" : "男";
  const type = weighted(ARCHETYPES.map((a) => [a, a.share] as const));
  const f = int(type.f[0], type.f[1]);
  const aov = f === 0 ? 0 : Math.round(int(type.aov[0], type.aov[1]) / 10) * 10 + pick([0, 0, 5, 9]);
  const m = f * aov;
  const days = f === 0 ? null : int(type.days[0], type.days[1]);
  return [
    id,
    name(gender),
    genderCell(gender),
    chance(0.03) ? null : age(),
    cityCell(),
    phone(),
    frequencyCell(f),
    aovCell(aov),
    monetaryCell(m),
    lastPurchaseCell(days),
    null,
    f === 0 ? "注册未购买" : chance(0.22) ? pick(NOTES) : null,
  ];
}

export function sampleRows(): Cell[][] {
  const rows = seedRows();
  for (let id = FIRST_ID + rows.length; id < FIRST_ID + CUSTOMERS; id++) rows.push(generatedRow(id));
  return rows;
}

function addCustomerSheet(workbook: ExcelJS.Workbook): void {
  const sheet = workbook.addWorksheet("客户信息", { views: [{ state: "frozen", ySplit: 3 }] });
  sheet.columns = [10, 10, 6, 6, 10, 15, 16, 15, 17, 15, 12, 28].map((width) => ({ width }));

  sheet.mergeCells(1, 1, 1, HEADERS.length);
  const title = sheet.getCell(1, 1);
  title.value = "表1：客户信息管理表";
  title.font = { bold: true, size: 14 };
  title.alignment = { horizontal: "center" };

  const header = sheet.getRow(3);
  header.values = [...HEADERS];
  header.font = { bold: true };
  header.eachCell((cell) => {
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE8F3EC" } };
    cell.border = { bottom: { style: "thin", color: { argb: "FF107C41" } } };
  });

  sampleRows().forEach((values, i) => {
    const row = sheet.getRow(4 + i);
    row.values = values;
    const last = row.getCell(10);
    if (last.value instanceof Date) last.numFmt = "yyyy/m/d";
  });
}

function addReadmeSheet(workbook: ExcelJS.Workbook): void {
  const sheet = workbook.addWorksheet("说明");
  sheet.getColumn(1).width = 100;
  const lines = [
    "客户细分助手 · 示例工作簿",
    "",
    `“客户信息”工作表中有 ${CUSTOMERS} 位虚构客户，由 scripts/make-sample-workbook.ts 用固定随机种子生成，每次生成的内容相同。`,
    "前三位客户（1001、1002、1003）取自模板示例：消费频次 12/5/2 次，累计消费 4200/4400/300 元，最后一次购买分别在 2024-06-01 之前 15/60/120 天。",
    "部分单元格故意写得不规范（如“4,200元”“1.2万”“５次”“2024年5月10日”“上海市”），与真实表格相同。",
    "“客户类型”列留空：点击“一键细分”后由加载项填写。分析日期建议用 2024-06-01。",
  ];
  lines.forEach((text, i) => {
    const cell = sheet.getCell(i + 1, 1);
    cell.value = text;
    if (i === 0) cell.font = { bold: true, size: 14 };
  });
}

export async function makeSampleWorkbook(): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Segment Sheet";
  workbook.created = new Date(AS_OF);
  workbook.modified = new Date(AS_OF);
  addCustomerSheet(workbook);
  addReadmeSheet(workbook);
  return workbook;
}

async function main(): Promise<void> {
  const out = path.resolve(process.argv[2] ?? path.join(__dirname, "..", "assets", "sample-customers.xlsx"));
  const workbook = await makeSampleWorkbook();
  await workbook.xlsx.writeFile(out);
  console.log(`wrote ${path.relative(process.cwd(), out)}: ${CUSTOMERS} customers`);
}

if (require.main === module) {
  main().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
