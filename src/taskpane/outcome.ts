/**
 * Turns whatever a run threw into a SegmentFailure in the user's language. Shared by the task pane,
 * the ribbon command and the playground, so that every surface reports errors the same way.
 */
import { isValidIsoDate } from "../engine/config";
import { isSegmentSheetError, type SegmentError } from "../engine/errors";
import type { Lang } from "../engine/types";
import { errorMessage, fill } from "../i18n/messages";
import { uiStrings } from "../i18n/ui";
import type { SegmentFailure } from "./pane-actions";

export function failureOf(error: SegmentError, lang: Lang): SegmentFailure {
  return { ok: false, code: error.code, message: errorMessage(error, lang) };
}

/** An Office.js error (OfficeExtension.Error, or the xlsx-host's equivalent): it has a string code. */
function officeErrorCode(e: unknown): string | undefined {
  if (typeof e !== "object" || e === null) return undefined;
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

export function toFailure(e: unknown, lang: Lang): SegmentFailure {
  if (isSegmentSheetError(e)) return failureOf(e.error, lang);
  const code = officeErrorCode(e);
  if (code === "RequestPayloadSizeLimitExceeded" || code === "ResponsePayloadSizeLimitExceeded") {
    return failureOf({ code: "PAYLOAD_TOO_LARGE", params: { limit: "5 MB" } }, lang);
  }
  const detail = detailOf(e);
  if (code !== undefined) {
    return { ok: false, code, message: fill(uiStrings[lang]["error.excel"], { code, detail }) };
  }
  return {
    ok: false,
    code: "UNEXPECTED",
    message: fill(uiStrings[lang]["error.unexpected"], { code: "UNEXPECTED", detail }),
  };
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
