/**
 * The settings schema: the same JSON the pane edits, the workbook stores and the CLI reads
 * with --config. Unknown keys and bad values are refused with a BAD_SETTINGS error that names them.
 */
import { fail, ok, Result } from "./errors";
import type { FieldKey } from "./types";

export type RfmScoring = "quintiles";
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
  };
  /** Field → header overrides, e.g. {"id": "客户编号"}. */
  fields: Partial<Record<FieldKey, string>>;
}

export const DEFAULT_THRESHOLDS: RfmThresholds = { recencyDays: 30, frequency: 5, monetary: 2000 };

export function defaultSettings(): Settings {
  return {
    rfm: { scoring: "quintiles", split: "mean", thresholds: { ...DEFAULT_THRESHOLDS }, labels: {} },
    fields: {},
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
          if (rv !== "quintiles") return bad("rfm.scoring", "expected quintiles");
          s.rfm.scoring = rv;
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
    } else return bad(key, "unknown key");
  }
  return ok(s);
}
