/**
 * Every tag and dimension value of every customer, as labels in the user's language, and which of
 * them the table allows (a value needs its source column: city → tier and region, age → age band,
 * 价格敏感度 or free text → need; spending, activity and value bands need only R/F/M).
 */
import type { Settings } from "../config";
import { fail, ok, type Result } from "../errors";
import { normalizeText } from "../parse/text";
import type { RfmFigures } from "../rfm/figures";
import { normalizeHeader } from "../schema/normalize";
import type { CellValue, CustomerValueKey, FieldKey, FieldMap, Lang, RawTable, TableKind } from "../types";
import { activityLevel } from "./activity";
import { activityMonths, spanMonths, type MonthsSource } from "./activity-months";
import { ageBand } from "./age-band";
import { tierOfCity } from "./city-tier";
import { customerCells } from "./customer-cells";
import { TAG_LABELS, type Level } from "./labels";
import { compileRules, DEFAULT_NEED_RULES, needTag } from "./need";
import { lookupPlace, type Place } from "./place";
import { averageOrderValue, spendingLevels } from "./spending";
import { valueLevels } from "./value-band";

export interface TagContext {
  table: RawTable;
  fields: FieldMap;
  kind: TableKind;
  rowCustomer: Int32Array;
  asOfDay: number;
  figures: readonly RfmFigures[];
  /** Orders tables: each customer's first purchase day. */
  firstDay?: ReadonlyArray<number | null>;
  settings: Settings;
  lang: Lang;
  /** Per customer: 1 when it counts for the tertiles (cleaning keeps outliers out); null = all count. */
  estimate?: Uint8Array | null;
}

export interface CustomerTagValues {
  avgOrderValue: Array<number | null>;
  spendingTag: string[];
  activityTag: string[];
  needTag: string[];
  cityTier: string[];
  region: string[];
  ageBand: string[];
  valueBand: string[];
  /** The channel cell as written (normalised), 未知 when blank; for dimensions and profiles. */
  channel: string[];
  /** The tag values the table allows, in column order. */
  computed: CustomerValueKey[];
  /** Whether the table has a channel column. */
  hasChannel: boolean;
  activityMonths: { months: number | null; source: MonthsSource };
}

/** The need tag's free-text fields. */
const NEED_TEXT_FIELDS: readonly FieldKey[] = ["interests", "categories", "notes"];

export function customerTags(ctx: TagContext): Result<CustomerTagValues> {
  const { table, fields, rowCustomer, figures, settings, lang } = ctx;
  const n = figures.length;
  const L = TAG_LABELS[lang];
  const cells = (col: number | undefined): CellValue[] | null =>
    col === undefined ? null : customerCells(table, rowCustomer, n, col);
  const label = (levels: Array<Level | null>, names: Record<Level, string>) =>
    levels.map((l) => (l === null ? L.unknown : names[l]));
  const computed: CustomerValueKey[] = ["spendingTag", "activityTag"];

  // 客单价 and 消费能力标签
  const aovCells = cells(fields.avgOrderValue);
  const avgOrderValue = figures.map((c, i) => averageOrderValue(c, aovCells?.[i]));
  const spendingTag = label(
    spendingLevels(avgOrderValue, settings.tags.spending.thresholds, ctx.estimate).levels,
    L.spending
  );

  // 活跃度标签
  const months = activityMonths({
    setting: settings.tags.activity.months,
    frequencyHeader: fields.frequency !== undefined ? table.headers[fields.frequency] : undefined,
    kind: ctx.kind,
    windowMonths: settings.rfm.windowMonths,
  });
  const activityTag = label(
    figures.map((c, i) =>
      activityLevel(c.frequency, months.months ?? spanMonths(ctx.firstDay?.[i] ?? null, ctx.asOfDay))
    ),
    L.activity
  );

  // 需求标签
  const extra: number[] = [];
  for (const header of settings.tags.need.fields) {
    const want = normalizeHeader(header);
    const col = table.headers.findIndex((h) => normalizeHeader(String(h)) === want);
    if (col < 0) return fail("MISSING_FIELD", { fields: "tags.need.fields", header });
    extra.push(col);
  }
  const textColumns = [
    ...NEED_TEXT_FIELDS.map((f) => fields[f]).filter((c): c is number => c !== undefined),
    ...extra,
  ].map((c) => cells(c) as CellValue[]);
  const sensitivity = cells(fields.priceSensitivity);
  const hasNeed = sensitivity !== null || textColumns.length > 0;
  const rules = compileRules(settings.tags.need.rules ?? DEFAULT_NEED_RULES);
  const needTagValues = figures.map((_, i) => {
    if (!hasNeed) return "";
    const tag = needTag(
      sensitivity?.[i],
      textColumns.map((col) => col[i]),
      rules
    );
    return tag === null ? "" : L.need[tag];
  });
  if (hasNeed) computed.push("needTag");

  // City tier and region
  const cityCells = cells(fields.city);
  // A city column repeats a few hundred names at most: each distinct text is looked up once.
  const seen = new Map<string, Place | null>();
  const placeOf = (v: CellValue): Place | null => {
    if (typeof v !== "string") return null;
    let p = seen.get(v);
    if (p === undefined) {
      p = lookupPlace(v);
      seen.set(v, p);
    }
    return p;
  };
  const places = cityCells?.map(placeOf) ?? null;
  const cityTier = figures.map((_, i) => {
    const city = places?.[i]?.city;
    return city ? L.cityTier[tierOfCity(city)] : L.unknown;
  });
  const region = figures.map((_, i) => {
    const p = places?.[i];
    return p ? L.region[p.province.region] : L.unknown;
  });
  if (places) computed.push("cityTier", "region");

  // Age band
  const ageCells = cells(fields.age);
  const ageBandValues = figures.map((_, i) => {
    const band = ageCells ? ageBand(ageCells[i]) : null;
    return band === null ? L.unknown : L.ageBand[band];
  });
  if (ageCells) computed.push("ageBand");

  // Value band
  const valueBand = label(
    valueLevels(
      figures.map((c) => c.monetary),
      settings.tags.value.thresholds,
      ctx.estimate
    ).levels,
    L.value
  );
  computed.push("valueBand");

  // Channel (as written)
  const channelCells = cells(fields.channel);
  const channel = figures.map((_, i) => {
    const v = channelCells?.[i];
    const text = typeof v === "string" ? normalizeText(v) : typeof v === "number" ? String(v) : "";
    return text === "" ? L.unknown : text;
  });

  return ok({
    avgOrderValue,
    spendingTag,
    activityTag,
    needTag: needTagValues,
    cityTier,
    region,
    ageBand: ageBandValues,
    valueBand,
    channel,
    computed,
    hasChannel: channelCells !== null,
    activityMonths: months,
  });
}
