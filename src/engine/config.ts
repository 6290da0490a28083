/**
 * The settings schema: the same JSON the pane edits, the workbook stores and the CLI reads
 * with --config. Unknown keys and bad values are refused with a BAD_SETTINGS error that names them.
 */
import { defaultCleaningSettings, parseCleaningSettings } from "./clean/settings";
import type { CleaningSettings } from "./clean/types";
import { fail, ok, Result } from "./errors";
import type { FieldKey } from "./types";

/**
 * quintiles: tie-safe 1–5 by rank; seedBins: the documents' fixed day/count/元 bins, 4–1;
 * rPackage: the R package rfm's breaks (quantile type 7 at 20/40/60/80 % plus 1), 1–5.
 */
export type RfmScoring = "quintiles" | "seedBins" | "rPackage";
export const RFM_SCORINGS: readonly RfmScoring[] = ["quintiles", "seedBins", "rPackage"];
export type RfmSplit = "mean" | "thresholds";

export interface RfmThresholds {
  /** High R ⇔ recency days ≤ recencyDays. */
  recencyDays: number;
  /** High F ⇔ frequency ≥ frequency. */
  frequency: number;
  /** High M ⇔ monetary ≥ monetary. */
  monetary: number;
}

export interface Settings {
  /** yyyy-mm-dd; absent = today (the caller supplies it). */
  asOf?: string;
  rfm: {
    scoring: RfmScoring;
    split: RfmSplit;
    thresholds: RfmThresholds;
    /** Per code ("111"…"000") label overrides, e.g. {"111": "高价值客户"}. */
    labels: Record<string, string>;
    /** Orders tables: F and M count only the last N months before the as-of date (近6个月 = 6). */
    windowMonths?: number;
  };
  tags: TagSettings;
  /** 0–3 dimensions crossed into segments, e.g. ["cityTier", "ageBand"]. */
  dimensions: DimensionKey[];
  segments: SegmentSettings;
  cluster: ClusterSettings;
  /** Field → header overrides, e.g. {"id": "客户编号"}. */
  fields: Partial<Record<FieldKey, string>>;
  /**
   * Cleaning (标准化处理 / 数据清洗): duplicates, missing values, outliers, date orders, and which fixes a
   * run writes into the user's cells (`accept`, none by default). See clean/settings.ts.
   */
  cleaning: CleaningSettings;
}

export const DEFAULT_THRESHOLDS: RfmThresholds = { recencyDays: 30, frequency: 5, monetary: 2000 };

/** High ⇔ value > high; low ⇔ value < low; otherwise middle (the documents' X > Y). */
export interface BandThresholds {
  high: number;
  low: number;
}

export type NeedTagKey = "price" | "quality" | "function";
export const NEED_TAG_KEYS: readonly NeedTagKey[] = ["price", "quality", "function"];

/** A keyword rule: a free-text cell containing any keyword gets the tag. Rules are tried in order. */
export interface NeedRule {
  tag: NeedTagKey;
  keywords: string[];
}

export interface TagSettings {
  /** 消费能力标签 by 客单价; absent = the data's tertiles. */
  spending: { thresholds?: BandThresholds };
  /** Value bands by monetary; absent = the data's tertiles. */
  value: { thresholds?: BandThresholds };
  /** 活跃度标签: months the frequency covers; absent = see tags/activity-months.ts. */
  activity: { months?: number };
  /** 需求标签: keyword rules (absent = the defaults in tags/need.ts) and extra headers to read. */
  need: { rules?: NeedRule[]; fields: string[] };
}

export type DimensionKey =
  "cityTier" | "region" | "ageBand" | "valueBand" | "spendingTag" | "activityTag" | "needTag" | "channel" | "rfm";
export const DIMENSION_KEYS: readonly DimensionKey[] = [
  "cityTier",
  "region",
  "ageBand",
  "valueBand",
  "spendingTag",
  "activityTag",
  "needTag",
  "channel",
  "rfm",
];

export type SegmentBy = "rfm" | "dimensions" | "cluster";

export interface SegmentSettings {
  /** What 客户细分 is made of; absent = dimensions when some are chosen, else the RFM classes. */
  by?: SegmentBy;
  /** Groups smaller than this share of customers are merged (default 0.02 = 2 %). */
  minShare: number;
  /** Name of the merged group; absent = 其他 / Other in the user's language. */
  otherLabel?: string;
}

export interface ClusterSettings {
  enabled: boolean;
  /** "auto" = the k in 3..8 with the best silhouette. */
  k: "auto" | number;
  /** Headers of numeric columns; empty = recency, frequency and monetary. */
  features: string[];
  seed: number;
}

export const MIN_CLUSTERS = 3;
export const MAX_CLUSTERS = 8;
export const MAX_DIMENSIONS = 3;

export function defaultSettings(): Settings {
  return {
    rfm: { scoring: "quintiles", split: "mean", thresholds: { ...DEFAULT_THRESHOLDS }, labels: {} },
    fields: {},
    tags: { spending: {}, value: {}, activity: {}, need: { fields: [] } },
    dimensions: [],
    segments: { minShare: 0.02 },
    cluster: { enabled: true, k: "auto", features: [], seed: 1 },
    cleaning: defaultCleaningSettings(),
  };
}

const FIELD_KEYS: readonly FieldKey[] = [
  "id",
  "name",
  "gender",
  "age",
  "city",
  "phone",
  "lastPurchase",
  "recency",
  "frequency",
  "monetary",
  "avgOrderValue",
  "orderId",
  "orderDate",
  "amount",
  "quantity",
  "unitPrice",
  "rfmCode",
  "rfmLabel",
  "spendTag",
  "activityTag",
  "needTag",
  "segment",
  "channel",
  "priceSensitivity",
  "interests",
  "categories",
  "notes",
];
const CODES = ["111", "110", "101", "100", "011", "010", "001", "000"];
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

type Json = unknown;
const isObject = (v: Json): v is Record<string, Json> => typeof v === "object" && v !== null && !Array.isArray(v);

export function isValidIsoDate(s: string): boolean {
  if (!ISO_DATE.test(s)) return false;
  const [y, m, d] = s.split("-").map(Number);
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

/** Checks a parsed JSON value and merges it over the defaults. */
export function parseSettings(input: Json): Result<Settings> {
  const s = defaultSettings();
  const bad = (path: string, reason: string) => fail<Settings>("BAD_SETTINGS", { path, reason });
  if (!isObject(input)) return bad("$", "not an object");
  for (const [key, value] of Object.entries(input)) {
    if (key === "asOf") {
      if (typeof value !== "string" || !isValidIsoDate(value)) return bad("asOf", "expected YYYY-MM-DD");
      s.asOf = value;
    } else if (key === "rfm") {
      if (!isObject(value)) return bad("rfm", "not an object");
      for (const [rk, rv] of Object.entries(value)) {
        if (rk === "scoring") {
          if (!(RFM_SCORINGS as readonly Json[]).includes(rv))
            return bad("rfm.scoring", "expected quintiles, seedBins or rPackage");
          s.rfm.scoring = rv as RfmScoring;
        } else if (rk === "windowMonths") {
          if (!isInteger(rv, 1, 120)) return bad("rfm.windowMonths", "expected a whole number of months 1–120");
          s.rfm.windowMonths = rv as number;
        } else if (rk === "split") {
          if (rv !== "mean" && rv !== "thresholds") return bad("rfm.split", "expected mean or thresholds");
          s.rfm.split = rv;
        } else if (rk === "thresholds") {
          if (!isObject(rv)) return bad("rfm.thresholds", "not an object");
          for (const [tk, tv] of Object.entries(rv)) {
            if (tk !== "recencyDays" && tk !== "frequency" && tk !== "monetary")
              return bad(`rfm.thresholds.${tk}`, "unknown key");
            if (typeof tv !== "number" || !Number.isFinite(tv) || tv < 0)
              return bad(`rfm.thresholds.${tk}`, "expected a number ≥ 0");
            s.rfm.thresholds[tk] = tv;
          }
        } else if (rk === "labels") {
          if (!isObject(rv)) return bad("rfm.labels", "not an object");
          for (const [code, label] of Object.entries(rv)) {
            if (!CODES.includes(code)) return bad(`rfm.labels.${code}`, "unknown RFM code");
            if (typeof label !== "string" || label.trim() === "")
              return bad(`rfm.labels.${code}`, "expected a non-empty string");
            s.rfm.labels[code] = label;
          }
        } else return bad(`rfm.${rk}`, "unknown key");
      }
    } else if (key === "fields") {
      if (!isObject(value)) return bad("fields", "not an object");
      for (const [fk, fv] of Object.entries(value)) {
        if (!(FIELD_KEYS as readonly string[]).includes(fk)) return bad(`fields.${fk}`, "unknown field");
        if (typeof fv !== "string" || fv.trim() === "") return bad(`fields.${fk}`, "expected a header name");
        s.fields[fk as FieldKey] = fv;
      }
    } else if (key === "tags") {
      const e = parseTags(value, s.tags);
      if (e) return bad(e.path, e.reason);
    } else if (key === "dimensions") {
      const e = parseDimensions(value, s);
      if (e) return bad(e.path, e.reason);
    } else if (key === "segments") {
      const e = parseSegments(value, s.segments);
      if (e) return bad(e.path, e.reason);
    } else if (key === "cluster") {
      const e = parseCluster(value, s.cluster);
      if (e) return bad(e.path, e.reason);
    } else if (key === "cleaning") {
      const c = parseCleaningSettings(value);
      if (!c.ok) return c; // BAD_SETTINGS with a path below "cleaning"
      s.cleaning = c.value;
    } else return bad(key, "unknown key");
  }
  if (s.segments.by === "dimensions" && s.dimensions.length === 0)
    return bad("segments.by", "dimensions needs at least one entry in dimensions");
  return ok(s);
}

/** A refused setting: its path and why. */
interface Bad {
  path: string;
  reason: string;
}

const isInteger = (v: Json, min: number, max: number): boolean =>
  typeof v === "number" && Number.isInteger(v) && v >= min && v <= max;
const isFiniteNumber = (v: Json): v is number => typeof v === "number" && Number.isFinite(v);

/** A list of distinct non-empty strings. */
function stringList(v: Json, path: string): Bad | string[] {
  if (!Array.isArray(v)) return { path, reason: "expected a list of texts" };
  const out: string[] = [];
  for (let i = 0; i < v.length; i++) {
    const x: Json = v[i];
    if (typeof x !== "string" || x.trim() === "") return { path: `${path}[${i}]`, reason: "expected a non-empty text" };
    if (out.includes(x)) return { path: `${path}[${i}]`, reason: "listed twice" };
    out.push(x);
  }
  return out;
}

function parseBand(v: Json, path: string): Bad | BandThresholds {
  if (!isObject(v)) return { path, reason: "not an object" };
  for (const k of Object.keys(v))
    if (k !== "high" && k !== "low") return { path: `${path}.${k}`, reason: "unknown key" };
  for (const k of ["high", "low"] as const) {
    const x = v[k];
    if (x === undefined) return { path: `${path}.${k}`, reason: "missing: give both high and low" };
    if (!isFiniteNumber(x) || x < 0) return { path: `${path}.${k}`, reason: "expected a number ≥ 0" };
  }
  const band = { high: v.high as number, low: v.low as number };
  if (band.low > band.high) return { path: `${path}.low`, reason: "must not exceed high" };
  return band;
}

function parseTags(v: Json, t: TagSettings): Bad | null {
  if (!isObject(v)) return { path: "tags", reason: "not an object" };
  for (const [k, x] of Object.entries(v)) {
    const path = `tags.${k}`;
    if (!isObject(x)) return { path, reason: "not an object" };
    if (k === "spending" || k === "value") {
      for (const [sk, sv] of Object.entries(x)) {
        if (sk !== "thresholds") return { path: `${path}.${sk}`, reason: "unknown key" };
        const band = parseBand(sv, `${path}.thresholds`);
        if ("path" in band) return band;
        t[k].thresholds = band;
      }
    } else if (k === "activity") {
      for (const [ak, av] of Object.entries(x)) {
        if (ak !== "months") return { path: `${path}.${ak}`, reason: "unknown key" };
        if (!isFiniteNumber(av) || av <= 0 || av > 1200)
          return { path: `${path}.months`, reason: "expected months > 0" };
        t.activity.months = av;
      }
    } else if (k === "need") {
      for (const [nk, nv] of Object.entries(x)) {
        if (nk === "fields") {
          const list = stringList(nv, `${path}.fields`);
          if (!Array.isArray(list)) return list;
          t.need.fields = list;
        } else if (nk === "rules") {
          const rules = parseNeedRules(nv, `${path}.rules`);
          if (!Array.isArray(rules)) return rules;
          t.need.rules = rules;
        } else return { path: `${path}.${nk}`, reason: "unknown key" };
      }
    } else return { path, reason: "unknown key" };
  }
  return null;
}

function parseNeedRules(v: Json, path: string): Bad | NeedRule[] {
  if (!Array.isArray(v)) return { path, reason: "expected a list of rules" };
  const rules: NeedRule[] = [];
  for (let i = 0; i < v.length; i++) {
    const r: Json = v[i];
    const at = `${path}[${i}]`;
    if (!isObject(r)) return { path: at, reason: "not an object" };
    for (const k of Object.keys(r))
      if (k !== "tag" && k !== "keywords") return { path: `${at}.${k}`, reason: "unknown key" };
    if (!(NEED_TAG_KEYS as readonly Json[]).includes(r.tag))
      return { path: `${at}.tag`, reason: "expected price, quality or function" };
    const keywords = stringList(r.keywords ?? null, `${at}.keywords`);
    if (!Array.isArray(keywords)) return keywords;
    if (keywords.length === 0) return { path: `${at}.keywords`, reason: "expected at least one keyword" };
    rules.push({ tag: r.tag as NeedTagKey, keywords });
  }
  return rules;
}

function parseDimensions(v: Json, s: Settings): Bad | null {
  const list = stringList(v, "dimensions");
  if (!Array.isArray(list)) return list;
  if (list.length > MAX_DIMENSIONS) return { path: "dimensions", reason: `expected at most ${MAX_DIMENSIONS}` };
  for (let i = 0; i < list.length; i++) {
    if (!(DIMENSION_KEYS as readonly string[]).includes(list[i]))
      return { path: `dimensions[${i}]`, reason: `expected one of ${DIMENSION_KEYS.join(", ")}` };
  }
  s.dimensions = list as DimensionKey[];
  return null;
}

function parseSegments(v: Json, g: SegmentSettings): Bad | null {
  if (!isObject(v)) return { path: "segments", reason: "not an object" };
  for (const [k, x] of Object.entries(v)) {
    const path = `segments.${k}`;
    if (k === "by") {
      if (x !== "rfm" && x !== "dimensions" && x !== "cluster")
        return { path, reason: "expected rfm, dimensions or cluster" };
      g.by = x;
    } else if (k === "minShare") {
      if (!isFiniteNumber(x) || x < 0 || x >= 0.5) return { path, reason: "expected a share from 0 to below 0.5" };
      g.minShare = x;
    } else if (k === "otherLabel") {
      if (typeof x !== "string" || x.trim() === "") return { path, reason: "expected a non-empty string" };
      g.otherLabel = x;
    } else return { path, reason: "unknown key" };
  }
  return null;
}

function parseCluster(v: Json, c: ClusterSettings): Bad | null {
  if (!isObject(v)) return { path: "cluster", reason: "not an object" };
  for (const [k, x] of Object.entries(v)) {
    const path = `cluster.${k}`;
    if (k === "enabled") {
      if (typeof x !== "boolean") return { path, reason: "expected true or false" };
      c.enabled = x;
    } else if (k === "k") {
      if (x !== "auto" && !isInteger(x, MIN_CLUSTERS, MAX_CLUSTERS))
        return { path, reason: `expected "auto" or a whole number ${MIN_CLUSTERS}–${MAX_CLUSTERS}` };
      c.k = x as "auto" | number;
    } else if (k === "features") {
      const list = stringList(x, path);
      if (!Array.isArray(list)) return list;
      c.features = list;
    } else if (k === "seed") {
      if (!isInteger(x, 0, 0xffffffff)) return { path, reason: "expected a whole number ≥ 0" };
      c.seed = x as number;
    } else return { path, reason: "unknown key" };
  }
  return null;
}
