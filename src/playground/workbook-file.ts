/**
 * The playground's workbook as bytes: the sample from this origin or a file from the user's disk in
 * (.xlsx, or .csv in any of the encodings HostWorkbook.fromCsv detects), a .xlsx download out.
 * Nothing is sent anywhere: files are read with the File API and saved through a blob: URL.
 */
import { HostFileError, HostWorkbook } from "../xlsx-host";

/** Served by the dev server / dist next to playground.html (copied from assets/). */
export const SAMPLE_URL = "assets/sample-customers.xlsx";
export const SAMPLE_NAME = "sample-customers.xlsx";
const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export async function loadSampleWorkbook(): Promise<HostWorkbook> {
  const response = await fetch(SAMPLE_URL);
  if (!response.ok) throw new Error(`${SAMPLE_URL}: HTTP ${response.status}`);
  return HostWorkbook.fromXlsx(new Uint8Array(await response.arrayBuffer()));
}

/** A valid sheet name made from a file name: "客户 2024.csv" → "客户 2024". */
export function sheetNameFor(fileName: string): string {
  const base = fileName.replace(/\.[^./\\]*$/, "");
  const cleaned = base
    .replace(/[[\]:*?/\\]/g, "_")
    .replace(/^'+|'+$/g, "")
    .trim()
    .slice(0, 31)
    .trim();
  return cleaned === "" || cleaned.toLowerCase() === "history" ? "Sheet1" : cleaned;
}

export const isCsvName = (name: string) => /\.(csv|txt|tsv)$/i.test(name);

/** Opens bytes by their file name: CSV text, else an .xlsx workbook. Throws HostFileError NOT_A_WORKBOOK. */
export async function openWorkbookBytes(name: string, bytes: Uint8Array): Promise<HostWorkbook> {
  if (isCsvName(name)) return HostWorkbook.fromCsv(bytes, sheetNameFor(name));
  return HostWorkbook.fromXlsx(bytes);
}

export async function openWorkbookFile(file: File): Promise<HostWorkbook> {
  return openWorkbookBytes(file.name, new Uint8Array(await file.arrayBuffer()));
}

export const isNotAWorkbook = (e: unknown) => e instanceof HostFileError && e.code === "NOT_A_WORKBOOK";

/** "客户.csv" → "客户.segmented.xlsx". */
export function downloadNameFor(fileName: string): string {
  return `${fileName.replace(/\.[^./\\]*$/, "") || "workbook"}.segmented.xlsx`;
}

export async function downloadXlsx(workbook: HostWorkbook, fileName: string): Promise<void> {
  const bytes = await workbook.toXlsx();
  const url = URL.createObjectURL(new Blob([bytes.slice()], { type: XLSX_MIME }));
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // The click starts the download; the URL must outlive it.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
