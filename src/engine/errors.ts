/**
 * Errors as typed values. Every code has a message in each language in src/i18n/messages.
 * `params` fill the message's {{placeholders}}.
 */
export type ErrorCode =
  | "NO_TABLE_FOUND"
  | "NO_DATA_ROWS"
  | "MISSING_FIELD"
  | "NO_CUSTOMERS"
  | "BAD_SETTINGS"
  | "BAD_AS_OF"
  | "NOT_A_WORKBOOK"
  | "FILE_NOT_FOUND"
  | "SHEET_NOT_FOUND"
  | "SHEET_PROTECTED"
  | "USER_COLUMN_NOT_EMPTY"
  | "PAYLOAD_TOO_LARGE"
  | "UNSUPPORTED_HOST"
  | "WRITE_FAILED"
  | "SHEET_CHANGED"
  | "NOTHING_TO_UNDO"
  | "EXCEL_ERROR";

export interface SegmentError {
  code: ErrorCode;
  params?: Record<string, string | number>;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: SegmentError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = <T = never>(code: ErrorCode, params?: Record<string, string | number>): Result<T> => ({
  ok: false,
  error: { code, params },
});

/** Thrown across layers that cannot return a Result (Excel.run batches); caught at the edges. */
export class SegmentSheetError extends Error {
  constructor(public readonly error: SegmentError) {
    super(`${error.code}${error.params ? " " + JSON.stringify(error.params) : ""}`);
    this.name = "SegmentSheetError";
  }
}

export function isSegmentSheetError(e: unknown): e is SegmentSheetError {
  return e instanceof SegmentSheetError;
}
