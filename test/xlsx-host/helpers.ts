/** Test helpers: real .xlsx bytes made with exceljs, and error assertions. */
import ExcelJS from "exceljs";
import { HostWorkbook, HostOptions } from "../../src/xlsx-host";
import { concat, crc32Update, zipPieces, type OutEntry } from "../../src/xlsx-host/package/zip-io";
import { listZip, readZipEntry } from "../../src/xlsx-host/zip";

export async function makeXlsx(build: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

export async function openXlsx(build: (wb: ExcelJS.Workbook) => void, options?: HostOptions): Promise<HostWorkbook> {
  return HostWorkbook.fromXlsx(await makeXlsx(build), options);
}

/** Reads bytes back with exceljs (independent of the host). */
export async function readBack(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return wb;
}

export interface RichApiLike {
  name: string;
  code: string;
  message: string;
  debugInfo: { code: string; message: string; errorLocation?: string };
}

/** Awaits a rejection and returns the error. */
export async function rejection(p: Promise<unknown>): Promise<RichApiLike> {
  try {
    await p;
  } catch (e) {
    return e as RichApiLike;
  }
  throw new Error("expected a rejection");
}

/** Returns what `f` throws synchronously. */
export function thrown(f: () => unknown): RichApiLike {
  try {
    f();
  } catch (e) {
    return e as RichApiLike;
  }
  throw new Error("expected a throw");
}

// ---- zip rewriting (stored entries), to make files shaped like Excel's own -----------------

/** Rewrites a zip, letting `edit` change the text of entries (all entries stored uncompressed). */
export async function rezip(bytes: Uint8Array, edit: (name: string, text: string) => string): Promise<Uint8Array> {
  const entries = listZip(bytes);
  if (!entries) throw new Error("not a zip");
  const enc = new TextEncoder();
  const dec = new TextDecoder();
  const out: OutEntry[] = [];
  for (const e of entries) {
    let data = await readZipEntry(bytes, e);
    if (e.name.endsWith(".xml") || e.name.endsWith(".rels")) data = enc.encode(edit(e.name, dec.decode(data)));
    out.push({ name: e.name, method: 0, crc: crc32Update(0, data), size: data.length, data: [data] });
  }
  return concat(zipPieces(out));
}
