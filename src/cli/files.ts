/** Node file handling for the CLI: load the input into the xlsx-host, write outputs atomically. */
import { closeSync, openSync, promises as fs, writeSync } from "node:fs";
import * as path from "node:path";
import { SegmentSheetError } from "../engine/errors";
import { HostFileError, HostOptions, HostWorkbook } from "../xlsx-host";
import { openCsv, openXlsx, saveWorkbookFile, type CsvTailReader } from "../xlsx-host/node";

const CSV_EXT = new Set([".csv", ".tsv", ".txt"]);

export function isCsvPath(p: string): boolean {
  return CSV_EXT.has(path.extname(p).toLowerCase());
}

/** Opens the input; a large CSV file is read in two parts at once when `readCsvTail` is given (a worker thread). */
export async function loadWorkbook(
  file: string,
  options: HostOptions,
  readCsvTail?: CsvTailReader
): Promise<HostWorkbook> {
  let bytes: Uint8Array;
  try {
    bytes = await fs.readFile(file);
  } catch {
    throw new SegmentSheetError({ code: "FILE_NOT_FOUND", params: { file } });
  }
  try {
    if (isCsvPath(file))
      return await openCsv(bytes, path.basename(file, path.extname(file)).slice(0, 31), options, readCsvTail);
    return await openXlsx(bytes, options);
  } catch (e) {
    if (e instanceof HostFileError) throw new SegmentSheetError({ code: "NOT_A_WORKBOOK", params: { file } });
    throw e;
  }
}

/** Default output: <name>.segmented.xlsx beside the input. */
export function defaultOutput(input: string, suffix = "segmented"): string {
  const dir = path.dirname(input);
  return path.join(dir, `${path.basename(input, path.extname(input))}.${suffix}.xlsx`);
}

/**
 * Writes pieces to a file as they come (strings as UTF-8). Each piece is written before the next is made, with a
 * synchronous write: a 1 MB piece goes into the page cache in well under a millisecond, where a write stream
 * made the formatting wait for a round trip through the event loop per piece (or per its buffer's worth).
 */
async function writePieces(file: string, pieces: Iterable<string | Uint8Array>): Promise<void> {
  const fd = openSync(file, "w");
  try {
    for (const piece of pieces) {
      const bytes = typeof piece === "string" ? Buffer.from(piece, "utf8") : piece;
      // write(2) may take fewer bytes than given (a full disk fails in the next call): the rest follows.
      for (let at = 0; at < bytes.length;) at += writeSync(fd, bytes, at, bytes.length - at);
    }
  } finally {
    closeSync(fd);
  }
}

/**
 * Writes to a temporary file in the same folder, then renames it: a reader never sees half a file.
 * `data` may come in pieces (a large CSV is written as it is formatted).
 */
export async function writeAtomically(
  file: string,
  data: Uint8Array | string | Iterable<string | Uint8Array>
): Promise<void> {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    if (typeof data === "string" || data instanceof Uint8Array) await fs.writeFile(tmp, data);
    else await writePieces(tmp, data);
    await fs.rename(tmp, file);
  } catch (e) {
    await fs.rm(tmp, { force: true });
    throw e;
  }
}

/**
 * Saves the result: the segmented sheet as CSV for a .csv/.tsv/.txt output, written as it is formatted; else
 * the whole workbook as .xlsx, through exceljs's streaming writer when it is large (saveWorkbookFile).
 * Either way into a temporary file first, renamed at the end.
 */
export async function saveOutput(workbook: HostWorkbook, file: string, sheet: string): Promise<void> {
  if (isCsvPath(file)) {
    await writeAtomically(file, workbook.csvChunks(sheet));
    return;
  }
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    await saveWorkbookFile(workbook, tmp);
    await fs.rename(tmp, file);
  } catch (e) {
    await fs.rm(tmp, { force: true });
    throw e;
  }
}
