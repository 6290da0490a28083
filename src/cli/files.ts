/** Node file handling for the CLI: load the input into the xlsx-host, write outputs atomically. */
import { promises as fs } from "node:fs";
import * as path from "node:path";
import { SegmentSheetError } from "../engine/errors";
import { HostFileError, HostOptions, HostWorkbook } from "../xlsx-host";

const CSV_EXT = new Set([".csv", ".tsv", ".txt"]);

export function isCsvPath(p: string): boolean {
  return CSV_EXT.has(path.extname(p).toLowerCase());
}

export async function loadWorkbook(file: string, options: HostOptions): Promise<HostWorkbook> {
  let bytes: Uint8Array;
  try {
    bytes = await fs.readFile(file);
  } catch {
    throw new SegmentSheetError({ code: "FILE_NOT_FOUND", params: { file } });
  }
  try {
    if (isCsvPath(file))
      return HostWorkbook.fromCsv(bytes, path.basename(file, path.extname(file)).slice(0, 31), options);
    return await HostWorkbook.fromXlsx(bytes, options);
  } catch (e) {
    if (e instanceof HostFileError) throw new SegmentSheetError({ code: "NOT_A_WORKBOOK", params: { file } });
    throw e;
  }
}

/** Default output: <name>.segmented.xlsx beside the input. */
export function defaultOutput(input: string): string {
  const dir = path.dirname(input);
  return path.join(dir, `${path.basename(input, path.extname(input))}.segmented.xlsx`);
}

/** Writes to a temporary file in the same folder, then renames it: a reader never sees half a file. */
export async function writeAtomically(file: string, data: Uint8Array | string): Promise<void> {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    await fs.writeFile(tmp, data);
    await fs.rename(tmp, file);
  } catch (e) {
    await fs.rm(tmp, { force: true });
    throw e;
  }
}
