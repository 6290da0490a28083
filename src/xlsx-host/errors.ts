/**
 * Errors shaped like Office.js's `OfficeExtension.Error` (name "RichApi.Error").
 *
 * Shape and message texts:
 * - The client library builds errors as `{ name: "RichApi.Error", code, message, traceMessages,
 *   innerError, debugInfo: { code, message, errorLocation, ... }, httpStatusCode }` — see
 *   `_Internal.RuntimeError` in @microsoft/office-js dist/excel-web-16.00.debug.js (installed in
 *   node_modules) and the logged error in https://github.com/OfficeDev/office-js/issues/1025.
 * - Codes and messages of errors returned by Excel:
 *   https://learn.microsoft.com/office/dev/add-ins/testing/application-specific-api-error-handling
 * - Client-side messages (PropertyNotLoaded, ValueNotLoaded, InvalidRequestContext): the en-us
 *   resource strings of @microsoft/office-js (dist/en-us/office_strings.js).
 */

export type RichApiErrorCode =
  | "AccessDenied"
  | "GeneralException"
  | "InvalidArgument"
  | "InvalidObjectPath"
  | "InvalidOperation"
  | "InvalidReference"
  | "InvalidRequestContext"
  | "ItemAlreadyExists"
  | "ItemNotFound"
  | "NotImplemented"
  | "PropertyNotLoaded"
  | "RangeExceedsLimit"
  | "RequestPayloadSizeLimitExceeded"
  | "ResponsePayloadSizeLimitExceeded"
  | "RunMustReturnPromise"
  | "ValueNotLoaded";

/** Messages from the "Error codes and messages" table (learn.microsoft.com, see above). */
const MESSAGES: Record<RichApiErrorCode, string> = {
  AccessDenied: "You cannot perform the requested operation.",
  GeneralException: "There was an internal error while processing the request.",
  InvalidArgument: "The argument is invalid or missing or has an incorrect format.",
  InvalidObjectPath:
    'The object path \'{0}\' isn\'t working for what you\'re trying to do. If you\'re using the object across multiple "context.sync" calls and outside the sequential execution of a ".run" batch, please use the "context.trackedObjects.add()" and "context.trackedObjects.remove()" methods to manage the object\'s lifetime.',
  InvalidOperation: "The operation attempted is invalid on the object.",
  InvalidReference: "This reference is not valid for the current operation.",
  InvalidRequestContext: "Cannot use the object across different request contexts.",
  ItemAlreadyExists: "The resource being created already exists.",
  ItemNotFound: "The requested resource doesn't exist.",
  NotImplemented: "The requested feature isn't implemented.",
  PropertyNotLoaded:
    "The property '{0}' is not available. Before reading the property's value, call the load method on the containing object and call \"context.sync()\" on the associated request context.",
  RangeExceedsLimit: "The cell count in the range has exceeded the maximum supported number.",
  RequestPayloadSizeLimitExceeded: "The request payload size has exceeded the limit.",
  ResponsePayloadSizeLimitExceeded: "The response payload size has exceeded the limit.",
  RunMustReturnPromise:
    'The batch function passed to the ".run" method didn\'t return a promise. The function must return a promise, so that any automatically-tracked objects can be released at the completion of the batch operation. Typically, you return a promise by returning the response from "context.sync()".',
  ValueNotLoaded:
    'The value of the result object has not been loaded yet. Before reading the value property, call "context.sync()" on the associated request context.',
};

/** HTTP status mapping done by the client library (RuntimeError constructor). */
const HTTP_STATUS: Partial<Record<RichApiErrorCode, number>> = {
  AccessDenied: 401,
  GeneralException: 500,
  InvalidArgument: 400,
  InvalidRequestContext: 400,
  ValueNotLoaded: 400,
  PropertyNotLoaded: 400,
};

export interface RichApiDebugInfo {
  code: string;
  message: string;
  errorLocation?: string;
  statement?: string;
  surroundingStatements?: string[];
}

export class RichApiError extends Error {
  readonly code: RichApiErrorCode;
  readonly debugInfo: RichApiDebugInfo;
  readonly traceMessages: string[] = [];
  readonly innerError: null = null;
  readonly httpStatusCode: number;

  constructor(code: RichApiErrorCode, options: { message?: string; errorLocation?: string; statement?: string } = {}) {
    const message = options.message ?? MESSAGES[code];
    super(message);
    Object.setPrototypeOf(this, RichApiError.prototype);
    this.name = "RichApi.Error";
    this.code = code;
    this.httpStatusCode = HTTP_STATUS[code] ?? 500;
    this.debugInfo = { code, message };
    if (options.errorLocation !== undefined) this.debugInfo.errorLocation = options.errorLocation;
    if (options.statement !== undefined) this.debugInfo.statement = options.statement;
  }

  override toString(): string {
    return `${this.code}: ${this.message}`;
  }
}

export function richError(code: RichApiErrorCode, errorLocation?: string, message?: string): RichApiError {
  return new RichApiError(code, { errorLocation, message });
}

/** Thrown synchronously by a getter read before load + sync (Office.js `Utility.throwIfNotLoaded`). */
export function propertyNotLoaded(typeName: string | null, propertyName: string): RichApiError {
  return new RichApiError("PropertyNotLoaded", {
    message: MESSAGES.PropertyNotLoaded.replace("{0}", propertyName),
    errorLocation: typeName ? `${typeName}.${propertyName}` : undefined,
  });
}

/** Using a proxy after its `run` batch ended (Office.js marks its object path invalid). */
export function invalidObjectPath(path: string): RichApiError {
  return new RichApiError("InvalidObjectPath", {
    message: MESSAGES.InvalidObjectPath.replace("{0}", path),
    errorLocation: path,
  });
}

export function valueNotLoaded(): RichApiError {
  return new RichApiError("ValueNotLoaded", { errorLocation: "clientResult.value" });
}

export type HostFileErrorCode = "NOT_A_WORKBOOK" | "INVALID_SHEET_NAME" | "SHEET_NOT_FOUND";

/** Errors of the host itself (opening or saving files), not of the emulated Excel API. */
export class HostFileError extends Error {
  readonly code: HostFileErrorCode;
  constructor(
    code: HostFileErrorCode,
    message: string,
    override readonly cause?: unknown
  ) {
    super(message);
    Object.setPrototypeOf(this, HostFileError.prototype);
    this.name = "HostFileError";
    this.code = code;
  }
}

/** A use of the emulated API that the host does not implement; thrown synchronously, never silently ignored. */
export class HostNotImplementedError extends Error {
  constructor(what: string) {
    super(`xlsx-host: ${what} is not implemented by the in-process host`);
    Object.setPrototypeOf(this, HostNotImplementedError.prototype);
    this.name = "HostNotImplementedError";
  }
}
