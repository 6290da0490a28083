/** Test helpers: real .xlsx bytes made with exceljs, and error assertions. */
import ExcelJS from "exceljs";
import { HostWorkbook, HostOptions } from "../../src/xlsx-host";
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

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(b: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < b.length; i++) c = CRC_TABLE[(c ^ b[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** Rewrites a zip, letting `edit` change the text of entries (all entries stored uncompressed). */
export async function rezip(bytes: Uint8Array, edit: (name: string, text: string) => string): Promise<Uint8Array> {
  const entries = listZip(bytes);
  if (!entries) throw new Error("not a zip");
  const enc = new TextEncoder();
  const dec = new TextDecoder();
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const e of entries) {
    let data = await readZipEntry(bytes, e);
    if (e.name.endsWith(".xml") || e.name.endsWith(".rels")) data = enc.encode(edit(e.name, dec.decode(data)));
    const name = enc.encode(e.name);
    const crc = crc32(data);
    const local = new Uint8Array(30 + name.length + data.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint16(4, 20, true);
    lv.setUint32(14, crc, true);
    lv.setUint32(18, data.length, true);
    lv.setUint32(22, data.length, true);
    lv.setUint16(26, name.length, true);
    local.set(name, 30);
    local.set(data, 30 + name.length);
    const central = new Uint8Array(46 + name.length);
    const cv = new DataView(central.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint16(4, 20, true);
    cv.setUint16(6, 20, true);
    cv.setUint32(16, crc, true);
    cv.setUint32(20, data.length, true);
    cv.setUint32(24, data.length, true);
    cv.setUint16(28, name.length, true);
    cv.setUint32(42, offset, true);
    central.set(name, 46);
    locals.push(local);
    centrals.push(central);
    offset += local.length;
  }
  const cdSize = centrals.reduce((n, c) => n + c.length, 0);
  const eocd = new Uint8Array(22);
  const ev = new DataView(eocd.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, entries.length, true);
  ev.setUint16(10, entries.length, true);
  ev.setUint32(12, cdSize, true);
  ev.setUint32(16, offset, true);
  const out = new Uint8Array(offset + cdSize + 22);
  let p = 0;
  for (const l of locals) {
    out.set(l, p);
    p += l.length;
  }
  for (const c of centrals) {
    out.set(c, p);
    p += c.length;
  }
  out.set(eocd, p);
  return out;
}
