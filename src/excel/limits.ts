/**
 * Sizes of the requests src/excel sends. Excel on the web refuses a request or response over 5 MB and
 * every platform refuses to read more than 5,000,000 cells at once
 * (https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization).
 * These budgets stay well below both.
 */
export const MAX_CELLS_PER_READ = 200_000;
export const MAX_CELLS_PER_WRITE = 200_000;
/** Rows scanned below the top of the used range for a header row (titles and blank rows sit above it). */
export const HEADER_SCAN_ROWS = 30;

/** Splits [0, total) into consecutive [start, count] pieces of at most `size`. */
export function chunks(total: number, size: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const step = Math.max(1, Math.floor(size));
  for (let start = 0; start < total; start += step) out.push([start, Math.min(step, total - start)]);
  return out;
}
