/**
 * Turns whatever a run threw into a SegmentFailure in the user's language. Shared by the task pane,
 * the ribbon command and the playground, so that every surface reports errors the same way.
 * A failure keeps what it was made from, so the pane can say it again in another language.
 */
import { isValidIsoDate } from "../engine/config";
import { isSegmentSheetError, type SegmentError } from "../engine/errors";
import type { Lang } from "../engine/types";
import { errorMessage, fill } from "../i18n/messages";
import { uiStrings } from "../i18n/ui";
import { EngineCrash } from "./engine/client";
import type { SegmentFailure } from "./pane-actions";

/**
 * The engine names missing fields by key ("lastPurchase|recency,frequency"); the user reads them as
 * the pane's field labels ("最后购买时间 / 距今天数、消费频次").
 */
function readableError(error: SegmentError, lang: Lang): SegmentError {
  const fields = error.params?.fields;
  if (error.code !== "MISSING_FIELD" || typeof fields !== "string") return error;
  const ui = uiStrings[lang] as Record<string, string>;
  const label = (field: string) => ui[`field.${field}`] ?? field;
  const text = fields
    .split(",")
    .filter((f) => f !== "")
    .map((req) =>
      req
        .split("|")
        .map((alt) => alt.split("+").map(label).join(" + "))
        .join(" / ")
    )
    .join(lang === "en" ? ", " : "、");
  return { ...error, params: { ...error.params, fields: text } };
}

/** The coded error as one sentence in `lang`. */
export function errorText(error: SegmentError, lang: Lang): string {
  return errorMessage(readableError(error, lang), lang);
}

export function failureOf(error: SegmentError, lang: Lang): SegmentFailure {
  return { ok: false, code: error.code, message: errorText(error, lang), error };
}

/** An Office.js error (OfficeExtension.Error, or the xlsx-host's equivalent): it has a string code. */
function officeErrorCode(e: unknown): string | undefined {
  if (typeof e !== "object" || e === null || e instanceof EngineCrash) return undefined;
  const code = (e as { code?: unknown }).code;
  return typeof code === "string" && code !== "" ? code : undefined;
}

function detailOf(e: unknown): string {
  if (e instanceof Error) return e.message;
  if (typeof e === "object" && e !== null && typeof (e as { message?: unknown }).message === "string") {
    return (e as { message: string }).message;
  }
  return String(e);
}

function unexpected(code: string, detail: string, office: boolean, lang: Lang): SegmentFailure {
  const template = uiStrings[lang][office ? "error.excel" : "error.unexpected"];
  return { ok: false, code, message: fill(template, { code, detail }), detail, office };
}

export function toFailure(e: unknown, lang: Lang): SegmentFailure {
  if (isSegmentSheetError(e)) return failureOf(e.error, lang);
  const code = officeErrorCode(e);
  if (code === "RequestPayloadSizeLimitExceeded" || code === "ResponsePayloadSizeLimitExceeded") {
    return failureOf({ code: "PAYLOAD_TOO_LARGE", params: { limit: "5 MB" } }, lang);
  }
  return code !== undefined
    ? unexpected(code, detailOf(e), true, lang)
    : unexpected("UNEXPECTED", detailOf(e), false, lang);
}

/** The same failure in another language (a failure from elsewhere, e.g. the ribbon, may lack the parts). */
export function localizeFailure(failure: SegmentFailure, lang: Lang): string {
  if (failure.error) return errorText(failure.error, lang);
  if (failure.detail !== undefined)
    return unexpected(failure.code, failure.detail, failure.office === true, lang).message;
  return failure.message;
}

/** The as-of date is checked before anything touches the workbook. */
export function checkAsOf(asOf: string, lang: Lang): SegmentFailure | null {
  return isValidIsoDate(asOf) ? null : failureOf({ code: "BAD_AS_OF", params: { value: asOf } }, lang);
}

/** Today in the user's time zone, yyyy-mm-dd. */
export function todayIso(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Whole days from `from` to `to` (yyyy-mm-dd each); positive when `to` is later. */
export function daysBetween(from: string, to: string): number {
  const a = Date.parse(`${from}T00:00:00Z`);
  const b = Date.parse(`${to}T00:00:00Z`);
  return Math.round((b - a) / 86_400_000);
}
