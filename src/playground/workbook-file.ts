/** The playground's workbook as bytes: the sample from this origin in, a .xlsx download out. */
import { HostWorkbook } from "../xlsx-host";

/** Served by the dev server / dist next to playground.html (copied from assets/). */
export const SAMPLE_URL = "assets/sample-customers.xlsx";
const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export async function loadSampleWorkbook(): Promise<HostWorkbook> {
  const response = await fetch(SAMPLE_URL);
  if (!response.ok) throw new Error(`${SAMPLE_URL}: HTTP ${response.status}`);
  return HostWorkbook.fromXlsx(new Uint8Array(await response.arrayBuffer()));
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
