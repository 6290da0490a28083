/**
 * The cleaning settings: the JSON under "cleaning" that the pane edits, the workbook stores and
 * the CLI reads. parseCleaningSettings checks a parsed JSON value and merges it over the
 * defaults; unknown keys and bad values are refused with BAD_SETTINGS {path, reason}, the path
 * starting at "cleaning".
 */
import { fail, ok, type Result } from "../errors";
import { FIX_ORDER } from "./apply-fixes";
import type { CleanFieldKey, CleaningSettings, DuplicateKey, DuplicateResolution, OutlierRule } from "./types";

export function defaultCleaningSettings(): CleaningSettings {
  return {
    duplicates: { keys: ["id", "phone", "creditCode"], resolve: "keepLatest" },
    missing: {
      rules: true,
      numeric: "median",
      categorical: "unknown",
      unknownLabel: "未知",
      newCustomerLabel: "新客户",
    },
    outliers: { rules: ["mean", "iqr"], meanMultiple: 3, iqrMultiple: 1.5, excludeFromThresholds: true },
    plausible: { ageMin: 0, ageMax: 100 },
    dateOrders: {},
    columns: {},
    sampleSize: 20,
    accept: [],
  };
}

export const CLEAN_FIELD_KEYS: readonly CleanFieldKey[] = [
  "creditCode",
  "idCard",
  "updatedAt",
  "birthYear",
  "income",
  "tags",
  "category",
  "region",
  "payTime",
  "refund",
  "orderStatus",
];
const DUPLICATE_KEYS: readonly DuplicateKey[] = ["id", "phone", "creditCode"];
const OUTLIER_RULES: readonly OutlierRule[] = ["mean", "iqr"];
const RESOLUTIONS: readonly DuplicateResolution[] = ["keepLatest", "merge"];
const MAX_SAMPLE = 1000;

type Json = unknown;
const isObject = (v: Json): v is Record<string, Json> => typeof v === "object" && v !== null && !Array.isArray(v);
const isNumber = (v: Json): v is number => typeof v === "number" && Number.isFinite(v);
const isText = (v: Json): v is string => typeof v === "string" && v.trim() !== "";

/** A failed check: the path below "cleaning" and why. */
class Bad {
  constructor(
    readonly path: string,
    readonly reason: string
  ) {}
}

function entries(v: Json, path: string): [string, Json][] {
  if (!isObject(v)) throw new Bad(path, "not an object");
  return Object.entries(v);
}

function oneOf<T extends string>(v: Json, allowed: readonly T[], path: string): T {
  if (typeof v !== "string" || !(allowed as readonly string[]).includes(v))
    throw new Bad(path, `expected ${allowed.join(" or ")}`);
  return v as T;
}

function listOf<T extends string>(v: Json, allowed: readonly T[], path: string): T[] {
  if (!Array.isArray(v)) throw new Bad(path, "not a list");
  const out: T[] = [];
  v.forEach((item, i) => {
    const value = oneOf(item, allowed, `${path}[${i}]`);
    if (!out.includes(value)) out.push(value);
  });
  return out;
}

function bool(v: Json, path: string): boolean {
  if (typeof v !== "boolean") throw new Bad(path, "expected true or false");
  return v;
}

function text(v: Json, path: string): string {
  if (!isText(v)) throw new Bad(path, "expected a non-empty string");
  return v;
}

function number(v: Json, path: string, min: number, max: number): number {
  if (!isNumber(v) || v < min || v > max) throw new Bad(path, `expected a number from ${min} to ${max}`);
  return v;
}

function read(input: Json, s: CleaningSettings): void {
  for (const [key, value] of entries(input, "cleaning")) {
    const at = `cleaning.${key}`;
    switch (key) {
      case "duplicates":
        for (const [k, v] of entries(value, at)) {
          if (k === "keys") s.duplicates.keys = listOf(v, DUPLICATE_KEYS, `${at}.keys`);
          else if (k === "resolve") s.duplicates.resolve = oneOf(v, RESOLUTIONS, `${at}.resolve`);
          else throw new Bad(`${at}.${k}`, "unknown key");
        }
        break;
      case "missing":
        for (const [k, v] of entries(value, at)) {
          if (k === "rules") s.missing.rules = bool(v, `${at}.rules`);
          else if (k === "numeric") s.missing.numeric = oneOf(v, ["median", "none"] as const, `${at}.numeric`);
          else if (k === "categorical")
            s.missing.categorical = oneOf(v, ["unknown", "none"] as const, `${at}.categorical`);
          else if (k === "unknownLabel") s.missing.unknownLabel = text(v, `${at}.unknownLabel`);
          else if (k === "newCustomerLabel") s.missing.newCustomerLabel = text(v, `${at}.newCustomerLabel`);
          else throw new Bad(`${at}.${k}`, "unknown key");
        }
        break;
      case "outliers":
        for (const [k, v] of entries(value, at)) {
          if (k === "rules") s.outliers.rules = listOf(v, OUTLIER_RULES, `${at}.rules`);
          else if (k === "meanMultiple") s.outliers.meanMultiple = number(v, `${at}.meanMultiple`, 1, 1000);
          else if (k === "iqrMultiple") s.outliers.iqrMultiple = number(v, `${at}.iqrMultiple`, 0.5, 100);
          else if (k === "excludeFromThresholds") s.outliers.excludeFromThresholds = bool(v, `${at}.${k}`);
          else throw new Bad(`${at}.${k}`, "unknown key");
        }
        break;
      case "plausible":
        for (const [k, v] of entries(value, at)) {
          if (k === "ageMin") s.plausible.ageMin = number(v, `${at}.ageMin`, 0, 150);
          else if (k === "ageMax") s.plausible.ageMax = number(v, `${at}.ageMax`, 0, 150);
          else throw new Bad(`${at}.${k}`, "unknown key");
        }
        if (s.plausible.ageMin > s.plausible.ageMax) throw new Bad(`${at}.ageMin`, "greater than ageMax");
        break;
      case "dateOrders":
        for (const [header, v] of entries(value, at)) {
          if (header.trim() === "") throw new Bad(`${at}.${header}`, "expected a header name");
          s.dateOrders[header] = oneOf(v, ["dmy", "mdy"] as const, `${at}.${header}`);
        }
        break;
      case "columns":
        for (const [field, v] of entries(value, at)) {
          if (!(CLEAN_FIELD_KEYS as readonly string[]).includes(field))
            throw new Bad(`${at}.${field}`, "unknown field");
          s.columns[field as CleanFieldKey] = text(v, `${at}.${field}`);
        }
        break;
      case "sampleSize":
        s.sampleSize = Math.floor(number(value, at, 0, MAX_SAMPLE));
        break;
      case "accept":
        s.accept = listOf(value, FIX_ORDER, at);
        break;
      default:
        throw new Bad(at, "unknown key");
    }
  }
}

/** Checks the "cleaning" JSON value and merges it over the defaults. */
export function parseCleaningSettings(json: unknown): Result<CleaningSettings> {
  const s = defaultCleaningSettings();
  try {
    read(json, s);
  } catch (e) {
    if (e instanceof Bad) return fail("BAD_SETTINGS", { path: e.path, reason: e.reason });
    throw e;
  }
  return ok(s);
}
