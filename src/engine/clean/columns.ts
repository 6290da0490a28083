/**
 * What each column holds (its role) and how its cells are read (its kind).
 *
 * Roles: the engine's FieldMap first; then the cleaning fields named in settings.columns; then the
 * cleaning synonyms below, matched like the engine's headers (schema/normalize.ts).
 * Kinds: from the role; a column without a role gets the kind every one of its non-blank cells
 * reads as (number, date, yes/no, gender), else "category" when it repeats a few values (at most
 * 20 distinct, each seen 5 times on average), else "text". An inferred kind never reports a cell
 * as unreadable: only a column whose header says what it holds does.
 * Date columns get their day/month order from all their values (parse/date-order.ts), unless
 * settings.dateOrders names it.
 */
import { parseBoolean } from "../parse/boolean";
import { parseDate, splitDayMonthYear, type DayMonthOrder } from "../parse/date";
import { isDateFormat } from "../parse/date-format";
import { detectDateOrder, orderOf, type DateOrderVerdict } from "../parse/date-order";
import { parseGender } from "../parse/gender";
import { parseNumber } from "../parse/number";
import { isBlank, normalizeText } from "../parse/text";
import { headerKeys, normalizeHeader } from "../schema/normalize";
import type { CellValue, FieldKey, FieldMap, RawTable } from "../types";
import type { CleanFieldKey, CleaningSettings, ColumnKind, ColumnProfile, ColumnRole } from "./types";

// prettier-ignore
export const CLEAN_SYNONYMS: Record<CleanFieldKey, readonly string[]> = {
  creditCode: ["统一社会信用代码", "社会信用代码", "统一信用代码", "信用代码", "USCC", "Unified social credit code", "Credit code"],
  idCard: ["身份证号", "身份证号码", "身份证", "公民身份号码", "证件号", "证件号码", "ID card", "ID card number", "Resident ID"],
  updatedAt: [
    "最后更新时间", "最后更新日期", "更新时间", "更新日期", "最近更新时间", "最近更新日期", "修改时间",
    "Last updated", "Updated at", "Update time", "Last modified",
  ],
  birthYear: ["出生年份", "出生年", "Year_Birth", "Birth year", "Year of birth"],
  income: ["收入", "年收入", "月收入", "家庭收入", "个人收入", "Income", "Annual income", "Monthly income"],
  tags: [
    "标签", "客户标签", "兴趣爱好", "爱好", "品类偏好", "偏好品类", "历史购买品类", "购买品类", "核心需求标签",
    "需求标签", "Tags", "Interests",
  ],
  category: [
    "职业", "行业", "所属行业", "活跃渠道", "渠道偏好", "渠道", "客户来源", "来源", "收入水平", "价格敏感度",
    "学历", "教育程度", "婚姻状况", "会员等级", "客户等级", "规模", "采购决策周期",
    "Occupation", "Industry", "Channel", "Source", "Education", "Marital status", "Membership level",
  ],
  region: ["省份", "所在省份", "省", "收货省份", "收货地区", "收货地址", "Province", "State"],
  payTime: ["订单付款时间", "付款时间", "支付时间", "付款日期", "支付日期", "Payment time", "Payment date", "Paid at"],
  refund: ["退款金额", "退款", "退款额", "Refund", "Refund amount"],
  orderStatus: ["订单状态", "交易状态", "状态", "Order status", "Status"],
};

const SYNONYM_INDEX: ReadonlyMap<string, CleanFieldKey> = (() => {
  const m = new Map<string, CleanFieldKey>();
  for (const [field, words] of Object.entries(CLEAN_SYNONYMS) as [CleanFieldKey, readonly string[]][]) {
    for (const w of words) {
      const key = normalizeHeader(w);
      if (!m.has(key)) m.set(key, field);
    }
  }
  return m;
})();

/** The cleaning field a header names, if any. */
export function cleanFieldOf(header: string): CleanFieldKey | undefined {
  for (const key of headerKeys(header)) {
    const f = SYNONYM_INDEX.get(key);
    if (f) return f;
  }
  return undefined;
}

/**
 * Kinds of the roles. Keyed by string: the engine's FieldKey grows (tags, dimensions …); a field
 * not listed here is read as text.
 */
const KIND_OF_ROLE: Readonly<Record<string, ColumnKind>> = {
  id: "id",
  orderId: "id",
  name: "text",
  gender: "gender",
  age: "number",
  city: "city",
  phone: "phone",
  lastPurchase: "date",
  recency: "recency",
  frequency: "number",
  monetary: "number",
  avgOrderValue: "number",
  orderDate: "date",
  amount: "number",
  quantity: "number",
  unitPrice: "number",
  rfmCode: "category",
  rfmLabel: "category",
  spendTag: "category",
  activityTag: "category",
  needTag: "category",
  segment: "category",
  channel: "category",
  priceSensitivity: "category",
  interests: "tags",
  categories: "tags",
  notes: "text",
  creditCode: "creditCode",
  idCard: "idCard",
  updatedAt: "date",
  birthYear: "number",
  income: "number",
  tags: "tags",
  category: "category",
  region: "city",
  payTime: "date",
  refund: "number",
  orderStatus: "category",
};

export const kindOfRole = (role: ColumnRole): ColumnKind => KIND_OF_ROLE[role] ?? "text";

/** Roles per column: FieldMap, then settings.columns, then the cleaning synonyms. */
export function columnRoles(
  headers: string[],
  fields: FieldMap,
  settings: CleaningSettings
): (ColumnRole | undefined)[] {
  const roles: (ColumnRole | undefined)[] = headers.map(() => undefined);
  for (const [field, col] of Object.entries(fields) as [FieldKey, number | undefined][]) {
    if (col !== undefined && col >= 0 && col < headers.length) roles[col] = field;
  }
  const named = new Set<CleanFieldKey>();
  for (const [field, header] of Object.entries(settings.columns) as [CleanFieldKey, string | undefined][]) {
    if (!header) continue;
    named.add(field);
    const want = normalizeHeader(header);
    const col = headers.findIndex((h, i) => roles[i] === undefined && normalizeHeader(h) === want);
    if (col >= 0) roles[col] = field;
  }
  // Single-valued cleaning fields take their first column; tags and categories may be several.
  const taken = new Set<CleanFieldKey>(named);
  headers.forEach((h, i) => {
    if (roles[i] !== undefined) return;
    const f = cleanFieldOf(h);
    if (!f || taken.has(f)) return;
    roles[i] = f;
    if (f !== "tags" && f !== "category") taken.add(f);
  });
  return roles;
}

const MAX_CATEGORIES = 20;
const MIN_ROWS_PER_CATEGORY = 5;

/** The kind every non-blank cell of an unnamed column reads as. */
function inferKind(
  values: CellValue[],
  numberFormat: string | undefined,
  order: DayMonthOrder | undefined
): ColumnKind {
  const dateFormat = isDateFormat(numberFormat);
  let filled = 0;
  let numbers = true;
  let dates = true;
  let booleans = true;
  let genders = true;
  const distinct = new Set<string>();
  for (const v of values) {
    if (isBlank(v)) continue;
    filled++;
    if (numbers) numbers = typeof v === "number" ? !dateFormat : typeof v === "string" && parseNumber(v) !== null;
    if (dates)
      dates = typeof v === "number" ? dateFormat && parseDate(v, { asOfDay: 0 }) !== null : parseDateLike(v, order);
    if (booleans) booleans = typeof v !== "number" && parseBoolean(v) !== null;
    if (genders) genders = parseGender(v) !== null;
    if (distinct.size <= MAX_CATEGORIES) distinct.add(typeof v === "string" ? v.trim() : String(v));
  }
  if (filled === 0) return "text";
  if (numbers) return "number";
  if (dates) return "date";
  if (booleans) return "boolean";
  if (genders) return "gender";
  if (distinct.size <= MAX_CATEGORIES && distinct.size * MIN_ROWS_PER_CATEGORY <= filled) return "category";
  return "text";
}

/**
 * A text date, or a "dd-mm-yyyy" text the column's order leaves unread (it is still a date, and the
 * column is reported). Relative forms do not count: "15天前" alone does not make a column of dates.
 */
function parseDateLike(v: CellValue, order: DayMonthOrder | undefined): boolean {
  if (typeof v !== "string") return false;
  if (/天前|日前/.test(v)) return false;
  if (parseDate(v, { asOfDay: 0, order }) !== null) return true;
  return order === undefined && splitDayMonthYear(normalizeText(v)) !== null;
}

const columnValues = (table: RawTable, col: number): CellValue[] => table.rows.map((r) => r[col] ?? "");

function dateOrderFor(header: string, values: CellValue[], settings: CleaningSettings): DateOrderVerdict {
  const want = normalizeHeader(header);
  for (const [h, order] of Object.entries(settings.dateOrders)) {
    if (normalizeHeader(h) === want) return { order, cells: 0, evidence: 0 };
  }
  return detectDateOrder(values);
}

export interface ColumnPlan {
  profiles: ColumnProfile[];
  /** Per column: the date-order verdict of its values (date columns, and unnamed columns). */
  verdicts: (DateOrderVerdict | undefined)[];
  /** Per column: not read at all (`unnamed: "skip"`); its cells count neither as read nor as blank. */
  skipped: boolean[];
}

/**
 * Roles, kinds and date orders of every column (counts are filled in by normalize.ts). With
 * `unnamed: "skip"`, a column without a role is not looked at: its kind stays "text" and its cells
 * are not read (a run over an orders table needs only the columns the engine reads).
 */
export function planColumns(
  table: RawTable,
  fields: FieldMap,
  settings: CleaningSettings,
  unnamed: "infer" | "skip" = "infer"
): ColumnPlan {
  const roles = columnRoles(table.headers, fields, settings);
  const verdicts: (DateOrderVerdict | undefined)[] = [];
  const skipped = table.headers.map((_, column) => unnamed === "skip" && roles[column] === undefined);
  const profiles = table.headers.map((header, column): ColumnProfile => {
    const role = roles[column];
    if (skipped[column]) {
      verdicts.push(undefined);
      return { column, header, kind: "text", inferred: true, filled: 0, blank: 0, unparsed: 0 };
    }
    let cached: CellValue[] | undefined;
    const values = (): CellValue[] => (cached ??= columnValues(table, column));
    let kind: ColumnKind;
    let inferred: boolean | undefined;
    let verdict: DateOrderVerdict | undefined;
    if (role !== undefined) {
      kind = kindOfRole(role);
      if (kind === "date" || kind === "recency") verdict = dateOrderFor(header, values(), settings);
    } else {
      verdict = dateOrderFor(header, values(), settings);
      kind = inferKind(values(), table.numberFormats?.[column], orderOf(verdict));
      inferred = true;
      if (kind !== "date") verdict = undefined;
    }
    verdicts.push(verdict);
    const p: ColumnProfile = { column, header, kind, filled: 0, blank: 0, unparsed: 0 };
    if (role !== undefined) p.role = role;
    if (inferred) p.inferred = true;
    if (verdict && verdict.order !== "none") p.dateOrder = verdict.order;
    return p;
  });
  return { profiles, verdicts, skipped };
}
