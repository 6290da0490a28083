/**
 * Sizes of the requests src/excel sends. Excel on the web refuses a request or response over 5 MB
 * (RequestPayloadSizeLimitExceeded / ResponsePayloadSizeLimitExceeded) and every platform refuses to
 * read more than 5,000,000 cells at once
 * (https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization,
 * https://learn.microsoft.com/office/dev/add-ins/excel/performance#payload-size-limit-best-practices).
 *
 * Chunks are sized from the data: the bytes a row takes in the JSON payload are measured on a sample of
 * the rows (read so far, or about to be written) and a chunk gets as many rows as fit in PAYLOAD_BUDGET,
 * a safety margin below the 5 MB limit. Fewer, larger requests are faster than many small ones.
 */

/** Excel on the web's limit on one request or response, read as 10^6-byte MB (the stricter reading). */
export const WEB_PAYLOAD_LIMIT_BYTES = 5_000_000;
/** What one request or response may carry here: 1 MB below the limit for the batch's other actions and JSON framing. */
export const PAYLOAD_BUDGET_BYTES = 4_000_000;
/** Every platform's limit on the cells of one read. */
export const READ_CELL_LIMIT = 5_000_000;
/** Cells in one request sized by rowsPerRequest, however small they are (well below READ_CELL_LIMIT). */
export const MAX_CELLS_PER_REQUEST = 1_000_000;
/**
 * Fixed budgets for callers that do not measure their data (each stays below 5 MB for cells of up to
 * ~20 bytes in JSON; two properties per cell up to ~10 bytes each).
 */
export const MAX_CELLS_PER_READ = 200_000;
export const MAX_CELLS_PER_WRITE = 200_000;
/** Rows scanned below the top of the used range for a header row (titles and blank rows sit above it). */
export const HEADER_SCAN_ROWS = 30;
/** Rows of the first read of a table, whose size sets the size of the next reads. */
export const FIRST_READ_ROWS = 2_000;
/** Rows whose JSON is measured to estimate a row's size. */
const SAMPLE_ROWS = 256;

/** Splits [0, total) into consecutive [start, count] pieces of at most `size`. */
export function chunks(total: number, size: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const step = Math.max(1, Math.floor(size));
  for (let start = 0; start < total; start += step) out.push([start, Math.min(step, total - start)]);
  return out;
}

/** UTF-8 length of a string, without encoding it. */
export function utf8Bytes(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) continue;
    if (c < 0x800) n += 1;
    else if (c >= 0xd800 && c <= 0xdbff)
      i++; // a surrogate pair: 2 UTF-16 units, 4 bytes
    else n += 2;
  }
  return n;
}

/** Bytes of a value in a JSON payload. */
export function jsonBytes(value: unknown): number {
  const text = JSON.stringify(value);
  return text === undefined ? 0 : utf8Bytes(text);
}

/**
 * The largest JSON size of a row among up to SAMPLE_ROWS rows spread evenly over `rows` (the first and
 * last included), plus its separating comma.
 */
export function sampledRowBytes(rows: readonly (readonly unknown[])[]): number {
  const n = rows.length;
  if (n === 0) return 0;
  const step = Math.max(1, Math.floor(n / SAMPLE_ROWS));
  let max = 0;
  for (let i = 0; i < n; i += step) max = Math.max(max, jsonBytes(rows[i]));
  max = Math.max(max, jsonBytes(rows[n - 1]));
  return max + 1;
}

/** Rows per request for rows of `bytesPerRow` JSON bytes and `cellsPerRow` cells, within both budgets. */
export function rowsPerRequest(bytesPerRow: number, cellsPerRow: number, maxCells = MAX_CELLS_PER_REQUEST): number {
  const byBytes = Math.floor(PAYLOAD_BUDGET_BYTES / Math.max(1, bytesPerRow));
  const byCells = Math.floor(maxCells / Math.max(1, cellsPerRow));
  return Math.max(1, Math.min(byBytes, byCells));
}

/** An Office.js error code, if `e` is a RichApi error. */
export function errorCode(e: unknown): string | undefined {
  return typeof e === "object" && e !== null && "code" in e ? String((e as { code: unknown }).code) : undefined;
}

/**
 * Whether `context.application.suspendApiCalculationUntilNextSync()` (ExcelApi 1.6) may be called. Inside
 * Office the requirement set is asked; elsewhere (the xlsx-host in the CLI, tests and playground, where it is a
 * no-op) it is.
 */
export function canSuspendCalculation(): boolean {
  if (typeof Office === "undefined") return true;
  try {
    return Office.context?.requirements?.isSetSupported("ExcelApi", "1.6") === true;
  } catch {
    return false;
  }
}

/** Suspends recalculation until the next sync, where supported: before a large write. */
export function suspendCalculation(context: Excel.RequestContext): void {
  if (canSuspendCalculation()) context.application.suspendApiCalculationUntilNextSync();
}
