/** Node-only helpers (file system). Keep Node APIs out of the other xlsx-host files. */
import { readFile, writeFile } from "node:fs/promises";
import { extname } from "node:path";
import { HostWorkbook } from "./index";
import type { HostOptions } from "./context";

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
  return HostWorkbook.fromXlsx(bytes, options);
}

export async function saveWorkbookFile(host: HostWorkbook, path: string): Promise<void> {
  await writeFile(path, await host.toXlsx());
}
