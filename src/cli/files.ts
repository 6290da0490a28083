/** Node file handling for the CLI: load the input into the xlsx-host, write outputs atomically. */
import { createWriteStream, promises as fs } from "node:fs";
import { once } from "node:events";
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

/** Writes text pieces to a file as they come (UTF-8), waiting when the disk is behind. */
async function writePieces(file: string, pieces: Iterable<string | Uint8Array>): Promise<void> {
  const out = createWriteStream(file);
  const failed = new Promise<never>((_, reject) => out.once("error", reject));
  failed.catch(() => undefined); // handled where it is raced; never unhandled
  for (const piece of pieces) {
    if (!out.write(piece)) await Promise.race([once(out, "drain"), failed]);
  }
  out.end();
  await Promise.race([once(out, "finish"), failed]);
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
