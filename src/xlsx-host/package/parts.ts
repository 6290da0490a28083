/**
 * An .xlsx package as its zip entries: entry name (e.g. "xl/worksheets/sheet1.xml") → uncompressed bytes.
 * Shared interface between the package writer (writer.ts) and sheet-objects.ts (charts / conditional formats).
 */
export type Parts = Map<string, Uint8Array>;
