/**
 * RequestContext and the batch: queued actions run in order at `sync()`.
 *
 * - Not transactional: actions run one after the other; at the first failing action the sync is
 *   rejected and the later actions are not run, but the earlier ones stay applied (Excel has no
 *   undo for add-in batches, https://github.com/OfficeDev/office-js/issues/1608). The client
 *   library also processes the results of the actions that ran before the error
 *   (`ClientRequestContext.processRequestExecutorResponseMessage` handles `Body.Results` before
 *   returning `Body.Error`, node_modules/@microsoft/office-js/dist/excel-web-16.00.debug.js).
 * - `Excel.run` syncs once more after the batch function's promise resolves, and rejects with
 *   RunMustReturnPromise-style errors only for non-promise results (same file, `_runCommonBatch`);
 *   after the run, its proxies are invalid (InvalidObjectPath).
 * - Payload limits: "Excel on the web has a payload size limit for requests and responses of 5MB"
 *   and "A range is limited to 5,000,000 cells for read operations" —
 *   https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins
 *   and https://learn.microsoft.com/office/dev/add-ins/excel/performance#payload-size-limit-best-practices;
 *   error codes RequestPayloadSizeLimitExceeded / ResponsePayloadSizeLimitExceeded ("This error
 *   only occurs in Office on the web") from
 *   https://learn.microsoft.com/office/dev/add-ins/testing/application-specific-api-error-handling
 */
import { RichApiError, invalidObjectPath } from "./errors";
import type { Json, Op } from "./proxy";
import type { HostDoc } from "./doc";
import { Workbook, Application } from "./workbook";
import { jsonUtf8Length } from "./json-size";

/** 5 MB. The docs say "5MB" without defining MB; the smaller reading (10^6 bytes) is used so the host is never kinder than Excel. */
export const WEB_PAYLOAD_LIMIT_BYTES = 5_000_000;

export interface IoStats {
  syncs: number;
  requests: number;
  maxRequestBytes: number;
  maxResponseBytes: number;
  totalRequestBytes: number;
  totalResponseBytes: number;
}

export interface HostOptions {
  /** Enforce Excel on the web's 5 MB request/response payload limits. */
  webLimits?: boolean;
  /**
   * Measure every request's and response's JSON size into the stats (default true; always on with
   * `webLimits`, which needs the sizes). Off, a sync only counts: a run on a desktop file has no payload
   * limit, and sizing a million-cell write costs a quarter of a second.
   */
  measurePayloads?: boolean;
  /** Test hook: the Nth sync (1-based, counted over the host's life) throws GeneralException after applying nothing. */
  failAtSync?: number;
  /**
   * Test hook: another author. Called with the sync's number (counted as for failAtSync) before that sync applies
   * anything, and awaited: it may edit the workbook through its own `HostWorkbook.run`, as a co-author's edit
   * lands between two of the add-in's round trips in Excel on the web. The syncs it makes are not passed to the
   * hook again and leave the stats as they were.
   */
  beforeSync?: (syncNumber: number) => void | Promise<void>;
}

/** Hosts whose beforeSync hook is running (its own syncs do not call it again). */
const inHook = new WeakSet<HostRuntime>();

export function newStats(): IoStats {
  return {
    syncs: 0,
    requests: 0,
    maxRequestBytes: 0,
    maxResponseBytes: 0,
    totalRequestBytes: 0,
    totalResponseBytes: 0,
  };
}

/** What the context needs from its HostWorkbook. */
export interface HostRuntime {
  readonly doc: HostDoc;
  readonly stats: IoStats;
  options: HostOptions;
}

class TrackedObjects {
  add(_obj: unknown): void {}
  remove(_obj: unknown): void {}
}

export class HostContext {
  readonly workbook: Workbook;
  readonly application: Application;
  readonly trackedObjects = new TrackedObjects();
  /** @internal */ _queue: Op[] = [];
  /** @internal */ _closed = false;
  private _serials = 0;

  constructor(readonly _host: HostRuntime) {
    this.workbook = new Workbook(this);
    this.application = this.workbook.application;
  }

  /** @internal Object ids are per context, as Office.js's `context._nextId()`. */
  _nextSerial(): number {
    return ++this._serials;
  }

  /** @internal */
  get _doc(): HostDoc {
    return this._host.doc;
  }

  /** @internal */
  _enqueue(op: Op): void {
    this._queue.push(op);
  }

  /** @internal A proxy used after its `run` ended. */
  _ensureOpen(): void {
    if (this._closed) throw invalidObjectPath("workbook");
  }

  async sync<T>(passThroughValue?: T): Promise<T> {
    // A real sync is a round trip: never complete synchronously.
    await Promise.resolve();
    const ops = this._queue;
    this._queue = [];
    const stats = this._host.stats;
    const options = this._host.options;
    if (options.beforeSync !== undefined && !inHook.has(this._host)) {
      const saved = { ...stats };
      inHook.add(this._host);
      try {
        await options.beforeSync(saved.syncs + 1);
      } finally {
        inHook.delete(this._host);
        Object.assign(stats, saved);
      }
    }
    stats.syncs += 1;
    const syncNo = stats.syncs;
    if (options.failAtSync !== undefined && options.failAtSync === syncNo) {
      // Test hook: this sync fails as a whole, before anything is applied or counted as a request.
      throw new RichApiError("GeneralException", { errorLocation: "" });
    }
    if (ops.length === 0) return passThroughValue as T;

    const measure = options.webLimits === true || options.measurePayloads !== false;
    const requestBytes = measure ? jsonUtf8Length(ops.map((o) => o.wire)) : 0;
    stats.requests += 1;
    stats.totalRequestBytes += requestBytes;
    stats.maxRequestBytes = Math.max(stats.maxRequestBytes, requestBytes);

    if (options.webLimits && requestBytes > WEB_PAYLOAD_LIMIT_BYTES) {
      throw new RichApiError("RequestPayloadSizeLimitExceeded", { errorLocation: "" });
    }

    let failure: unknown = null;
    let ran = 0;
    for (const op of ops) {
      try {
        op.run();
        ran += 1;
      } catch (e) {
        failure = e;
        break;
      }
    }

    const responses: Json[] = [];
    for (let i = 0; measure && i < ran; i++) {
      const r = ops[i].response;
      if (r !== undefined) responses.push(r);
    }
    const responseBytes = responses.length ? jsonUtf8Length(responses) : 0;
    stats.totalResponseBytes += responseBytes;
    stats.maxResponseBytes = Math.max(stats.maxResponseBytes, responseBytes);
    if (options.webLimits && responseBytes > WEB_PAYLOAD_LIMIT_BYTES) {
      throw new RichApiError("ResponsePayloadSizeLimitExceeded", { errorLocation: "" });
    }

    for (let i = 0; i < ran; i++) ops[i].deliver?.();
    if (failure !== null) {
      if (failure instanceof RichApiError) throw failure;
      // A host bug or a HostNotImplementedError raised while running: surface it as is.
      throw failure;
    }
    return passThroughValue as T;
  }
}
