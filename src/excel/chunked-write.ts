/**
 * Writing many rows in as few requests as Excel on the web's 5 MB limit allows.
 *
 * The rows' JSON size is measured on a sample spread over all the rows to write; each request then carries
 * as many rows as fit in PAYLOAD_BUDGET_BYTES (limits.ts), and each chunk is measured again on its own sample
 * before it is sent. Nothing else is queued in a chunk's batch, so a request Excel still refuses as too large
 * (RequestPayloadSizeLimitExceeded: nothing of it is applied) is sent again in halves. Calculation is
 * suspended until the sync before every chunk (ExcelApi 1.6, where supported); no sync runs per row.
 */
import { PAYLOAD_BUDGET_BYTES, errorCode, jsonBytes, rowsPerRequest, suspendCalculation } from "./limits";

/** Rows whose size is measured per estimate. */
const SAMPLE = 256;

export interface ChunkedWrite<P> {
  /** Rows to write. */
  total: number;
  /** Cells per row (for the cell budget). */
  cellsPerRow: number;
  /** The payload for rows [start, start + count): built, not yet queued. */
  make(start: number, count: number): P;
  /** The JSON-able content of row i (0-based within the payload) of a built payload, for measuring. */
  row(payload: P, i: number): unknown;
  /** Queues the writes of a built payload for rows [start, start + count). */
  put(payload: P, start: number, count: number): void;
}

/** Largest JSON size (plus a separator) among up to SAMPLE rows spread evenly over [0, count), last row included. */
function sampledRowBytes(count: number, rowAt: (i: number) => unknown): number {
  if (count === 0) return 0;
  const step = Math.max(1, Math.floor(count / SAMPLE));
  let max = 0;
  for (let i = 0; i < count; i += step) max = Math.max(max, jsonBytes(rowAt(i)));
  return Math.max(max, jsonBytes(rowAt(count - 1))) + 1;
}

export interface ChunkStats {
  /** Requests sent (syncs). */
  requests: number;
  /** Rows per request of the first request. */
  rowsPerRequest: number;
}

export async function writeInChunks<P>(context: Excel.RequestContext, w: ChunkedWrite<P>): Promise<ChunkStats> {
  const stats: ChunkStats = { requests: 0, rowsPerRequest: 0 };
  if (w.total === 0) return stats;
  // Size estimate over the whole data: one row at each of SAMPLE spread positions.
  const step = Math.max(1, Math.floor(w.total / SAMPLE));
  let perRow = 0;
  for (let i = 0; i < w.total; i += step) perRow = Math.max(perRow, jsonBytes(w.row(w.make(i, 1), 0)) + 1);
  let rows = rowsPerRequest(perRow, w.cellsPerRow);
  stats.rowsPerRequest = rows;
  for (let start = 0; start < w.total;) {
    const count = Math.min(rows, w.total - start);
    const payload = w.make(start, count);
    const chunkRow = sampledRowBytes(count, (i) => w.row(payload, i));
    if (count > 1 && chunkRow * count > PAYLOAD_BUDGET_BYTES) {
      rows = Math.max(1, Math.floor(PAYLOAD_BUDGET_BYTES / chunkRow));
      continue;
    }
    suspendCalculation(context);
    w.put(payload, start, count);
    try {
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per chunk of rows, by design: each request stays under Excel on the web's 5 MB limit
      await context.sync();
    } catch (e) {
      if (errorCode(e) !== "RequestPayloadSizeLimitExceeded" || count === 1) throw e;
      rows = Math.ceil(count / 2);
      continue;
    }
    stats.requests++;
    start += count;
  }
  return stats;
}
