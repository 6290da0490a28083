/** Node-only helpers (file system). Keep Node APIs out of the other xlsx-host files. */
import { createWriteStream } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import { once } from "node:events";
import { extname } from "node:path";
import { HostWorkbook } from "./index";
import type { HostOptions } from "./context";
import { cellCount, openXlsxStreaming, streamable, writeXlsxStream } from "./xlsx-stream";
import { zlibCompressor, zlibInflater } from "./package/node-deflate";
import { concat } from "./package/zip-io";
import type { CsvPart } from "./csv-fill";
import { splitCsv, type CsvTailJob } from "./csv-part";

/** From this many cells on, a workbook that can be is saved through the streaming writer. */
export const STREAM_SAVE_CELLS = 500_000;

/** Opens an .xlsx, or a .csv as a one-sheet workbook named after the file. */
export async function openWorkbookFile(path: string, options: HostOptions = {}): Promise<HostWorkbook> {
  const bytes = new Uint8Array(await readFile(path));
  if (extname(path).toLowerCase() === ".csv") {
    const base = path.replace(/^.*[\\/]/, "").replace(/\.csv$/i, "");
    const name =
      base
        .replace(/[:\\/?*[\]]/g, "_")
        .replace(/^'+|'+$/g, "")
        .slice(0, 31) || "Sheet1";
    return HostWorkbook.fromCsv(bytes, name, options);
  }
  return openXlsx(bytes, options);
}

/** From this size on, a CSV file is read in two parts at once when the caller can read one elsewhere. */
export const CSV_PARTS_BYTES = 8_000_000;

/**
 * The share of a file read in this thread. The worker starts ~30 ms after this thread starts on its share (its
 * settings come from the first 3 MB) and reads as fast: on Online Retail (52 MB) both halves take ~0.5 s; this
 * thread then spends ~20 ms receiving the rest's reading and ~0.12 s putting it into the sheet.
 */
const HEAD_SHARE = 0.5;

/** Reads the rest of a CSV file (readCsvTail) elsewhere — in a worker thread — or gives null. Never rejects. */
export type CsvTailReader = (job: CsvTailJob) => Promise<CsvPart | null>;

/**
 * Opens CSV bytes as a one-sheet workbook: a large file in two parts at once when `readTail` is given (its
 * beginning here, its rest through readTail; csv-part.ts), else — or when the parts do not fit — whole.
 */
export async function openCsv(
  bytes: Uint8Array,
  sheetName: string,
  options: HostOptions = {},
  readTail?: CsvTailReader
): Promise<HostWorkbook> {
  if (readTail !== undefined && bytes.length >= CSV_PARTS_BYTES) {
    const split = splitCsv(bytes, new Date(), HEAD_SHARE);
    if (split !== null) {
      const parted = await HostWorkbook.fromCsvParts(split, readTail(split.tail), sheetName, options);
      if (parted !== null) return parted;
    }
  }
  return HostWorkbook.fromCsv(bytes, sheetName, options);
}

/** From this size on, an .xlsx is opened with its cells read by exceljs's streaming reader where it can be. */
export const STREAM_OPEN_BYTES = 4_000_000;

/** Opens .xlsx bytes: a large file through the streaming reader when nothing in it needs the in-memory one. */
export async function openXlsx(bytes: Uint8Array, options: HostOptions = {}): Promise<HostWorkbook> {
  if (bytes.length >= STREAM_OPEN_BYTES) {
    const streamed = await openXlsxStreaming(bytes, options).catch(() => null);
    if (streamed) return streamed;
  }
  return HostWorkbook.fromXlsx(bytes, options);
}

/**
 * Saves the workbook as .xlsx. A workbook opened from .xlsx is saved from its original package
 * (package/writer.ts, deflated with zlib), written to the file piece by piece when large (STREAM_SAVE_CELLS
 * cells or more, or `stream: true`). Another one that is large is written row by row through exceljs's
 * streaming writer when it has nothing that writer cannot write (xlsx-stream.ts); otherwise the whole file is
 * built in memory.
 */
export async function saveWorkbookFile(
  host: HostWorkbook,
  path: string,
  options: { stream?: boolean } = {}
): Promise<"stream" | "memory"> {
  const stream = options.stream ?? cellCount(host) >= STREAM_SAVE_CELLS;
  const pieces = await host._packagePieces({ compressor: zlibCompressor, inflater: zlibInflater });
  if (pieces) {
    await writeFile(path, stream ? pieces : concat(pieces));
    return stream ? "stream" : "memory";
  }
  if (stream && streamable(host) === null) {
    const out = createWriteStream(path);
    const failed = once(out, "error").then(([e]) => Promise.reject(e));
    failed.catch(() => undefined);
    await Promise.race([writeXlsxStream(host, out), failed]);
    if (!out.writableFinished) await Promise.race([once(out, "finish"), failed]);
    return "stream";
  }
  await writeFile(path, await host.toXlsx());
  return "memory";
}
